package org.alliancechain.supplyfinance.financing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.alliancechain.supplyfinance.calendar.BusinessCalendar;

/**
 * The price of financing a receivable by discount (贴现), in integer fen as the registry computes it:
 * <pre>
 * payment date = maturity, rolled to the next business day
 * days         = payment date − discount date   (the discount date counted, the payment date not)
 * interest     = face × annual rate (basis points) × days / 3,600,000, rounded half-up to the fen
 * proceeds     = face − interest − disclosed fees
 * </pre>
 * the bill-discount convention of 支付结算办法 (360-day year), identical in ReceivableRegistry.
 */
public final class DiscountPricing {

    /** 10,000 basis points × 360 days. */
    static final long DIVISOR = 3_600_000L;

    private final BusinessCalendar calendar;

    public DiscountPricing(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param faceFen       the financed value
     * @param annualRateBp  the bank's annual discount rate, in basis points (3.90 % = 390)
     * @param feeFen        disclosed fees deducted from the proceeds
     * @param paymentDate   maturity rolled to a business day
     * @param days          days of interest
     */
    public record Price(long faceFen, int annualRateBp, long feeFen, LocalDate discountDate, LocalDate maturity, LocalDate paymentDate,
                        long days, long interestFen, long proceedsFen) {
    }

    /**
     * Prices a discount of {@code faceFen} on {@code discountDate} for a receivable maturing on {@code maturity}.
     *
     * @throws IllegalArgumentException when the discount date is not before the payment date, the rate is not
     *                                  within 0–100 %, or interest and fees would take the whole face value
     */
    public Price price(long faceFen, int annualRateBp, long feeFen, LocalDate discountDate, LocalDate maturity) {
        if (faceFen <= 0) {
            throw new IllegalArgumentException("the financed value must be positive");
        }
        if (annualRateBp < 0 || annualRateBp > 10_000) {
            throw new IllegalArgumentException("the annual rate must be between 0 and 10,000 basis points");
        }
        if (feeFen < 0) {
            throw new IllegalArgumentException("fees cannot be negative");
        }
        LocalDate paymentDate = calendar.rollForward(maturity);
        long days = ChronoUnit.DAYS.between(discountDate, paymentDate);
        if (days <= 0) {
            throw new IllegalArgumentException("the discount date " + discountDate + " must be before the payment date " + paymentDate);
        }
        long interest = interestFen(faceFen, annualRateBp, days);
        long proceeds = faceFen - interest - feeFen;
        if (proceeds <= 0) {
            throw new IllegalArgumentException("interest " + interest + " and fees " + feeFen + " fen leave no proceeds from " + faceFen);
        }
        return new Price(faceFen, annualRateBp, feeFen, discountDate, maturity, paymentDate, days, interest, proceeds);
    }

    /** face × rate × days / 3,600,000, half-up, without overflow for any face below 2^63 fen. */
    static long interestFen(long faceFen, int annualRateBp, long days) {
        var numerator = java.math.BigInteger.valueOf(faceFen).multiply(java.math.BigInteger.valueOf(annualRateBp))
                .multiply(java.math.BigInteger.valueOf(days));
        return numerator.add(java.math.BigInteger.valueOf(DIVISOR / 2)).divide(java.math.BigInteger.valueOf(DIVISOR)).longValueExact();
    }
}
