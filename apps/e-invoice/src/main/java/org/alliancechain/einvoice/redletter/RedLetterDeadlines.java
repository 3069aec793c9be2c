package org.alliancechain.einvoice.redletter;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Voids open red-letter forms whose 72 hours have passed or whose seller was suspended, without waiting for anyone to look. */
@ApplicationScoped
public class RedLetterDeadlines {

    private static final Logger LOG = Logger.getLogger(RedLetterDeadlines.class);

    private final RedLetterService forms;

    RedLetterDeadlines(RedLetterService forms) {
        this.forms = forms;
    }

    @Scheduled(every = "${einvoice.red-letter.check-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void voidLapsedForms() {
        int voided = forms.voidLapsed();
        if (voided > 0) {
            LOG.infof("%d red-letter form(s) void: window passed or seller suspended", voided);
        }
    }
}
