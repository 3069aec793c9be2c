package org.alliancechain.chain.api;

import java.time.Instant;

/**
 * A chain write as apps see it: no web3j types, only what a user or an auditor needs.
 * {@code failureReason} is the decoded custom error for a reverted call, e.g.
 * {@code AnchorRegistryBatchAlreadyAnchored(batchId=0x…)}.
 */
public record ChainTxView(
        long id,
        String purpose,
        ChainTxStatus status,
        String transactionHash,
        Long blockNumber,
        String failureReason,
        Instant createdAt,
        Instant confirmedAt) {
}
