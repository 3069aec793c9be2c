package org.alliancechain.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Polls a readiness condition; fails with the tail of the server's log when it does not come. */
final class Wait {

    private Wait() {
    }

    static void until(String what, Duration timeout, Path log, Process process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited with code " + process.exitValue() + "\n" + tail(log));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        if (process != null) {
            ProcessReaper.stop(process.toHandle(), Duration.ofSeconds(5));
        }
        throw new IllegalStateException(what + " not ready after " + timeout.toSeconds() + " s\n" + tail(log));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    /** Waits until the request answers 200. */
    static void untilHttpOk(String what, HttpRequest request, Duration timeout, Path log, Process process) {
        until(what, timeout, log, process, () -> {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    static void untilHttpOk(String what, String url, Duration timeout, Path log, Process process) {
        untilHttpOk(what, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), timeout, log, process);
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
