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
     *
     * <p>Write such SQL so that its only reasonable plan follows indexes from the events' keys: look the
     * rows up with {@code key = any(?)} on a unique (or very selective) index, match them with the events
     * in Java, and update by primary key. A join of {@code unnest(...)} with a table on a further column
     * (the organisation, "still pending", "not reimbursed yet") gives the planner a scan of every row
     * sharing that value per event, and a projected table grows by tens of thousands of rows between two
     * analyses: e-invoice's reimbursement decisions took up to 3.6 s per chunk of 500 events that way
     * (1,300 decisions/s), and 20–40 ms by keys (7,200/s) — docs/benchmarks.md.
     */
    default boolean handlesInBulk() {
        return false;
    }

    /** The events of one chunk in chain order, applied in the transaction that moves the checkpoint past them. */
    default void handleAll(java.util.List<ChainEvent> events) {
        events.forEach(this::handle);
    }
}
