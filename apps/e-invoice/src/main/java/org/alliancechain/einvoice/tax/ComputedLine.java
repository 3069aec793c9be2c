package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;

/**
 * One line after {@link TaxCalculator}: amounts exactly 2 decimals, price and quantity tax-exclusive.
 * Red lines carry negative quantity, amount and tax.
 *
 * @param index          position in the computed list (for red lines: in the red invoice)
 * @param sourceLine     for red lines the blue line's red-able index (lzmxxh, 0-based, discount lines skipped); else -1
 * @param quantity       null when only an amount was entered
 * @param unitPrice      tax-exclusive, scale ≤ 13; derived as amount ÷ quantity when not entered; null without quantity
 * @param amount         je, excluding tax
 * @param tax            se
 * @param total          amount + tax
 * @param discountAmount on a DISCOUNTED line: the (positive) je of the discount line that follows; else zero
 * @param discountTax    likewise its se magnitude
 * @param netAmount      amount − discountAmount (for other lines: amount)
 * @param netTax         tax − discountTax
 */
public record ComputedLine(
        int index,
        int sourceLine,
        String name,
        String itemCode,
        String unit,
        LineKind kind,
        VatTreatment treatment,
        VatRate rate,
        String exemptionReason,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal amount,
        BigDecimal tax,
        BigDecimal total,
        BigDecimal discountAmount,
        BigDecimal discountTax,
        BigDecimal netAmount,
        BigDecimal netTax) {

    /** The same line with every amount, tax and quantity negated (a full red copies the blue exactly). */
    public ComputedLine negated(int newIndex, int blueLine) {
        return new ComputedLine(newIndex, blueLine, name, itemCode, unit, kind, treatment, rate, exemptionReason,
                quantity == null ? null : quantity.negate(), unitPrice, amount.negate(), tax.negate(), total.negate(),
                discountAmount.negate(), discountTax.negate(), netAmount.negate(), netTax.negate());
    }
}
