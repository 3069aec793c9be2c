package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fault hooks for crash tests: arm a point, and the relay or the indexer dies there once, exactly
 * as if the process had been killed at that moment (its thread ends; nothing after the point runs,
 * an open database transaction rolls back).
 */
@ApplicationScoped
public class FaultHooks {

    public enum Point {
        /** Outbox rows are committed; the relay dies before it signs them. */
        BEFORE_SIGNING,
        /** Signed and stored; the relay dies before broadcasting. */
        AFTER_SIGNING_BEFORE_SENDING,
        /** Broadcast; the relay dies before it records the broadcast or any receipt. */
        AFTER_SENDING,
        /** The indexer dies in the middle of applying a chunk of logs, before its commit. */
        INDEXER_MID_CHUNK
    }

    /** Thrown at an armed point; an Error so that no retry logic swallows it. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(Point point) {
            super("simulated crash at " + point);
        }
    }

    private final AtomicReference<Point> armed = new AtomicReference<>();

    public void arm(Point point) {
        armed.set(point);
    }

    void reached(Point point) {
        if (armed.compareAndSet(point, null)) {
            throw new SimulatedCrash(point);
        }
    }
}
