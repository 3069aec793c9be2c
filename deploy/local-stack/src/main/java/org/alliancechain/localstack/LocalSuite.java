package org.alliancechain.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** The ./run command: the whole suite on embedded defaults, stopped cleanly on Ctrl-C. */
public final class LocalSuite {

    static final String USAGE = """
            Usage: ./run [options]

            Starts the Alliance Chain Suite on this machine without Docker: anvil (chain, port 8545),
            PostgreSQL (embedded, port 15432), Keycloak (port 8180, realm 'alliance' with demo users),
            deploys the contracts, onboards the demo organisations (./onboard: Keycloak organisation
            and admin user, keys in each service's custody, membership on chain), and starts the four services
            (odr-arbitration 8081, e-invoice 8082, supply-finance 8083, copyright 8084).
            Ctrl-C stops everything.

            Options:
              --data DIR            keep chain state and database in DIR across runs (default: fresh each run)
              --chain-url URL       use this JSON-RPC node instead of starting anvil (contracts are deployed
                                    there with the development keys, once when --data is given; the node must
                                    accept gas price 0)
              --block-time SECONDS  seconds between blocks (default 1, like a QBFT block period;
                                    0 = a block per transaction)
              --db-url URL          use this PostgreSQL server instead of the embedded one,
                                    e.g. jdbc:postgresql://db.example:5432 (databases are created if missing)
              --db-user USER        user for --db-url (default postgres)
              --db-password PASS    password for --db-url (default: $SUITE_DB_PASSWORD)
              --apps a,b            start only these services (ids: odr-arbitration, e-invoice,
                                    supply-finance, copyright)
              --infra-only          start chain, database and Keycloak only (to run a service in dev mode)
              --build               rebuild before starting (otherwise ./run builds only what is missing)
              -h, --help            this text
            """;

    /** How far in the past a new demo chain starts: room for a maturity that rolls over a long holiday, and the grace days. */
    static final Duration CHAIN_HISTORY = Duration.ofDays(14);

    private LocalSuite() {
    }

    public static void main(String[] args) throws Exception {
        // Initialise java.util.logging here, on one thread, before the stack's start-up threads log.
        java.util.logging.LogManager.getLogManager();
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("./run: " + e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(USAGE);
            return;
        }
        long t0 = System.nanoTime();
        Path root = StackSettings.suiteRoot();
        Path logDir = root.resolve(".run-state/logs");
        Files.createDirectories(logDir);
        System.out.println("Starting chain, database and Keycloak (logs in " + logDir + ") ...");

        // A new demo chain starts in the past, so the demo can let maturities and grace days pass on it (ADR 0027).
        var history = options.infraOnly ? Optional.<Duration>empty() : Optional.of(CHAIN_HISTORY);
        var stackOptions = new LocalStack.Options(8545, 15432, 8180, options.chainUrl, options.database(),
                options.dataDir, options.blockTime, logDir, true, Optional.empty(), false, history);
        var stack = LocalStack.start(stackOptions);
        Map<SuiteApp, Path> custody = new LinkedHashMap<>();
        for (SuiteApp app : SuiteApp.values()) {
            custody.put(app, DevKeystores.write(root.resolve(".run-state/keys/" + app.id()), "service", DevKeys.service(app.id())));
        }
        var seeder = java.util.ServiceLoader.load(StackSeeder.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "the onboarding tool (deploy/operator) is not on the classpath: start the suite with ./run"));
        writeSuiteProperties(root, stack);
        System.out.println("Onboarding the demo organisations ...");
        stack.withInstantBlocks(options.blockTime, () -> seeder.seed(stack, root, custody));
        List<Process> services = new ArrayList<>();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping ...");
            services.forEach(p -> ProcessReaper.stop(p.toHandle(), Duration.ofSeconds(20)));
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "suite-shutdown"));

        if (!options.infraOnly) {
            var launches = new ArrayList<CompletableFuture<Void>>();
            for (SuiteApp app : options.apps) {
                stack.database().ensureDatabase(app.database());
                Process p = startService(root, app, stack, logDir);
                services.add(p);
                launches.add(CompletableFuture.runAsync(() -> awaitReady(app, p, logDir)));
            }
            CompletableFuture.allOf(launches.toArray(CompletableFuture[]::new)).join();
            populateDemo(stack, options.apps);
        }
        printSummary(stack, options, Duration.ofNanos(System.nanoTime() - t0));
        stopped.await();
    }

    /** The demo data of the started services (idempotent); a failure is printed, the suite keeps running. */
    private static void populateDemo(LocalStack stack, List<SuiteApp> apps) {
        var services = new java.util.LinkedHashMap<SuiteApp, String>();
        for (SuiteApp app : apps) {
            services.put(app, "http://127.0.0.1:" + app.port());
        }
        var demos = java.util.ServiceLoader.load(DemoData.class).stream().map(java.util.ServiceLoader.Provider::get).toList();
        var history = stack.history();
        if (history.isPresent()) {
            try {
                System.out.println("Demo history: the new chain started " + CHAIN_HISTORY.toDays() + " days ago ...");
                for (var demo : demos) {
                    try {
                        demo.history(stack, services, history.get());
                    } catch (Exception e) {
                        System.out.println("  demo history of " + demo.name() + " not complete: " + e.getMessage());
                    }
                }
            } finally {
                try {
                    history.get().toPresent();
                    System.out.println("  the chain's clock is at the present");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    System.out.println("  the chain could not be brought to the present: " + e.getMessage());
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return; // stopping
            }
        }
        for (var demo : demos) {
            System.out.println("Demo data: " + demo.name() + " ...");
            try {
                demo.populate(stack, services);
            } catch (Exception e) {
                System.out.println("  demo data of " + demo.name() + " not complete: " + e.getMessage());
            }
        }
    }

    /** Where the suite runs, for ./onboard and other tools: node, contracts, Keycloak. */
    private static void writeSuiteProperties(Path root, LocalStack stack) throws IOException {
        var props = new java.util.Properties();
        var contracts = stack.contracts();
        props.setProperty("rpc-url", contracts.rpcUrl());
        props.setProperty("chain-id", String.valueOf(contracts.chainId()));
        contracts.store(props);
        props.setProperty("keycloak-url", stack.keycloak().baseUrl());
        props.setProperty("crl-url", "http://127.0.0.1:" + SuiteApp.values()[0].port() + "/pki/root.crl");
        try (var out = Files.newBufferedWriter(root.resolve(".run-state/suite.properties"))) {
            props.store(out, "The suite started by ./run");
        }
    }

    /** A random secret made once per checkout (.run-state/session-secret, owner-only), so sign-ins survive a service restart. */
    private static synchronized String sessionSecret(Path root) throws IOException {
        Path file = root.resolve(".run-state/session-secret");
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            Files.createDirectories(file.getParent());
            Files.writeString(file, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions apply
            }
        }
        return Files.readString(file).strip();
    }

    private static Process startService(Path root, SuiteApp app, LocalStack stack, Path logDir) throws IOException {
        Path jar = root.resolve("apps/" + app.id() + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: ./run builds it; run ./mvnw install -DskipTests");
        }
        var db = stack.database();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", String.valueOf(app.port()));
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl(app.database()));
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.oidc.auth-server-url", stack.keycloak().realmUrl());
        config.putAll(stack.contracts().appConfig());
        config.put("chain.key-custody.directory", root.resolve(".run-state/keys/" + app.id()).toString());
        // One development PKI for the whole suite: every service signs under the same roots.
        config.put("suite.evidence.pki-directory", root.resolve(".run-state/pki").toString());
        config.put("suite.evidence.public-url", "http://127.0.0.1:" + app.port());
        // copyright's work index snapshot lives with the suite's other state (read back at the next start)
        config.put("copyright.index.snapshot", root.resolve(".run-state/index/" + app.id() + "-works.snapshot").toString());
        // The header of every page links the four applications.
        for (var other : SuiteApp.values()) {
            config.put("suite.apps." + other.id() + ".url", "http://127.0.0.1:" + other.port());
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx384m");
        config.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString()));
        // Secrets go through the environment, not the command line that `ps` shows.
        Map<String, String> env = Map.of(
                // The pages' session cookies are encrypted with this suite's own secret (kept in .run-state), not one made up at each start.
                "QUARKUS_OIDC_WEB_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", sessionSecret(root),
                "QUARKUS_DATASOURCE_PASSWORD", db.password(),
                "CHAIN_KEY_CUSTODY_PASSPHRASE", DevKeystores.PASSPHRASE,
                "SUITE_EVIDENCE_PKI_PASSWORD", DevKeystores.PASSPHRASE);
        return LoggedProcess.start(cmd, logDir.resolve(app.id() + ".log"), env, root);
    }

    private static void awaitReady(SuiteApp app, Process process, Path logDir) {
        Wait.untilHttpOk(app.id(), "http://127.0.0.1:" + app.port() + "/q/health/ready", Duration.ofMinutes(3),
                logDir.resolve(app.id() + ".log"), process);
        System.out.println("  " + app.id() + " ready");
    }

    private static void printSummary(LocalStack stack, Options options, Duration took) {
        var out = new StringBuilder();
        out.append("\nAlliance Chain Suite is up (").append(took.toSeconds()).append(" s). Ctrl-C stops everything.\n\n");
        if (!options.infraOnly) {
            out.append(String.format("  %-16s %-28s %s%n", "service", "API", "Swagger UI"));
            for (SuiteApp app : options.apps) {
                String base = "http://127.0.0.1:" + app.port();
                out.append(String.format("  %-16s %-28s %s%n", app.id(), base + "/api", base + "/q/swagger-ui"));
            }
        }
        out.append("\n  chain (JSON-RPC)   ").append(stack.contracts().rpcUrl());
        stack.contracts().addresses().forEach((name, address) -> out.append("  ").append(name).append(' ').append(address));
        out.append('\n');
        out.append("  PostgreSQL         ").append(stack.database().serverUrl()).append(" (user ")
                .append(stack.database().user()).append(")\n");
        out.append("  Keycloak           ").append(stack.keycloak().baseUrl()).append("/admin  (")
                .append(KeycloakServer.ADMIN_USER).append(" / ").append(KeycloakServer.ADMIN_PASSWORD).append(")\n");
        if (!options.infraOnly && options.apps.contains(SuiteApp.values()[0])) {
            String odr = "http://127.0.0.1:" + SuiteApp.values()[0].port();
            out.append("\nPages: ").append(odr).append("/app/cases (cases, sign in e.g. as alice, clerk.hz or arb.hz) · ")
                    .append(odr).append("/verify (public verification, every service has one)\n");
        }
        var invoices = java.util.Arrays.stream(SuiteApp.values()).filter(a -> a.id().equals("e-invoice")).findFirst();
        if (!options.infraOnly && invoices.isPresent() && options.apps.contains(invoices.get())) {
            String app = "http://127.0.0.1:" + invoices.get().port();
            out.append("       ").append(app).append("/app (e-invoices: tax.officer, issuer.acme, receiver.nova, approver.nova, finance.pixel) · ")
                    .append(app).append("/verify/invoice (public invoice check)\n");
        }
        var finance = java.util.Arrays.stream(SuiteApp.values()).filter(a -> a.id().equals("supply-finance")).findFirst();
        if (!options.infraOnly && finance.isPresent() && options.apps.contains(finance.get())) {
            String app = "http://127.0.0.1:" + finance.get().port();
            out.append("       ").append(app).append("/app/certificates (receivables: core.nova, supplier.acme, supplier.pixel, supplier.daily, bank.blue, bank.river, operator) · ")
                    .append(app).append("/app/financings (the financing desk)\n");
        }
        out.append("\nDemo logins (password 'demo'), e.g. alice (claimant, Acme Trading), clerk.hz (clerk), arb.hz (arbitrator),\n")
                .append("  issuer.acme, tax.officer, supplier.acme, bank.blue, rights.daily, admin1 — see deploy/keycloak/README.md.\n")
                .append("\nA token for alice:\n  curl -s -d grant_type=password -d client_id=suite-cli -d username=alice -d password=demo \\\n    ")
                .append(stack.keycloak().realmUrl()).append("/protocol/openid-connect/token\n");
        System.out.println(out);
    }

    /** Command-line options of ./run. */
    static final class Options {
        boolean help;
        boolean infraOnly;
        Optional<Path> dataDir = Optional.empty();
        Optional<String> chainUrl = Optional.empty();
        Optional<Double> blockTime = Optional.of(1.0);
        Optional<String> dbUrl = Optional.empty();
        String dbUser = "postgres";
        String dbPassword = Optional.ofNullable(System.getenv("SUITE_DB_PASSWORD")).orElse("");
        List<SuiteApp> apps = List.of(SuiteApp.values());

        static Options parse(String[] args) {
            var o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> o.help = true;
                    case "--infra-only" -> o.infraOnly = true;
                    case "--data" -> o.dataDir = Optional.of(Path.of(value(args, ++i, arg)).toAbsolutePath());
                    case "--chain-url" -> o.chainUrl = Optional.of(value(args, ++i, arg));
                    case "--block-time" -> {
                        try {
                            double seconds = Double.parseDouble(value(args, ++i, arg));
                            o.blockTime = seconds > 0 ? Optional.of(seconds) : Optional.empty();
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--block-time needs a number of seconds");
                        }
                    }
                    case "--db-url" -> o.dbUrl = Optional.of(value(args, ++i, arg));
                    case "--db-user" -> o.dbUser = value(args, ++i, arg);
                    case "--db-password" -> o.dbPassword = value(args, ++i, arg);
                    case "--apps" -> o.apps = java.util.Arrays.stream(value(args, ++i, arg).split(","))
                            .map(String::trim).map(SuiteApp::byId).toList();
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return o;
        }

        Optional<Database> database() {
            return dbUrl.map(url -> Database.external(url, dbUser, dbPassword));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
