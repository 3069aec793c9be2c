package org.alliancechain.localstack;

import java.util.Map;

/**
 * What ./run does once the services are up: fill them with a living demo (invoices between the demo
 * companies, some reimbursed, one red-lettered …) through their own APIs, as the demo users. Found
 * with ServiceLoader (the onboarding tool implements it); idempotent, so a restart with kept state
 * adds nothing. A failure is reported and the suite keeps running.
 */
public interface DemoData {

    /** A short name for the printout, e.g. "e-invoice". */
    String name();

    /**
     * @param stack    the running infrastructure (Keycloak for the demo users' tokens)
     * @param services each running service's base URL
     */
    void populate(LocalStack stack, Map<SuiteApp, String> services) throws Exception;

    /**
     * What needs days to pass on chain (a maturity, grace days): done before any demo's {@link #populate},
     * on a new chain that started in the past, whose clock {@code chain} moves forward; afterwards the
     * suite brings the chain to the present. Not called on a chain that was already there (kept state, an
     * external node): {@link #populate} then does without it.
     */
    default void history(LocalStack stack, Map<SuiteApp, String> services, ChainHistory chain) throws Exception {
    }
}
