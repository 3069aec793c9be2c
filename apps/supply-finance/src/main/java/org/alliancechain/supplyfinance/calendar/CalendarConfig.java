package org.alliancechain.supplyfinance.calendar;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/**
 * The payment calendar (supply-finance.calendar.*): the State Council's public holidays and its
 * make-up working weekend days, as dates or ranges; the defaults are the published schedules of
 * 2025 (国办发明电〔2024〕12号) and 2026 (国务院办公厅, 2025-11-04). A later year counts weekends only
 * until the operator adds its schedule.
 */
@ConfigMapping(prefix = "supply-finance.calendar")
public interface CalendarConfig {

    List<String> holidays();

    List<String> workingWeekendDays();

    /** The calendar the services use, built once from the configuration. */
    @ApplicationScoped
    class Producer {
        @Produces
        @ApplicationScoped
        BusinessCalendar calendar(CalendarConfig config) {
            return BusinessCalendar.parse(config.holidays(), config.workingWeekendDays());
        }
    }
}
