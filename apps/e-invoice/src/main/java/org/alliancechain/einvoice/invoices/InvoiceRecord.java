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
        party(key(out, '{', "buyer"), buyer);
        string(key(out, ',', "currency"), currency);
        string(key(out, ',', "issueDate"), issueDate);
        string(key(out, ',', "kind"), kind);
        key(out, ',', "lines");
        if (lines == null) {
            out.append("null");
        } else {
            out.append('[');
            for (int i = 0; i < lines.size(); i++) {
                line(i == 0 ? out : out.append(','), lines.get(i));
            }
            out.append(']');
        }
        string(key(out, ',', "note"), note);
        string(key(out, ',', "number"), number);
        key(out, ',', "offsets");
        if (offsets == null) {
            out.append("null");
        } else {
            string(key(out, '{', "issueDate"), offsets.issueDate());
            string(key(out, ',', "number"), offsets.number());
            string(key(out, ',', "reason"), offsets.reason());
            out.append('}');
        }
        party(key(out, ',', "seller"), seller);
        string(key(out, ',', "total"), total);
        string(key(out, ',', "totalExclTax"), totalExclTax);
        string(key(out, ',', "totalTax"), totalTax);
        string(key(out, ',', "type"), type);
        return Attestations.ofCanonical(out.append('}').toString());
    }

    /** Appends {@code before} (an object's '{' or the ',' between members) and a member name; names here need no escaping. */
    private static StringBuilder key(StringBuilder out, char before, String name) {
        return out.append(before).append('"').append(name).append("\":");
    }

    private static void line(StringBuilder out, Line l) {
        if (l == null) {
            out.append("null");
            return;
        }
        string(key(out, '{', "amount"), l.amount());
        string(key(out, ',', "category"), l.category());
        string(key(out, ',', "exemptionReason"), l.exemptionReason());
        org.alliancechain.evidence.CanonicalJson.appendNumber(key(out, ',', "index"), l.index());
        string(key(out, ',', "itemCode"), l.itemCode());
        string(key(out, ',', "kind"), l.kind());
        string(key(out, ',', "name"), l.name());
        string(key(out, ',', "quantity"), l.quantity());
        string(key(out, ',', "rate"), l.rate());
        string(key(out, ',', "tax"), l.tax());
        string(key(out, ',', "unit"), l.unit());
        string(key(out, ',', "unitPrice"), l.unitPrice());
        out.append('}');
    }

    private static void party(StringBuilder out, Party p) {
        if (p == null) {
            out.append("null");
            return;
        }
        string(key(out, '{', "name"), p.name());
        string(key(out, ',', "taxId"), p.taxId());
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
