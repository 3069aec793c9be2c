package org.alliancechain.chain.api;

/** Where a chain write stands. A write is never lost: it moves forward from PENDING only. */
public enum ChainTxStatus {
    /** Committed to the outbox with the business row; not yet signed. */
    PENDING,
    /** Signed with a nonce; the raw transaction is stored and (re)broadcast until mined. */
    SUBMITTED,
    /** Mined with receipt status 1. */
    CONFIRMED,
    /** Mined with receipt status 0; see the failure reason. */
    FAILED
}
