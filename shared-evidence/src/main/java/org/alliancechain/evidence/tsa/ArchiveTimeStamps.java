package org.alliancechain.evidence.tsa;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.alliancechain.evidence.Combiner;
import org.alliancechain.evidence.HashAlgorithm;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.ArchiveTimeStamp;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.tsp.PartialHashtree;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Many record digests under one RFC 3161 token, each with its own proof: an RFC 4998 evidence record
 * (ERS) whose archive time-stamp holds the reduced hash tree from the digest up to the root the token
 * stamps. One signature of the time-stamping authority then covers a whole request's records — or the
 * records of every request that asks at the same moment ({@link #stamp}) — instead of one each.
 *
 * <p>A stamp, as stored with a record, is either a plain RFC 3161 token over the record digest (a
 * digest stamped alone: exactly what {@link TimeStamper} gives) or the DER of an RFC 4998
 * {@code EvidenceRecord} (a digest stamped with others). Both are DER; an evidence record starts with
 * its version, an INTEGER, a token (CMS ContentInfo) with an OBJECT IDENTIFIER, so a stamp says
 * which it is. The tree is RFC 4998's: leaves are the digests, a node is the hash of its children's
 * values concatenated in ascending binary order, a node without a sibling goes up unchanged; the
 * first list of a reduced tree holds the digest and its sibling, each further list the sibling met
 * on the way up. Any RFC 4998 validator (BouncyCastle's {@code ERSEvidenceRecord}, EU DSS ≥ 6.1)
 * checks such a record against the record's bytes; {@link #covers} is ours.
 */
public final class ArchiveTimeStamps {

    private final TimeStamper stamper;
    private final Map<HashAlgorithm, Combiner<byte[], byte[]>> combiners = new EnumMap<>(HashAlgorithm.class);

    /**
     * Under load the thread about to stamp gathers for up to 2 ms (or 256 digests) first: without it a stamp rarely
     * overlapped the next request and batches stayed near one.
     */
    private static final Duration GATHER = Duration.ofMillis(2);
    private static final int MAX_GATHERED = 256;

    public ArchiveTimeStamps(TimeStamper stamper) {
        this.stamper = stamper;
        for (var algorithm : HashAlgorithm.values()) {
            combiners.put(algorithm, new Combiner<>(digests -> stampAll(algorithm, digests), GATHER, MAX_GATHERED));
        }
    }

    /**
     * One stamp per digest (same order), all under one token: the token itself for a single digest,
     * an evidence record for each of several.
     *
     * @throws TimeStampException when the authority cannot be reached or refuses
     */
    public List<byte[]> stampAll(HashAlgorithm algorithm, List<byte[]> digests) {
        if (digests.isEmpty()) {
            return List.of();
        }
        if (digests.size() == 1) {
            return List.of(stamper.timestamp(algorithm, digests.getFirst()));
        }
        var tree = new Tree(algorithm, digests);
        byte[] token = stamper.timestamp(algorithm, tree.root());
        var encoder = new RecordEncoder(algorithm, token);
        var stamps = new ArrayList<byte[]>(digests.size());
        for (int i = 0; i < digests.size(); i++) {
            stamps.add(encoder.encode(tree.reducedTree(i)));
        }
        return stamps;
    }

    /**
     * One digest's stamp, taken together with the digests other threads ask for at the same moment:
     * the first to ask stamps alone (no wait when the service is quiet); whoever asks while a stamp
     * is being made waits for it and is stamped, with all the others who came meanwhile, by the next.
     *
     * @throws TimeStampException when the authority cannot be reached or refuses
     */
    public byte[] stamp(HashAlgorithm algorithm, byte[] digest) {
        try {
            return combiners.get(algorithm).submit(digest);
        } catch (TimeStampException e) {
            // The batch's exception, thrown in every thread of it: each gets its own, with its own stack.
            throw new TimeStampException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new TimeStampException("cannot time-stamp: " + e.getMessage(), e);
        }
    }

    /** The RFC 3161 token of a stamp: the stamp itself, or the one in its evidence record. */
    public static TimeStampToken token(byte[] stamp) {
        try {
            return isEvidenceRecord(stamp) ? new TimeStampToken(archiveTimeStamp(stamp).getTimeStamp()) : new TimeStampToken(new CMSSignedData(stamp));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a time-stamp token nor an RFC 4998 evidence record: " + e.getMessage(), e);
        }
    }

    /** The token of a stamp, DER-encoded (what certificates and packages embed as {@code timestamp.tsr}). */
    public static byte[] tokenBytes(byte[] stamp) {
        try {
            return token(stamp).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the time-stamp token: " + e.getMessage(), e);
        }
    }

    /**
     * Where the RFC 3161 token inside an evidence record starts, when the record ends with it — as every record
     * {@link #stampAll} writes does: the token is the last element of the one archive time-stamp, itself the last (and
     * only) element of each sequence around it. The record is then its bytes before that offset followed by the token,
     * the same token for every record of one batch, which a store may keep once and join again. {@code -1} for a plain
     * token or an evidence record laid out otherwise (renewed, or holding more than one chain).
     */
    public static int tokenOffset(byte[] stamp) {
        if (!isEvidenceRecord(stamp)) {
            return -1;
        }
        try {
            var record = Der.Element.at(stamp, 0);
            var sequence = record.first().next().next(); // after version and digestAlgorithms
            if (record.end() != stamp.length || sequence.tag() != 0x30 || !sequence.last(record)) {
                return -1;
            }
            var chain = sequence.first();
            if (chain.tag() != 0x30 || !chain.last(sequence)) {
                return -1;
            }
            var archive = chain.first();
            if (archive.tag() != 0x30 || !archive.last(chain)) {
                return -1;
            }
            var element = archive.first();
            while (!element.last(archive)) {
                if ((element.tag() & 0xE0) != 0xA0) { // [0] digestAlgorithm, [1] attributes, [2] reducedHashtree
                    return -1;
                }
                element = element.next();
            }
            return element.tag() == 0x30 && element.end() == stamp.length ? element.start() : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** The one archive time-stamp of an evidence record of ours (no renewals). */
    private static ArchiveTimeStamp archiveTimeStamp(byte[] evidenceRecord) {
        try {
            var chains = EvidenceRecord.getInstance(evidenceRecord).getArchiveTimeStampSequence().getArchiveTimeStampChains();
            if (chains.length != 1 || chains[0].getArchiveTimestamps().length != 1) {
                throw new IllegalArgumentException("the evidence record holds renewed time-stamps, which this suite does not make");
            }
            return chains[0].getArchiveTimestamps()[0];
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not an RFC 4998 evidence record: " + e.getMessage(), e);
        }
    }

    /** Whether a stamp is an RFC 4998 evidence record (else it is a plain RFC 3161 token). */
    public static boolean isEvidenceRecord(byte[] stamp) {
        // Read the tags, not the whole structure: SEQUENCE, its length, then the first element's tag.
        if (stamp == null || stamp.length < 4 || stamp[0] != 0x30) {
            return false;
        }
        int lengthByte = stamp[1] & 0xff;
        int first = lengthByte <= 0x80 ? 2 : 2 + (lengthByte & 0x7f); // short form or indefinite: content follows
        return first < stamp.length && stamp[first] == 0x02;
    }

    /**
     * What a stamp's token must stamp for it to cover {@code digest}: the digest itself for a plain
     * token, the root its reduced hash tree leads to for an evidence record.
     *
     * @throws IllegalArgumentException when the evidence record's tree does not hold the digest, or the stamp is neither
     */
    public static byte[] expectedImprint(HashAlgorithm algorithm, byte[] stamp, byte[] digest) {
        if (!isEvidenceRecord(stamp)) {
            return digest;
        }
        ArchiveTimeStamp archive = archiveTimeStamp(stamp);
        var algorithmId = archive.getDigestAlgorithm();
        if (algorithmId != null && !algorithmId.getAlgorithm().equals(TimeStampAuthority.oid(algorithm))) {
            throw new IllegalArgumentException("the evidence record hashes with " + algorithmId.getAlgorithm() + ", not " + algorithm.id());
        }
        PartialHashtree[] lists = archive.getReducedHashTree();
        if (lists == null || lists.length == 0) {
            return digest;
        }
        if (!lists[0].containsHash(digest)) {
            throw new IllegalArgumentException("the evidence record's hash tree does not hold the digest " + HexFormat.of().formatHex(digest));
        }
        byte[] node = node(algorithm, Arrays.asList(lists[0].getValues()));
        for (int i = 1; i < lists.length; i++) {
            var values = new ArrayList<>(Arrays.asList(lists[i].getValues()));
            values.add(node);
            node = node(algorithm, values);
        }
        return node;
    }

    /** Whether {@code stamp}'s token stamps {@code digest} (directly, or through its evidence record's tree). */
    public static boolean covers(HashAlgorithm algorithm, byte[] stamp, byte[] digest) {
        try {
            return Arrays.equals(expectedImprint(algorithm, stamp, digest), token(stamp).getTimeStampInfo().getMessageImprintDigest());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** RFC 4998 §4.2: the hash of the values concatenated in ascending binary order; a single value is itself. */
    static byte[] node(HashAlgorithm algorithm, List<byte[]> values) {
        if (values.size() == 1) {
            return values.getFirst();
        }
        var sorted = new ArrayList<>(values);
        sorted.sort(Arrays::compareUnsigned);
        int length = 0;
        for (var value : sorted) {
            length += value.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (var value : sorted) {
            System.arraycopy(value, 0, joined, at, value.length);
            at += value.length;
        }
        return algorithm.digest(joined);
    }

    /**
     * Writes an evidence record's DER directly: the token is the same for every digest of a batch and
     * is copied, not parsed and re-encoded (encoding through the ASN.1 objects was 40 % of a bulk
     * request). Layout (RFC 4998, implicit tags): EvidenceRecord SEQUENCE { version INTEGER 1,
     * digestAlgorithms SEQUENCE { AlgorithmIdentifier }, ArchiveTimeStampSequence SEQUENCE {
     * ArchiveTimeStampChain SEQUENCE { ArchiveTimeStamp SEQUENCE { [0] AlgorithmIdentifier,
     * [2] SEQUENCE OF PartialHashtree, ContentInfo } } } }; tested equal to BouncyCastle's encoding.
     */
    static final class RecordEncoder {
        private final byte[] algorithmIdentifier;
        private final byte[] taggedAlgorithm;
        private final byte[] token;

        RecordEncoder(HashAlgorithm algorithm, byte[] token) {
            try {
                this.algorithmIdentifier = new AlgorithmIdentifier(TimeStampAuthority.oid(algorithm)).getEncoded(ASN1Encoding.DER);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            // [0] IMPLICIT: the SEQUENCE tag becomes context-specific 0, constructed.
            this.taggedAlgorithm = algorithmIdentifier.clone();
            taggedAlgorithm[0] = (byte) 0xA0;
            this.token = token;
        }

        byte[] encode(byte[][][] reducedTree) {
            int listsLength = 0;
            int[] listLengths = new int[reducedTree.length];
            for (int i = 0; i < reducedTree.length; i++) {
                int content = 0;
                for (byte[] value : reducedTree[i]) {
                    content += Der.element(value.length);
                }
                listLengths[i] = content;
                listsLength += Der.element(content);
            }
            int archiveContent = taggedAlgorithm.length + Der.element(listsLength) + token.length;
            int archive = Der.element(archiveContent);
            int chain = Der.element(archive);
            int sequence = Der.element(chain);
            int algorithms = Der.element(algorithmIdentifier.length);
            int recordContent = 3 + algorithms + sequence;
            var out = new Der(Der.element(recordContent));
            out.header(0x30, recordContent);
            out.bytes(new byte[] {0x02, 0x01, 0x01});
            out.header(0x30, algorithmIdentifier.length).bytes(algorithmIdentifier);
            out.header(0x30, chain);
            out.header(0x30, archive);
            out.header(0x30, archiveContent);
            out.bytes(taggedAlgorithm);
            out.header(0xA2, listsLength);
            for (int i = 0; i < reducedTree.length; i++) {
                out.header(0x30, listLengths[i]);
                for (byte[] value : reducedTree[i]) {
                    out.header(0x04, value.length).bytes(value);
                }
            }
            out.bytes(token);
            return out.done();
        }
    }

    /** A binary hash tree over the digests, level by level, leaves first. */
    static final class Tree {
        private final List<byte[][]> levels = new ArrayList<>();

        Tree(HashAlgorithm algorithm, List<byte[]> digests) {
            byte[][] level = digests.toArray(byte[][]::new);
            levels.add(level);
            while (level.length > 1) {
                byte[][] up = new byte[(level.length + 1) / 2][];
                for (int i = 0; i < up.length; i++) {
                    up[i] = 2 * i + 1 < level.length ? node(algorithm, List.of(level[2 * i], level[2 * i + 1])) : level[2 * i];
                }
                levels.add(up);
                level = up;
            }
        }

        byte[] root() {
            return levels.getLast()[0];
        }

        /**
         * The reduced hash tree of leaf {@code index}: the leaf with its first sibling (a last leaf
         * without one goes up unchanged until it meets one, so no list holds a lone value whose hash
         * validators might read differently), then each sibling on the way up.
         */
        byte[][][] reducedTree(int index) {
            var lists = new ArrayList<byte[][]>(levels.size());
            int at = index;
            int l = 0;
            while ((at ^ 1) >= levels.get(l).length) {
                at >>= 1;
                l++;
            }
            lists.add(new byte[][] {levels.getFirst()[index], levels.get(l)[at ^ 1]});
            at >>= 1;
            for (l++; l < levels.size() - 1; l++) {
                byte[][] level = levels.get(l);
                int other = at ^ 1;
                if (other < level.length) {
                    lists.add(new byte[][] {level[other]});
                }
                at >>= 1;
            }
            return lists.toArray(byte[][][]::new);
        }
    }
}
