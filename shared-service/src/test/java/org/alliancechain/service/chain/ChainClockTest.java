package org.alliancechain.service.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The chain's now from its latest block: ahead of the wall clock always followed, behind only on a fresh block. */
class ChainClockTest {

    static final long WALL = Instant.parse("2026-12-06T04:00:00Z").toEpochMilli();

    final AtomicReference<ChainClock.Block> latest = new AtomicReference<>();

    ChainClock clock(Duration refresh) {
        return new ChainClock(() -> {
            var block = latest.get();
            if (block == null) {
                throw new org.alliancechain.chain.api.ChainUnavailableException("node down", null);
            }
            return block;
        }, () -> WALL, refresh);
    }

    void block(long number, Duration fromWall) {
        latest.set(new ChainClock.Block(number, Instant.ofEpochMilli(WALL).plus(fromWall)));
    }

    Duration offset(ChainClock clock) {
        clock.resync();
        return Duration.between(Instant.ofEpochMilli(WALL), clock.now());
    }

    @Test
    void aChainAheadOfTheWallClockMovesTheClockAhead() {
        var clock = clock(Duration.ofHours(1));
        block(10, Duration.ofMinutes(10));
        assertThat(offset(clock)).isEqualTo(Duration.ofMinutes(10));
        block(11, Duration.ofDays(2));
        assertThat(offset(clock)).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void anOldBlockNeverPutsTheClockBehindTheWallClock() {
        var clock = clock(Duration.ofHours(1));
        block(10, Duration.ofDays(-3)); // the first block read: a node idle for three days
        assertThat(offset(clock)).isZero();
        assertThat(offset(clock)).isZero(); // the same block again
    }

    @Test
    void aFreshBlockBehindTheWallClockIsFollowedAndTheChainsMovesForwardToo() {
        var clock = clock(Duration.ofHours(1));
        block(10, Duration.ofDays(-21));
        assertThat(offset(clock)).isZero();
        block(11, Duration.ofDays(-21)); // a block made since the last read: the chain's now
        assertThat(offset(clock)).isEqualTo(Duration.ofDays(-21));
        block(12, Duration.ofDays(-19)); // the demo moves its chain two days on
        assertThat(offset(clock)).isEqualTo(Duration.ofDays(-19));
        assertThat(offset(clock)).isEqualTo(Duration.ofDays(-19)); // no new block: the clock holds
        block(13, Duration.ZERO); // brought to the present
        assertThat(offset(clock)).isZero();
        assertThat(clock.ahead()).isZero();
    }

    @Test
    void aFreshBlockASecondOrTwoBehindIsAValidatorsClockNotAReasonToGoBack() {
        var clock = clock(Duration.ofHours(1));
        block(10, Duration.ZERO);
        assertThat(offset(clock)).isZero();
        block(11, Duration.ofSeconds(-3));
        assertThat(offset(clock)).isZero();
    }

    @Test
    void aNewBlockReadLongAfterTheLastReadIsOfUnknownAgeAndDoesNotPullTheClockBack() throws InterruptedException {
        var clock = clock(Duration.ofMillis(1));
        block(10, Duration.ZERO);
        assertThat(offset(clock)).isZero();
        Thread.sleep(50); // fifty intervals without a read: the new block may be that old
        block(11, Duration.ofHours(-5));
        assertThat(Duration.between(Instant.ofEpochMilli(WALL), clock.now())).isZero();
    }

    @Test
    void whenTheNodeCannotAnswerTheLastOffsetHolds() {
        var clock = clock(Duration.ofHours(1));
        block(10, Duration.ofMinutes(30));
        assertThat(offset(clock)).isEqualTo(Duration.ofMinutes(30));
        latest.set(null);
        assertThat(offset(clock)).isEqualTo(Duration.ofMinutes(30));
        block(12, Duration.ofDays(-1)); // back, a moment after the last successful read: fresh, followed
        assertThat(offset(clock)).isEqualTo(Duration.ofDays(-1));
    }

    @Test
    void aBlockAfterAnOutageLongerThanTwoIntervalsIsOfUnknownAge() throws InterruptedException {
        var clock = clock(Duration.ofMillis(1));
        block(10, Duration.ZERO);
        assertThat(offset(clock)).isZero();
        latest.set(null);
        Thread.sleep(50); // the node down for fifty intervals; reads fail throughout
        assertThat(offset(clock)).isZero();
        block(11, Duration.ofHours(-5)); // made at any time during the outage
        assertThat(offset(clock)).isZero();
    }
}
