package org.alliancechain.einvoice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alliancechain.einvoice.tax.ComputedInvoice;
import org.alliancechain.einvoice.tax.InvoiceLineInput;
import org.alliancechain.einvoice.tax.LineKind;
import org.alliancechain.einvoice.tax.RedLetterLedger;
import org.alliancechain.einvoice.tax.RedLineRequest;
import org.alliancechain.einvoice.tax.TaxCalculator;
import org.alliancechain.einvoice.tax.VatTreatment;
import org.junit.jupiter.api.Test;

class UblInvoicesTest {

    private static String passes(byte[] ubl) {
        En16931Validation.Report report = En16931Validation.validate(ubl);
        String xml = new String(ubl, StandardCharsets.UTF_8);
        assertThat(report.fatal()).as(xml).isEmpty();
        return xml;
    }

    @Test
    void standardRatedAt13And6PercentPasses() {
        String xml = passes(UblInvoices.invoice(Documents.blue(1,
                InvoiceLineInput.exclusive("钢材", "3", "33.335", "0.13").withItem("1080201010000000000", "吨"),
                InvoiceLineInput.inclusive("*信息技术服务*技术服务费", "4449.00", "0.06"))));
        assertThat(xml).contains("<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>")
                .contains("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>")
                .contains("<cbc:CompanyID>CN91110108690017781B</cbc:CompanyID>")
                .contains("<cbc:TaxAmount currencyID=\"CNY\">264.83</cbc:TaxAmount>") // 13.00 + 251.83
                .contains("<cbc:TaxInclusiveAmount currencyID=\"CNY\">4562.01</cbc:TaxInclusiveAmount>")
                .contains("unitCode=\"TNE\"")
                .doesNotContain("<cac:InvoiceLine><cbc:ID>1</cbc:ID><cac:TaxTotal>");
    }

    @Test
    void exemptWithReasonAndDecimalQuantitiesPasses() {
        // odoo PR #253625: decimal quantities broke BR-E-08 when line nets were recomputed from them
        String xml = passes(UblInvoices.invoice(Documents.blue(2,
                InvoiceLineInput.untaxed("出口货物A", "2.5", "33.333", VatTreatment.EXEMPT, "出口货物免税"),
                InvoiceLineInput.untaxed("出口货物B", "0.333", "10.01", VatTreatment.EXEMPT, "出口货物免税"))));
        assertThat(xml).contains("<cbc:ID>E</cbc:ID>").contains("<cbc:TaxExemptionReason>出口货物免税</cbc:TaxExemptionReason>");
    }

    @Test
    void notSubjectToVatPassesWithoutVatIdentifiers() {
        String xml = passes(UblInvoices.invoice(Documents.blue(3,
                InvoiceLineInput.untaxed("代收代付款项", "1", "500", VatTreatment.NOT_TAXED, "不征税项目"))));
        assertThat(xml).contains("<cbc:ID>O</cbc:ID>").doesNotContain("CN91110108690017781B").doesNotContain("<cbc:Percent>");
    }

    @Test
    void notSubjectToVatMixedWithTaxedLinesCannotBeExpressedInEn16931() {
        // 数电 allows 不征税 lines beside taxed ones; EN 16931 does not (BR-O-11..14): the service must
        // know that such an invoice gets a UBL rendering that fails validation.
        En16931Validation.Report report = En16931Validation.validate(UblInvoices.invoice(Documents.blue(10,
                InvoiceLineInput.untaxed("代收代付款项", "1", "500", VatTreatment.NOT_TAXED, "不征税项目"),
                InvoiceLineInput.exclusive("服务费", "1", "100", "0.06"))));
        assertThat(report.fatalRuleIds()).contains("BR-O-11");
    }

    @Test
    void zeroRatedPasses() {
        String xml = passes(UblInvoices.invoice(Documents.blue(4,
                InvoiceLineInput.untaxed("国际运输服务", "1", "8000", VatTreatment.ZERO_RATED, null),
                InvoiceLineInput.exclusive("国内运输服务", "1", "1000", "0.09"))));
        assertThat(xml).contains("<cbc:ID>Z</cbc:ID>").doesNotContain("TaxExemptionReason");
    }

    @Test
    void aDiscountPairBecomesOneLineWithAnAllowanceAndNoNegativePrice() {
        InvoiceLineInput laptop = InvoiceLineInput.exclusive("笔记本电脑", "2", "5000", "0.13").withKind(LineKind.DISCOUNTED);
        String xml = passes(UblInvoices.invoice(Documents.blue(5, laptop, InvoiceLineInput.discountOf(laptop, "-1000.00"),
                InvoiceLineInput.exclusive("鼠标", "1", "99", "0.13"))));
        assertThat(xml.split("<cac:InvoiceLine>", -1)).hasSize(3);
        assertThat(xml).contains("<cbc:ChargeIndicator>false</cbc:ChargeIndicator>")
                .contains("<cbc:LineExtensionAmount currencyID=\"CNY\">9000.00</cbc:LineExtensionAmount>")
                .doesNotContain("currencyID=\"CNY\">-");
    }

    @Test
    void aPartialRedBecomesAPositiveCreditNoteReferringToTheBlueInvoice() {
        InvoiceLineInput laptop = InvoiceLineInput.exclusive("笔记本电脑", "2", "5000", "0.13").withKind(LineKind.DISCOUNTED);
        InvoiceDocument blue = Documents.blue(6, laptop, InvoiceLineInput.discountOf(laptop, "-1000.00"),
                InvoiceLineInput.inclusive("技术服务费", "4449.00", "0.06"));
        ComputedInvoice redLines = TaxCalculator.redLineAmounts(blue.computed(),
                List.of(RedLineRequest.ofQuantity(0, "1"), RedLineRequest.ofAmount(1, "1000.00")), RedLetterLedger.NONE).requireOk();
        String xml = passes(UblInvoices.creditNote(Documents.red(blue, redLines, RedReason.GOODS_RETURNED)));
        assertThat(xml).contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
                .contains("<cac:InvoiceDocumentReference><cbc:ID>24112000000000000006</cbc:ID>")
                .contains("销货退回")
                .contains("<cbc:PayableAmount currencyID=\"CNY\">6145.00</cbc:PayableAmount>") // 4500+585+1000+60
                .doesNotContain(">-");
    }

    @Test
    void aFullRedOfADiscountedInvoiceIsAValidCreditNote() {
        InvoiceLineInput laptop = InvoiceLineInput.exclusive("笔记本电脑", "2", "5000", "0.13").withKind(LineKind.DISCOUNTED);
        InvoiceDocument blue = Documents.blue(7, laptop, InvoiceLineInput.discountOf(laptop, "-1000.00"));
        ComputedInvoice red = TaxCalculator.fullRed(blue.computed(), RedLetterLedger.NONE);
        String xml = passes(UblInvoices.creditNote(Documents.red(blue, red, RedReason.ISSUING_ERROR)));
        assertThat(xml).contains("<cbc:PayableAmount currencyID=\"CNY\">10170.00</cbc:PayableAmount>");
    }

    @Test
    void generationSpeed() {
        InvoiceDocument doc = Documents.blue(8,
                InvoiceLineInput.exclusive("钢材", "3", "33.335", "0.13"),
                InvoiceLineInput.inclusive("技术服务费", "4449.00", "0.06"),
                InvoiceLineInput.untaxed("出口货物", "2.5", "33.333", VatTreatment.EXEMPT, "出口免税"));
        for (int i = 0; i < 2_000; i++) {
            UblInvoices.invoice(doc); // warm-up
        }
        int n = 20_000;
        long start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += UblInvoices.invoice(doc).length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("UBL generation: %,d invoices (3 lines, %d bytes each) in %.2f s = %,.0f documents/s on one thread%n",
                n, bytes / n, seconds, n / seconds);
        // two threads share the static marshaller, as two request threads of the service would
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Runnable work = () -> {
            for (int i = 0; i < n / 2; i++) {
                done.addAndGet(UblInvoices.invoice(doc).length > 0 ? 1 : 0);
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        start = System.nanoTime();
        a.start();
        b.start();
        try {
            a.join();
            b.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("UBL generation: %,d invoices on 2 threads in %.2f s = %,.0f documents/s%n", done.get(), seconds,
                done.get() / seconds);
        byte[] ubl = UblInvoices.invoice(doc);
        En16931Validation.validate(ubl);
        int m = 50;
        start = System.nanoTime();
        for (int i = 0; i < m; i++) {
            assertThat(En16931Validation.validate(ubl).passed()).isTrue();
        }
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("EN 16931 validation (warm): %d documents in %.2f s = %,.1f documents/s on one thread%n",
                m, seconds, m / seconds);
        assertThat(bytes).isPositive();
    }

    @Test
    void amountsKeepTwoDecimals() {
        String xml = passes(UblInvoices.invoice(Documents.blue(9, InvoiceLineInput.exclusive("x", "1", "100", "0.13"))));
        assertThat(xml).contains(">100.00<").contains(">13.00<");
        assertThat(new BigDecimal("13.00").scale()).isEqualTo(2);
    }
}
