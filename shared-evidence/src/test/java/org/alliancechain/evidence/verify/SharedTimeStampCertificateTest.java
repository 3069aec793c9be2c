package org.alliancechain.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.evidence.pkg.EvidencePackage;
import org.alliancechain.evidence.tsa.ArchiveTimeStamps;
import org.alliancechain.evidence.verify.VerificationReport.Outcome;
import org.alliancechain.evidence.verify.VerificationReport.Verdict;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.ers.ERSByteData;
import org.bouncycastle.tsp.ers.ERSEvidenceRecord;
import org.junit.jupiter.api.Test;

/** Certificates of records stamped together under one token (RFC 4998 evidence records) verify; a stamp of other records does not. */
class SharedTimeStampCertificateTest {

    private static final ArchiveTimeStamps STAMPS = new ArchiveTimeStamps(EvidenceFixture.TSA);

    private static EvidenceCertificate withStamp(EvidenceCertificate c, byte[] stamp) {
        return new EvidenceCertificate(c.number(), c.title(), c.issuerName(), c.record(), c.recordAlgorithm(), c.proof(), c.anchoredAt(), stamp,
                ArchiveTimeStamps.token(stamp).getTimeStampInfo().getGenTime().toInstant(), c.verificationUrl());
    }

    @Test
    void eachCertificateOfABatchStampedUnderOneTokenIsValidAndItsPackageHoldsTheEvidenceRecord() throws Exception {
        var files = List.of("one".getBytes(StandardCharsets.UTF_8), "two".getBytes(StandardCharsets.UTF_8), "three".getBytes(StandardCharsets.UTF_8));
        var certificates = EvidenceFixture.anchored(files.stream().map(f -> EvidenceFixture.record("合同 Contract", f)).toList(), HashAlgorithm.SHA256);
        var stamps = STAMPS.stampAll(HashAlgorithm.SHA256, certificates.stream().map(c -> c.record().digest(HashAlgorithm.SHA256)).toList());
        var verifier = EvidenceFixture.verifier();
        for (int i = 0; i < 3; i++) {
            var certificate = withStamp(certificates.get(i), stamps.get(i));
            byte[] pdf = EvidenceFixture.sign(certificate, PadesSigner.Level.B_T);
            var report = verifier.verify(pdf, files.get(i));
            assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.VALID);
            assertThat(report.check(VerifierChecks.ITEM_TIMESTAMP).orElseThrow().detail()).contains("RFC 4998");

            var zip = new ByteArrayOutputStream();
            EvidencePackage.write(zip, certificate, pdf, Map.of("contract.txt", files.get(i)), List.of(EvidenceFixture.PKI.rootCertificate(),
                    EvidenceFixture.PKI.tsaRootCertificate()));
            var ers = entry(zip.toByteArray(), EvidencePackage.EVIDENCE_RECORD);
            // BouncyCastle's RFC 4998 validator, given nothing but the package's files.
            new ERSEvidenceRecord(ers, new JcaDigestCalculatorProviderBuilder().build())
                    .validatePresent(new ERSByteData(entry(zip.toByteArray(), EvidencePackage.RECORD)), new Date());
            assertThat(new String(entry(zip.toByteArray(), "README.txt"), StandardCharsets.UTF_8)).contains("timestamp.ers").contains("-digest <root>");
        }
    }

    @Test
    void theStampOfOtherRecordsIsNotTheRecordsTimeStamp() {
        var file = "mine".getBytes(StandardCharsets.UTF_8);
        var certificate = EvidenceFixture.anchored(List.of(EvidenceFixture.record("合同 Contract", file)), HashAlgorithm.SHA256).getFirst();
        var others = STAMPS.stampAll(HashAlgorithm.SHA256, List.of(HashAlgorithm.SHA256.digest(new byte[] {1}), HashAlgorithm.SHA256.digest(new byte[] {2})));
        byte[] pdf = EvidenceFixture.sign(withStamp(certificate, others.getFirst()), PadesSigner.Level.B_T);
        var report = EvidenceFixture.verifier().verify(pdf, file);
        assertThat(report.verdict()).as(report.toText()).isNotEqualTo(Verdict.VALID);
        var check = report.check(VerifierChecks.ITEM_TIMESTAMP).orElseThrow();
        assertThat(check.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(check.detail()).contains("does not hold the digest");
    }

    private static byte[] entry(byte[] zip, String name) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the package");
    }
}
