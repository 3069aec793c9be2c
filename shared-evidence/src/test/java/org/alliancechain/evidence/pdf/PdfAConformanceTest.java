package org.alliancechain.evidence.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** veraPDF — the PDF Association's reference validator, which we did not write — finds our certificates PDF/A-3b. */
class PdfAConformanceTest {

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @ParameterizedTest
    @EnumSource(PadesSigner.Level.class)
    void certificatesArePdfA3bBeforeAndAfterSigning(PadesSigner.Level level) throws Exception {
        var certificate = EvidenceFixture.anchored(List.of(EvidenceFixture.record("借款合同 Loan agreement", EvidenceFixture.someFile())),
                HashAlgorithm.SHA256).getFirst();
        byte[] unsigned = EvidenceFixture.RENDERER.render(certificate);
        byte[] signed = EvidenceFixture.sign(certificate, level);
        for (byte[] pdf : new byte[][] {unsigned, signed}) {
            try (var parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
                 var validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
                var result = validator.validate(parser);
                assertThat(result.isCompliant())
                        .as("veraPDF: %s", result.getTestAssertions().stream()
                                .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                                .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                                .distinct().limit(10).toList())
                        .isTrue();
            }
        }
    }
}
