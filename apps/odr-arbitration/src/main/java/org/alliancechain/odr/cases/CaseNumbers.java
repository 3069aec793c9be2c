package org.alliancechain.odr.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.alliancechain.service.numbering.YearlySequences;

/**
 * Case numbers as commissions print them: the commission's alias, the year and a sequence that
 * starts again each year, e.g. {@code HZ-ARBITRATION-2026-000042} (the shared yearly sequence
 * {@value #SERIES}, scoped by commission).
 */
@ApplicationScoped
public class CaseNumbers {

    static final String SERIES = "odr.case";

    private final YearlySequences sequences;

    CaseNumbers(YearlySequences sequences) {
        this.sequences = sequences;
    }

    public String next(String commission) {
        int year = sequences.year();
        long value = sequences.next(SERIES, commission, year);
        return "%s-%d-%06d".formatted(commission.toUpperCase(Locale.ROOT), year, value);
    }
}
