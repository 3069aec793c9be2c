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
 * forward, a validator with a fast clock) moves it ahead by as much. It never runs behind the wall
 * clock: the next block of a chain that stalled still gets the time it is produced at.
 * The latest block's time is read at most once per refresh interval; when the node cannot answer,
 * the last known offset holds.
 */
@ApplicationScoped
public class ChainClock {

    /** China Standard Time: the registries count days in it. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ChainReader chain;
    private final long refreshNanos;
    private volatile long aheadMillis;
    private volatile long checkedAt;
    private volatile boolean checked;

    ChainClock(ChainReader chain, @ConfigProperty(name = "chain.clock.refresh", defaultValue = "5s") Duration refresh) {
        this.chain = chain;
        this.refreshNanos = refresh.toNanos();
    }

    /** The chain's now. */
    public Instant now() {
        long nanos = System.nanoTime();
        if (!checked || nanos - checkedAt >= refreshNanos) {
            refresh(nanos);
        }
        return Instant.now().plusMillis(aheadMillis);
    }

    /** The chain's today in China Standard Time (the registries' unix day numbers). */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), CHINA);
    }

    /** How far the chain runs ahead of the wall clock (zero on a production chain). */
    public Duration ahead() {
        now();
        return Duration.ofMillis(aheadMillis);
    }

    /** Reads the chain's time now rather than at the next interval (after a test moved the chain's clock). */
    public void resync() {
        checked = false;
        refresh(System.nanoTime());
    }

    private synchronized void refresh(long nanos) {
        if (checked && nanos - checkedAt < refreshNanos) {
            return;
        }
        try {
            // The latest block may be old (a node that mines only when there is work): its time trails the chain's now by its
            // age. So the offset only grows: the largest seen is the closest to the truth, and the clock keeps running between
            // blocks instead of stopping at the last one.
            long ahead = chain.latestBlockTime().toEpochMilli() - System.currentTimeMillis();
            aheadMillis = Math.max(aheadMillis, Math.max(0, ahead));
        } catch (ChainUnavailableException unavailable) {
            // keep the last known offset; the next call tries again after the interval
        }
        checkedAt = nanos;
        checked = true;
    }
}
