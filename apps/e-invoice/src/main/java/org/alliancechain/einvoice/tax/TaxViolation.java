package org.alliancechain.einvoice.tax;

/**
 * Why a set of lines cannot be invoiced, addressed so the REST layer can answer problem+json with a
 * JSON pointer: {@code lineIndex} is the 0-based position in the request's {@code lines} (or -1 for
 * the invoice as a whole) and {@code field} a component name of {@link InvoiceLineInput}.
 */
public record TaxViolation(int lineIndex, String field, String reasonEn, String reasonZh) {

    /** E.g. {@code /lines/2/amount}, or {@code /lines} for a whole-invoice rule. */
    public String pointer() {
        return lineIndex < 0 ? "/" + field : "/lines/" + lineIndex + "/" + field;
    }

    @Override
    public String toString() {
        return pointer() + ": " + reasonEn + " / " + reasonZh;
    }
}
