package org.alliancechain.localstack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The clock of a new demo chain that starts in the past (ADR 0027): what needs days to pass on chain
 * — a certificate's maturity and grace days — is made first, while the chain is in its past, and the
 * chain's clock is moved forward through it; then the suite brings the chain to the present and the
 * rest of the demo happens now. The chain's clock only moves forward and never past the wall clock.
 * <p>
 * The services date deadlines by the chain's latest blocks ({@code ChainClock}); after each move this
 * waits until they have read a block made since it.
 */
public final class ChainHistory {

    /** China Standard Time: the registries count days in it. */
    public static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    /** How long the services take to read a new block's time: their clock's refresh interval (5 s) and a block or two. */
    static final Duration SERVICES_FOLLOW = Duration.ofSeconds(8);

    private final AnvilNode anvil;
    private final Duration servicesFollow;
    private boolean present;

    ChainHistory(AnvilNode anvil, Duration servicesFollow) {
        this.anvil = anvil;
        this.servicesFollow = servicesFollow;
    }

    /** The chain's now: the time of a block made for the purpose. */
    public Instant now() {
        anvil.increaseTime(Duration.ZERO);
        return anvil.latestBlockTime();
    }

    /** The chain's today in China Standard Time. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), CST);
    }

    /**
     * Moves the chain's clock forward to {@code when} and waits until the services follow.
     *
     * @throws IllegalStateException when {@code when} is later than the wall clock (the chain is never ahead of it)
     */
    public void advanceTo(Instant when) throws InterruptedException {
        if (when.isAfter(Instant.now())) {
            throw new IllegalStateException("the demo chain's clock is never put ahead of the wall clock (asked for " + when + ")");
        }
        Instant now = now();
        if (when.isAfter(now)) {
            anvil.increaseTime(Duration.between(now, when));
        }
        settle();
    }

    /** Moves the chain's clock to the wall clock; from then on its blocks carry the present. */
    public void toPresent() throws InterruptedException {
        if (present) {
            return;
        }
        if (anvil.latestBlockTime().isBefore(Instant.now())) {
            anvil.setTime(Instant.now());
        }
        present = true;
        settle();
    }

    boolean present() {
        return present;
    }

    /** Mines a block and gives the services the time to read it. */
    public void settle() throws InterruptedException {
        anvil.increaseTime(Duration.ZERO);
        Thread.sleep(servicesFollow.toMillis());
        anvil.increaseTime(Duration.ZERO);
    }
}
