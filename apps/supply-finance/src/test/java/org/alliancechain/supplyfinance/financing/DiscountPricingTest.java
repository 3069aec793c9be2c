package org.alliancechain.supplyfinance.financing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.alliancechain.supplyfinance.calendar.BusinessCalendar;
import org.junit.jupiter.api.Test;

class DiscountPricingTest {

    private final DiscountPricing pricing = new DiscountPricing(BusinessCalendar.parse(List.of("2025-10-01..2025-10-08"), List.of("2025-10-11")));

    /** The worked example of the domain page (§5): RMB 3,000,000 at 3.90 % from Tue 2025-07-01 to Sat 2025-10-25. */
    @Test
    void theWorkedExample() {
        var price = pricing.price(300_000_000L, 390, 150_000L, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 10, 25));
        assertEquals(LocalDate.of(2025, 10, 27), price.paymentDate());
        assertEquals(118, price.days());
        assertEquals(3_835_000L, price.interestFen(), "RMB 38,350.00");
        assertEquals(296_015_000L, price.proceedsFen(), "RMB 2,960,150.00");
    }

    @Test
    void interestIsRoundedHalfUpToTheFen() {
        // 1 fen-exact boundary: 100 fen × 1,800 bp × 10 days = 1,800,000 → exactly half a fen → 1 fen.
        assertEquals(1, DiscountPricing.interestFen(100, 1_800, 10));
        assertEquals(0, DiscountPricing.interestFen(100, 1_799, 10));
    }

    /** The integer formula equals the decimal one (face × rate × days / 360, half-up) for random terms. */
    @Test
    void theIntegerFormulaEqualsTheDecimalOne() {
        var random = new Random(20_251_025L);
        for (int i = 0; i < 10_000; i++) {
            long face = 1 + (long) (random.nextDouble() * 100_000_000_000L);
            int bp = random.nextInt(2_000);
            long days = 1 + random.nextInt(400);
            BigDecimal expected = BigDecimal.valueOf(face).multiply(BigDecimal.valueOf(bp)).divide(BigDecimal.valueOf(10_000))
                    .multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(360), 0, RoundingMode.HALF_UP);
            assertEquals(expected.longValueExact(), DiscountPricing.interestFen(face, bp, days), face + " " + bp + " " + days);
        }
    }

    @Test
    void aDiscountOnOrAfterThePaymentDateIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> pricing.price(1_000_00L, 390, 0, LocalDate.of(2025, 10, 27), LocalDate.of(2025, 10, 25)));
        assertEquals("the discount date 2025-10-27 must be before the payment date 2025-10-27", e.getMessage());
    }

    @Test
    void feesThatTakeEverythingAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> pricing.price(1_000L, 390, 1_000L, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 10, 25)));
    }
}
