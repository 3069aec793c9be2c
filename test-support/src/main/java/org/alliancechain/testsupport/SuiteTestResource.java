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
 * Points the app under test at the real local stack (anvil with deployed and seeded contracts,
 * embedded PostgreSQL, Keycloak with the suite's realm), started once per Maven build and shared by
 * every module's tests ({@link StackKeeper}); each app gets its own database there.
 * Init arg {@code app}: the app id, e.g. {@code odr-arbitration}.
 *
 * <p>{@code -Dsuite.test-stack=private} starts a stack in this JVM instead (as before the shared
 * stack), stopped when the JVM exits.
 */
public class SuiteTestResource implements QuarkusTestResourceLifecycleManager {

    private static SharedStack stack;
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

    /**
     * The stack of this build, found or started on first use. It is not this JVM's: its keeper stops
     * it when the build ends.
     */
    public static synchronized SharedStack stack() {
        if (stack == null) {
            if ("private".equals(System.getProperty("suite.test-stack"))) {
                var own = LocalStack.start(LocalStack.Options.forTests(Path.of("target", "local-stack").toAbsolutePath()));
                Runtime.getRuntime().addShutdownHook(new Thread(own::close, "local-stack-stop"));
                stack = SharedStack.of(own);
            } else {
                stack = StackKeeper.obtain();
            }
        }
        return stack;
    }

    @Override
    public void stop() {
        // The stack outlives one Quarkus application start and this JVM; its keeper stops it.
    }
}
