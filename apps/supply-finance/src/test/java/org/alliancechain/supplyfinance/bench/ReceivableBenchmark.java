package org.alliancechain.supplyfinance.bench;

import static org.alliancechain.supplyfinance.SupplyFinanceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.alliancechain.testsupport.ChainProbe;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ./bench receivables — the receivable paths on anvil with 1-s blocks, in one run: split/offer/accept
 * steps confirmed on chain and projected, through the bulk API, against the same steps one request
 * each (the baseline); financing decisions (request → two quotes → accept, the invoices pledged on
 * chain) with their p99; the certificate of a 10,000-part tree with its whole history served by the
 * API. Prints figures; asserts only that the work was done.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class ReceivableBenchmark {

    private static final int TREE = Integer.getInteger("bench.tree", 10_000);
    private static final int TRANSFERS = Integer.getInteger("bench.transfers", 3_000);
    private static final int BASELINE = Integer.getInteger("bench.baseline", 300);
    private static final int FINANCINGS = Integer.getInteger("bench.financings", 20);
    private static final int PER_REQUEST = 1000;

    @Inject
    EntityManager em;

    @Test
    void receivables() throws Exception {
        authoriseIssuer(SUPPLIER_ORG);
        ChainProbe.rpc(SuiteTestResource.stack().contracts(), "evm_setIntervalMining", "1");
        try {
            // Baseline: splits one request each, 16 at a time, spread over 16 certificates (a part is locked while it is split).
            var roots = new ArrayList<Long>();
            for (int i = 0; i < 16; i++) {
                roots.add(rootOf(certificate(1_000_000_00L)));
            }
            long before = count("select count(*) from sf_part");
            long started = System.nanoTime();
            run(16, BASELINE, i -> json(SUPPLIER).body("{\"value\": 1.00}").post("/api/parts/" + roots.get(i % 16) + "/split").then().statusCode(202));
            awaitCount("baseline splits", () -> count("select count(*) from sf_part") - before, BASELINE);
            double baseline = BASELINE / seconds(started);
            System.out.printf(Locale.ROOT, "[bench] one request each: %d splits confirmed and projected at %.1f/s%n", BASELINE, baseline);

            // Bulk: a tree of TREE parts (the root split TREE-1 times), then TRANSFERS of them offered to tier 2 and accepted there.
            long certificate = certificate(100_000_000_00L);
            long root = rootOf(certificate);
            long bulkStarted = System.nanoTime();
            java.time.Instant splitsAt = java.time.Instant.now();
            var splits = new ArrayList<String>();
            for (int i = 0; i < TREE - 1; i++) {
                splits.add("{\"action\": \"split\", \"partId\": " + root + ", \"value\": 1.00}");
            }
            bulk(SUPPLIER, splits);
            awaitCount("tree parts", () -> count("select count(*) from sf_part where certificate_id = " + certificate), TREE);
            double splitSeconds = seconds(bulkStarted);
            timeline("splits", splitsAt, splitSeconds);
            @SuppressWarnings("unchecked")
            List<Number> leaves = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select part_id from sf_part where certificate_id = ?1 and part_id <> ?2 order by part_id limit ?3")
                    .setParameter(1, certificate).setParameter(2, root).setParameter(3, TRANSFERS).getResultList());
            String expiry = chainNow().plus(Duration.ofDays(7)).toString();
            long offersStarted = System.nanoTime();
            java.time.Instant offersAt = java.time.Instant.now();
            bulk(SUPPLIER, leaves.stream().map(id -> "{\"action\": \"offer\", \"partId\": " + id + ", \"value\": 1.00, \"recipient\": \"" + TIER2_ORG
                    + "\", \"expiresAt\": \"" + expiry + "\"}").toList());
            awaitCount("offers", () -> count("select count(*) from sf_part where certificate_id = " + certificate + " and state = 'PENDING'"),
                    TRANSFERS);
            double offerSeconds = seconds(offersStarted);
            timeline("offers", offersAt, offerSeconds);
            @SuppressWarnings("unchecked")
            List<Number> pending = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select part_id from sf_part where certificate_id = ?1 and state = 'PENDING'").setParameter(1, certificate).getResultList());
            long acceptsStarted = System.nanoTime();
            java.time.Instant acceptsAt = java.time.Instant.now();
            bulk(TIER2, pending.stream().map(id -> "{\"action\": \"accept\", \"partId\": " + id + "}").toList());
            awaitCount("accepted", () -> count("select count(*) from sf_part where certificate_id = " + certificate + " and holder = '" + TIER2_ORG
                    + "' and state = 'ACTIVE'"), TRANSFERS);
            double totalSeconds = seconds(bulkStarted);
            timeline("accepts", acceptsAt, seconds(acceptsStarted));
            long ops = (TREE - 1) + 2L * TRANSFERS;
            double rate = ops / totalSeconds;
            System.out.printf(Locale.ROOT, "[bench] bulk: %d splits in %.2f s, %d offers in %.2f s, %d accepts in %.2f s: %d steps in %.2f s = %.1f/s%n",
                    TREE - 1, splitSeconds, TRANSFERS, offerSeconds, TRANSFERS, seconds(acceptsStarted), ops, totalSeconds, rate);

            // The certificate of a TREE-part tree with its whole history, as the API serves it (warm: median of 10, and the slowest).
            // Timed as a client that reads the body (not parsing it): what the server takes to serve it.
            var times = new ArrayList<Double>();
            String url = "http://127.0.0.1:" + io.restassured.RestAssured.port + "/api/certificates/" + certificate;
            String token = org.alliancechain.testsupport.Tokens.accessToken(CORE);
            long bytes = 0;
            try (var client = java.net.http.HttpClient.newHttpClient()) {
                for (int i = 0; i < 11; i++) {
                    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
                    long t = System.nanoTime();
                    var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    double ms = (System.nanoTime() - t) / 1e6;
                    assertThat(response.statusCode()).isEqualTo(200);
                    bytes = response.body().length;
                    if (i > 0) {
                        times.add(ms);
                    }
                }
            }
            int nodes = as(CORE).get("/api/certificates/" + certificate).then().statusCode(200).extract().jsonPath().getList("parts").size();
            assertThat(nodes).isGreaterThanOrEqualTo(TREE); // the tree and the escrow parts the offers made
            System.out.printf(Locale.ROOT, "[bench] certificate response: %,d bytes%n", bytes);
            Collections.sort(times);
            double historyMedian = times.get(times.size() / 2);
            System.out.printf(Locale.ROOT, "[bench] certificate with %d parts and its history: median %.0f ms, slowest %.0f ms%n", nodes, historyMedian,
                    times.getLast());

            // Financing decisions: request → blue-bank and river-bank quote → the holder accepts the better one → pledged on chain.
            var latencies = Collections.synchronizedList(new ArrayList<Double>());
            var financed = new ArrayList<Long>();
            for (int i = 0; i < FINANCINGS; i++) {
                financed.add(rootOf(certificate(100_000_00L)));
            }
            long financingStarted = System.nanoTime();
            run(4, FINANCINGS, i -> latencies.add(decide(financed.get(i))));
            Collections.sort(latencies);
            double p50 = latencies.get(latencies.size() / 2);
            double p99 = latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1));
            System.out.printf(Locale.ROOT, "[bench] %d financing decisions (4 at a time) in %.1f s: p50 %.2f s, p99 %.2f s%n", FINANCINGS,
                    seconds(financingStarted), p50, p99);

            System.out.printf(Locale.ROOT, "RESULT {\"name\":\"receivables\",\"value\":%.1f,\"unit\":\"split/offer/accept steps/s confirmed and projected "
                            + "(bulk API)\",\"baseline\":%.1f,\"baseline_unit\":\"splits/s, one request each\",\"ratio\":%.2f,\"steps\":%d,"
                            + "\"financing_p50_seconds\":%.2f,\"financing_p99_seconds\":%.2f,\"financings\":%d,\"tree_parts\":%d,"
                            + "\"tree_history_median_ms\":%.0f,\"tree_history_max_ms\":%.0f}%n",
                    rate, baseline, rate / baseline, ops, p50, p99, FINANCINGS, nodes, historyMedian, times.getLast());
        } finally {
            ChainProbe.rpc(SuiteTestResource.stack().contracts(), "evm_setAutomine", "true");
        }
    }

    /** One financing decision, from the request to the accepted quote with the invoices pledged on chain; seconds. */
    private static double decide(long part) {
        long t = System.nanoTime();
        long id = json(SUPPLIER).body("{\"partId\": " + part + ", \"value\": 50000.00}").post("/api/financings").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        awaitFinancing(id, "REQUESTED");
        LocalDate today = chainToday();
        String valid = chainNow().plusSeconds(3_600).toString();
        json(BANK).body("{\"annualRate\": 3.90, \"fee\": 100.00, \"recourse\": true, \"discountDate\": \"" + today + "\", \"validUntil\": \"" + valid
                + "\"}").post("/api/financings/" + id + "/quotes").then().statusCode(202);
        json("bank.river").body("{\"annualRate\": 4.10, \"fee\": 0, \"recourse\": false, \"discountDate\": \"" + today + "\", \"validUntil\": \"" + valid
                + "\"}").post("/api/financings/" + id + "/quotes").then().statusCode(202);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                as(SUPPLIER).get("/api/financings/" + id).then().extract().jsonPath().getList("quotes.status", String.class)
                        .equals(List.of("OFFERED", "OFFERED")));
        long quote = as(SUPPLIER).get("/api/financings/" + id).then().extract().jsonPath().getLong("quotes[0].id");
        as(SUPPLIER).post("/api/financings/" + id + "/quotes/" + quote + "/accept").then().statusCode(202);
        awaitFinancing(id, "ACCEPTED");
        return (System.nanoTime() - t) / 1e9;
    }

    private static void awaitFinancing(long id, String status) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(as(SUPPLIER).get("/api/financings/" + id).then().extract().path("status")));
    }

    private static long certificate(long faceCents) {
        String invoice = issueInvoice(SUPPLIER_ORG, CORE_ORG, faceCents);
        long id = json(CORE).body(confirmBody(SUPPLIER_ORG, java.math.BigDecimal.valueOf(faceCents, 2).toPlainString(), chainToday().plusMonths(3),
                false, invoice)).post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(id, CORE, "OUTSTANDING");
        return id;
    }

    private static long rootOf(long certificate) {
        return as(CORE).get("/api/certificates/" + certificate).then().extract().jsonPath().getLong("parts[0].partId");
    }

    /** Sends the steps in requests of PER_REQUEST, two requests at a time. */
    private static void bulk(String user, List<String> operations) throws Exception {
        int requests = (operations.size() + PER_REQUEST - 1) / PER_REQUEST;
        run(2, requests, r -> json(user).body("{\"operations\": [" + String.join(", ", operations.subList(r * PER_REQUEST,
                Math.min(operations.size(), (r + 1) * PER_REQUEST))) + "]}").post("/api/parts/bulk").then().statusCode(202));
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    private static void run(int threads, int count, Step step) throws Exception {
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Void>) () -> {
                    step.run(index);
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
    }

    /** Where a phase's time went: the relay's transactions (queued, sent, confirmed) against the last step projected. */
    private void timeline(String phase, java.time.Instant started, double projectedSeconds) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select count(*), max(created_at), max(submitted_at), max(confirmed_at), count(distinct block_number)
                from chain_transaction where created_at >= ?1""").setParameter(1, java.sql.Timestamp.from(started)).getSingleResult());
        System.out.printf(Locale.ROOT, "[bench] %s timeline: %d transactions in %d blocks, last queued %.2f s, sent %.2f s, confirmed %.2f s, "
                + "last step projected %.2f s after the first request%n", phase, ((Number) row[0]).longValue(), ((Number) row[4]).longValue(),
                since(started, row[1]), since(started, row[2]), since(started, row[3]), projectedSeconds);
    }

    private static double since(java.time.Instant started, Object timestamp) {
        if (timestamp == null) {
            return Double.NaN;
        }
        var at = timestamp instanceof java.time.OffsetDateTime o ? o.toInstant() : timestamp instanceof java.sql.Timestamp t ? t.toInstant()
                : (java.time.Instant) timestamp;
        return Duration.between(started, at).toMillis() / 1000.0;
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static void awaitCount(String what, LongSupplier count, long expected) {
        org.awaitility.Awaitility.await(what).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> count.getAsLong() >= expected);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
