package org.alliancechain.einvoice.invoices;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.alliancechain.einvoice.documents.En16931Validation;
import org.jboss.logging.Logger;

/**
 * Compiles the EN 16931 rules in the background once the service is up (a few seconds of work),
 * so the first UBL upload is not the one that pays for it and start-up does not wait for it.
 */
@ApplicationScoped
public class RuleWarmUp {

    private static final Logger LOG = Logger.getLogger(RuleWarmUp.class);

    void onStart(@Observes StartupEvent event) {
        Thread.ofVirtual().name("en16931-warm-up").start(() -> {
            try {
                En16931Validation.warmUp();
            } catch (RuntimeException e) {
                LOG.warnf("the EN 16931 rules could not be prepared ahead: %s (the first upload will try again)", e.getMessage());
            }
        });
    }
}
