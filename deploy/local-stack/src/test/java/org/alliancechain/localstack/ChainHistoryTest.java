package org.alliancechain.localstack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A real anvil chain started in the past: its blocks carry that past, its clock moves only forward and never past the wall clock. */
class ChainHistoryTest {

    @Test
    void aNewChainStartsInThePastMovesForwardAndIsBroughtToThePresent() throws Exception {
        Path logs = Files.createTempDirectory("chain-history");
        Instant genesis = Instant.now().minus(Duration.ofDays(14));
        try (var anvil = AnvilNode.start(0, Optional.empty(), Optional.of(1.0), logs, Optional.of(genesis))) {
            var chain = new ChainHistory(anvil, Duration.ZERO);
            assertNear(genesis, chain.now(), Duration.ofMinutes(1));

            Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
            chain.advanceTo(weekAgo);
            assertNear(weekAgo, chain.now(), Duration.ofMinutes(1));
            chain.advanceTo(weekAgo.minus(Duration.ofDays(3))); // never back
            assertNear(weekAgo, chain.now(), Duration.ofMinutes(1));
            assertThrows(IllegalStateException.class, () -> chain.advanceTo(Instant.now().plus(Duration.ofHours(1))));

            chain.toPresent();
            assertTrue(chain.present());
            assertNear(Instant.now(), anvil.latestBlockTime(), Duration.ofSeconds(10));
            Thread.sleep(2_100); // the blocks that follow carry the present too
            assertNear(Instant.now(), anvil.latestBlockTime(), Duration.ofSeconds(10));
        }
    }

    @Test
    void aChainKeptInAStateFileIsNotSentBackToAnotherGenesis() throws Exception {
        Path logs = Files.createTempDirectory("chain-history");
        Path state = logs.resolve("anvil-state.json");
        Instant genesis = Instant.now().minus(Duration.ofDays(14));
        try (var anvil = AnvilNode.start(0, Optional.of(state), Optional.empty(), logs, Optional.of(genesis))) {
            anvil.increaseTime(Duration.ZERO);
            assertNear(genesis, anvil.latestBlockTime(), Duration.ofMinutes(1));
        }
        assertTrue(Files.exists(state));
        try (var anvil = AnvilNode.start(0, Optional.of(state), Optional.empty(), logs, Optional.of(Instant.now().minus(Duration.ofDays(100))))) {
            anvil.increaseTime(Duration.ZERO);
            Instant latest = anvil.latestBlockTime();
            assertTrue(latest.isAfter(genesis.minus(Duration.ofMinutes(1))), "the kept chain went back to " + latest);
        }
    }

    static void assertNear(Instant expected, Instant actual, Duration within) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(within) <= 0, actual + " is not within " + within + " of " + expected);
    }
}
