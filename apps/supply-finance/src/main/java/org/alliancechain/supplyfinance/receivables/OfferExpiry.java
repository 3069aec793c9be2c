package org.alliancechain.supplyfinance.receivables;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Unanswered offers return to their splitters when they expire, without anyone having to ask. */
@ApplicationScoped
public class OfferExpiry {

    private final PartService parts;

    OfferExpiry(PartService parts) {
        this.parts = parts;
    }

    @Scheduled(every = "${supply-finance.offers.expiry-check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void returnExpiredOffers() {
        while (parts.expireDue(100) > 0) {
            // a full page queued: look for more
        }
    }
}
