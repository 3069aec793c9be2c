package org.alliancechain.einvoice.documents.pdf;

import static org.alliancechain.einvoice.documents.pdf.InvoiceSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.alliancechain.einvoice.documents.En16931Validation;
import org.alliancechain.einvoice.documents.InvoiceDocument;
import org.alliancechain.einvoice.documents.UblInvoices;
import org.alliancechain.evidence.pdf.CapitalAmount;
import org.alliancechain.testsupport.pdf.PdfChecks;
import org.junit.jupiter.api.Test;

/**
 * The invoice PDF: what a reader sees on the page, the UBL it carries, PDF/A-3b before and after the
 * seller's signature (veraPDF), the signature itself (EU DSS), the QR code read back from the rendered page.
 */
class InvoicePdfsTest {

    @Test
    void theBlueInvoiceShowsItsNumberPartiesLinesAndTotalsInFiguresAndCapitals() throws Exception {
        var doc = blue();
        String text = PdfChecks.text(InvoicePdfs.render(doc, printing(doc)));
        assertThat(text).contains("电子发票（增值税专用发票）").contains("发票号码：").contains(doc.number().value())
                .contains("开票日期：").contains("2026年12月04日")
                .contains("购").contains("北京艾克米贸易有限公司").contains("北京诺瓦制造有限公司")
                .contains(SELLER.taxId().value()).contains(BUYER.taxId().value())
                .contains("*计算机设备*服务器").contains("4197.17").contains("12591.51").contains("13%").contains("1636.90")
                .contains("价税合计（大写）").contains("壹万肆仟贰佰贰拾捌圆肆角壹分").contains("¥14228.41")
                .contains("合同 Contract AC-2026-17").contains("开票人：").contains("issuer.acme 张三")
                .doesNotContain("红字");
    }

    @Test
    void aRedInvoiceIsMarkedRedAndNamesTheBlueInvoiceItOffsets() throws Exception {
        var blue = blue();
        var red = red(blue);
        String text = PdfChecks.text(InvoicePdfs.render(red, printing(red)));
        assertThat(text).contains("红字").contains(red.number().value()).contains("被红冲蓝字数电发票号码：" + blue.number().value())
                .contains("销货退回").contains("-14228.41").contains("（负数）壹万肆仟贰佰贰拾捌圆肆角壹分").contains("-12591.51");
    }

    @Test
    void theEmbeddedXmlIsTheUblInvoiceAndPassesEn16931() throws Exception {
        var doc = blue();
        byte[] pdf = InvoicePdfs.renderSigned(doc, printing(doc), SIGNER, SELLER_KEY, SELLER_ORG);
        var files = PdfChecks.embeddedFiles(pdf);
        assertThat(files).containsOnlyKeys(InvoicePdfs.XML_FILE);
        byte[] xml = files.get(InvoicePdfs.XML_FILE);
        assertThat(xml).isEqualTo(UblInvoices.invoice(doc));
        var report = En16931Validation.validate(xml);
        assertThat(report.documentType()).isEqualTo("Invoice");
        assertThat(report.fatal()).isEmpty();
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains(doc.number().value()).contains("14228.41");
    }

    @Test
    void aRedInvoiceEmbedsItsCreditNote() throws Exception {
        var red = red(blue());
        byte[] xml = PdfChecks.embeddedFiles(InvoicePdfs.render(red, printing(red))).get(InvoicePdfs.XML_FILE);
        assertThat(xml).isEqualTo(UblInvoices.creditNote(red));
        var report = En16931Validation.validate(xml);
        assertThat(report.documentType()).isEqualTo("CreditNote");
        assertThat(report.fatal()).isEmpty();
    }

    @Test
    void theXmlIsAnAssociatedFileOfTheDocumentAsFacturXAttachesIt() throws Exception {
        var doc = blue();
        byte[] pdf = InvoicePdfs.renderSigned(doc, printing(doc), SIGNER, SELLER_KEY, SELLER_ORG);
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(new ByteArrayInputStream(pdf)))) {
            var catalog = document.getCatalog().getPdfObject();
            var af = catalog.getAsArray(com.itextpdf.kernel.pdf.PdfName.AF);
            assertThat(af).as("the catalogue's /AF").isNotNull();
            assertThat(af.size()).isEqualTo(1);
            var spec = af.getAsDictionary(0);
            assertThat(spec.getAsString(com.itextpdf.kernel.pdf.PdfName.UF).toUnicodeString()).isEqualTo("invoice.xml");
            assertThat(spec.getAsName(com.itextpdf.kernel.pdf.PdfName.AFRelationship).getValue()).isEqualTo("Alternative");
            var file = spec.getAsDictionary(com.itextpdf.kernel.pdf.PdfName.EF).getAsStream(com.itextpdf.kernel.pdf.PdfName.F);
            assertThat(file.getAsName(com.itextpdf.kernel.pdf.PdfName.Subtype).getValue()).isEqualTo("text/xml");
            String xmp = new String(catalog.getAsStream(com.itextpdf.kernel.pdf.PdfName.Metadata).getBytes(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>").contains("<pdfaid:conformance>B</pdfaid:conformance>");
            assertThat(catalog.getAsArray(com.itextpdf.kernel.pdf.PdfName.OutputIntents)).isNotNull();
        }
    }

    @Test
    void blueRedAndMultiPageInvoicesArePdfA3bBeforeAndAfterTheSellerSigns() throws Exception {
        var blue = blue();
        var many = longBlue(60);
        for (InvoiceDocument doc : new InvoiceDocument[] {blue, red(blue), many}) {
            byte[] unsigned = InvoicePdfs.render(doc, printing(doc));
            byte[] signed = InvoicePdfs.renderSigned(doc, printing(doc), SIGNER, SELLER_KEY, SELLER_ORG);
            assertThat(PdfChecks.pdfA3bFailures(unsigned)).as("veraPDF, unsigned %s", doc.number()).isEmpty();
            assertThat(PdfChecks.pdfA3bFailures(signed)).as("veraPDF, signed %s", doc.number()).isEmpty();
        }
        byte[] pdf = InvoicePdfs.render(many, printing(many));
        assertThat(PdfChecks.pages(pdf)).isGreaterThan(1);
        String text = PdfChecks.text(pdf);
        assertThat(text).contains("续页").contains("代收代付款项 59").contains("免税").contains("***")
                .contains(CapitalAmount.of(many.computed().totalWithTax()));
    }

    @Test
    void theSellersSignatureIsPadesBaselineTAndValidForEuDss() throws Exception {
        var doc = blue();
        byte[] pdf = InvoicePdfs.renderSigned(doc, printing(doc), SIGNER, SELLER_KEY, SELLER_ORG);
        var dss = PdfChecks.dss(pdf, trust());
        assertThat(dss.signatures()).isEqualTo(1);
        assertThat(dss.indication()).as("DSS: %s %s", dss.subIndication(), dss.errors()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(dss.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        assertThat(dss.signedBy()).contains(SELLER_ORG);

        byte[] tampered = pdf.clone();
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("/Creator (Alliance");
        tampered[at + 10] = 'a';
        assertThat(PdfChecks.dss(tampered, trust()).indication()).isNotEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void theQrCodeOnTheRenderedPageReadsBackAsThePublicVerificationUrl() throws Exception {
        var doc = blue();
        byte[] pdf = InvoicePdfs.renderSigned(doc, printing(doc), SIGNER, SELLER_KEY, SELLER_ORG);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var image = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 150);
            // Kept for a look at the layout (target/documents/).
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "documents", "invoice.pdf"), pdf);
            javax.imageio.ImageIO.write(image, "png", java.nio.file.Path.of("target", "documents", "invoice.png").toFile());
            int w = image.getWidth(), h = image.getHeight();
            var source = new com.google.zxing.RGBLuminanceSource(w, h, image.getRGB(0, 0, w, h, null, 0, w));
            var hints = new java.util.EnumMap<com.google.zxing.DecodeHintType, Object>(com.google.zxing.DecodeHintType.class);
            hints.put(com.google.zxing.DecodeHintType.TRY_HARDER, true);
            var result = new com.google.zxing.MultiFormatReader().decode(
                    new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source)), hints);
            assertThat(result.getText()).isEqualTo(printing(doc).verificationUrl());
        }
    }
}
