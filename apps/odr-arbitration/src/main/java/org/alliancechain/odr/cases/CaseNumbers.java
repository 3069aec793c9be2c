package org.alliancechain.odr.cases;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Year;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Case numbers as commissions print them: the commission's alias, the year and a sequence that
 * starts again each year, e.g. {@code HZ-ARBITRATION-2026-000042}. Counted under a row lock, so two
 * filings never get the same number.
 */
@ApplicationScoped
public class CaseNumbers {

    public String next(String commission) {
        int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
        Number value = (Number) Panache.getEntityManager().createNativeQuery("""
                insert into odr_case_counter (commission, year, next_value) values (?1, ?2, 1)
                on conflict (commission, year) do update set next_value = odr_case_counter.next_value + 1
                returning next_value""")
                .setParameter(1, commission).setParameter(2, year).getSingleResult();
        return "%s-%d-%06d".formatted(commission.toUpperCase(Locale.ROOT), year, value.longValue());
    }
}
