package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;
import java.util.List;

/**
 * A VAT rate the 数电 system knows, as a fraction with at most 3 decimals (0.015 = 5 % levied at
 * 1.5 %). Anything else is refused rather than guessed: a typo like 0.16 (the pre-2018 rate) must
 * not reach an invoice.
 */
public record VatRate(BigDecimal value) {

    public static final VatRate ZERO = new VatRate(BigDecimal.ZERO);

    /** General 13 %, 9 %, 6 %; simplified 5 %, 3 %, 1.5 %, 1 %. */
    public static final List<BigDecimal> KNOWN_POSITIVE = List.of(
            new BigDecimal("0.13"), new BigDecimal("0.09"), new BigDecimal("0.06"), new BigDecimal("0.05"),
            new BigDecimal("0.03"), new BigDecimal("0.015"), new BigDecimal("0.01"));

    public VatRate {
        if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 3) {
            throw new IllegalArgumentException("not a VAT rate: " + value);
        }
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** A known rate (or zero), else an "unknown rate" error naming the value. */
    public static Parsed<VatRate> parse(BigDecimal value) {
        if (value == null) {
            return Parsed.error("missing", "the VAT rate is missing", "缺少税率");
        }
        if (value.signum() == 0) {
            return Parsed.ok(ZERO);
        }
        for (BigDecimal known : KNOWN_POSITIVE) {
            if (known.compareTo(value) == 0) {
                return Parsed.ok(new VatRate(known));
            }
        }
        return Parsed.error("unknown-rate", "unknown VAT rate " + value.toPlainString()
                        + " (known: 0.13, 0.09, 0.06, 0.05, 0.03, 0.015, 0.01, 0)",
                "未知税率" + value.toPlainString() + "(可用:13%、9%、6%、5%、3%、1.5%、1%、0)");
    }

    public static VatRate of(String value) {
        return parse(new BigDecimal(value)).orThrow();
    }

    /** Percent as UBL writes it (cbc:Percent), e.g. 13 or 1.5. */
    public BigDecimal percent() {
        BigDecimal p = value.movePointRight(2).stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    /** As users read it: "13%", "1.5%". */
    public String label() {
        return percent().toPlainString() + "%";
    }
}
