package org.alliancechain.chain.api;

import java.util.Optional;

/**
 * The one entry point apps use to write to the chain. Every method that submits must be called
 * inside the caller's database transaction: the chain write is committed together with the
 * business row, and the relay sends it afterwards.
 */
public interface ChainPort {

    /**
     * Queues the anchoring of a Merkle root under an idempotency key in {@code AnchorRegistry}.
     *
     * @param batchId   32-byte idempotency key; anchoring the same id twice reverts on chain
     * @param root      32-byte Merkle root (for a single item: its leaf hash)
     * @param leafCount number of items under the root
     * @return the outbox id to follow the write with {@link #status(long)}
     */
    long submitAnchor(byte[] batchId, byte[] root, int leafCount);

    /** The current state of a queued write, if it exists. */
    Optional<ChainTxView> status(long chainTxId);
}
