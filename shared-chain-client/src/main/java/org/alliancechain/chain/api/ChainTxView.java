package org.alliancechain.chain.api;

import java.time.Instant;

/** A chain write as apps see it: no web3j types, only what a user or an auditor needs. */
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
