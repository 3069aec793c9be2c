package org.alliancechain.copyright.infringement;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Files prepared infringements with arbitration once their forensics report is anchored, without anyone having to ask. */
@ApplicationScoped
public class InfringementFiler {

    private final InfringementService service;

    InfringementFiler(InfringementService service) {
        this.service = service;
    }

    /** The job's identity (an operator, or a test, may pause it through the scheduler). */
    public static final String IDENTITY = "infringement-filer";

    @Scheduled(identity = IDENTITY, every = "${copyright.infringements.filing-check:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fileAnchored() {
        service.fileAnchored();
    }
}
