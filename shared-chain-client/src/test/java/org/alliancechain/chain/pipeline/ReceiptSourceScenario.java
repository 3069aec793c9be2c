package org.alliancechain.chain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ContractCall;
import org.junit.jupiter.api.Test;

/**
 * The relay finds mined transactions by trace_block on anvil (the default there); the subclasses run
 * the same writes with the two other methods — eth_getBlockReceipts (Besu, geth) and one receipt per
 * transaction (nodes with neither) — so every path settles successes and reverts correctly.
 */
abstract class ReceiptSourceScenario {

    @Inject
    ChainPort chain;

    @Inject
    ChainFixture fixture;

    @Test
    void manyCallsConfirmAndARevertCarriesItsDecodedReason() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(fixture.submit(ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR,
                    ChainFixture.random32(), ChainFixture.random32(), 1)));
        }
        byte[] batchId = ChainFixture.random32();
        var twice = ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR, batchId, ChainFixture.random32(), 2);
        long first = fixture.submit(twice);
        long second = fixture.submit(twice);
        await().atMost(Duration.ofSeconds(60)).until(() -> settled(second) && ids.stream().allMatch(this::settled));

        assertThat(ids).allSatisfy(id -> assertThat(chain.status(id).orElseThrow().status()).isEqualTo(ChainTxStatus.CONFIRMED));
        assertThat(chain.status(first).orElseThrow().status()).isEqualTo(ChainTxStatus.CONFIRMED);
        var refused = chain.status(second).orElseThrow();
        assertThat(refused.status()).isEqualTo(ChainTxStatus.FAILED);
        assertThat(refused.failureReason())
                .isEqualTo("AnchorRegistryBatchAlreadyAnchored(batchId=0x" + HexFormat.of().formatHex(batchId) + ")");
    }

    private boolean settled(long id) {
        var status = chain.status(id).orElseThrow().status();
        return status == ChainTxStatus.CONFIRMED || status == ChainTxStatus.FAILED;
    }
}
