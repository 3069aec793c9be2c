package org.alliancechain.operator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.localstack.ConsortiumBootstrap;
import org.alliancechain.localstack.DemoConsortium;
import org.alliancechain.localstack.DevKeystores;
import org.alliancechain.localstack.KeycloakServer;
import org.alliancechain.localstack.LocalStack;
import org.alliancechain.localstack.StackSeeder;
import org.alliancechain.localstack.SuiteApp;

/**
 * How ./run seeds the demo consortium: the onboarding tool, run for every demo organisation of the
 * realm (whose Keycloak organisations and users the realm import already created). The first run
 * generates keys and certificates and admits the members; later runs with kept state find it done.
 */
public final class DemoSeeder implements StackSeeder {

    /** Demo administrators sign in with this password, like the realm's other demo users. */
    static final String DEMO_PASSWORD = "demo";

    @Override
    public void seed(LocalStack stack, Path suiteRoot, Map<SuiteApp, Path> custody) {
        Map<String, Path> byId = new LinkedHashMap<>();
        custody.forEach((app, dir) -> byId.put(app.id(), dir));
        var pki = DevPki.openOrCreate(suiteRoot.resolve(".run-state/pki"), DevKeystores.PASSPHRASE.toCharArray(),
                "http://127.0.0.1:" + SuiteApp.values()[0].port() + "/pki/root.crl");
        var contracts = stack.contracts();
        try (var keycloak = new KeycloakOrganisations(stack.keycloak().baseUrl(), KeycloakServer.REALM,
                KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
             var governance = new ConsortiumBootstrap(contracts.rpcUrl())) {
            var onboarding = new Onboarding(keycloak, governance, contracts, byId, DevKeystores.PASSPHRASE.toCharArray(), pki,
                    line -> { });
            for (String alias : DemoConsortium.ORGANISATIONS) {
                var result = onboarding.onboard(new Onboarding.Organisation(alias, null, null),
                        new Onboarding.AdminUser(alias + "-admin", "admin@" + alias + ".example", null, "Admin", DEMO_PASSWORD),
                        DemoConsortium.rolesOf(alias));
                System.out.printf("  %-20s %s%n", alias, summary(result));
            }
        }
    }

    private static String summary(Onboarding.Result r) {
        if (!r.admitted() && r.keysCreated().isEmpty() && r.accountsAdded().isEmpty() && !r.adminCreated()
                && r.certificatesIssued().isEmpty() && r.rolesGranted().isEmpty()) {
            return "already onboarded";
        }
        return (r.admitted() ? "admitted" : "member") + ", " + r.keysCreated().size() + " key(s) generated, "
                + r.accountsAdded().size() + " account(s) registered" + (r.adminCreated() ? ", admin user created" : "");
    }
}
