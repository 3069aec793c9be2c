package org.alliancechain.chain.api;

import java.time.Instant;
import java.util.List;

/**
 * A transaction as the chain holds it, read by its hash. Unless {@link State#MINED} or
 * {@link State#REVERTED}, the block fields are null and {@code logs} is empty; a reverted
 * transaction emitted nothing.
 *
 * @param from       the sender, 0x lower case
 * @param blockTime  the block's timestamp; null when the block is no longer on the chain the node follows
 * @param logs       every log of the receipt in order, decoded where a suite contract emitted it
 */
public record TransactionOnChain(String hash, State state, String from, Long blockNumber, String blockHash, Instant blockTime,
                                 Long transactionIndex, List<ContractEvent> logs) {

    public enum State {
        /** The node knows no transaction with this hash. */
        UNKNOWN,
        /** Known to the node, not mined yet. */
        PENDING,
        /** Mined with receipt status 0. */
        REVERTED,
        /** Mined with receipt status 1. */
        MINED
    }

    public TransactionOnChain {
        logs = List.copyOf(logs);
    }
}
