package org.alliancechain.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.alliancechain.localstack.AnvilNode;
import org.alliancechain.localstack.LocalStack;
import org.alliancechain.localstack.SuiteApp;

/**
 * Chain and database only (no Keycloak), for tests of the chain client: anvil, mining a block every
 * second, keeps its state in a
 * file so a test can stop and restart the node without losing the chain. The service key is the
 * odr-arbitration service's (a member account with the anchorer role).
 */
public class ChainTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "chain_client";
    private static LocalStack stack;
    /**
     * Blocks every second, like a QBFT network's block period. (anvil's automine also leaves
     * transactions that arrive out of order in its pool until another new one arrives — a quirk no
     * production node has, which interval mining avoids.) Tests pause mining with
     * {@code evm_setIntervalMining(0)} and resume it with {@code evm_setIntervalMining(1)}.
     */
    public static final double BLOCK_TIME_SECONDS = 1;

    @Override
    public Map<String, String> start() {
        var running = stack();
        running.database().ensureDatabase(DATABASE);
        var config = new HashMap<>(running.contracts().appConfig());
        config.put("quarkus.datasource.jdbc.url", running.database().jdbcUrl(DATABASE));
        config.put("quarkus.datasource.username", running.database().user());
        config.put("quarkus.datasource.password", running.database().password());
        config.putAll(SuiteTestResource.serviceKey(SuiteApp.ODR_ARBITRATION.id()));
        return config;
    }

    public static synchronized LocalStack stack() {
        if (stack == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "local-stack").toAbsolutePath());
                Path state = Files.createTempDirectory(dir, "anvil").resolve("state.json");
                stack = LocalStack.start(LocalStack.Options.chainOnly(dir, state, Optional.of(BLOCK_TIME_SECONDS)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "chain-stack-stop"));
            if (Boolean.parseBoolean(System.getProperty("suite.test-stack.prestart", "true"))
                    && !"private".equals(System.getProperty("suite.test-stack"))) {
                // The fault tests leave the machine idle for long stretches (a 30 s outage, paused mining):
                // the build's shared stack boots meanwhile, for the modules after this one.
                StackKeeper.prestart();
            }
        }
        return stack;
    }

    /** The anvil node, to stop and restart it in fault tests. */
    public static AnvilNode anvil() {
        return stack().anvil().orElseThrow();
    }

    @Override
    public void stop() {
        // The shutdown hook stops the stack.
    }
}
