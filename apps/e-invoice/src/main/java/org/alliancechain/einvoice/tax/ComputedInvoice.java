package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of {@link TaxCalculator}: lines, VAT per category and the totals, or, on failure, why
 * not. A failed result has no lines, subtotals or totals worth reading ({@link #ok()} is false).
 *
 * @param totalAmount  合计金额 hjje = Σje
 * @param totalTax     合计税额 hjse = Σse
 * @param totalWithTax 价税合计 jshj = hjje + hjse
 */
public record ComputedInvoice(List<ComputedLine> lines, List<CategorySubtotal> subtotals, BigDecimal totalAmount,
                              BigDecimal totalTax, BigDecimal totalWithTax, List<TaxViolation> violations) {

    public ComputedInvoice {
        lines = List.copyOf(lines);
        subtotals = List.copyOf(subtotals);
        violations = List.copyOf(violations);
    }

    static ComputedInvoice refused(List<TaxViolation> violations) {
        return new ComputedInvoice(List.of(), List.of(), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2), violations);
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    /** This invoice, or {@link IllegalArgumentException} listing the violations (for callers that validated before). */
    public ComputedInvoice requireOk() {
        if (!ok()) {
            throw new IllegalArgumentException("invoice lines refused: " + violations);
        }
        return this;
    }

    /** Lines a red-letter form can name (蓝字明细序号): every line except discount lines, in order. */
    public List<ComputedLine> redLetterableLines() {
        return lines.stream().filter(l -> l.kind() != LineKind.DISCOUNT).toList();
    }
}
