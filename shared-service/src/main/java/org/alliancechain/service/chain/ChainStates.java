package org.alliancechain.service.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.alliancechain.chain.api.ChainPort;

/** Reads the {@link ChainState} of a chain write or a notarised record by the ids the business rows keep. */
@ApplicationScoped
public class ChainStates {

    private final ChainPort chain;

    ChainStates(ChainPort chain) {
        this.chain = chain;
    }

    /** A contract call queued in the outbox; empty for no id or an unknown one. */
    public Optional<ChainState> transaction(Long chainTxId) {
        return chainTxId == null ? Optional.empty() : chain.status(chainTxId).map(ChainState::of);
    }

    /** A record notarised in a Merkle batch; empty for no id or an unknown one. */
    public Optional<ChainState> notarisation(Long notarisationItemId) {
        return notarisationItemId == null ? Optional.empty() : chain.notarisation(notarisationItemId).map(ChainState::of);
    }
}
