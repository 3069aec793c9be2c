package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;

/**
 * VAT per EN 16931 category and rate (BG-23): the taxable amount Σje and the tax Σse of the lines in
 * it. The tax is our lines' sum, not round(taxable × rate); the two differ by at most 0.99 (§3).
 *
 * @param exemptionReason the lines' reasons joined with "; " (E and O only), else null
 */
public record CategorySubtotal(VatTreatment treatment, VatRate rate, BigDecimal taxableAmount, BigDecimal taxAmount,
                               String exemptionReason) {

    public String category() {
        return treatment.category();
    }
}
