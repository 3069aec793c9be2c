package org.alliancechain.service.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.alliancechain.chain.api.ChainPort;

/**
 * Reads the {@link ChainState} of a chain write or a notarised record by the ids the business rows
 * keep. A write that is confirmed or failed never changes again, so its state is kept in memory
 * (bounded) and a page of a thousand confirmed rows, or a public look-up, costs no outbox query.
 */
@ApplicationScoped
public class ChainStates {

    static final int FINAL_STATES_KEPT = 200_000;

    private final ChainPort chain;
    private final java.util.Map<Long, ChainState> finalStates = new java.util.concurrent.ConcurrentHashMap<>();

    ChainStates(ChainPort chain) {
        this.chain = chain;
    }

    /** A contract call queued in the outbox; empty for no id or an unknown one. */
    public Optional<ChainState> transaction(Long chainTxId) {
        if (chainTxId == null) {
            return Optional.empty();
        }
        var known = finalStates.get(chainTxId);
        if (known != null) {
            return Optional.of(known);
        }
        var state = chain.status(chainTxId).map(ChainState::of);
        state.filter(s -> s.confirmed() || s.failed()).ifPresent(s -> {
            if (finalStates.size() >= FINAL_STATES_KEPT) {
                finalStates.clear();
            }
            finalStates.put(chainTxId, s);
        });
        return state;
    }

    /** A record notarised in a Merkle batch; empty for no id or an unknown one. */
    public Optional<ChainState> notarisation(Long notarisationItemId) {
        return notarisationItemId == null ? Optional.empty() : chain.notarisation(notarisationItemId).map(ChainState::of);
    }
}
