package org.alliancechain.service.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Where the suite's four applications are, for the header that links them ({@code ./run} sets these
 * to its ports; in production each member sets its own addresses). A signed-in user moves between
 * them through Keycloak's single sign-on.
 */
@ConfigMapping(prefix = "suite.apps")
public interface SuiteApps {

    @WithName("odr-arbitration.url")
    @WithDefault("http://127.0.0.1:8081")
    String odrArbitration();

    @WithName("e-invoice.url")
    @WithDefault("http://127.0.0.1:8082")
    String eInvoice();

    @WithName("supply-finance.url")
    @WithDefault("http://127.0.0.1:8083")
    String supplyFinance();

    @WithName("copyright.url")
    @WithDefault("http://127.0.0.1:8084")
    String copyright();
}
