package org.alliancechain.chain.pipeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.alliancechain.chain.internal.ChainIndexer;
import org.alliancechain.chain.internal.ChainRelay;
import org.alliancechain.chain.internal.FaultHooks;
import org.alliancechain.testsupport.ChainTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/**
 * Nothing is lost, nothing is doubled: node outages, crashes at each step of the relay, a node that
 * forgets its pool, two relays on one key, slow receipts and an indexer that keeps dying — each
 * against a real anvil and PostgreSQL, each with exact counts read back from the chain.
 */
@QuarkusTest
@WithTestResource(ChainTestResource.class)
class ChainFaultTest {

    @Inject
    ChainFixture fixture;

    @Inject
    ChainRelay relay;

    @Inject
    ChainIndexer indexer;

    @Inject
    FaultHooks faults;

    @AfterEach
    void everythingRunsAgain() {
        if (!ChainTestResource.anvil().isRunning()) {
            ChainTestResource.anvil().restart();
        }
        resumeMining();
        relay.start();
        indexer.start();
    }

    @Test
    void aThirtySecondNodeOutageDelaysButLosesNothing() throws Exception {
        long t0 = System.nanoTime();
        ChainTestResource.anvil().stop();
        List<byte[]> ids = fixture.submitAnchors(1000);

        // The service stays ready and queues; only the chain group reports the outage.
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/group/chain").then().statusCode(503).body("status", equalTo("DOWN"));
        assertThat(statuses(ids)).as("nothing settles while the node is down").doesNotContain("CONFIRMED", "FAILED");

        long downFor = Duration.ofSeconds(30).toNanos() - (System.nanoTime() - t0);
        if (downFor > 0) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(downFor));
        }
        ChainTestResource.anvil().restart();
        fixture.awaitSettled(Duration.ofSeconds(120));

        assertExactlyOnceOnChain(ids);
        given().get("/q/health/group/chain").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aCrashAtAnyStepOfTheRelayEndsWithEachWriteOnChainExactlyOnce() throws Exception {
        for (var point : List.of(FaultHooks.Point.BEFORE_SIGNING, FaultHooks.Point.AFTER_SIGNING_BEFORE_SENDING,
                FaultHooks.Point.AFTER_SENDING)) {
            faults.arm(point);
            List<byte[]> ids = fixture.submitAnchors(50);
            await().atMost(Duration.ofSeconds(20)).until(() -> !relay.isRunning());
            relay.start();
            fixture.awaitSettled(Duration.ofSeconds(60));
            assertExactlyOnceOnChain(ids);
        }
    }

    @Test
    void aNodeRestartedWithAnEmptyPoolGetsTheSameTransactionsAgain() throws Exception {
        pauseMining();
        List<byte[]> ids = fixture.submitAnchors(100);
        await().atMost(Duration.ofSeconds(20)).until(() -> broadcastAtLeast(ids.size(), 1));
        assertThat(statuses(ids)).as("all in the pool, none mined").containsOnly("SUBMITTED");

        ChainTestResource.anvil().restart(); // state kept, pool gone, mining back on
        fixture.awaitSettled(Duration.ofSeconds(60));

        assertExactlyOnceOnChain(ids);
        assertThat(minBroadcasts(ids)).as("each one was broadcast again, byte for byte").isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoRelaysOnOneKeyHandOutContiguousNoncesWithoutErrors() throws Exception {
        relay.stop();
        long nonceBefore = maxNonce();
        var stop = new AtomicBoolean();
        ExecutorService relays = Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<Object>> relayRuns = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            relayRuns.add(relays.submit(() -> {
                while (!stop.get()) {
                    try {
                        relay.tick();
                    } catch (RuntimeException e) {
                        throw new AssertionError("relay round failed: " + e, e);
                    }
                }
                return null;
            }));
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<List<byte[]>>> submitted = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            submitted.add(writers.submit(() -> fixture.submitAnchors(125)));
        }
        List<byte[]> ids = new ArrayList<>();
        for (var f : submitted) {
            ids.addAll(f.get());
        }
        fixture.awaitSettled(Duration.ofSeconds(60));
        stop.set(true);
        relays.shutdown();
        writers.shutdown();
        assertThat(relays.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        for (var run : relayRuns) {
            run.get(); // rethrows a failed relay round
        }

        List<Long> nonces = fixture.query("select nonce from chain_transaction where nonce > " + nonceBefore + " order by nonce",
                rs -> {
                    List<Long> list = new ArrayList<>();
                    while (rs.next()) {
                        list.add(rs.getLong(1));
                    }
                    return list;
                });
        assertThat(nonces).hasSize(500);
        for (int i = 0; i < nonces.size(); i++) {
            assertThat(nonces.get(i)).as("nonce %d", i).isEqualTo(nonceBefore + 1 + i);
        }
        assertThat(fixture.scalar("select count(*) from chain_transaction where failure_reason is not null and nonce > "
                + nonceBefore)).as("nonce errors").isZero();
        assertExactlyOnceOnChain(ids);
    }

    @Test
    void aReceiptThatTakesLongIsNotAFailure() throws Exception {
        pauseMining();
        var id = fixture.submitAnchor();
        // Well past the rebroadcast delay (2 s here) without a receipt: still SUBMITTED, not failed,
        // and not sent again while the node's pool still holds it.
        Thread.sleep(5_000);
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        assertThat(fixture.scalar("select max(broadcasts) from chain_transaction where status = 'SUBMITTED'")).isEqualTo(1);

        // The node drops it from its pool: the relay sees the pending nonce fall behind and sends the same bytes again.
        String hash = fixture.text("select tx_hash from chain_transaction where status = 'SUBMITTED'");
        rpc("anvil_dropTransaction", List.of(hash));
        await().atMost(Duration.ofSeconds(20)).until(() -> broadcastAtLeast(1, 2));
        assertThat(fixture.text("select tx_hash from chain_transaction where status = 'SUBMITTED'")).isEqualTo(hash);
        resumeMining();
        fixture.awaitSettled(Duration.ofSeconds(30));
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void anIndexerKilledOverAndOverProjectsExactlyTheLogsOfTheChain() throws Exception {
        var writer = Executors.newSingleThreadExecutor();
        var writes = writer.submit(() -> {
            for (int i = 0; i < 10; i++) {
                fixture.submitAnchors(500);
            }
            return null;
        });
        int kills = 0;
        try {
            while (!writes.isDone() || fixture.count("PENDING") + fixture.count("SUBMITTED") > 0) {
                faults.arm(FaultHooks.Point.INDEXER_MID_CHUNK);
                if (await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !indexer.isRunning() || writes.isDone(), done -> done)) {
                    if (!indexer.isRunning()) {
                        kills++;
                        indexer.start();
                        // Let it commit a chunk or two before the next kill. Short: the relay now confirms the
                        // 5,000 writes within a few seconds, and the indexer must die often meanwhile.
                        Thread.sleep(100);
                    }
                }
            }
            writes.get();
        } finally {
            writer.shutdownNow();
            faults.arm(null);
        }
        indexer.start();

        var onChain = new HashSet<String>();
        fixture.logs(0).forEach(log -> onChain.add(log.getBlockNumber() + ":" + log.getLogIndex()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> projected().size() == onChain.size());
        assertThat(kills).as("the indexer was killed repeatedly").isGreaterThanOrEqualTo(5);
        assertThat(onChain.size()).isGreaterThanOrEqualTo(5000);
        assertThat(projected()).as("projection = eth_getLogs over the range").isEqualTo(onChain);
        assertThat(fixture.scalar("select count(*) from test_anchor_projection where applied_count <> 1")).as("logs applied more than once").isZero();
    }

    @Test
    void aTransactionTheNodeRefusesForGoodFailsAndItsNonceIsFilledSoTheOthersGoThrough() throws Exception {
        fixture.submitAnchor(); // the key has a nonce row
        fixture.awaitSettled(Duration.ofSeconds(30)); // and nothing is in flight
        relay.stop();
        // A write whose signed bytes the node will never take (less gas than any transaction needs), holding the next nonce.
        var key = org.alliancechain.localstack.DevKeys.service(org.alliancechain.localstack.SuiteApp.ODR_ARBITRATION.id());
        long nonce = fixture.scalar("select next_nonce from chain_nonce");
        var raw = org.web3j.crypto.RawTransaction.createTransaction(java.math.BigInteger.valueOf(nonce), java.math.BigInteger.ZERO,
                java.math.BigInteger.valueOf(1_000), fixture.anchorRegistry(), java.math.BigInteger.ZERO, "0x");
        byte[] wrongChain = org.web3j.crypto.TransactionEncoder.signMessage(raw,
                org.alliancechain.testsupport.ChainTestResource.stack().contracts().chainId(), key);
        String hash = org.web3j.utils.Numeric.toHexString(org.web3j.crypto.Hash.sha3(wrongChain));
        fixture.execute("insert into chain_transaction (purpose, signer, to_address, call_data, status, nonce, tx_hash, raw_tx, "
                + "created_at, submitted_at) values ('doomed', '" + key.getAddress().toLowerCase() + "', '"
                + fixture.anchorRegistry().toLowerCase() + "', '\\x', 'SUBMITTED', " + nonce + ", '" + hash + "', '\\x"
                + java.util.HexFormat.of().formatHex(wrongChain) + "', now(), now() - interval '1 minute')");
        fixture.execute("update chain_nonce set next_nonce = next_nonce + 1");
        List<byte[]> ids = fixture.submitAnchors(5);

        relay.start();
        fixture.awaitSettled(Duration.ofSeconds(60));

        assertThat(fixture.text("select status || ' ' || failure_reason from chain_transaction where purpose = 'doomed'"))
                .startsWith("FAILED refused by the node:");
        assertThat(fixture.text("select status || ' ' || nonce from chain_transaction where purpose = 'nonce-gap-filler'"))
                .isEqualTo("CONFIRMED " + nonce);
        assertExactlyOnceOnChain(ids);
    }

    private Set<String> projected() {
        return fixture.query("select block_number, log_index from test_anchor_projection", rs -> {
            Set<String> set = new HashSet<>();
            while (rs.next()) {
                set.add(rs.getLong(1) + ":" + rs.getInt(2));
            }
            return set;
        });
    }

    private void assertExactlyOnceOnChain(List<byte[]> ids) {
        var anchored = fixture.anchoredOnChain();
        var statuses = statusByBatchId();
        for (byte[] id : ids) {
            String key = java.util.HexFormat.of().formatHex(id);
            assertThat(anchored.get("0x" + key)).as("anchor events for %s", key).isEqualTo(1);
            assertThat(statuses.get(key)).as("outbox status of %s", key).isEqualTo("CONFIRMED");
        }
    }

    /** Outbox status per batch id (the first argument of anchor(...): bytes 5..36 of the call data). */
    private java.util.Map<String, String> statusByBatchId() {
        return fixture.query("""
                select encode(substring(call_data from 5 for 32), 'hex'), status from chain_transaction
                 where purpose = 'test-anchor'""", rs -> {
            var map = new java.util.HashMap<String, String>();
            while (rs.next()) {
                map.put(rs.getString(1), rs.getString(2));
            }
            return map;
        });
    }

    private Set<String> statuses(List<byte[]> ids) {
        var all = statusByBatchId();
        var set = new HashSet<String>();
        ids.forEach(id -> set.add(all.get(java.util.HexFormat.of().formatHex(id))));
        return set;
    }

    private String statusOf(byte[] id) {
        return statusByBatchId().get(java.util.HexFormat.of().formatHex(id));
    }

    private boolean broadcastAtLeast(int rows, int times) {
        return fixture.scalar("select count(*) from chain_transaction where purpose = 'test-anchor' and status = 'SUBMITTED' "
                + "and broadcasts >= " + times) >= rows;
    }

    private long minBroadcasts(List<byte[]> ids) {
        var wanted = new HashSet<String>();
        ids.forEach(id -> wanted.add(java.util.HexFormat.of().formatHex(id)));
        return fixture.query("""
                select encode(substring(call_data from 5 for 32), 'hex'), broadcasts from chain_transaction
                 where purpose = 'test-anchor'""", rs -> {
            long min = Long.MAX_VALUE;
            while (rs.next()) {
                if (wanted.contains(rs.getString(1))) {
                    min = Math.min(min, rs.getLong(2));
                }
            }
            return min;
        });
    }

    private long maxNonce() {
        return fixture.scalar("select coalesce(max(nonce), -1) from chain_transaction");
    }

    private static void pauseMining() {
        rpc("evm_setIntervalMining", List.of(0));
    }

    private static void resumeMining() {
        rpc("evm_setIntervalMining", List.of((int) ChainTestResource.BLOCK_TIME_SECONDS));
    }

    private static void rpc(String method, List<?> params) {
        var service = new HttpService(ChainTestResource.stack().contracts().rpcUrl());
        try {
            var reply = new Request<>(method, params, service, VoidResponse.class).send();
            assertThat(reply.hasError()).as(method).isFalse();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
