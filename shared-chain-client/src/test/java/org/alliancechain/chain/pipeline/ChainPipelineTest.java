package org.alliancechain.chain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.chain.internal.ChainOutbox;
import org.alliancechain.testsupport.ChainTestResource;
import org.alliancechain.testsupport.ThirdPartyProofCheck;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ChainTestResource.class)
class ChainPipelineTest {

    @Inject
    ChainPort chain;

    @Inject
    org.alliancechain.chain.api.ChainReader reader;

    @Inject
    ChainOutbox outbox;

    @Inject
    ChainFixture fixture;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void aContractCallIsConfirmedAndARevertCarriesTheDecodedCustomError() {
        byte[] batchId = ChainFixture.random32();
        var call = ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR, batchId, ChainFixture.random32(), 3);
        long first = fixture.submit(call);
        long second = fixture.submit(call);
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.status(second).orElseThrow().status() != ChainTxStatus.PENDING
                && chain.status(second).orElseThrow().status() != ChainTxStatus.SUBMITTED);

        var ok = chain.status(first).orElseThrow();
        assertThat(ok.status()).isEqualTo(ChainTxStatus.CONFIRMED);
        assertThat(ok.blockNumber()).isPositive();
        var refused = chain.status(second).orElseThrow();
        assertThat(refused.status()).isEqualTo(ChainTxStatus.FAILED);
        assertThat(refused.failureReason())
                .isEqualTo("AnchorRegistryBatchAlreadyAnchored(batchId=0x" + HexFormat.of().formatHex(batchId) + ")");
    }

    @Test
    void notarisedItemsGetProofsThatCheckAgainstTheRootOnChain() throws Exception {
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            digests.add(ChainFixture.random32());
        }
        long[] ids = notariseAll(digests);
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.notarisation(ids[ids.length - 1]).orElseThrow().confirmed());

        for (int i = 0; i < ids.length; i++) {
            var item = chain.notarisation(ids[i]).orElseThrow();
            assertThat(item.confirmed()).isTrue();
            var proof = item.proof().orElseThrow();
            assertThat(proof.itemDigest()).isEqualTo(HexFormat.of().formatHex(digests.get(i)));
            assertThat(ThirdPartyProofCheck.verify(digests.get(i), proof.leafIndex(), proof.treeSize(),
                    proof.auditPath().stream().map(HexFormat.of()::parseHex).toList(), HexFormat.of().parseHex(proof.root())))
                    .as("item %d checked as a third party would", i).isTrue();
        }
        var proof = chain.notarisation(ids[7]).orElseThrow().proof().orElseThrow();
        var check = reader.checkProof(proof);
        assertThat(check.valid()).isTrue();
        assertThat(check.onChainRoot()).isEqualTo(proof.root());
    }

    /**
     * A request of many items (at least {@code chain.notarisation.own-batch-from}) is stored batched at once — the batch
     * made in the items' own transaction, never each item queued and updated later — in batches of at most the batch size.
     */
    @Test
    void aLargeRequestIsItsOwnBatchesClosedWhenItIsQueued() throws Exception {
        int max = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("chain.notarisation.max-batch-size", Integer.class).orElse(8192);
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < max + 44; i++) {
            digests.add(ChainFixture.random32());
        }
        long[] ids = notariseAll(digests);
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        // the items and their batches were written by one transaction (same now()): the items were never waiting unbatched
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     select i.batch_id, count(*), bool_and(i.created_at = b.created_at), min(i.leaf_index), max(i.leaf_index)
                       from notarisation_item i join notarisation_batch b on b.id = i.batch_id
                      where i.id between ? and ? group by i.batch_id order by i.batch_id""")) {
            s.setLong(1, ids[0]);
            s.setLong(2, ids[ids.length - 1]);
            var rows = s.executeQuery();
            var sizes = new ArrayList<Long>();
            while (rows.next()) {
                sizes.add(rows.getLong(2));
                assertThat(rows.getBoolean(3)).as("batch %d made with its items", rows.getLong(1)).isTrue();
                assertThat(rows.getInt(4)).isZero();
                assertThat(rows.getLong(5)).isEqualTo(rows.getLong(2) - 1);
            }
            assertThat(sizes).containsExactly((long) max, 44L);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> chain.notarisation(ids[ids.length - 1]).orElseThrow().confirmed()
                && chain.notarisation(ids[0]).orElseThrow().confirmed());
        for (int i : new int[] {0, 1, max - 1, max, max + 43}) {
            var proof = chain.notarisation(ids[i]).orElseThrow().proof().orElseThrow();
            assertThat(proof.itemDigest()).isEqualTo(HexFormat.of().formatHex(digests.get(i)));
            assertThat(proof.treeSize()).isEqualTo(i < max ? max : 44);
            assertThat(ThirdPartyProofCheck.verify(digests.get(i), proof.leafIndex(), proof.treeSize(),
                    proof.auditPath().stream().map(HexFormat.of()::parseHex).toList(), HexFormat.of().parseHex(proof.root())))
                    .as("item %d checked as a third party would", i).isTrue();
            assertThat(reader.checkProof(proof).valid()).as("item %d's root on chain", i).isTrue();
        }
    }

    @Test
    void aTamperedProofIsRejectedWithTheReason() {
        long[] ids = notariseAll(List.of(ChainFixture.random32(), ChainFixture.random32(), ChainFixture.random32()));
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.notarisation(ids[2]).orElseThrow().confirmed());
        var good = chain.notarisation(ids[1]).orElseThrow().proof().orElseThrow();

        var otherItem = new InclusionProof(HexFormat.of().formatHex(ChainFixture.random32()), good.leafIndex(), good.treeSize(),
                good.auditPath(), good.root(), good.batchId(), good.anchorRegistry(), good.chainId(), good.transactionHash(),
                good.blockNumber());
        var check = reader.checkProof(otherItem);
        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).contains("audit path");

        var unknownBatch = new InclusionProof(good.itemDigest(), good.leafIndex(), good.treeSize(), good.auditPath(), good.root(),
                HexFormat.of().formatHex(ChainFixture.random32()), good.anchorRegistry(), good.chainId(), null, null);
        check = reader.checkProof(unknownBatch);
        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).contains("no root is anchored");
    }

    @Test
    void theOutboxAndTheRelayAreVisibleInMetrics() {
        long id = fixture.submit(ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR, ChainFixture.random32(),
                ChainFixture.random32(), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.status(id).orElseThrow().status() == ChainTxStatus.CONFIRMED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> io.restassured.RestAssured.given().get("/q/metrics").then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("chain_outbox_open"))
                .body(org.hamcrest.Matchers.containsString("chain_outbox_oldest_age_seconds"))
                .body(org.hamcrest.Matchers.containsString("chain_transactions_total{outcome=\"confirmed\"}"))
                .body(org.hamcrest.Matchers.containsString("chain_receipt_latency_seconds_count")));
    }

    @Transactional
    long[] notariseAll(List<byte[]> digests) {
        return outbox.notariseAll(digests);
    }
}
