package org.alliancechain.chain.bench;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.chain.internal.ChainOutbox;
import org.alliancechain.contracts.generated.AnchorRegistry;
import org.alliancechain.localstack.DevKeys;
import org.alliancechain.testsupport.ChainTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * ./bench chain — one run, one anvil with a 1-second block period (like a QBFT network):
 * (a) plain web3j: the generated wrapper's anchor(...).send(), one after another;
 * (b) our pipeline: individual contract calls through the outbox, from commit to confirmed receipt;
 * (c) notarisation items through Merkle anchoring, from commit until the proof is available.
 * Prints one "RESULT {json}" line per scenario; the last is the summary. Never fails on timing.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(ChainTestResource.class)
class ChainBenchmark {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ChainPort chain;

    @Inject
    ChainOutbox outbox;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "chain.contracts.anchor-registry")
    String anchorRegistry;

    @ConfigProperty(name = "bench.plain.calls", defaultValue = "20")
    int plainCalls;

    @ConfigProperty(name = "bench.pipeline.calls", defaultValue = "20000")
    int pipelineCalls;

    @ConfigProperty(name = "bench.items", defaultValue = "400000")
    int items;

    @Test
    void chain() throws Exception {
        var plain = plainWeb3j();
        var pipeline = pipeline();
        var merkle = notarisation();
        double ratio = pipeline.throughput / plain.throughput;
        System.out.printf(Locale.ROOT, "RESULT {\"name\":\"chain.web3j-plain\",\"value\":%.2f,\"unit\":\"tx/s\",\"p50_ms\":%d,\"p99_ms\":%d,\"count\":%d}%n",
                plain.throughput, plain.p50, plain.p99, plain.count);
        System.out.printf(Locale.ROOT, "RESULT {\"name\":\"chain.pipeline-calls\",\"value\":%.1f,\"unit\":\"confirmed calls/s\",\"p50_ms\":%d,\"p99_ms\":%d,\"count\":%d,\"longest_signing_pause_ms\":%d,\"baseline\":%.2f,\"ratio\":%.1f}%n",
                pipeline.throughput, pipeline.p50, pipeline.p99, pipeline.count, pipeline.longestSigningPauseMs, plain.throughput, ratio);
        System.out.printf(Locale.ROOT, "RESULT {\"name\":\"chain.notarisation-items\",\"value\":%.0f,\"unit\":\"items/s with proof\",\"p50_ms\":%d,\"p99_ms\":%d,\"count\":%d,\"baseline\":%.2f,\"ratio\":%.0f}%n",
                merkle.throughput, merkle.p50, merkle.p99, merkle.count, plain.throughput, merkle.throughput / plain.throughput);
        System.out.printf(Locale.ROOT, "RESULT {\"name\":\"chain\",\"value\":%.1f,\"unit\":\"confirmed calls/s\",\"baseline\":%.2f,\"ratio\":%.1f,\"longest_signing_pause_ms\":%d,\"items_per_s\":%.0f,\"block_time_s\":1}%n",
                pipeline.throughput, plain.throughput, ratio, pipeline.longestSigningPauseMs, merkle.throughput);
    }

    record Figures(double throughput, long p50, long p99, int count, long longestSigningPauseMs) {
        static Figures of(int count, long nanos, long[] latenciesMs) {
            return of(count, nanos, latenciesMs, -1);
        }

        static Figures of(int count, long nanos, long[] latenciesMs, long longestSigningPauseMs) {
            Arrays.sort(latenciesMs);
            return new Figures(count / (nanos / 1e9), latenciesMs[latenciesMs.length / 2],
                    latenciesMs[(int) Math.min(latenciesMs.length - 1, Math.ceil(latenciesMs.length * 0.99) - 1)], count,
                    longestSigningPauseMs);
        }
    }

    /** (a) What the public samples do: wrapper.send(), receipt polled by web3j (100 ms), sequentially. */
    private Figures plainWeb3j() throws Exception {
        var web3j = Web3j.build(new HttpService(ChainTestResource.stack().contracts().rpcUrl()));
        try {
            var key = DevKeys.service("copyright"); // another member account: its own nonces
            var manager = new RawTransactionManager(web3j, key, ChainTestResource.stack().contracts().chainId(),
                    new PollingTransactionReceiptProcessor(web3j, 100, 600));
            var registry = AnchorRegistry.load(anchorRegistry, web3j, manager,
                    new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(1_000_000)));
            long[] latencies = new long[plainCalls];
            long t0 = System.nanoTime();
            for (int i = 0; i < plainCalls; i++) {
                long s = System.nanoTime();
                var receipt = registry.anchor(random32(), random32(), BigInteger.ONE).send();
                if (!receipt.isStatusOK()) {
                    throw new IllegalStateException("plain web3j anchor reverted");
                }
                latencies[i] = (System.nanoTime() - s) / 1_000_000;
            }
            return Figures.of(plainCalls, System.nanoTime() - t0, latencies);
        } finally {
            web3j.shutdown();
        }
    }

    /** (b) Individual contract calls through the outbox, committed by 4 writer threads. */
    private Figures pipeline() throws Exception {
        long firstId = maxId("chain_transaction");
        long t0 = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        int perWriter = pipelineCalls / 4;
        for (int w = 0; w < 4; w++) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    submitOne();
                }
            }));
        }
        for (var f : done) {
            f.get();
        }
        writers.shutdown();
        System.out.printf("[bench] pipeline: %d calls committed by 4 writers in %d ms%n", perWriter * 4,
                (System.nanoTime() - t0) / 1_000_000);
        waitUntil("select count(*) from chain_transaction where id > " + firstId + " and status in ('PENDING','SUBMITTED')");
        long nanos = System.nanoTime() - t0;
        long failed = scalar("select count(*) from chain_transaction where id > " + firstId + " and status <> 'CONFIRMED'");
        if (failed > 0) {
            throw new IllegalStateException(failed + " pipeline calls did not confirm");
        }
        System.out.printf("[bench] pipeline: %d blocks, at most %d and on average %d calls per block%n",
                scalar("select count(distinct block_number) from chain_transaction where id > " + firstId),
                scalar("select max(c) from (select count(*) c from chain_transaction where id > " + firstId + " group by block_number) x"),
                scalar("select avg(c)::bigint from (select count(*) c from chain_transaction where id > " + firstId + " group by block_number) x"));
        printTimeline(firstId, t0);
        long pause = longestSigningPause(firstId);
        System.out.printf("[bench] pipeline: longest pause in signing and sending while calls were queued: %d ms%n", pause);
        long[] latencies = latencies("""
                select (extract(epoch from confirmed_at - created_at) * 1000)::bigint from chain_transaction
                 where id > %d and purpose = 'bench-anchor'""".formatted(firstId), perWriter * 4);
        return Figures.of(perWriter * 4, nanos, latencies, pause);
    }

    @Transactional
    void submitOne() {
        chain.submit(ContractCall.of(anchorRegistry, "anchor(bytes32,bytes32,uint32)", random32(), random32(), 1)
                .withPurpose("bench-anchor"));
    }

    /** (c) Items registered in bulk (1,000 per transaction), until every proof is available on a confirmed root. */
    private Figures notarisation() throws Exception {
        long firstItem = maxId("notarisation_item");
        long t0 = System.nanoTime();
        for (int i = 0; i < items; i += 1000) {
            List<byte[]> digests = new ArrayList<>(1000);
            for (int j = 0; j < 1000; j++) {
                digests.add(random32());
            }
            notariseAll(digests);
        }
        waitUntil("""
                select count(*) from notarisation_item i left join notarisation_batch b on b.id = i.batch_id
                  left join chain_transaction t on t.id = b.chain_tx_id
                 where i.id > %d and (t.status is null or t.status <> 'CONFIRMED')""".formatted(firstItem));
        long nanos = System.nanoTime() - t0;
        // The proof of the last item, as an app would read it.
        var last = chain.notarisation(maxId("notarisation_item")).orElseThrow();
        if (!last.confirmed() || !last.proof().orElseThrow().isConsistent()) {
            throw new IllegalStateException("the last item has no valid proof");
        }
        long[] latencies = latencies("""
                select (extract(epoch from t.confirmed_at - i.created_at) * 1000)::bigint
                  from notarisation_item i join notarisation_batch b on b.id = i.batch_id
                  join chain_transaction t on t.id = b.chain_tx_id where i.id > %d""".formatted(firstItem), items);
        return Figures.of(items, nanos, latencies);
    }

    @Transactional
    void notariseAll(List<byte[]> digests) {
        outbox.notariseAll(digests);
    }

    private void waitUntil(String countSql) throws InterruptedException {
        while (scalar(countSql) > 0) {
            Thread.sleep(50);
        }
    }

    private long maxId(String table) {
        return scalar("select coalesce(max(id), 0) from " + table);
    }

    private long scalar(String sql) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per block: how many calls, when the first of them was signed and when they were recorded confirmed. */
    private void printTimeline(long firstId, long t0Nanos) {
        var start = java.time.Instant.now().minusNanos(System.nanoTime() - t0Nanos);
        String sql = """
                select block_number, count(*), min(submitted_at), max(submitted_at), min(confirmed_at) from chain_transaction
                 where id > %d group by block_number order by block_number""".formatted(firstId);
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                System.out.printf("[bench] pipeline: block %d: %5d calls, signed %6d..%6d ms, confirmed at %6d ms%n",
                        rs.getLong(1), rs.getLong(2), millisSince(start, rs.getTimestamp(3)),
                        millisSince(start, rs.getTimestamp(4)), millisSince(start, rs.getTimestamp(5)));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The longest time the relay neither signed nor sent while calls committed before it were waiting
     * to be signed — a stall, whatever its cause: from the end of one round's broadcast to the start
     * of the next signing round. Rows signed in one round share their signing time (the round's
     * transaction start); a round's broadcast ends with its last first broadcast.
     */
    private long longestSigningPause(long firstId) {
        String sql = """
                select (extract(epoch from submitted_at) * 1000)::bigint,
                       (extract(epoch from coalesce(max(last_broadcast_at) filter (where broadcasts = 1), submitted_at)) * 1000)::bigint,
                       (extract(epoch from min(created_at)) * 1000)::bigint
                  from chain_transaction where id > %d and submitted_at is not null
                 group by submitted_at order by submitted_at""".formatted(firstId);
        List<long[]> rounds = new ArrayList<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rounds.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        // The earliest commit among the calls signed in each round or later.
        long[] earliestLater = new long[rounds.size() + 1];
        earliestLater[rounds.size()] = Long.MAX_VALUE;
        for (int i = rounds.size() - 1; i >= 0; i--) {
            earliestLater[i] = Math.min(earliestLater[i + 1], rounds.get(i)[2]);
        }
        long longest = 0;
        for (int i = 1; i < rounds.size(); i++) {
            long sentBefore = rounds.get(i - 1)[1];
            if (earliestLater[i] <= sentBefore) {
                longest = Math.max(longest, rounds.get(i)[0] - sentBefore);
            }
        }
        return longest;
    }

    private static long millisSince(java.time.Instant start, java.sql.Timestamp at) {
        return at == null ? -1 : java.time.Duration.between(start, at.toInstant()).toMillis();
    }

    private long[] latencies(String sql, int expected) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            long[] out = new long[expected];
            int n = 0;
            while (rs.next() && n < expected) {
                out[n++] = rs.getLong(1);
            }
            return Arrays.copyOf(out, n);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random32() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }
}
