package org.alliancechain.supplyfinance.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The business days on which a payment can be made: Monday to Friday, less the published public
 * holidays, plus the weekend days the State Council makes working days (调休上班). A maturity that
 * falls on a non-business day is paid on the next business day, and discount interest runs to that
 * day (domain §5). The same calendar is published on chain by the operator, so bank and holder roll
 * the same way.
 */
public final class BusinessCalendar {

    private final NavigableSet<LocalDate> holidays;
    private final NavigableSet<LocalDate> workingWeekendDays;

    public BusinessCalendar(Collection<LocalDate> holidays, Collection<LocalDate> workingWeekendDays) {
        this.holidays = new TreeSet<>(holidays);
        this.workingWeekendDays = new TreeSet<>(workingWeekendDays);
        for (LocalDate day : this.workingWeekendDays) {
            if (!isWeekend(day)) {
                throw new IllegalArgumentException(day + " is not a Saturday or Sunday, so it cannot be a make-up working day");
            }
            if (this.holidays.contains(day)) {
                throw new IllegalArgumentException(day + " is listed both as a holiday and as a make-up working day");
            }
        }
    }

    /**
     * A calendar from its configured text: holidays as dates or inclusive ranges
     * ({@code 2026-02-15..2026-02-23}), make-up working days as dates.
     */
    public static BusinessCalendar parse(List<String> holidays, List<String> workingWeekendDays) {
        var days = new ArrayList<LocalDate>();
        for (String entry : holidays) {
            days.addAll(range(entry.strip()));
        }
        var working = new ArrayList<LocalDate>();
        for (String entry : workingWeekendDays) {
            working.addAll(range(entry.strip()));
        }
        return new BusinessCalendar(days, working);
    }

    private static List<LocalDate> range(String entry) {
        try {
            int dots = entry.indexOf("..");
            LocalDate from = LocalDate.parse(dots < 0 ? entry : entry.substring(0, dots).strip());
            LocalDate to = dots < 0 ? from : LocalDate.parse(entry.substring(dots + 2).strip());
            if (to.isBefore(from) || to.isAfter(from.plusDays(31))) {
                throw new IllegalArgumentException("calendar range " + entry + " must run forwards over at most a month");
            }
            return from.datesUntil(to.plusDays(1)).toList();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("calendar entry '" + entry + "' is not a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)", e);
        }
    }

    public boolean isBusinessDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        return !isWeekend(day) && !holidays.contains(day);
    }

    /** The day itself if it is a business day, else the next business day. */
    public LocalDate rollForward(LocalDate day) {
        LocalDate d = day;
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last day the calendar knows holidays for: later years count weekends only until the operator publishes them. */
    public LocalDate publishedUntil() {
        LocalDate last = holidays.isEmpty() ? null : holidays.last();
        LocalDate lastWorking = workingWeekendDays.isEmpty() ? null : workingWeekendDays.last();
        if (last == null || (lastWorking != null && lastWorking.isAfter(last))) {
            last = lastWorking;
        }
        return last == null ? null : LocalDate.of(last.getYear(), 12, 31);
    }

    public NavigableSet<LocalDate> holidays() {
        return java.util.Collections.unmodifiableNavigableSet(holidays);
    }

    public NavigableSet<LocalDate> workingWeekendDays() {
        return java.util.Collections.unmodifiableNavigableSet(workingWeekendDays);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
