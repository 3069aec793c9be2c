package org.alliancechain.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The suite's infrastructure as one object: chain node with deployed and seeded contracts,
 * PostgreSQL, Keycloak. Started in parallel, stopped in reverse order, each piece optional
 * (an external chain or database replaces the embedded one).
 */
public final class LocalStack implements AutoCloseable {

    /**
     * What to start; ports 0 mean free ports (tests), fixed ports are for ./run. With
     * {@code demoMembers} every demo organisation is admitted on chain while deploying (tests);
     * without, only the founding member is, and ./run onboards the others with the onboarding tool.
     * With {@code chainHistory}, a new anvil chain starts that long before the wall clock: demo data
     * that needs days to pass (maturities, grace periods) moves it forward ({@link #history()}).
     */
    public record Options(int anvilPort, int postgresPort, int keycloakPort, Optional<String> externalChainUrl,
                          Optional<Database> externalDatabase, Optional<Path> dataDir, Optional<Double> blockTime,
                          Path logDir, boolean withKeycloak, Optional<Path> anvilState, boolean demoMembers,
                          Optional<java.time.Duration> chainHistory) {

        public static Options forTests(Path logDir) {
            return new Options(0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), logDir, true,
                    Optional.empty(), true, Optional.empty());
        }

        /** Chain and database only, for tests of the chain client. */
        public static Options chainOnly(Path logDir, Path anvilState) {
            return chainOnly(logDir, anvilState, Optional.empty());
        }

        /** Chain (optionally with interval mining, like a QBFT network's block period) and database only. */
        public static Options chainOnly(Path logDir, Path anvilState, Optional<Double> blockTime) {
            return new Options(0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(), blockTime, logDir, false,
                    Optional.of(anvilState), true, Optional.empty());
        }
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private AnvilNode anvil;
    private Database database;
    private KeycloakServer keycloak;
    private SuiteContracts contracts;
    private ChainHistory history;

    private LocalStack() {
    }

    public static LocalStack start(Options options) {
        var stack = new LocalStack();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        var keycloak = CompletableFuture.supplyAsync(() -> options.withKeycloak()
                ? stack.register(KeycloakServer.start(options.keycloakPort(), options.logDir())) : null, pool);
        var database = CompletableFuture.supplyAsync(() -> options.externalDatabase().orElseGet(
                () -> stack.register(EmbeddedDatabase.start(options.postgresPort(),
                        options.dataDir().map(d -> d.resolve("postgres"))))), pool);
        var chain = CompletableFuture.supplyAsync(() -> stack.startChain(options), pool);
        pool.shutdown();
        try {
            stack.database = database.join();
            stack.contracts = chain.join();
            stack.keycloak = keycloak.join();
            return stack;
        } catch (CompletionException e) {
            // Let the other pieces finish starting, then stop whatever did start.
            CompletableFuture.allOf(keycloak, database, chain).exceptionally(t -> null).join();
            stack.close();
            throw e.getCause() instanceof RuntimeException re ? re
                    : new IllegalStateException("local stack failed to start: " + e.getMessage(), e);
        }
    }

    private <T extends AutoCloseable> T register(T server) {
        synchronized (started) {
            started.add(server);
        }
        return server;
    }

    private SuiteContracts startChain(Options options) {
        String rpcUrl;
        if (options.externalChainUrl().isPresent()) {
            rpcUrl = options.externalChainUrl().get();
        } else {
            var stateFile = options.anvilState().or(() -> options.dataDir().map(d -> d.resolve("anvil-state.json")));
            boolean fresh = stateFile.map(java.nio.file.Files::notExists).orElse(true);
            var genesis = options.chainHistory().filter(h -> fresh).map(h -> java.time.Instant.now().minus(h));
            anvil = register(AnvilNode.start(options.anvilPort(), stateFile, options.blockTime(), options.logDir(), genesis));
            rpcUrl = anvil.rpcUrl();
            if (genesis.isPresent()) {
                history = new ChainHistory(anvil, ChainHistory.SERVICES_FOLLOW);
            }
        }
        var saved = options.dataDir().map(d -> d.resolve("contracts.properties"));
        if (saved.isPresent()) {
            var previous = Deployments.load(saved.get(), rpcUrl);
            if (previous.isPresent()) {
                return previous.get();
            }
        }
        // Deploying and seeding is many transactions one after another: mine each at once, then return
        // to the block period the node was started with.
        var holder = new SuiteContracts[1];
        String url = rpcUrl;
        withInstantBlocks(options.blockTime(), () -> holder[0] = DemoConsortium.deployAndSeed(url, options.demoMembers()));
        var deployed = holder[0];
        saved.ifPresent(file -> Deployments.save(file, deployed));
        return deployed;
    }

    /** Runs chain writes with a block per transaction (set-up work), then returns to the block period. */
    public void withInstantBlocks(Optional<Double> blockTime, Runnable work) {
        boolean interval = anvil != null && blockTime.isPresent();
        if (interval) {
            anvil.setAutomine(true);
        }
        try {
            work.run();
        } finally {
            if (interval) {
                anvil.setIntervalMining(blockTime.get());
            }
        }
    }

    /**
     * The clock of a new chain that started in the past ({@link Options#chainHistory()}), until it is
     * brought to the present; empty for a chain that was already there or is not ours.
     */
    public Optional<ChainHistory> history() {
        return Optional.ofNullable(history).filter(h -> !h.present());
    }

    public Optional<AnvilNode> anvil() {
        return Optional.ofNullable(anvil);
    }

    public Database database() {
        return database;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public SuiteContracts contracts() {
        return contracts;
    }

    @Override
    public void close() {
        List<AutoCloseable> toStop;
        synchronized (started) {
            toStop = new ArrayList<>(started);
            started.clear();
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            try {
                toStop.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + toStop.get(i).getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }
    }
}
