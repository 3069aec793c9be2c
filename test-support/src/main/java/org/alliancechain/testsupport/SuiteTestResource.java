package org.alliancechain.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.alliancechain.localstack.DemoConsortium;
import org.alliancechain.localstack.DevKeystores;
import org.alliancechain.localstack.LocalStack;
import org.alliancechain.localstack.SuiteApp;

/**
 * Starts the real local stack (anvil with deployed and seeded contracts, embedded PostgreSQL,
 * Keycloak with the suite's realm) once per test JVM and points the app under test at it.
 * Init arg {@code app}: the app id, e.g. {@code odr-arbitration}.
 */
public class SuiteTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalStack stack;
    private SuiteApp app;

    @Override
    public void init(Map<String, String> initArgs) {
        app = SuiteApp.byId(initArgs.getOrDefault("app", ""));
    }

    @Override
    public Map<String, String> start() {
        var running = stack();
        running.database().ensureDatabase(app.database());
        var config = new HashMap<>(running.contracts().appConfig());
        config.put("quarkus.datasource.jdbc.url", running.database().jdbcUrl(app.database()));
        config.put("quarkus.datasource.username", running.database().user());
        config.put("quarkus.datasource.password", running.database().password());
        config.put("quarkus.oidc.auth-server-url", running.keycloak().realmUrl());
        config.putAll(serviceKey(app.id()));
        return config;
    }

    /** The app's key custody: development keystores under target/, the service's and one per demo organisation. */
    static Map<String, String> serviceKey(String appId) {
        var keys = DemoConsortium.writeCustody(Path.of("target", "local-stack", "keys", appId).toAbsolutePath(), appId);
        return Map.of(
                "chain.key-custody.directory", keys.toString(),
                "chain.key-custody.passphrase", DevKeystores.PASSPHRASE);
    }

    /** The stack of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized LocalStack stack() {
        if (stack == null) {
            stack = LocalStack.start(LocalStack.Options.forTests(Path.of("target", "local-stack")));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        }
        return stack;
    }

    @Override
    public void stop() {
        // The stack outlives one Quarkus application start; the shutdown hook stops it.
    }
}
