package org.alliancechain.testsupport.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@link LoadGenerator} in a JVM of its own against one URL of the service under test, so
 * the load does not share the service's JVM, and returns its requests per second. Benchmarks of
 * every module use it; each run prints a {@code [bench]} line with the generator's figures.
 */
public final class LoadRuns {

    private static final Pattern PER_SECOND = Pattern.compile("\"per_second\":([0-9.]+)");

    private LoadRuns() {
    }

    /**
     * @param url     the full URL
     * @param options the generator's options ({@code --header}, {@code --method}, {@code --body-file}, {@code --expect},
     *                {@code --connections} …); connections, seconds and warm-up default to the given values
     */
    public static double measure(String label, String url, int connections, double seconds, double warmUpSeconds, List<String> options)
            throws IOException, InterruptedException {
        String json = measureJson(label, url, connections, seconds, warmUpSeconds, options);
        Matcher m = PER_SECOND.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** As {@link #measure}, returning the generator's JSON line (requests, per_second, p50_us, p99_us, status …). */
    public static String measureJson(String label, String url, int connections, double seconds, double warmUpSeconds, List<String> options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LoadGenerator.class.getName(), url, "--connections", String.valueOf(connections), "--seconds", String.valueOf(seconds),
                "--warm-up-seconds", String.valueOf(warmUpSeconds)));
        command.addAll(options);
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor()).as(output).isZero();
        String json = output.lines().reduce((a, b) -> b).orElse("");
        System.out.printf(Locale.ROOT, "[bench] %-50s %s%n", label, json);
        assertThat(json).as(label).contains("\"unexpected\":0");
        return json;
    }
}
