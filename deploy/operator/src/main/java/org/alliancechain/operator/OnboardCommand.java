package org.alliancechain.operator;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.alliancechain.chain.api.ConsortiumRole;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.localstack.ConsortiumBootstrap;
import org.alliancechain.localstack.DevKeys;
import org.alliancechain.localstack.DevKeystores;
import org.alliancechain.localstack.KeycloakServer;
import org.alliancechain.localstack.StackSettings;
import org.alliancechain.localstack.SuiteApp;
import org.alliancechain.localstack.SuiteContracts;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/** The ./onboard command. */
public final class OnboardCommand {

    static final String USAGE = """
            Usage: ./onboard --alias ALIAS --admin-user NAME --admin-email EMAIL [options]

            Brings a new member organisation into the consortium: creates it in Keycloak, generates its
            chain key in each service's key custody and its document-signing certificate, has its
            membership proposed by one consortium admin and approved by another on chain, and creates
            its first admin user. Each step is skipped when already done: run it again after a failure.
            Defaults point at the suite started by ./run on this machine.

            Organisation:
              --alias ALIAS            Keycloak organisation alias and key id (a-z, 0-9, '-')
              --name NAME              display name (default: the alias)
              --domain DOMAIN          e-mail domain of its users (repeatable; default ALIAS.example)
              --role ROLE              on-chain role to grant (repeatable; default ANCHORER)
            First admin user:
              --admin-user NAME, --admin-email EMAIL, --admin-first-name, --admin-last-name
              --admin-password PASS    (default: a generated one-time password, printed once, that
                                       Keycloak makes the user change at first login)
            Keycloak:
              --keycloak URL           (default http://127.0.0.1:8180)
              --realm REALM            (default alliance)
              --keycloak-admin USER    master-realm administrator (default admin; password from
                                       $KEYCLOAK_ADMIN_PASSWORD, default admin on the local stack)
            Chain:
              --rpc URL                (default: the ./run suite's, from .run-state/suite.properties)
              --member-registry ADDR   (default: the ./run suite's)
              --proposer-key FILE, --approver-key FILE
                                       keystores of two consortium admins (passphrase from
                                       $ONBOARD_ADMIN_KEY_PASSPHRASE); default: the local stack's
                                       development admins 1 and 2
            Key custody:
              --custody APP=DIR        a service's key-custody directory (repeatable; default
                                       .run-state/keys/APP for the four services); passphrase from
                                       $CHAIN_KEY_CUSTODY_PASSPHRASE (default: the local stack's)
              --pki DIR                development PKI issuing document-signing certificates (default
                                       .run-state/pki, password $SUITE_EVIDENCE_PKI_PASSWORD)
              --no-dev-pki             production: do not issue; the organisation's own PKCS#12 must
                                       already be in each custody as ALIAS.p12
              -h, --help
            """;

    private OnboardCommand() {
    }

    public static void main(String[] args) {
        try {
            int code = run(args);
            System.exit(code);
        } catch (IllegalArgumentException e) {
            System.err.println("./onboard: " + e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("./onboard: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) {
        Map<String, List<String>> o = parse(args);
        if (o.containsKey("help")) {
            System.out.print(USAGE);
            return 0;
        }
        Path root = StackSettings.suiteRoot();
        Properties suite = suiteProperties(root);
        var organisation = new Onboarding.Organisation(required(o, "alias"), one(o, "name", null), o.get("domain"));
        var admin = new Onboarding.AdminUser(required(o, "admin-user"), required(o, "admin-email"),
                one(o, "admin-first-name", null), one(o, "admin-last-name", null), one(o, "admin-password", null));
        List<byte[]> roles = new ArrayList<>();
        for (String role : o.getOrDefault("role", List.of("ANCHORER"))) {
            try {
                roles.add(ConsortiumRole.valueOf(role.strip().toUpperCase(java.util.Locale.ROOT)).id());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--role " + role + " is not a consortium role (" + List.of(ConsortiumRole.values()) + ")");
            }
        }
        String rpc = one(o, "rpc", suite.getProperty("rpc-url", "http://127.0.0.1:8545"));
        String registry = one(o, "member-registry", suite.getProperty(SuiteContracts.key(SuiteContracts.MEMBER_REGISTRY)));
        if (registry == null) {
            throw new IllegalArgumentException("--member-registry is needed (no ./run suite found in " + root.resolve(".run-state") + ")");
        }
        Map<String, Path> custody = new LinkedHashMap<>();
        for (String entry : o.getOrDefault("custody", List.of())) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--custody takes APP=DIR, not " + entry);
            }
            custody.put(entry.substring(0, eq), Path.of(entry.substring(eq + 1)));
        }
        if (custody.isEmpty()) {
            for (SuiteApp app : SuiteApp.values()) {
                custody.put(app.id(), root.resolve(".run-state/keys/" + app.id()));
            }
        }
        String custodyPassphrase = env("CHAIN_KEY_CUSTODY_PASSPHRASE", DevKeystores.PASSPHRASE);
        DevPki pki = o.containsKey("no-dev-pki") ? null : DevPki.openOrCreate(
                Path.of(one(o, "pki", root.resolve(".run-state/pki").toString())),
                env("SUITE_EVIDENCE_PKI_PASSWORD", DevKeystores.PASSPHRASE).toCharArray(),
                suite.getProperty("crl-url", "http://127.0.0.1:" + SuiteApp.values()[0].port() + "/pki/root.crl"));
        Credentials proposer = adminKey(o, "proposer-key", 1);
        Credentials approver = adminKey(o, "approver-key", 2);

        try (var governance = new ConsortiumBootstrap(rpc, proposer, approver);
             var keycloak = new KeycloakOrganisations(one(o, "keycloak", suite.getProperty("keycloak-url", "http://127.0.0.1:8180")),
                     one(o, "realm", KeycloakServer.REALM), one(o, "keycloak-admin", KeycloakServer.ADMIN_USER),
                     env("KEYCLOAK_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD))) {
            var known = new Properties();
            known.putAll(suite);
            known.setProperty(SuiteContracts.key(SuiteContracts.MEMBER_REGISTRY), registry);
            var contracts = SuiteContracts.from(rpc, governance.chainId(), known);
            var result = new Onboarding(keycloak, governance, contracts, custody, custodyPassphrase.toCharArray(), pki,
                    System.out::println).onboard(organisation, admin, roles);
            System.out.println();
            System.out.println("Onboarded " + result.alias() + ". Chain accounts:");
            result.accounts().forEach((app, address) -> System.out.printf("  %-16s %s%n", app, address));
            if (result.generatedPassword() != null) {
                System.out.println("One-time password of " + admin.username() + " (shown once; to be changed at first login): "
                        + result.generatedPassword());
            }
            return 0;
        }
    }

    private static Credentials adminKey(Map<String, List<String>> o, String option, int devAdmin) {
        String file = one(o, option, null);
        if (file == null) {
            return DevKeys.admin(devAdmin);
        }
        try {
            return WalletUtils.loadCredentials(env("ONBOARD_ADMIN_KEY_PASSPHRASE", ""), Path.of(file).toFile());
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot open the admin key " + file + ": " + e.getMessage());
        }
    }

    /** What ./run wrote about the suite it started: node, contracts, Keycloak. */
    private static Properties suiteProperties(Path root) {
        var props = new Properties();
        Path file = root.resolve(".run-state/suite.properties");
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return props;
    }

    private static Map<String, List<String>> parse(String[] args) {
        var flags = java.util.Set.of("no-dev-pki", "help");
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            if (name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            } else if (!flags.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                value = args[++i];
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return options;
    }

    private static String required(Map<String, List<String>> o, String name) {
        String value = one(o, name, null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static String one(Map<String, List<String>> o, String name, String fallback) {
        var values = o.get(name);
        return values == null || values.isEmpty() ? fallback : values.getLast();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
