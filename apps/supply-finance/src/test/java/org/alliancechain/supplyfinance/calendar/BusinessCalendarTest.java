package org.alliancechain.supplyfinance.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    /** The calendar as the service is configured (application.properties), read without starting Quarkus. */
    static BusinessCalendar configured() throws Exception {
        var properties = new Properties();
        try (InputStream in = BusinessCalendarTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return BusinessCalendar.parse(
                Arrays.asList(properties.getProperty("supply-finance.calendar.holidays").split(",")),
                Arrays.asList(properties.getProperty("supply-finance.calendar.working-weekend-days").split(",")));
    }

    @Test
    void aSaturdayMaturityRollsToMonday() throws Exception {
        assertEquals(LocalDate.of(2025, 10, 27), configured().rollForward(LocalDate.of(2025, 10, 25)));
    }

    @Test
    void theNationalDayWeekRollsToTheFirstWorkingDayAfterIt() throws Exception {
        var calendar = configured();
        // 2025-10-01..08 off; the 9th is a Thursday.
        assertEquals(LocalDate.of(2025, 10, 9), calendar.rollForward(LocalDate.of(2025, 10, 1)));
        // 2026-10-01..07 off; the 8th is a Thursday.
        assertEquals(LocalDate.of(2026, 10, 8), calendar.rollForward(LocalDate.of(2026, 10, 3)));
    }

    @Test
    void aMakeUpWorkingSaturdayIsABusinessDay() throws Exception {
        var calendar = configured();
        assertTrue(calendar.isBusinessDay(LocalDate.of(2026, 2, 14)), "Saturday 2026-02-14 is worked before the Spring Festival");
        assertEquals(LocalDate.of(2026, 2, 14), calendar.rollForward(LocalDate.of(2026, 2, 14)));
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 2, 21)), "Saturday 2026-02-21 falls in the holiday");
        assertEquals(LocalDate.of(2026, 2, 24), calendar.rollForward(LocalDate.of(2026, 2, 15)));
    }

    @Test
    void anOrdinaryWeekdayStays() throws Exception {
        assertEquals(LocalDate.of(2026, 3, 17), configured().rollForward(LocalDate.of(2026, 3, 17)));
    }

    @Test
    void unpublishedYearsCountWeekendsOnly() throws Exception {
        var calendar = configured();
        assertEquals(LocalDate.of(2026, 12, 31), calendar.publishedUntil());
        assertEquals(LocalDate.of(2027, 1, 4), calendar.rollForward(LocalDate.of(2027, 1, 2)));
    }

    @Test
    void aWeekdayCannotBeAMakeUpWorkingDay() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> BusinessCalendar.parse(java.util.List.of(), java.util.List.of("2026-03-17")));
        assertTrue(e.getMessage().contains("2026-03-17"));
    }

    @Test
    void badEntriesNameThemselves() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> BusinessCalendar.parse(java.util.List.of("2026-13-01"), java.util.List.of()));
        assertTrue(e.getMessage().contains("2026-13-01"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BusinessCalendar.parse(java.util.List.of("2026-05-05..2026-05-01"), java.util.List.of()));
    }
}
