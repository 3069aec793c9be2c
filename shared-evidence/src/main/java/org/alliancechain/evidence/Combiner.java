package org.alliancechain.evidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Single requests from many threads done in batches: the first to ask is done at once, alone (no
 * wait when the service is quiet); whoever asks while a batch is being done waits, and is done — with
 * everyone else who came meanwhile — in the next batch, by the first of them. One batch at a time, so
 * the busier it gets, the larger the batches: a time-stamp token or a database commit then serves
 * many requests instead of one. Under load (another thread asked a moment ago) the thread whose turn
 * it is may wait up to a gathering window for more to come, or until the batch is full.
 *
 * <p>The action is given the inputs in the order they came and must answer one output per input, in
 * the same order. When it throws, every request of that batch throws that exception; the next batch
 * is tried afresh. The action runs on the thread of one of the batch's requests.
 *
 * <p>A finished batch wakes only its own threads and hands the turn to the first thread still waiting
 * (with one monitor and {@code notifyAll}, every waiter woke on every batch and fought for the monitor:
 * spinning on it was ~12 % of the CPU of {@code POST /api/notarisations} under 16 connections).
 */
public final class Combiner<I, O> {

    /** Two requests this close together mean requests are arriving side by side. */
    private static final long BUSY_NANOS = 5_000_000;

    private final Function<List<I>, List<O>> action;
    private final long gatherNanos;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition full = lock.newCondition();
    private List<Waiting<I, O>> queue = new ArrayList<>();
    private boolean busy;
    private long lastAsked = System.nanoTime() - 2 * BUSY_NANOS;
    private Thread lastAsker;

    /**
     * @param action does a batch: one output per input, in order
     * @param gather how long the thread whose turn it is waits for more under load (zero: takes what is queued)
     * @param maxBatch the most inputs in one batch
     */
    public Combiner(Function<List<I>, List<O>> action, Duration gather, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one input");
        }
        this.action = action;
        this.gatherNanos = gather.toNanos();
        this.maxBatch = maxBatch;
    }

    /**
     * This input's output, from the batch it is done in; waits for that batch (and the one before it).
     * Throws what the action threw for that batch.
     */
    public O submit(I input) {
        var me = new Waiting<I, O>(input, Thread.currentThread());
        boolean underLoad;
        lock.lock();
        try {
            long now = System.nanoTime();
            // One thread asking in a loop is not load: it would only wait for itself.
            underLoad = now - lastAsked < BUSY_NANOS && lastAsker != me.thread;
            lastAsked = now;
            lastAsker = me.thread;
            queue.add(me);
            if (queue.size() >= maxBatch) {
                full.signal(); // the gathering thread need not wait out its window
            }
            if (!busy) {
                busy = true;
                me.turn = true;
            }
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (!me.turn && !me.done) {
            // Our input is queued: whoever goes next does it, so we wait for that even when interrupted.
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (me.done) {
            return me.result();
        }
        // Our turn: we do what is queued (up to a batch), ourselves included.
        List<Waiting<I, O>> batch;
        lock.lock();
        try {
            if (underLoad && gatherNanos > 0) {
                long left = gatherNanos;
                while (left > 0 && queue.size() < maxBatch) {
                    try {
                        left = full.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (queue.size() <= maxBatch) {
                batch = queue;
                queue = new ArrayList<>();
            } else {
                // We came first of those queued when our turn was handed to us, so we are in the first batch's worth.
                batch = new ArrayList<>(queue.subList(0, maxBatch));
                queue = new ArrayList<>(queue.subList(maxBatch, queue.size()));
            }
        } finally {
            lock.unlock();
        }
        Waiting<I, O> next = null;
        try {
            var inputs = new ArrayList<I>(batch.size());
            batch.forEach(w -> inputs.add(w.input));
            List<O> outputs = action.apply(inputs);
            if (outputs == null || outputs.size() != batch.size()) {
                throw new IllegalStateException("a batch of " + batch.size() + " gave " + (outputs == null ? "no" : outputs.size()) + " outputs");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).output = outputs.get(i);
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(w -> w.failure = e);
        } finally {
            lock.lock();
            try {
                batch.forEach(w -> w.done = true);
                if (queue.isEmpty()) {
                    busy = false;
                } else {
                    next = queue.getFirst();
                    next.turn = true;
                }
            } finally {
                lock.unlock();
            }
            for (var w : batch) {
                if (w != me) {
                    LockSupport.unpark(w.thread);
                }
            }
            if (next != null) {
                LockSupport.unpark(next.thread);
            }
        }
        return me.result();
    }

    private static final class Waiting<I, O> {
        final I input;
        final Thread thread;
        O output;
        Throwable failure;
        /** Set (after {@link #output} or {@link #failure}) when its batch is done. */
        volatile boolean done;
        /** Set when this thread is to do the queue. */
        volatile boolean turn;

        Waiting(I input, Thread thread) {
            this.input = input;
            this.thread = thread;
        }

        O result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return output;
        }
    }
}
