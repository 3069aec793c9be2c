package org.alliancechain.evidence.bench;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.evidence.verify.VerificationReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ./bench evidence — signed PAdES B-T certificates per second (render + sign + time-stamp) and
 * verifications per second (chain look-ups cached per root), on as many threads as cores; in the
 * same run, EU DSS's PAdESService signing the same unsigned certificates at B-T with the same key
 * and the same in-process TSA. Tests never fail on timing: this prints figures, it asserts
 * correctness only.
 */
@Tag("benchmark")
class EvidenceBenchmark {

    private static final int COUNT = Integer.getInteger("bench.certificates", 2_000);
    /**
     * Operations run before each measurement. The JIT compiles BouncyCastle's, iText's and our code for a
     * while: with a few hundred, its compiler threads still took a third of the CPU during the measured
     * phase (JFR, -Dbench.jfr=DIR), so the figures were of a JVM still warming up, not of a running service.
     */
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 3_000);
    private static final int THREADS = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
    /**
     * Each measured phase runs this many rounds of COUNT operations and reports the median round (every round is
     * printed): on this kind of machine one 2-second round varied by ±20 % from run to run, EU DSS's as much as ours.
     */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @Test
    void evidence() throws Exception {
        // 64 distinct anchored records (one batch), reused round-robin: anchoring is the chain benchmark's subject.
        List<EvidenceCertificate> certificates = new ArrayList<>();
        var records = new ArrayList<org.alliancechain.evidence.pdf.EvidenceRecord>();
        for (int i = 0; i < 64; i++) {
            records.add(EvidenceFixture.record("证据 " + i + " evidence item", EvidenceFixture.someFile()));
        }
        certificates.addAll(EvidenceFixture.anchored(records, HashAlgorithm.SHA256));
        var issuer = EvidenceFixture.issuer();
        var verifier = EvidenceFixture.verifier();

        // Warm-up: JIT, font subsetting paths, caches.
        byte[][] signed = new byte[COUNT][];
        run("warm-up", WARM_UP, i -> signed[i % COUNT] = EvidenceFixture.sign(certificates.get(i % 64), PadesSigner.Level.B_T));
        run("warm-up", WARM_UP, i -> verifier.verify(signed[i % Math.min(COUNT, WARM_UP)], null));

        var signRecording = profile("sign");
        var signing = measure("ours: render + sign B-T", i -> signed[i] = EvidenceFixture.sign(certificates.get(i % 64), PadesSigner.Level.B_T));
        stop(signRecording);
        var recording = profile("verify");
        var verifying = measure("ours: verify", i -> {
            var report = verifier.verify(signed[i], null);
            if (report.verdict() != VerificationReport.Verdict.VALID) {
                throw new IllegalStateException("benchmark certificate not valid:\n" + report.toText());
            }
        });

        stop(recording);
        byte[][] unsigned = new byte[64][];
        for (int i = 0; i < 64; i++) {
            unsigned[i] = EvidenceFixture.RENDERER.render(certificates.get(i));
        }
        var dss = new DssSigner(issuer);
        run("warm-up", WARM_UP / 4, i -> dss.sign(unsigned[i % 64]));
        run("warm-up", WARM_UP, i -> EvidenceFixture.SIGNER.sign(unsigned[i % 64], issuer, PadesSigner.Level.B_T, "Evidence certificate", "Hangzhou"));
        var dssSigning = measure("EU DSS PAdESService: sign B-T", i -> dss.sign(unsigned[i % 64]));
        var oursSigningOnly = measure("ours: sign B-T only",
                i -> EvidenceFixture.SIGNER.sign(unsigned[i % 64], issuer, PadesSigner.Level.B_T, "Evidence certificate", "Hangzhou"));

        System.out.println(result("evidence.sign", signing, "signed B-T certificates/s", dssSigning));
        System.out.println(result("evidence.sign-only", oursSigningOnly, "B-T signatures/s", dssSigning));
        System.out.println(result("evidence.dss-sign", dssSigning, "B-T signatures/s", dssSigning));
        System.out.println(result("evidence.verify", verifying, "verifications/s", null));
        System.out.printf(Locale.ROOT, "RESULT {\"name\":\"evidence\",\"value\":%.1f,\"unit\":\"signed B-T certificates/s\",\"baseline\":%.1f,"
                        + "\"baseline_name\":\"EU DSS PAdESService sign B-T\",\"ratio\":%.2f,\"verifications_per_s\":%.1f,\"threads\":%d}%n",
                signing.perSecond(), dssSigning.perSecond(), signing.perSecond() / dssSigning.perSecond(), verifying.perSecond(), THREADS);
    }

    /** With -Dbench.jfr=DIR, a JFR recording (profile settings) of the phase, written to DIR/evidence-PHASE.jfr. */
    private static jdk.jfr.Recording profile(String phase) throws Exception {
        String dir = System.getProperty("bench.jfr");
        if (dir == null) {
            return null;
        }
        var recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.setDestination(java.nio.file.Path.of(dir, "evidence-" + phase + ".jfr"));
        recording.start();
        return recording;
    }

    private static void stop(jdk.jfr.Recording recording) {
        if (recording != null) {
            recording.stop();
            recording.close();
        }
    }

    record Figures(String name, int count, long nanos, long[] millis) {
        double perSecond() {
            return count / (nanos / 1e9);
        }

        long percentile(double p) {
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    private static String result(String name, Figures f, String unit, Figures baseline) {
        return String.format(Locale.ROOT, "RESULT {\"name\":\"%s\",\"value\":%.1f,\"unit\":\"%s\",\"p50_ms\":%d,\"p99_ms\":%d,\"count\":%d,\"threads\":%d%s}",
                name, f.perSecond(), unit, f.percentile(0.5), f.percentile(0.99), f.count(), THREADS,
                baseline == null ? "" : String.format(Locale.ROOT, ",\"baseline\":%.1f,\"ratio\":%.2f", baseline.perSecond(), f.perSecond() / baseline.perSecond()));
    }

    /** ROUNDS rounds of COUNT operations; the median round by rate. */
    private static Figures measure(String name, IntConsumer work) throws Exception {
        List<Figures> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            rounds.add(run(ROUNDS == 1 ? name : name + " #" + round, COUNT, work));
        }
        rounds.sort(java.util.Comparator.comparingDouble(Figures::perSecond));
        var median = rounds.get(rounds.size() / 2);
        if (ROUNDS > 1) {
            System.out.printf(Locale.ROOT, "[bench] %-32s median of %d rounds: %8.1f/s (rounds %.1f–%.1f/s)%n", name, ROUNDS,
                    median.perSecond(), rounds.getFirst().perSecond(), rounds.getLast().perSecond());
        }
        return median;
    }

    private static Figures run(String name, int count, IntConsumer work) throws Exception {
        long[] millis = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        var next = new java.util.concurrent.atomic.AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < count; ) {
                    long s = System.nanoTime();
                    work.accept(i);
                    millis[i] = (System.nanoTime() - s) / 1_000_000;
                }
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        var figures = new Figures(name, count, System.nanoTime() - t0, millis);
        if (!name.equals("warm-up")) {
            System.out.printf(Locale.ROOT, "[bench] %-35s %6d in %6d ms: %8.1f/s, p50 %d ms, p99 %d ms%n", name, count,
                    figures.nanos() / 1_000_000, figures.perSecond(), figures.percentile(0.5), figures.percentile(0.99));
        }
        return figures;
    }

    /** EU DSS signing with the same key, chain and TSA as ours: data to sign → sign → assemble. */
    private static final class DssSigner {
        private final org.alliancechain.evidence.pki.SigningIdentity identity;
        private final PAdESService service;

        DssSigner(org.alliancechain.evidence.pki.SigningIdentity identity) {
            this.identity = identity;
            this.service = new PAdESService(new CommonCertificateVerifier());
            service.setTspSource((algorithm, digest) -> new TimestampBinary(EvidenceFixture.TSA.timestamp(HashAlgorithm.SHA256, digest)));
        }

        byte[] sign(byte[] pdf) {
            try {
                var parameters = new PAdESSignatureParameters();
                parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_T);
                parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
                parameters.setSignatureTimestampParameters(new eu.europa.esig.dss.pades.PAdESTimestampParameters(DigestAlgorithm.SHA256));
                parameters.setSigningCertificate(new CertificateToken(identity.certificate()));
                parameters.setCertificateChain(identity.chain().stream().map(CertificateToken::new).toList());
                var document = new InMemoryDocument(pdf);
                var toBeSigned = service.getDataToSign(document, parameters);
                var signature = Signature.getInstance("SHA256withECDSA");
                signature.initSign(identity.privateKey());
                signature.update(toBeSigned.getBytes());
                var value = new SignatureValue(SignatureAlgorithm.ECDSA_SHA256, signature.sign());
                return service.signDocument(document, parameters, value).openStream().readAllBytes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
