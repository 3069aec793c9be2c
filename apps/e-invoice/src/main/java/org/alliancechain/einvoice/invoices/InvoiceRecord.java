package org.alliancechain.einvoice.invoices;

import java.math.BigDecimal;
import java.util.List;
import org.alliancechain.einvoice.tax.ComputedInvoice;
import org.alliancechain.einvoice.tax.ComputedLine;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.attest.AttestedRecord;

/**
 * The canonical record of an invoice whose SHA-256 InvoiceRegistry holds: every fact printed on
 * it, amounts as exact decimal strings (RFC 8785 numbers are doubles), so anyone holding the
 * invoice can recompute the digest and compare it with the chain.
 */
public record InvoiceRecord(String type, String kind, String number, String issueDate, Party seller, Party buyer, String currency,
                            List<Line> lines, String totalExclTax, String totalTax, String total, String note, Original offsets) {

    public record Party(String taxId, String name) {
    }

    public record Line(int index, String name, String itemCode, String unit, String quantity, String unitPrice, String amount,
                       String category, String rate, String tax, String kind, String exemptionReason) {
    }

    /** For a red invoice: the blue invoice it offsets and why (红字发票信息确认单 reason 01–04). */
    public record Original(String number, String issueDate, String reason) {
    }

    public static InvoiceRecord of(Invoice invoice, ComputedInvoice computed, Original offsets) {
        return new InvoiceRecord(offsets == null ? "einvoice.invoice" : "einvoice.red-invoice", invoice.kind.name(), invoice.number,
                invoice.issueDate.toString(), new Party(invoice.sellerTaxId, invoice.sellerName),
                new Party(invoice.buyerTaxId, invoice.buyerName), invoice.currency,
                computed.lines().stream().map(InvoiceRecord::line).toList(), text(computed.totalAmount()), text(computed.totalTax()),
                text(computed.totalWithTax()), invoice.note, offsets);
    }

    private static Line line(ComputedLine l) {
        return new Line(l.index(), l.name(), l.itemCode(), l.unit(), text(l.quantity()), text(l.unitPrice()), text(l.amount()),
                l.treatment().category(), l.rate() == null ? null : text(l.rate().value()), text(l.tax()), l.kind().name(),
                l.exemptionReason());
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** The record in canonical JSON with its SHA-256 digest (the chain gives it its time: the block that holds it). */
    public AttestedRecord attested() {
        return Attestations.canonicalOf(this);
    }
}
