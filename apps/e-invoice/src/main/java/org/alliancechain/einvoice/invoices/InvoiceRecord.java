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

    /**
     * The record in canonical JSON with its SHA-256 digest (the chain gives it its time: the block that holds it). Written
     * directly in RFC 8785 form, members in UTF-16 order, byte for byte what {@code CanonicalJson.canonicalize(this)} gives
     * through Jackson's tree (InvoiceRecordTest) — a bulk request writes a thousand of them, and the tree was 13 % of it.
     */
    public AttestedRecord attested() {
        var out = new StringBuilder(1_024);
        out.append("{\"buyer\":");
        party(out, buyer);
        out.append(",\"currency\":");
        string(out, currency);
        out.append(",\"issueDate\":");
        string(out, issueDate);
        out.append(",\"kind\":");
        string(out, kind);
        out.append(",\"lines\":");
        if (lines == null) {
            out.append("null");
        } else {
            out.append('[');
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                line(out, lines.get(i));
            }
            out.append(']');
        }
        out.append(",\"note\":");
        string(out, note);
        out.append(",\"number\":");
        string(out, number);
        out.append(",\"offsets\":");
        if (offsets == null) {
            out.append("null");
        } else {
            out.append("{\"issueDate\":");
            string(out, offsets.issueDate());
            out.append(",\"number\":");
            string(out, offsets.number());
            out.append(",\"reason\":");
            string(out, offsets.reason());
            out.append('}');
        }
        out.append(",\"seller\":");
        party(out, seller);
        out.append(",\"total\":");
        string(out, total);
        out.append(",\"totalExclTax\":");
        string(out, totalExclTax);
        out.append(",\"totalTax\":");
        string(out, totalTax);
        out.append(",\"type\":");
        string(out, type);
        out.append('}');
        return Attestations.ofCanonical(out.toString());
    }

    private static void line(StringBuilder out, Line l) {
        if (l == null) {
            out.append("null");
            return;
        }
        out.append("{\"amount\":");
        string(out, l.amount());
        out.append(",\"category\":");
        string(out, l.category());
        out.append(",\"exemptionReason\":");
        string(out, l.exemptionReason());
        out.append(",\"index\":");
        org.alliancechain.evidence.CanonicalJson.appendNumber(out, l.index());
        out.append(",\"itemCode\":");
        string(out, l.itemCode());
        out.append(",\"kind\":");
        string(out, l.kind());
        out.append(",\"name\":");
        string(out, l.name());
        out.append(",\"quantity\":");
        string(out, l.quantity());
        out.append(",\"rate\":");
        string(out, l.rate());
        out.append(",\"tax\":");
        string(out, l.tax());
        out.append(",\"unit\":");
        string(out, l.unit());
        out.append(",\"unitPrice\":");
        string(out, l.unitPrice());
        out.append('}');
    }

    private static void party(StringBuilder out, Party p) {
        if (p == null) {
            out.append("null");
            return;
        }
        out.append("{\"name\":");
        string(out, p.name());
        out.append(",\"taxId\":");
        string(out, p.taxId());
        out.append('}');
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            org.alliancechain.evidence.CanonicalJson.appendString(out, value);
        }
    }
}
