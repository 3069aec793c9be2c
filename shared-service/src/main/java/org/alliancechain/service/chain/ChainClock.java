package org.alliancechain.service.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ChainUnavailableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Now" as the contracts will see it: deadlines a contract checks against {@code block.timestamp}
 * (maturities, offer expiries, quote validity, grace days) are decided with this clock, so the
 * service refuses exactly what the chain would refuse. A production chain's blocks carry the wall
 * time, and then this is the wall clock; a chain whose blocks run ahead of it (a test chain moved
 * forward, a validator with a fast clock) moves it ahead by as much.
 * <p>
 * The latest block is read once per refresh interval; when the node cannot answer, the last
 * known offset holds. A block of unknown age (the first one read, or the same one as last time: a
 * node that mines only when there is work) only says the chain is at least that far on, so it can
 * move the clock forward but never back. A block that appeared since the last read, one interval ago
 * at most, is fresh: its time is the chain's now to within the interval, and the clock follows it
 * even behind the wall clock — a demo chain whose history starts in the past (ADR 0027) is dated by
 * its own blocks, not by the wall clock.
 */
@ApplicationScoped
public class ChainClock {

    /** China Standard Time: the registries count days in it. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The latest block as read: its number and its time. */
    record Block(long number, Instant time) {
    }

    private final java.util.function.Supplier<Block> latest;
    private final java.util.function.LongSupplier wallMillis;
    private final long refreshNanos;
    private volatile long aheadMillis;
    private volatile long checkedAt;
    private volatile boolean checked;
    private long lastNumber = -1;
    private long readAt;

    @jakarta.inject.Inject
    ChainClock(ChainReader chain, @ConfigProperty(name = "chain.clock.refresh", defaultValue = "5s") Duration refresh) {
        this(() -> {
            long number = chain.latestBlockNumber();
            return new Block(number, chain.latestBlockTime());
        }, System::currentTimeMillis, refresh);
    }

    ChainClock(java.util.function.Supplier<Block> latest, java.util.function.LongSupplier wallMillis, Duration refresh) {
        this.latest = latest;
        this.wallMillis = wallMillis;
        this.refreshNanos = refresh.toNanos();
    }

    /** The chain's now. */
    public Instant now() {
        long nanos = System.nanoTime();
        if (!checked || nanos - checkedAt >= refreshNanos) {
            refresh(nanos);
        }
        return Instant.ofEpochMilli(wallMillis.getAsLong() + aheadMillis);
    }

    /** The chain's today in China Standard Time (the registries' unix day numbers). */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), CHINA);
    }

    /** How far the chain runs ahead of the wall clock: zero on a production chain, negative on a demo chain still in its past. */
    public Duration ahead() {
        now();
        return Duration.ofMillis(aheadMillis);
    }

    /**
     * Reads the latest block every interval, whether or not anyone asked the time: a block is known to be
     * fresh only when the read before it is at most two intervals old.
     */
    @io.quarkus.scheduler.Scheduled(every = "${chain.clock.refresh:5s}", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        resync();
    }

    /** Reads the chain's time now rather than at the next interval (after a test moved the chain's clock). */
    public void resync() {
        refresh(System.nanoTime(), true);
    }

    private void refresh(long nanos) {
        refresh(nanos, false);
    }

    private synchronized void refresh(long nanos, boolean force) {
        if (!force && checked && nanos - checkedAt < refreshNanos) {
            return;
        }
        try {
            var block = latest.get();
            long ahead = block.time().toEpochMilli() - wallMillis.getAsLong();
            // Fresh: a block that was not there at a successful read at most two intervals ago (a failed read in between
            // says nothing of when the block was made).
            boolean fresh = lastNumber >= 0 && block.number() > lastNumber && nanos - readAt <= 2 * refreshNanos;
            long slack = 2 * Duration.ofNanos(refreshNanos).toMillis();
            if (fresh && ahead < aheadMillis - slack) {
                aheadMillis = ahead; // the chain's clock is behind what this one believed: follow it
            } else {
                aheadMillis = Math.max(aheadMillis, lastNumber < 0 ? Math.max(0, ahead) : ahead);
            }
            lastNumber = block.number();
            readAt = nanos;
        } catch (ChainUnavailableException unavailable) {
            // keep the last known offset; the next call tries again after the interval
        }
        checkedAt = nanos;
        checked = true;
    }
}
