package org.alliancechain.service.numbering;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;

/**
 * Numbers that start again each year, per series and scope: a case number per commission, an
 * invoice number per issuer, a registration number per registry. The next value is taken with one
 * upsert in the caller's transaction, under the row's lock, so two concurrent steps never get the
 * same number, and a step that rolls back gives its number back (no gaps from failed steps).
 */
@ApplicationScoped
public class YearlySequences {

    /** The year changes at midnight in China, where the suite's members keep their books. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    YearlySequences() {
        this(Clock.system(ZONE));
    }

    YearlySequences(Clock clock) {
        this.clock = clock;
    }

    /** The current year in {@link #ZONE}. */
    public int year() {
        return Year.now(clock.withZone(ZONE)).getValue();
    }

    /** The next number (1, 2, …) of {@code series} for {@code scope} in the current year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long next(String series, String scope) {
        return next(series, scope, year());
    }

    /** The next number of {@code series} for {@code scope} in {@code year}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long next(String series, String scope, int year) {
        Number value = (Number) Panache.getEntityManager().createNativeQuery("""
                insert into suite_sequence (series, scope, year, next_value) values (?1, ?2, ?3, 1)
                on conflict (series, scope, year) do update set next_value = suite_sequence.next_value + 1
                returning next_value""")
                .setParameter(1, series).setParameter(2, scope).setParameter(3, year).getSingleResult();
        return value.longValue();
    }

    /** {@code count} consecutive numbers at once (a bulk issuance): the first of them; the others follow it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long reserve(String series, String scope, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        Number last = (Number) Panache.getEntityManager().createNativeQuery("""
                insert into suite_sequence (series, scope, year, next_value) values (?1, ?2, ?3, ?4)
                on conflict (series, scope, year) do update set next_value = suite_sequence.next_value + ?4
                returning next_value""")
                .setParameter(1, series).setParameter(2, scope).setParameter(3, year).setParameter(4, (long) count).getSingleResult();
        return last.longValue() - count + 1;
    }
}
