package org.alliancechain.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the programs the tests run besides the JVM are on this machine — Chromium and
 * chromedriver for the story tests, poppler's {@code pdfsig} and {@code openssl} for the independent
 * checks of signed PDFs and time-stamp tokens, Tesseract (with its Simplified and Traditional Chinese and English models) for the
 * copyright service's reading of screenshots — by running the project's
 * {@code deploy/bin/install-test-tools.sh} (Debian packages, through apt-get). Runs the script at most
 * once per JVM; the script itself returns at once when everything is installed. A check that needs a
 * tool calls {@link #ensure} before it looks for it, so a fresh machine gets the tool rather than a
 * skipped check.
 */
public final class TestTools {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path PDFSIG = Path.of("/usr/bin/pdfsig");
    public static final Path OPENSSL = Path.of("/usr/bin/openssl");
    public static final Path TESSERACT = Path.of("/usr/bin/tesseract");
    public static final Path TESSERACT_CHINESE = Path.of("/usr/share/tesseract-ocr/5/tessdata/chi_tra.traineddata");

    static final String SCRIPT = "deploy/bin/install-test-tools.sh";
    private static final long TIMEOUT_MINUTES = 15;

    private static Outcome outcome;

    /** What became of the install: ready, or why not (the reason goes into the skip message). */
    public record Outcome(boolean ready, String reason) {
    }

    private TestTools() {
    }

    /** Installs the tools if they are missing (once per JVM); says whether they are there now, and why not. */
    public static synchronized Outcome ensure() {
        if (outcome == null) {
            outcome = run();
        }
        return outcome;
    }

    /**
     * For a check that runs {@code tool}: installs the tools when it is missing, and skips the calling
     * test, saying why, only when it still is not there (no root, no network).
     */
    public static void assume(Path tool, String check) {
        if (Files.isExecutable(tool)) {
            return;
        }
        var install = ensure();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(tool),
                "SKIPPED: " + tool + " is not installed (" + install.reason() + "), so " + check + " cannot run here");
    }

    private static boolean installed() {
        return java.util.stream.Stream.of(CHROMIUM, CHROMEDRIVER, PDFSIG, OPENSSL, TESSERACT).allMatch(Files::isExecutable)
                && Files.isRegularFile(TESSERACT_CHINESE);
    }

    private static Outcome run() {
        Path root = repoRoot();
        if (root == null) {
            return installed()
                    ? new Outcome(true, "installed; " + SCRIPT + " not found above " + Path.of("").toAbsolutePath())
                    : new Outcome(false, SCRIPT + " not found above " + Path.of("").toAbsolutePath()
                            + " and some of " + CHROMIUM + ", " + CHROMEDRIVER + ", " + PDFSIG + ", " + OPENSSL + ", " + TESSERACT + " (with "
                            + TESSERACT_CHINESE.getFileName() + ") are not installed");
        }
        Path script = root.resolve(SCRIPT);
        Path log;
        try {
            log = Files.createTempFile("install-test-tools", ".log");
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
                System.err.println("[TestTools] " + output.replace("\n", "\n[TestTools] "));
            }
            if (process.exitValue() != 0) {
                return new Outcome(false, SCRIPT + " exited " + process.exitValue() + tail(log));
            }
            if (!installed()) {
                return new Outcome(false, SCRIPT + " succeeded but some of " + CHROMIUM + ", " + CHROMEDRIVER + ", " + PDFSIG + ", "
                        + OPENSSL + " are missing");
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
    public static Path repoRoot() {
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
