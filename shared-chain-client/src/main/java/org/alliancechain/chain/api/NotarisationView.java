package org.alliancechain.chain.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A notarised item: {@code BATCHING} until it is placed in a tree, then the status of the batch's
 * anchoring transaction; the proof is present once the item has a place in an anchored batch.
 */
public record NotarisationView(long id, String itemDigest, String state, Instant createdAt, Optional<InclusionProof> proof) {

    public static final String BATCHING = "BATCHING";

    public boolean confirmed() {
        return ChainTxStatus.CONFIRMED.name().equals(state);
    }
}
