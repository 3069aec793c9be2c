package org.alliancechain.odr.bench;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.alliancechain.odr.OdrFlow;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.Tokens;
import org.alliancechain.testsupport.load.LoadRuns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ./bench http — the shared HTTP path every vertical inherits (bearer token, caller, tenancy,
 * transaction, time-stamp, outbox), measured by a load generator in a separate JVM
 * ({@link LoadGenerator}, 16 keep-alive connections) against this service, each scenario beside
 * the unauthenticated health endpoint measured in the same run: authenticated reads
 * ({@code GET /api/me}, {@code GET /api/notarisations/{id}}), one notarisation per request and
 * bulk notarisation. Prints figures; asserts only that every answer had the expected status.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class HttpBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "8"));
    private static final double WARM_UP = Double.parseDouble(System.getProperty("bench.warm-up-seconds", "8"));
    private static final int BULK_SIZE = Integer.getInteger("bench.bulk-size", 1000);

    @TestHTTPResource("/")
    URL base;

    @Test
    void http() throws Exception {
        String bearer = "Authorization: Bearer " + Tokens.accessToken(OdrFlow.CLAIMANT);
        long id = OdrFlow.as(OdrFlow.CLAIMANT).contentType(ContentType.JSON)
                .body("{\"sha256\": \"" + "ab".repeat(32) + "\", \"label\": \"bench\"}")
                .post("/api/notarisations").then().statusCode(202).extract().jsonPath().getLong("id");
        Path single = Files.createTempFile("notarisation", ".json");
        Files.writeString(single, "{\"sha256\": \"{n}\", \"label\": \"bench\"}");
        Path bulk = Files.createTempFile("notarisations", ".json");
        var items = new StringBuilder("[");
        for (int i = 0; i < BULK_SIZE; i++) {
            items.append(i == 0 ? "" : ",").append("{\"sha256\": \"{n}\", \"label\": \"bench ").append(i).append("\"}");
        }
        Files.writeString(bulk, items.append(']').toString());

        double health = load("health", "health (no token)", "/q/health/live", List.of());
        double me = load("me", "GET /api/me", "/api/me", List.of("--header", bearer));
        double read = load("read", "GET /api/notarisations/" + id, "/api/notarisations/" + id, List.of("--header", bearer));
        double one = load("one", "POST /api/notarisations (one per request)", "/api/notarisations", List.of("--header", bearer,
                "--method", "POST", "--header", "Content-Type: application/json", "--body-file", single.toString(), "--expect", "202"));
        double bulkItems = BULK_SIZE * load("bulk", "POST /api/notarisations/bulk (" + BULK_SIZE + " per request)",
                "/api/notarisations/bulk", List.of("--header", bearer, "--method", "POST", "--header", "Content-Type: application/json",
                        "--body-file", bulk.toString(), "--expect", "202", "--connections", "4"));
        double healthAfter = load("health", "health again (no token)", "/q/health/live", List.of());
        System.out.println(result("http.me", "GET /api/me", me, "req/s", health));
        System.out.println(result("http.notarisation-read", "GET /api/notarisations/{id}", read, "req/s", health));
        System.out.println(result("http.notarise-one", "POST /api/notarisations", one, "notarisations/s", health));
        System.out.println(result("http.notarise-bulk", "POST /api/notarisations/bulk", bulkItems, "items/s", health));
        System.out.printf(Locale.ROOT, "RESULT {\"name\":\"http\",\"value\":%.1f,\"unit\":\"authenticated reads/s (GET /api/me)\","
                        + "\"notarisation_read\":%.1f,\"notarise_one\":%.1f,\"notarise_bulk_items\":%.1f,\"baseline\":%.1f,"
                        + "\"baseline_after\":%.1f,\"baseline_unit\":\"GET /q/health/live req/s\",\"ratio\":%.2f,\"connections\":%d}%n",
                me, read, one, bulkItems, health, healthAfter, me / health, CONNECTIONS);
    }

    private static String result(String name, String what, double value, String unit, double health) {
        return String.format(Locale.ROOT, "RESULT {\"name\":\"%s\",\"what\":\"%s\",\"value\":%.1f,\"unit\":\"%s\",\"baseline\":%.1f,"
                + "\"baseline_unit\":\"GET /q/health/live req/s\",\"ratio\":%.3f}", name, what, value, unit, health, value / health);
    }

    /**
     * Runs the load generator in its own JVM against one path; returns its requests per second.
     * With -Dbench.only=me,read,… only those scenarios run (the others report 0); with
     * -Dbench.jfr=DIR the service's JVM records each scenario (JFR, profile settings) to DIR/http-NAME.jfr.
     */
    private double load(String scenario, String label, String path, List<String> options) throws Exception {
        String only = System.getProperty("bench.only");
        if (only != null && !scenario.equals("health") && !List.of(only.split(",")).contains(scenario)) {
            return 0;
        }
        String jfr = System.getProperty("bench.jfr");
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(jfr, "http-" + scenario + ".jfr"));
            recording.start();
        }
        try {
            return run(label, path, options);
        } finally {
            if (recording != null) {
                recording.stop();
                recording.close();
            }
        }
    }

    private double run(String label, String path, List<String> options) throws IOException, InterruptedException {
        return LoadRuns.measure(label, base.toString().replaceAll("/$", "") + path, CONNECTIONS, SECONDS, WARM_UP, options);
    }
}
