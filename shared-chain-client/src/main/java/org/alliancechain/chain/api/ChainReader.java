package org.alliancechain.chain.api;

import java.util.List;
import java.util.Map;

/**
 * Reads of the suite's contracts as they are now, without web3j types: who the members are and
 * which roles they hold, the events of one object, a transaction and its events, and the one
 * check of a proof. Projections that follow a contract over time use {@link ChainEventHandler}.
 * Reads that the node cannot answer throw {@link ChainUnavailableException}.
 */
public interface ChainReader {

    /** A member's status and roles in MemberRegistry (status NONE when never admitted). */
    ConsortiumMember member(String alias);

    /**
     * Every event a suite contract emitted for one object — a case, an invoice, a receivable: the
     * events whose first indexed argument is {@code objectId} — decoded, in chain order (block, log
     * index). One log filter on the contract's address and that topic, not a scan of blocks.
     *
     * @param contract the contract's name, e.g. {@code CaseRegistry} (see {@link #contracts()})
     * @throws IllegalArgumentException when the suite has no contract of that name
     */
    List<ContractEvent> eventsOf(String contract, byte[] objectId);

    /** A transaction by hash: unknown, pending, reverted, or mined with every log it emitted (decoded where a suite contract emitted it). */
    TransactionOnChain transaction(String hash);

    /** The suite's contracts this service is configured with: name ({@code CaseRegistry}) → address (0x lower case). */
    Map<String, String> contracts();

    /**
     * The time of the latest block: the chain's "now", which contracts compare deadlines with
     * ({@code block.timestamp}). On a production chain it follows the wall clock; a test chain may run ahead.
     */
    java.time.Instant latestBlockTime();

    /** The number of the latest block. */
    long latestBlockNumber();

    /** The chain's id (EIP-155). */
    long chainId();

    /** Checks a proof against the root anchored on chain for its batch; see {@link ProofCheck#of}. */
    ProofCheck checkProof(InclusionProof proof);

    /**
     * A view function's answer as the chain knew it at a block ({@code atBlock} null: the latest). A block before the
     * node's last few hundred needs an archive node (Besu keeps recent state only): a contract that answers for earlier
     * blocks itself, as {@code LicenceRegistry.licenceAt(..., asOfBlock)} does, is asked of the latest. {@code returns} lists
     * the output types, comma-separated ({@code "bool,bytes32"}); the values come decoded as in
     * {@link ChainEvent} (byte[] for bytesN, BigInteger for integers, Boolean, String for addresses); empty when the
     * address held no code at that block (a contract deployed later answers nothing about earlier blocks).
     *
     * @throws ChainCallRevertedException when the function reverts (its custom error decoded)
     * @throws ChainUnavailableException when the node cannot be reached
     */
    List<Object> view(ContractCall call, String returns, Long atBlock);
}
