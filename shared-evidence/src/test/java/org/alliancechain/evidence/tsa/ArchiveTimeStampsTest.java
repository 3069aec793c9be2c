package org.alliancechain.evidence.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pki.DevPki;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.ers.ERSByteData;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.alliancechain.testsupport.TestTools;

/** Many digests under one token (RFC 4998), checked by BouncyCastle's own ERS validator and by openssl. */
class ArchiveTimeStampsTest {

    private static final DevPki PKI = DevPki.inMemory("http://127.0.0.1:1/pki/root.crl");
    private static final TimeStampAuthority TSA = new TimeStampAuthority(PKI.timeStampingIdentity());

    private static List<byte[]> records(int n, String tag) {
        var records = new ArrayList<byte[]>();
        for (int i = 0; i < n; i++) {
            records.add(("{\"record\":" + i + ",\"tag\":\"" + tag + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return records;
    }

    @Test
    void everyRecordOfABatchIsCoveredAndBouncyCastlesErsValidatorAgrees() throws Exception {
        var stamps = new ArchiveTimeStamps(TSA);
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        byte[] outsider = "{\"record\":\"not in any batch\"}".getBytes(StandardCharsets.UTF_8);
        for (int n : new int[] {1, 2, 3, 5, 8, 13, 100}) {
            var records = records(n, "n" + n);
            var hashes = records.stream().map(HashAlgorithm.SHA256::digest).toList();
            var result = stamps.stampAll(HashAlgorithm.SHA256, hashes);
            assertThat(result).hasSize(n);
            for (int i = 0; i < n; i++) {
                byte[] stamp = result.get(i);
                assertThat(ArchiveTimeStamps.isEvidenceRecord(stamp)).as("n=%d", n).isEqualTo(n > 1);
                assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, stamp, hashes.get(i))).as("n=%d i=%d", n, i).isTrue();
                // A record stamped in another batch is not covered (its siblings in the first list are: they were stamped with it).
                assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, stamp, HashAlgorithm.SHA256.digest(outsider))).as("n=%d i=%d", n, i)
                        .isFalse();
                ArchiveTimeStamps.token(stamp).validate(new JcaSimpleSignerInfoVerifierBuilder().build(PKI.timeStampingIdentity().certificate()));
                if (n > 1) {
                    // An implementation we did not write reads our evidence record against the record's bytes.
                    var ers = new ERSEvidenceRecord(stamp, digests);
                    ers.validatePresent(new ERSByteData(records.get(i)), new Date());
                    assertThat(ers.isContaining(new ERSByteData(outsider), new Date())).isFalse();
                    assertThat(ers.getPrimaryRootHash()).isEqualTo(ArchiveTimeStamps.expectedImprint(HashAlgorithm.SHA256, stamp, hashes.get(i)));
                }
            }
            // One token for the whole batch.
            assertThat(result.stream().map(s -> HexFormat.of().formatHex(ArchiveTimeStamps.token(s).getTimeStampInfo().getSerialNumber().toByteArray()))
                    .distinct()).hasSize(1);
        }
    }

    @Test
    void ourEvidenceRecordBytesAreBouncyCastlesEncodingOfTheSameStructure() throws Exception {
        for (int n : new int[] {2, 3, 5, 6, 7, 64, 1000}) {
            var hashes = records(n, "der" + n).stream().map(HashAlgorithm.SHA256::digest).toList();
            var tree = new ArchiveTimeStamps.Tree(HashAlgorithm.SHA256, hashes);
            byte[] token = TSA.timestamp(HashAlgorithm.SHA256, tree.root());
            var encoder = new ArchiveTimeStamps.RecordEncoder(HashAlgorithm.SHA256, token);
            for (int i = 0; i < n; i++) {
                byte[][][] path = tree.reducedTree(i);
                var lists = new PartialHashtree[path.length];
                for (int l = 0; l < lists.length; l++) {
                    lists[l] = new PartialHashtree(path[l]);
                }
                byte[] bouncyCastle = new EvidenceRecord(null, null, new ArchiveTimeStamp(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                        lists, ContentInfo.getInstance(token))).getEncoded(ASN1Encoding.DER);
                assertThat(encoder.encode(path)).as("n=%d i=%d", n, i).isEqualTo(bouncyCastle);
            }
        }
    }

    @Test
    void aBatchsRecordsEndWithTheirOneTokenWhichAStoreMayKeepOnce() throws Exception {
        var stamps = new ArchiveTimeStamps(TSA);
        var hashes = records(37, "offset").stream().map(HashAlgorithm.SHA256::digest).toList();
        var batch = stamps.stampAll(HashAlgorithm.SHA256, hashes);
        byte[] token = null;
        for (int i = 0; i < batch.size(); i++) {
            byte[] stamp = batch.get(i);
            int offset = ArchiveTimeStamps.tokenOffset(stamp);
            assertThat(offset).isPositive();
            byte[] suffix = java.util.Arrays.copyOfRange(stamp, offset, stamp.length);
            if (token == null) {
                token = suffix;
            }
            assertThat(suffix).as("record %d", i).isEqualTo(token);
            assertThat(suffix).isEqualTo(ArchiveTimeStamps.tokenBytes(stamp));
            // joined again, the record is what it was: still covers its digest
            byte[] joined = java.util.Arrays.copyOf(stamp, offset + token.length);
            System.arraycopy(token, 0, joined, offset, token.length);
            assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, joined, hashes.get(i))).isTrue();
        }
        // a plain token, a record whose token is not last or that was renewed, and broken bytes: none
        byte[] plain = stamps.stampAll(HashAlgorithm.SHA256, hashes.subList(0, 1)).getFirst();
        assertThat(ArchiveTimeStamps.tokenOffset(plain)).isEqualTo(-1);
        byte[] first = batch.getFirst();
        assertThat(ArchiveTimeStamps.tokenOffset(java.util.Arrays.copyOf(first, first.length - 1))).isEqualTo(-1);
        assertThat(ArchiveTimeStamps.tokenOffset(java.util.Arrays.copyOf(first, first.length + 1))).isEqualTo(-1);
        var archive = EvidenceRecord.getInstance(first).getArchiveTimeStampSequence().getArchiveTimeStampChains()[0]
                .getArchiveTimestamps()[0];
        var renewed = new EvidenceRecord(null, null, archive).addArchiveTimeStamp(archive, true);
        assertThat(ArchiveTimeStamps.tokenOffset(renewed.getEncoded(ASN1Encoding.DER))).as("two chains").isEqualTo(-1);
        var twice = new EvidenceRecord(null, null, archive).addArchiveTimeStamp(archive, false);
        assertThat(ArchiveTimeStamps.tokenOffset(twice.getEncoded(ASN1Encoding.DER))).as("a renewed chain").isEqualTo(-1);
    }

    @Test
    void aStampSaysWhichItIsFromItsFirstTags() {
        assertThat(ArchiveTimeStamps.isEvidenceRecord(null)).isFalse();
        assertThat(ArchiveTimeStamps.isEvidenceRecord(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})).isTrue();
        assertThat(ArchiveTimeStamps.isEvidenceRecord(new byte[] {0x30, (byte) 0x82, 0x10, 0x00, 0x02, 0x01, 0x01})).isTrue();
        assertThat(ArchiveTimeStamps.isEvidenceRecord(new byte[] {0x30, (byte) 0x82, 0x10, 0x00, 0x06, 0x09})).isFalse();
        assertThat(ArchiveTimeStamps.isEvidenceRecord(new byte[] {0x04, 0x03, 0x02, 0x01, 0x01})).isFalse();
        assertThat(ArchiveTimeStamps.isEvidenceRecord(new byte[] {0x30, (byte) 0x84})).isFalse();
    }

    @Test
    void aChangedPathOrAnotherRecordIsNotCovered() throws Exception {
        var hashes = records(6, "tamper").stream().map(HashAlgorithm.SHA256::digest).toList();
        byte[] stamp = new ArchiveTimeStamps(TSA).stampAll(HashAlgorithm.SHA256, hashes).get(2);
        assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, stamp, hashes.get(2))).isTrue();
        // Flip one byte of the sibling in the first list: the root no longer matches the token.
        byte[] sibling = hashes.get(3);
        byte[] tampered = stamp.clone();
        int at = indexOf(tampered, sibling);
        assertThat(at).isPositive();
        tampered[at + 5] ^= 1;
        assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, tampered, hashes.get(2))).isFalse();
        assertThatThrownBy(() -> ArchiveTimeStamps.expectedImprint(HashAlgorithm.SHA256, stamp, HashAlgorithm.SHA256.digest(new byte[] {1})))
                .hasMessageContaining("does not hold the digest");
        assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SM3, stamp, hashes.get(2))).isFalse();
    }

    @Test
    void concurrentSingleRequestsShareATokenAndEachGetsItsOwnProof() throws Exception {
        var calls = new AtomicInteger();
        var inside = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        TimeStamper slowFirst = (algorithm, digest) -> {
            if (calls.incrementAndGet() == 1) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return TSA.timestamp(algorithm, digest);
        };
        var stamps = new ArchiveTimeStamps(slowFirst);
        var hashes = records(16, "concurrent").stream().map(HashAlgorithm.SHA256::digest).toList();
        try (var pool = Executors.newFixedThreadPool(16)) {
            Future<byte[]> first = pool.submit(() -> stamps.stamp(HashAlgorithm.SHA256, hashes.getFirst()));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            var rest = new ArrayList<Future<byte[]>>();
            var started = new CountDownLatch(15);
            for (int i = 1; i < 16; i++) {
                int index = i;
                rest.add(pool.submit(() -> {
                    started.countDown();
                    return stamps.stamp(HashAlgorithm.SHA256, hashes.get(index));
                }));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200); // the fifteen are queued behind the first stamp
            release.countDown();
            assertThat(ArchiveTimeStamps.isEvidenceRecord(first.get())).isFalse();
            assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, first.get(), hashes.getFirst())).isTrue();
            var tokens = ConcurrentHashMap.<String>newKeySet();
            for (int i = 1; i < 16; i++) {
                byte[] stamp = rest.get(i - 1).get(10, TimeUnit.SECONDS);
                assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, stamp, hashes.get(i))).as("request %d", i).isTrue();
                tokens.add(ArchiveTimeStamps.token(stamp).getTimeStampInfo().getSerialNumber().toString());
            }
            assertThat(calls.get()).as("one token for the first request, one for the fifteen that waited").isEqualTo(2);
            assertThat(tokens).hasSize(1);
        }
    }

    @Test
    void manyThreadsStampingInLoopsEachGetTheirOwnProofAndShareTokens() throws Exception {
        var calls = new AtomicInteger();
        var stamps = new ArchiveTimeStamps((algorithm, digest) -> {
            calls.incrementAndGet();
            return TSA.timestamp(algorithm, digest);
        });
        int threads = 12;
        int each = 40;
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var results = new ArrayList<Future<Integer>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int covered = 0;
                    for (int i = 0; i < each; i++) {
                        byte[] digest = HashAlgorithm.SHA256.digest(("thread " + thread + " record " + i).getBytes(StandardCharsets.UTF_8));
                        if (ArchiveTimeStamps.covers(HashAlgorithm.SHA256, stamps.stamp(HashAlgorithm.SHA256, digest), digest)) {
                            covered++;
                        }
                    }
                    return covered;
                }));
            }
            for (var result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(each);
            }
        }
        // every request answered with a proof of its own digest, in fewer tokens than requests (turns were handed on)
        assertThat(calls.get()).isLessThan(threads * each);
    }

    @Test
    void aFailingAuthorityFailsEveryRequestOfTheBatch() {
        var stamps = new ArchiveTimeStamps((algorithm, digest) -> {
            throw new TimeStampException("the authority is down");
        });
        assertThatThrownBy(() -> stamps.stamp(HashAlgorithm.SHA256, new byte[32])).isInstanceOf(TimeStampException.class)
                .hasMessageContaining("the authority is down");
        assertThatThrownBy(() -> stamps.stampAll(HashAlgorithm.SHA256, List.of(new byte[32], new byte[32])))
                .isInstanceOf(TimeStampException.class);
    }

    @Test
    void opensslVerifiesTheSharedTokenOverTheRootTheProofLeadsTo(@TempDir Path dir) throws Exception {
        TestTools.assume(TestTools.OPENSSL, "the independent openssl check");
        var hashes = records(7, "openssl").stream().map(HashAlgorithm.SHA256::digest).toList();
        byte[] stamp = new ArchiveTimeStamps(TSA).stampAll(HashAlgorithm.SHA256, hashes).get(6);
        Files.write(dir.resolve("token.tsr"), ArchiveTimeStamps.token(stamp).getEncoded());
        Files.writeString(dir.resolve("tsa-root.pem"), org.alliancechain.evidence.pki.Pem.certificate(PKI.tsaRootCertificate()));
        String root = HexFormat.of().formatHex(ArchiveTimeStamps.expectedImprint(HashAlgorithm.SHA256, stamp, hashes.get(6)));
        assertThat(TimeStampAuthorityTest.openssl(dir, "ts", "-verify", "-digest", root, "-in", "token.tsr", "-token_in", "-CAfile", "tsa-root.pem"))
                .contains("Verification: OK");
        assertThat(TimeStampAuthorityTest.opensslStatus(dir, "ts", "-verify", "-digest", HexFormat.of().formatHex(hashes.get(6)), "-in", "token.tsr",
                "-token_in", "-CAfile", "tsa-root.pem")).isNotZero();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
