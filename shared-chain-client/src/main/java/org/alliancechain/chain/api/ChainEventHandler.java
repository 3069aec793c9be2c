package org.alliancechain.chain.api;

/**
 * Projects one event of one contract into the app's tables. Implementations are CDI beans; the
 * indexer finds them, follows each from its own persisted checkpoint, and calls {@link #handle}
 * inside the database transaction that also advances the checkpoint — so a crash never loses or
 * doubles an event. Handlers must still be idempotent (delivery is at least once across restarts
 * of a handler that has side effects outside the database).
 */
public interface ChainEventHandler {

    /** A unique, stable name: the checkpoint's key. Renaming it replays the events from the start block. */
    String stream();

    /** Address of the contract to follow. */
    String contract();

    /**
     * The event with parameter names and {@code indexed} markers, e.g.
     * {@code RootAnchored(bytes32 indexed batchId, bytes32 indexed root, bytes32 indexed memberId, uint32 leafCount, uint64 timestamp)}.
     */
    String event();

    /**
     * Every event this handler follows, when it follows more than one of its contract: they come in
     * one stream, in chain order (block, log index), under one checkpoint — so a projection whose
     * events depend on each other (a part minted, then split, then offered) never sees a later one
     * first. {@link ChainEvent#event()} names which one each is. Defaults to {@link #event()} alone.
     */
    default java.util.List<String> events() {
        return java.util.List.of(event());
    }

    /** First block to read when the stream has no checkpoint yet (backfill starts here). */
    default long startBlock() {
        return 0;
    }

    void handle(ChainEvent event);

    /**
     * Whether this handler applies a whole chunk of events at once ({@link #handleAll}), e.g. with
     * set-based SQL: a projection of thousands of events a second cannot afford statements per event.
     */
    default boolean handlesInBulk() {
        return false;
    }

    /** The events of one chunk in chain order, applied in the transaction that moves the checkpoint past them. */
    default void handleAll(java.util.List<ChainEvent> events) {
        events.forEach(this::handle);
    }
}
