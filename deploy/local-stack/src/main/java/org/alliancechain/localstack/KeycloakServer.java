package org.alliancechain.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Keycloak from the distribution on Maven Central, unpacked once into the user cache and reused.
 * Each start imports the suite's realm into an in-memory database, with the hostname fixed so that
 * the token issuer does not depend on how a client reached the server.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "alliance";
    public static final String ADMIN_USER = "admin";
    /** Bootstrap admin of the local development server only. */
    public static final String ADMIN_PASSWORD = "admin";

    private final int port;
    private final Process process;

    private KeycloakServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** @param port 0 for a free port */
    public static KeycloakServer start(int port, Path logDir) {
        Ports.requireFree(port, "Keycloak");
        int actual = port == 0 ? Ports.free() : port;
        Path home = unpacked();
        installRealm(home);
        String base = "http://127.0.0.1:" + actual;
        List<String> cmd = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + actual,
                "--http-management-port=" + Ports.free(),
                "--hostname=" + base,
                "--db=dev-mem",
                "--import-realm",
                "--features=organization",
                "--log-level=warn,org.keycloak.services:info");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Path log = logDir.resolve("keycloak.log");
        try {
            var process = LoggedProcess.start(cmd, log, env, home);
            var server = new KeycloakServer(actual, process);
            server.awaitReady(log, Duration.ofMinutes(3));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak: " + e.getMessage(), e);
        }
    }

    /** The base URL, e.g. http://127.0.0.1:8180. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the suite's realm: the OIDC auth-server-url of every app. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    private void awaitReady(Path log, Duration timeout) {
        Wait.untilHttpOk("Keycloak on port " + port, realmUrl() + "/.well-known/openid-configuration", timeout, log, process);
    }

    /** Unpacks the distribution once; concurrent first runs wait on a file lock. */
    static Path unpacked() {
        String version = StackSettings.keycloakVersion();
        Path cache = StackSettings.cacheDir();
        Path home = cache.resolve("keycloak-" + version);
        Path marker = home.resolve(".unpacked");
        if (Files.exists(marker)) {
            return home;
        }
        try {
            Files.createDirectories(cache);
            try (var lockFile = FileChannel.open(cache.resolve("keycloak-" + version + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var lock = lockFile.lock()) {
                if (Files.exists(marker)) {
                    return home;
                }
                Path staging = cache.resolve("keycloak-" + version + ".partial");
                deleteTree(staging);
                unzip(StackSettings.keycloakZip(), staging);
                // The zip holds one top-level directory keycloak-<version>/.
                Path top = staging.resolve("keycloak-" + version);
                deleteTree(home);
                Files.move(top, home);
                deleteTree(staging);
                Files.writeString(marker, version);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Keycloak into " + home, e);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (var file = new ZipFile(zip.toFile())) {
            for (var entries = file.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (out.getFileName().toString().endsWith(".sh")) {
                    out.toFile().setExecutable(true);
                }
            }
        }
    }

    private static void installRealm(Path home) {
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/alliance-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("realm file missing from the local-stack jar");
            }
            Path dir = Files.createDirectories(home.resolve("data/import"));
            Path tmp = Files.createTempFile(dir, "realm", ".tmp");
            Files.copy(realm, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve("alliance-realm.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        ProcessReaper.stop(process.toHandle(), Duration.ofSeconds(15));
    }
}
