package org.alliancechain.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where things are: the repository, the per-user cache, the distributions the build resolved. */
public final class StackSettings {

    private static final Properties BUILD = load();

    private StackSettings() {
    }

    private static Properties load() {
        var props = new Properties();
        try (InputStream in = StackSettings.class.getResourceAsStream("/local-stack.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    /** The repository root: {@code SUITE_ROOT}, else the one this module was built in. */
    public static Path suiteRoot() {
        String root = firstNonBlank(System.getenv("SUITE_ROOT"), System.getProperty("suite.root"), BUILD.getProperty("suite.root"));
        if (root == null) {
            throw new IllegalStateException("suite root unknown: set SUITE_ROOT");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** Per-user cache for unpacked distributions: {@code SUITE_CACHE_DIR}, else ~/.cache/alliance-chain-suite. */
    public static Path cacheDir() {
        String explicit = System.getenv("SUITE_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("alliance-chain-suite");
    }

    public static String keycloakVersion() {
        return BUILD.getProperty("keycloak.version");
    }

    public static Path keycloakZip() {
        String zip = firstNonBlank(System.getenv("KEYCLOAK_DIST_ZIP"), BUILD.getProperty("keycloak.dist.zip"));
        if (zip == null || zip.startsWith("${") || !Files.isRegularFile(Path.of(zip))) {
            throw new IllegalStateException("Keycloak distribution not found (" + zip + "): build with ./mvnw install first");
        }
        return Path.of(zip);
    }

    /** The anvil binary from the contracts module's npm packages (ANVIL_BIN overrides). */
    public static Path anvilBinary() {
        String explicit = System.getenv("ANVIL_BIN");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch").toLowerCase();
        String platform = (os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : "linux")
                + "-" + (arch.contains("aarch64") || arch.contains("arm64") ? "arm64" : "amd64");
        Path bin = suiteRoot().resolve("contracts/node_modules/@foundry-rs/anvil-" + platform + "/bin/anvil");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException(bin + " is missing: build the contracts module (./mvnw install) first");
        }
        return bin;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
