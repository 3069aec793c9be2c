package org.alliancechain.einvoice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.alliancechain.einvoice.tax.ComputedInvoice;
import org.alliancechain.einvoice.tax.InvoiceLineInput;
import org.alliancechain.einvoice.tax.LineKind;
import org.alliancechain.einvoice.tax.TaxCalculator;
import org.alliancechain.einvoice.tax.VatTreatment;
import org.alliancechain.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

class UblInvoiceReaderTest {

    @Test
    void generateReadComputeGivesTheSameTotals() {
        InvoiceLineInput laptop = InvoiceLineInput.exclusive("笔记本电脑", "2", "5000", "0.13").withKind(LineKind.DISCOUNTED);
        InvoiceDocument doc = Documents.blue(11,
                InvoiceLineInput.exclusive("钢材", "3", "33.335", "0.13").withItem("1080201010000000000", "吨"),
                laptop, InvoiceLineInput.discountOf(laptop, "-1000.00"),
                InvoiceLineInput.inclusive("*信息技术服务*技术服务费", "4449.00", "0.06"),
                InvoiceLineInput.untaxed("出口货物", "2.5", "33.333", VatTreatment.EXEMPT, "出口免税"),
                InvoiceLineInput.untaxed("国际运输", "1", "20", VatTreatment.ZERO_RATED, null));
        UblInvoiceReader.Result read = UblInvoiceReader.read(UblInvoices.invoice(doc));
        assertThat(read.errors()).isEmpty();
        UblInvoiceReader.ReadInvoice invoice = read.invoice();
        assertThat(invoice.seller()).isEqualTo(Documents.SELLER.taxId());
        assertThat(invoice.buyer()).isEqualTo(Documents.BUYER.taxId());
        assertThat(invoice.issueDate()).isEqualTo(Documents.ISSUED);
        assertThat(invoice.currency()).isEqualTo("CNY");
        assertThat(invoice.lines()).hasSize(6);
        assertThat(invoice.lines().get(0).unit()).isEqualTo("吨");
        assertThat(invoice.lines().get(0).itemCode()).isEqualTo("1080201010000000000");
        ComputedInvoice again = TaxCalculator.compute(invoice.lines());
        assertThat(again.violations()).isEmpty();
        ComputedInvoice original = doc.computed();
        assertThat(again.totalAmount()).isEqualByComparingTo(original.totalAmount());
        assertThat(again.totalTax()).isEqualByComparingTo(original.totalTax());
        assertThat(again.totalWithTax()).isEqualByComparingTo(original.totalWithTax());
        assertThat(again.subtotals()).hasSameSizeAs(original.subtotals());
    }

    @Test
    void foreignTaxIdsAreNamedByElement() {
        UblInvoiceReader.Result read = UblInvoiceReader.read(SharedFixtures.bytes("en16931/ubl-tc434-example1.xml"));
        assertThat(read.ok()).isFalse();
        assertThat(read.errors()).extracting(UblInvoiceReader.ReadError::element)
                .contains("cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID", "cbc:DocumentCurrencyCode");
    }

    @Test
    void aCreditNoteOrGarbageIsRefused() {
        assertThat(UblInvoiceReader.read(SharedFixtures.bytes("en16931/ubl-tc434-creditnote1.xml")).errors())
                .extracting(UblInvoiceReader.ReadError::element).containsExactly("Invoice");
        assertThat(UblInvoiceReader.read("<x".getBytes(StandardCharsets.UTF_8)).ok()).isFalse();
    }
}
