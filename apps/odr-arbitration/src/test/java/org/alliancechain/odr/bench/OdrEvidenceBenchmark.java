package org.alliancechain.odr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.alliancechain.odr.OdrFlow;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ./bench odr-evidence — evidence items registered per second through the HTTP API (multipart
 * upload, type check, SHA-256 + SM3, record, RFC 3161 time-stamp, notarisation queued, stored), one
 * item per request and in bulk, by concurrent clients; then the time until every item's Merkle
 * batch is anchored and its proof available. In the same run, the baseline: hash-only
 * registrations through {@code POST /api/notarisations} (no file, no type check, no SM3).
 * Prints figures; asserts only that every item was registered and anchored.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrEvidenceBenchmark {

    private static final int SINGLE = Integer.getInteger("bench.single", 600);
    private static final int BULK_REQUESTS = Integer.getInteger("bench.bulk-requests", 24);
    private static final int BULK_SIZE = Integer.getInteger("bench.bulk-size", 25);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int FILE_BYTES = Integer.getInteger("bench.file-bytes", 8 * 1024);
    /** Items per case: below the per-case limit (odr.evidence.max-items-per-case). */
    private static final int PER_CASE = 250;

    private final AtomicInteger serial = new AtomicInteger();

    @Test
    void odrEvidence() throws Exception {
        // Warm-up: JIT, connection pools, Keycloak token cache.
        var warm = cases(1).getFirst();
        run("warm-up", 100, i -> upload(warm, 1));

        var baseline = run("baseline: hash-only notarisation (POST /api/notarisations)", SINGLE, i -> notarise());
        var single = runOnCases("ours: one evidence file per request", SINGLE, 1);
        var bulk = runOnCases("ours: " + BULK_SIZE + " evidence files per request", BULK_REQUESTS, BULK_SIZE);

        long t0 = System.nanoTime();
        for (long caseId : allCases) {
            OdrFlow.awaitTimelineConfirmed(caseId);
        }
        double anchoredAfter = (System.nanoTime() - t0) / 1e9;
        long items = allCases.stream().mapToLong(id -> OdrFlow.as(OdrFlow.CLAIMANT).get("/api/cases/" + id + "/evidence").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.chainStatus == 'CONFIRMED' }").size()).sum();
        assertThat(items).isEqualTo(100L + SINGLE + (long) BULK_REQUESTS * BULK_SIZE);
        System.out.printf(Locale.ROOT, "[bench] all %d evidence items anchored with proofs %.1f s after the last upload%n", items, anchoredAfter);
        System.out.println(single.result("odr-evidence-single", "evidence items/s (one per request)", baseline));
        System.out.println(bulk.result("odr-evidence-bulk", "evidence items/s (" + BULK_SIZE + " per request)", baseline));
        System.out.printf(Locale.ROOT, "RESULT {\"name\":\"odr-evidence\",\"value\":%.1f,\"unit\":\"evidence items/s, one per request over HTTP\","
                        + "\"bulk\":%.1f,\"baseline\":%.1f,\"baseline_unit\":\"hash-only notarisations/s\",\"ratio\":%.2f,"
                        + "\"anchored_after_s\":%.1f,\"clients\":%d,\"file_bytes\":%d}%n",
                single.perSecond(), bulk.perSecond(), baseline.perSecond(), single.perSecond() / baseline.perSecond(), anchoredAfter,
                CLIENTS, FILE_BYTES);
    }

    private final List<Long> allCases = Collections.synchronizedList(new ArrayList<>());

    private List<Long> cases(int count) {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            long id = OdrFlow.fileWithoutDocuments("Benchmark case " + i).getLong("id");
            OdrFlow.accept(id);
            ids.add(id);
            allCases.add(id);
        }
        return ids;
    }

    private Run runOnCases(String label, int requests, int filesPerRequest) throws Exception {
        var ids = cases((int) Math.ceil((double) requests * filesPerRequest / PER_CASE));
        int requestsPerCase = Math.max(1, PER_CASE / filesPerRequest);
        var run = run(label, requests, i -> upload(ids.get(i / requestsPerCase), filesPerRequest));
        return new Run(run.label, (long) requests * filesPerRequest, run.seconds, run.latenciesMs);
    }

    private void upload(long caseId, int files) {
        var request = OdrFlow.as(OdrFlow.CLAIMANT);
        for (int f = 0; f < files; f++) {
            request = request.multiPart("files", "evidence-" + serial.incrementAndGet() + ".pdf", file(), "application/pdf");
        }
        request.post("/api/cases/" + caseId + "/evidence").then().statusCode(201);
    }

    private void notarise() {
        OdrFlow.as(OdrFlow.CLAIMANT).contentType(ContentType.JSON)
                .body("{\"sha256\": \"" + org.alliancechain.evidence.HashAlgorithm.SHA256.hex(file()) + "\", \"label\": \"bench\"}")
                .post("/api/notarisations").then().statusCode(202);
    }

    /** A distinct PDF-looking file of the configured size. */
    private byte[] file() {
        byte[] head = ("%PDF-1.7\n% evidence " + serial.incrementAndGet() + " " + System.nanoTime() + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[Math.max(FILE_BYTES, head.length)];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = head.length; i < out.length; i++) {
            out[i] = (byte) ('a' + (i * 31 + serial.get()) % 26);
        }
        return out;
    }

    private interface Step {
        void run(int i);
    }

    private record Run(String label, long items, double seconds, long[] latenciesMs) {
        double perSecond() {
            return items / seconds;
        }

        String result(String name, String unit, Run baseline) {
            long[] sorted = latenciesMs.clone();
            java.util.Arrays.sort(sorted);
            return String.format(Locale.ROOT, "RESULT {\"name\":\"%s\",\"value\":%.1f,\"unit\":\"%s\",\"p50_ms\":%d,\"p99_ms\":%d,"
                            + "\"requests\":%d,\"clients\":%d,\"baseline\":%.1f}", name, perSecond(), unit,
                    sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))], sorted.length, CLIENTS,
                    baseline.perSecond());
        }
    }

    private Run run(String label, int count, Step step) throws Exception {
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    step.run(n);
                    latencies[n] = (System.nanoTime() - s) / 1_000_000;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "[bench] %-55s %6d requests in %6.2f s = %8.1f/s%n", label, count, seconds, count / seconds);
            return new Run(label, count, seconds, latencies);
        } finally {
            pool.shutdownNow();
        }
    }
}
