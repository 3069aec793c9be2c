package org.alliancechain.supplyfinance.settlement;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What falls due happens without anyone having to ask: unpaid certificates are marked overdue once
 * their payment date and the grace days passed, and certificates with more parts than one
 * transaction settles are settled to the end.
 */
@ApplicationScoped
public class DefaultWatch {

    private final SettlementService settlement;

    DefaultWatch(SettlementService settlement) {
        this.settlement = settlement;
    }

    @Scheduled(every = "${supply-finance.settlement.check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void queueDue() {
        while (settlement.queueDue(100) >= 100) {
            // a full page queued: look for more
        }
    }
}
