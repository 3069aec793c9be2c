package org.alliancechain.chain.api;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads an anchored Merkle root from the chain: the one chain read a proof check needs
 * ({@link ProofCheck#of}). Services get it as a bean; an offline verifier builds one over any
 * JSON-RPC node with {@link #overJsonRpc}.
 */
public interface AnchorLookup {

    /**
     * The anchor stored under {@code batchId} in the registry, empty when nothing is anchored there.
     *
     * @throws ChainUnreachableException when the chain cannot be asked (the answer is then unknown, not "no")
     */
    Optional<AnchoredRoot> anchorOf(long chainId, String registry, String batchId);

    /** A root as AnchorRegistry stores it; hashes hex without 0x. */
    record AnchoredRoot(String root, String memberId, long leafCount, long blockNumber, long timestamp) {
    }

    class ChainUnreachableException extends RuntimeException {
        public ChainUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Asks any Ethereum JSON-RPC endpoint with a plain {@code eth_call} — no login, no database, no
     * suite code on the node's side; found roots are cached (anchors never change).
     */
    static AnchorLookup overJsonRpc(URI rpc, Duration timeout) {
        return new org.alliancechain.chain.internal.JsonRpcAnchorLookup(rpc, timeout);
    }
}
