package org.alliancechain.chain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.internal.IndexerStore;
import org.alliancechain.testsupport.ChainTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/** The indexer waits for its confirmation depth, and a stream can be backfilled from a chosen block. */
@QuarkusTest
@TestProfile(IndexerDepthAndBackfillTest.ThreeConfirmations.class)
@WithTestResource(ChainTestResource.class)
class IndexerDepthAndBackfillTest {

    public static class ThreeConfirmations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chain.indexer.confirmations", "3", "chain.indexer.interval", "100ms");
        }
    }

    @Inject
    ChainFixture fixture;

    @Inject
    IndexerStore indexerStore;

    @AfterEach
    void mineAgain() {
        rpc("evm_setIntervalMining", List.of((int) ChainTestResource.BLOCK_TIME_SECONDS));
    }

    @Test
    void aLogIsAppliedOnlyOnceItIsThreeBlocksDeep() throws Exception {
        rpc("evm_setIntervalMining", List.of(0));
        byte[] id = fixture.submitAnchor();
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.count("SUBMITTED") == 1);
        rpc("evm_mine", List.of()); // the anchor's block
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.count("CONFIRMED") >= 1 && fixture.count("SUBMITTED") == 0);
        rpc("evm_mine", List.of());
        rpc("evm_mine", List.of()); // two blocks on top: not deep enough
        Thread.sleep(1_500);
        assertThat(projectedCount(id)).as("applied before its depth").isZero();

        rpc("evm_mine", List.of()); // third block on top
        await().atMost(Duration.ofSeconds(10)).until(() -> projectedCount(id) == 1);
    }

    @Test
    void aStreamRewoundToABlockReadsFromThereAgainAndTheHandlerStaysIdempotent() {
        byte[] id = fixture.submitAnchor();
        fixture.awaitSettled(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> projectedCount(id) == 1);
        long block = fixture.scalar("select block_number from test_anchor_projection where batch_id = '\\x"
                + java.util.HexFormat.of().formatHex(id) + "'");
        long fromThere = fixture.scalar("select count(*) from test_anchor_projection where block_number >= " + block);

        indexerStore.rewind("test-anchors", block);

        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.scalar(
                "select count(*) from test_anchor_projection where block_number >= " + block + " and applied_count = 2")
                == fromThere);
        assertThat(fixture.scalar("select count(*) from test_anchor_projection where block_number < " + block
                + " and applied_count <> 1")).as("logs before the rewind block untouched").isZero();
        // Other tests in this JVM count repeated applications; this one made them on purpose.
        fixture.execute("update test_anchor_projection set applied_count = 1");
    }

    private long projectedCount(byte[] id) {
        return fixture.scalar("select count(*) from test_anchor_projection where batch_id = '\\x"
                + java.util.HexFormat.of().formatHex(id) + "'");
    }

    private static void rpc(String method, List<?> params) {
        try {
            var reply = new Request<>(method, params, new HttpService(ChainTestResource.stack().contracts().rpcUrl()),
                    VoidResponse.class).send();
            assertThat(reply.hasError()).as(method).isFalse();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
