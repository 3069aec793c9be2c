package org.alliancechain.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure Chromium and chromedriver are on this machine, by running the project's
 * {@code deploy/bin/install-chromium.sh} (Debian's {@code chromium}, {@code chromium-driver} and a CJK
 * font, through apt-get). Runs the script at most once per JVM; the script itself returns at once when
 * everything is installed.
 */
final class ChromiumInstall {

    static final String SCRIPT = "deploy/bin/install-chromium.sh";
    private static final long TIMEOUT_MINUTES = 15;

    private static Outcome outcome;

    /** What became of the install: ready, or why not (the reason goes into the skip message). */
    record Outcome(boolean ready, String reason) {
    }

    private ChromiumInstall() {
    }

    static synchronized Outcome ensure(Path chromium, Path chromedriver) {
        if (outcome == null) {
            outcome = run(chromium, chromedriver);
        }
        return outcome;
    }

    private static Outcome run(Path chromium, Path chromedriver) {
        Path root = repoRoot();
        if (root == null) {
            return Files.isExecutable(chromium) && Files.isExecutable(chromedriver)
                    ? new Outcome(true, "installed; " + SCRIPT + " not found above " + Path.of("").toAbsolutePath())
                    : new Outcome(false, SCRIPT + " not found above " + Path.of("").toAbsolutePath()
                            + " and " + chromium + " / " + chromedriver + " are not installed");
        }
        Path script = root.resolve(SCRIPT);
        Path log;
        try {
            log = Files.createTempFile("install-chromium", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Process process = new ProcessBuilder("bash", script.toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(false, SCRIPT + " did not finish within " + TIMEOUT_MINUTES + " minutes" + tail(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (!output.isEmpty()) {
                System.err.println("[HeadlessChromium] " + output.replace("\n", "\n[HeadlessChromium] "));
            }
            if (process.exitValue() != 0) {
                return new Outcome(false, SCRIPT + " exited " + process.exitValue() + tail(log));
            }
            if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
                return new Outcome(false, SCRIPT + " succeeded but " + chromium + " / " + chromedriver + " are missing");
            }
            return new Outcome(true, "installed");
        } catch (IOException e) {
            return new Outcome(false, "cannot run " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted while running " + script);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    /** The repository root: the working directory or the nearest parent that has {@code deploy/bin}. */
    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/bin")) && Files.isRegularFile(dir.resolve(SCRIPT))) {
                return dir;
            }
        }
        String suiteRoot = System.getProperty("suite.root"); // set by the root pom's surefire configuration
        if (suiteRoot != null && Files.isRegularFile(Path.of(suiteRoot).resolve(SCRIPT))) {
            return Path.of(suiteRoot).toAbsolutePath();
        }
        return null;
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return "";
            }
            String[] lines = text.split("\n");
            int from = Math.max(0, lines.length - 5);
            return ": " + String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length));
        } catch (IOException e) {
            return "";
        }
    }
}
