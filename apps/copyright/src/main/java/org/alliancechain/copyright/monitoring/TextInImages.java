package org.alliancechain.copyright.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.alliancechain.copyright.fingerprint.image.GreyPng;
import org.alliancechain.copyright.fingerprint.image.ImageFingerprintException;
import org.alliancechain.service.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The text in a screenshot of an article (copyright.md §3.3: PDQ sees 64 × 64 and fails on dense text, so such images go
 * to the text path). Recognised by Tesseract (the {@code tesseract} command, Debian's {@code tesseract-ocr} with
 * {@code tesseract-ocr-chi-sim}, {@code -chi-tra} and {@code -eng}), run as a separate process on a grey PNG this service
 * made from the decoded image ({@link GreyPng}: the pixel limit checked before decoding), the page read as one block of
 * text ({@code --psm 6}: a screenshot of an article; with chi_sim+eng 22 of the first 25 Simplified Chinese excerpts
 * found against 29 of 40 with automatic segmentation, ScreenshotRecallBenchmark), Simplified, Traditional and English models together, one thread per process, at
 * most {@code copyright.ocr.concurrency} at a time, killed after {@code copyright.ocr.timeout}; what it prints is
 * read up to 1 MB. Nothing is written to disk.
 */
@ApplicationScoped
public class TextInImages {

    /**
     * The refusal of {@code readText} for what is not an image ({@code what}: "this file is text/plain", "the page … is
     * text/html"): a text is compared as it is, never read as a picture of one.
     */
    public static ProblemException notAnImage(String what, String field) {
        return new ProblemException(ProblemException.UNPROCESSABLE, "only an image is read as a screenshot of a text; " + what, field);
    }

    private static final int MAX_OUTPUT = 1 << 20;

    private final String command;
    private final String languages;
    private final Duration timeout;
    private final Semaphore slots;

    public TextInImages(@ConfigProperty(name = "copyright.ocr.command", defaultValue = "tesseract") String command,
                 @ConfigProperty(name = "copyright.ocr.languages", defaultValue = "chi_sim+chi_tra+eng") String languages,
                 @ConfigProperty(name = "copyright.ocr.timeout", defaultValue = "PT20S") Duration timeout,
                 @ConfigProperty(name = "copyright.ocr.concurrency", defaultValue = "2") int concurrency) {
        this.command = command;
        this.languages = languages;
        this.timeout = timeout;
        this.slots = new Semaphore(Math.max(1, concurrency), true);
    }

    /** What reads the text, as a record or report names it. */
    public String engine() {
        return "Tesseract: " + command + " -l " + languages + " --psm 6";
    }

    /**
     * The text Tesseract reads in the image, as it printed it (lines and blank lines between blocks).
     *
     * @param field the request field the image came in, named by refusals
     * @throws ProblemException 422 when the file is not a readable image, 503 when the recogniser is not installed, failed
     *                          or took too long
     */
    public String read(byte[] image, String field) {
        byte[] png;
        try {
            png = GreyPng.of(image);
        } catch (ImageFingerprintException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, e.getMessage(), field);
        }
        boolean acquired = false;
        try {
            acquired = slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                throw unavailable("every text recogniser is busy; try again", field);
            }
            return run(png, field);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the text recognition was interrupted", field);
        } finally {
            if (acquired) {
                slots.release();
            }
        }
    }

    private String run(byte[] png, String field) throws InterruptedException {
        Process process;
        try {
            var builder = new ProcessBuilder(List.of(command, "stdin", "stdout", "-l", languages, "--psm", "6"));
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            process = builder.start();
        } catch (IOException e) {
            throw unavailable("text recognition is not installed on this server (" + command + ", Debian's tesseract-ocr and "
                    + "tesseract-ocr-chi-sim)", field);
        }
        try {
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAtMost(process.getInputStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(png);
            } catch (IOException e) {
                // the recogniser stopped reading (it failed): its exit status says so below
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw unavailable("the text recognition took longer than " + timeout.toSeconds() + " s", field);
            }
            if (process.exitValue() != 0) {
                throw unavailable("the text recogniser failed on this image (exit status " + process.exitValue() + ")", field);
            }
            return new String(output.join(), StandardCharsets.UTF_8);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static byte[] readAtMost(InputStream in) {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + n <= MAX_OUTPUT) { // beyond it, drained and dropped, so the process never blocks
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process was killed: what was read so far
        }
        return out.toByteArray();
    }

    private static ProblemException unavailable(String detail, String field) {
        return new ProblemException(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE, detail, field);
    }
}
