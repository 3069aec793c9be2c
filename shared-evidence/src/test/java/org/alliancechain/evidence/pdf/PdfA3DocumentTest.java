package org.alliancechain.evidence.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alliancechain.evidence.fixture.DssValidation;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.alliancechain.evidence.verify.CertificateVerifier;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** A form drawn at fixed positions through the public {@link PdfA3Document}: PDF/A-3b signed or not, its file associated as asked. */
class PdfA3DocumentTest {

    private static byte[] drawn(boolean signed) {
        var pdf = PdfA3Document.create("标题 Title 名称：", List.of("北京艾克米贸易有限公司"));
        pdf.describe("标题 Title", "acme", "a form");
        pdf.attach("data.xml", "The form's data", "text/xml", "<form>1</form>".getBytes(StandardCharsets.UTF_8), "Alternative");
        pdf.text("标题 Title", 100, 780, 18, 0x9a4a2f);
        pdf.text("名称：" + pdf.printable("北京艾克米贸易有限公司 \uD840\uDC00"), 100, 750, 10, 0);
        pdf.strokeRect(0x9a4a2f, 0.8f, 90, 700, 400, 100);
        pdf.fillRect(0xeeeeee, 90, 690, 400, 8);
        pdf.qrCode("https://verify.alliance.test/x", 40, 760, 60);
        pdf.newPage();
        for (String line : pdf.wrap("第二页 page two ".repeat(40), 10, 300)) {
            pdf.text(line, 40, 700, 10, 0);
        }
        return signed ? pdf.finishSigned(EvidenceFixture.SIGNER, EvidenceFixture.issuer(), "Form", "hz-arbitration") : pdf.finish();
    }

    @Test
    void aDrawnFormIsPdfA3bBeforeAndAfterItsSingleRevisionSignature() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        for (byte[] pdf : new byte[][] {drawn(false), drawn(true)}) {
            try (var parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
                 var validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
                var result = validator.validate(parser);
                assertThat(result.isCompliant()).as("veraPDF: %s", result.getTestAssertions().stream()
                        .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                        .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()).distinct().limit(10)
                        .toList()).isTrue();
            }
        }
        var dss = DssValidation.validate(drawn(true));
        assertThat(dss.indication()).as("DSS %s %s", dss.subIndication(), dss.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(dss.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
    }

    @Test
    void theAttachmentIsAssociatedWithTheRelationshipAskedForAndCharactersNoFontHasArePrintedAsCodePoints() throws Exception {
        byte[] pdf = drawn(true);
        assertThat(CertificateVerifier.embeddedFiles(pdf).get("data.xml")).isEqualTo("<form>1</form>".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/AFRelationship /Alternative").contains("/Subtype /text#2Fxml");
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(new ByteArrayInputStream(pdf)))) {
            assertThat(com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(document.getFirstPage()))
                    .contains("北京艾克米贸易有限公司").contains("[U+20000]");
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        }
        assertThatThrownBy(() -> PdfA3Document.create("x", List.of()).attach("a", "b", "text/plain", new byte[0], "Other"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
