package org.alliancechain.chain.api;

import java.util.Optional;

/**
 * The one entry point apps use to write to the chain and notarise (reads: {@link ChainReader}). Methods that submit must
 * be called inside the caller's database transaction: the chain write is committed together with
 * the business row, and the relay sends it afterwards. A node outage delays writes, never loses them.
 */
public interface ChainPort {

    /**
     * Queues a contract call signed by an organisation's key (its alias in key custody); returns the
     * outbox id. {@link UnknownSignerException} when custody holds no key for it.
     */
    long submit(String organisation, ContractCall call);

    /**
     * Queues a contract call that must follow an earlier write, whoever signed that one: it is signed
     * and sent only once {@code previous} is confirmed, and it fails, unsent, if {@code previous}
     * fails. Keeps the steps of one on-chain object in order across organisations' keys.
     */
    long submitAfter(long previous, String organisation, ContractCall call);

    /**
     * The account this service signs with for an organisation (0x, lower case): what a contract sees
     * as {@code msg.sender} of its writes, e.g. the holder of a receivable part.
     * {@link UnknownSignerException} when custody holds no key for it.
     */
    String accountOf(String organisation);

    /**
     * The organisations this service holds a key for (their aliases), never its own key: those it can act
     * for, e.g. to name the members behind the member ids of another app's events.
     */
    java.util.Set<String> organisations();

    /** The organisation whose key in this service's custody is that account, if any. */
    Optional<String> organisationOf(String account);

    /** Queues a contract call signed with this service's own key (writes made for no organisation). */
    long submit(ContractCall call);

    /**
     * Queues an item for notarisation by an organisation: its 32-byte digest becomes a leaf of that
     * organisation's next Merkle batch, whose root the organisation's key anchors in
     * {@code AnchorRegistry}. Returns the item id.
     */
    long notarise(String organisation, byte[] itemDigest);

    /** Queues many items for notarisation by an organisation in one statement; returns their ids in order. */
    long[] notariseAll(String organisation, java.util.List<byte[]> itemDigests);

    /** Queues an item for notarisation under this service's own key. */
    long notarise(byte[] itemDigest);

    /** The state of a queued write. */
    Optional<ChainTxView> status(long chainTxId);

    /** The state of a notarised item and, once batched, its inclusion proof. */
    Optional<NotarisationView> notarisation(long itemId);
}
