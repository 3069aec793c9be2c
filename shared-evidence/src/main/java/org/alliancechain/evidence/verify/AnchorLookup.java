package org.alliancechain.evidence.verify;

import java.util.Optional;

/** Reads an anchored Merkle root from the chain: all a verifier needs besides the document. */
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
}
