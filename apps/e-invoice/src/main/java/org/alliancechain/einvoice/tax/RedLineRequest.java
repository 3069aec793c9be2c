package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;

/**
 * One line of a partial red-letter form, as positive magnitudes.
 *
 * @param blueLine     the blue line by 蓝字明细序号: 0-based over the blue invoice's non-discount lines
 * @param quantity     quantity to red (returned goods); optional
 * @param amount       amount to red; optional when a quantity is given (then amount = round(q × net amount ÷ blue quantity))
 * @param taxInclusive whether {@code amount} includes VAT (then se = round(A ÷ (1 + rate) × rate), je = A − se)
 */
public record RedLineRequest(int blueLine, BigDecimal quantity, BigDecimal amount, boolean taxInclusive) {

    public static RedLineRequest ofQuantity(int blueLine, String quantity) {
        return new RedLineRequest(blueLine, new BigDecimal(quantity), null, false);
    }

    public static RedLineRequest ofAmount(int blueLine, String amountExcludingTax) {
        return new RedLineRequest(blueLine, null, new BigDecimal(amountExcludingTax), false);
    }
}
