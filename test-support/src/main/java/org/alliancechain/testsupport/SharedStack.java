package org.alliancechain.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.alliancechain.localstack.Database;
import org.alliancechain.localstack.KeycloakServer;
import org.alliancechain.localstack.LocalStack;
import org.alliancechain.localstack.SuiteContracts;

/**
 * The local stack as the tests of one build see it: anvil with the deployed and seeded contracts,
 * PostgreSQL and Keycloak, run by the build's {@link StackKeeper} (a JVM of its own) and shared by
 * every module's tests. This JVM does not own the servers: it creates its databases there, reads
 * the chain, fetches tokens — and never stops anything (the keeper does, when the build ends).
 * See docs/adr/0014-one-test-stack-per-build.md.
 */
public record SharedStack(Database database, Keycloak keycloak, Optional<Node> anvil, SuiteContracts contracts) {

    /** The Keycloak server of the stack, with the suite's realm. */
    public record Keycloak(String baseUrl) {

        /** The issuer of the suite's realm: the OIDC auth-server-url of every app. */
        public String realmUrl() {
            return baseUrl + "/realms/" + KeycloakServer.REALM;
        }

        public int port() {
            return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
        }
    }

    /** The stack's anvil node (read and write it over JSON-RPC; it is not this JVM's to stop). */
    public record Node(String rpcUrl) {
    }

    /** A view of a stack this JVM started itself. */
    static SharedStack of(LocalStack stack) {
        var db = stack.database();
        return new SharedStack(Database.external(db.serverUrl(), db.user(), db.password()),
                new Keycloak(stack.keycloak().baseUrl()),
                stack.anvil().map(a -> new Node(a.rpcUrl())), stack.contracts());
    }

    /** The descriptor the keeper writes once the stack is up. */
    Properties toProperties() {
        var props = new Properties();
        props.setProperty("database.server-url", database.serverUrl());
        props.setProperty("database.user", database.user());
        props.setProperty("database.password", database.password());
        props.setProperty("keycloak.base-url", keycloak.baseUrl());
        anvil.ifPresent(a -> props.setProperty("anvil.rpc-url", a.rpcUrl()));
        // Contracts as their chain.* configuration, whatever contracts there are.
        contracts.appConfig().forEach((key, value) -> props.setProperty("contract." + key, value));
        return props;
    }

    static SharedStack fromProperties(Properties props) {
        Map<String, String> config = new HashMap<>();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith("contract.")) {
                config.put(name.substring("contract.".length()), props.getProperty(name));
            }
        }
        return new SharedStack(
                Database.external(props.getProperty("database.server-url"), props.getProperty("database.user"),
                        props.getProperty("database.password")),
                new Keycloak(props.getProperty("keycloak.base-url")),
                Optional.ofNullable(props.getProperty("anvil.rpc-url")).map(Node::new),
                SuiteContracts.fromAppConfig(config));
    }

    static Properties read(Path file) {
        var props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
