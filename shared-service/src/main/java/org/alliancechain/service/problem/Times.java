package org.alliancechain.service.problem;

import java.time.Instant;

/**
 * Times a user gives, checked at the edge so that a time no record can hold is refused with the field named (422)
 * before anything is time-stamped, stored or queued — never a 500 from the chain's encoder or the database's insert.
 * A contract keeps times as unsigned seconds since 1970 ({@code uint64}); a record or a row keeps any date of the years
 * 1 to 9999 (PostgreSQL's {@code timestamptz} ends in 294276, {@code java.sql.Timestamp} long before).
 */
public final class Times {

    /** The first time a contract can hold. */
    public static final Instant CHAIN_EARLIEST = Instant.EPOCH;
    /** The first time a record keeps (a work published in 1965 is claimed as such). */
    public static final Instant RECORD_EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Times() {
    }

    /** {@code time} as given (null stays null); 422 naming {@code field} unless a contract can hold it (1970 … 9999). */
    public static Instant onChain(Instant time, String field) {
        return within(time, CHAIN_EARLIEST, field);
    }

    /** {@code time} as given (null stays null); 422 naming {@code field} outside the years 1 … 9999. */
    public static Instant inRecords(Instant time, String field) {
        return within(time, RECORD_EARLIEST, field);
    }

    /** Whether a record keeps {@code time} (the years 1 … 9999); for a time read from a file, refused in the file's own words. */
    public static boolean recordable(Instant time) {
        return !time.isBefore(RECORD_EARLIEST) && !time.isAfter(LATEST);
    }

    private static Instant within(Instant time, Instant earliest, String field) {
        if (time != null && (time.isBefore(earliest) || time.isAfter(LATEST))) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "must be between " + earliest + " and " + LATEST + ", not " + time,
                    field);
        }
        return time;
    }
}
