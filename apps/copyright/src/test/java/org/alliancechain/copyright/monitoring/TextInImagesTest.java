package org.alliancechain.copyright.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.alliancechain.service.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The recogniser's refusals: what is not an image, a server without Tesseract, a recogniser that hangs. */
class TextInImagesTest {

    private static final byte[] PNG = org.alliancechain.copyright.CopyrightFlow.resource("webp/bridge-256.png");

    @Test
    void not_an_image_is_422_and_no_recogniser_is_503_naming_the_packages() {
        var missing = new TextInImages("/nonexistent/tesseract", "chi_sim+eng", Duration.ofSeconds(5), 1);
        assertThatThrownBy(() -> missing.read("<svg/>".getBytes(StandardCharsets.UTF_8), "file"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().getStatusCode()).isEqualTo(422));
        assertThatThrownBy(() -> missing.read(PNG, "file")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().getStatusCode()).isEqualTo(503);
            assertThat(e.getMessage()).contains("tesseract-ocr").doesNotContain("IOException");
        });
    }

    @Test
    void a_recogniser_that_hangs_is_stopped_at_the_timeout_and_one_that_fails_is_503() throws Exception {
        var script = java.nio.file.Files.createTempFile("hanging-recogniser", ".sh");
        java.nio.file.Files.writeString(script, "#!/bin/sh\nsleep 30\n");
        script.toFile().setExecutable(true);
        script.toFile().deleteOnExit();
        var hanging = new TextInImages(script.toString(), "chi_sim+eng", Duration.ofMillis(500), 1);
        long started = System.nanoTime();
        assertThatThrownBy(() -> hanging.read(PNG, "file")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.getMessage()).contains("longer than"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        var failing = new TextInImages("false", "chi_sim+eng", Duration.ofSeconds(5), 1);
        assertThatThrownBy(() -> failing.read(PNG, "file")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().getStatusCode()).isEqualTo(503);
            assertThat(e.getMessage()).contains("exit status 1");
        });
    }
}
