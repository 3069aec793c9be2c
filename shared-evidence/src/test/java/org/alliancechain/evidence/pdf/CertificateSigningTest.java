package org.alliancechain.evidence.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancechain.evidence.fixture.DssValidation;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.alliancechain.evidence.verify.VerificationReport.Outcome;
import org.alliancechain.evidence.verify.VerificationReport.Verdict;
import org.alliancechain.evidence.verify.VerifierChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateSigningTest {

    /**
     * Names outside GB 2312 (here 䶮, U+4DAE) get the full font; a character no font has (𠀀, U+20000) is
     * printed as [U+20000] — never a refused certificate — and stays exact in record.json.
     */
    @org.junit.jupiter.api.Test
    void rareCharactersAreRenderedWithTheFullFont() throws Exception {
        var common = EvidenceFixture.record("借款合同", EvidenceFixture.someFile());
        var rare = new EvidenceRecord(common.kind(), common.reference(), common.issuer(), "刘䶮与𠀀氏 借款合同", common.parties(),
                common.file(), common.attributes(), common.registeredAt());
        var certificates = EvidenceFixture.anchored(java.util.List.of(common, rare), org.alliancechain.evidence.HashAlgorithm.SHA256);
        for (var certificate : certificates) {
            byte[] pdf = EvidenceFixture.RENDERER.render(certificate);
            try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(pdf)))) {
                String text = com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(document.getFirstPage());
                assertThat(text).contains(certificate.record().title().replace("𠀀", "[U+20000]")).contains("电子证据存证证书");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"B_T, PAdES_BASELINE_T", "B_LT, PAdES_BASELINE_LT", "B_LTA, PAdES_BASELINE_LTA"})
    void eachLevelPassesEuDssAndOurVerifier(PadesSigner.Level level, SignatureLevel expected) throws Exception {
        byte[] file = EvidenceFixture.someFile();
        byte[] pdf = EvidenceFixture.signedCertificate(level, file);
        Files.createDirectories(Path.of("target", "certificates"));
        Files.write(Path.of("target", "certificates", "certificate-" + level + ".pdf"), pdf);

        var dss = DssValidation.validate(pdf);
        assertThat(dss.indication()).as("DSS: %s %s", dss.subIndication(), dss.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(dss.level()).isEqualTo(expected);

        var report = EvidenceFixture.verifier().verify(pdf, file);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.VALID);
        assertThat(report.checks()).filteredOn(c -> c.outcome() != Outcome.PASSED).isEmpty();
        assertThat(report.summary().level()).isEqualTo(expected.name().replace('_', '-'));
        assertThat(report.check(VerifierChecks.ON_CHAIN).orElseThrow().detail()).contains("anchored in block");
    }
}
