package org.alliancechain.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real files written by others, kept beside the repository in {@code ../shared/fixtures/} (see its
 * README: the standards' own examples with their licences). Tests read them in place; the
 * repository root is the build's {@code suite.root} (set by the root pom's surefire
 * configuration), else the working directory or its nearest parent holding {@code mvnw}.
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    /** The fixtures folder, {@code <repository>/../shared/fixtures}. */
    public static Path root() {
        Path repository = repositoryRoot();
        Path fixtures = repository.resolve("../shared/fixtures").normalize();
        if (!Files.isDirectory(fixtures)) {
            throw new IllegalStateException("the shared fixtures are missing: expected " + fixtures);
        }
        return fixtures;
    }

    /** One fixture, e.g. {@code ofd/20240531141733.ofd}. */
    public static Path path(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no shared fixture " + file);
        }
        return file;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of one folder whose names end with {@code suffix}, sorted by name. */
    public static List<Path> list(String folder, String suffix) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        String suiteRoot = System.getProperty("suite.root");
        if (suiteRoot != null && !suiteRoot.isBlank() && Files.isRegularFile(Path.of(suiteRoot).resolve("mvnw"))) {
            return Path.of(suiteRoot).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("shared-evidence"))) {
                return dir;
            }
        }
        throw new IllegalStateException("the repository root is unknown: run the tests through Maven (suite.root)");
    }
}
