package org.alliancechain.chain.api;

import java.util.Optional;

/**
 * The one entry point apps use to write to and prove things on the chain. Methods that submit must
 * be called inside the caller's database transaction: the chain write is committed together with
 * the business row, and the relay sends it afterwards. A node outage delays writes, never loses them.
 */
public interface ChainPort {

    /** Queues a contract call signed with this service's key; returns the outbox id. */
    long submit(ContractCall call);

    /**
     * Queues an item for notarisation: its 32-byte digest becomes a leaf of the next Merkle batch,
     * whose root is anchored in {@code AnchorRegistry}. Returns the item id.
     */
    long notarise(byte[] itemDigest);

    /** The state of a queued write. */
    Optional<ChainTxView> status(long chainTxId);

    /** The state of a notarised item and, once batched, its inclusion proof. */
    Optional<NotarisationView> notarisation(long itemId);

    /** Checks a proof against the root anchored on chain for its batch (reads the chain). */
    ProofCheck verifyOnChain(InclusionProof proof);

    /** The outcome of checking a proof: each step and why it failed, not an exception. */
    record ProofCheck(boolean valid, boolean pathMatchesRoot, boolean rootAnchored, String onChainRoot, String reason) {
    }
}
