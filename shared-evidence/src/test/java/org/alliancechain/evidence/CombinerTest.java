package org.alliancechain.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CombinerTest {

    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

    /** Squares its inputs, one batch at a time (it checks that), after a pause like a commit's. */
    private List<Long> squares(List<Integer> inputs) {
        assertThat(running.incrementAndGet()).as("batches running at once").isEqualTo(1);
        try {
            batchSizes.add(inputs.size());
            sleep(1);
            return inputs.stream().map(i -> (long) i * i).toList();
        } finally {
            running.decrementAndGet();
        }
    }

    @Test
    void aLoneCallerIsDoneAtOnceAndAlone() {
        var combiner = new Combiner<Integer, Long>(this::squares, Duration.ofMillis(50), 100);
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(combiner.submit(i)).isEqualTo((long) i * i);
        }
        assertThat(batchSizes).hasSize(20).containsOnly(1);
        // One thread in a loop is not load: it never waits out the 50-ms gathering window (20 of them would be a second).
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void concurrentCallersAreDoneInBatchesEachGettingItsOwnOutput() throws Exception {
        var combiner = new Combiner<Integer, Long>(this::squares, Duration.ZERO, 8);
        var pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        List<Future<List<long[]>>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                List<long[]> mine = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int input = thread * 1000 + i;
                    mine.add(new long[] {input, combiner.submit(input)});
                }
                return mine;
            }));
        }
        start.countDown();
        for (var result : results) {
            for (long[] pair : result.get()) {
                assertThat(pair[1]).as("output of %d", pair[0]).isEqualTo(pair[0] * pair[0]);
            }
        }
        pool.shutdown();
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(16 * 40);
        assertThat(batchSizes).allMatch(size -> size <= 8, "at most the batch limit");
        assertThat(batchSizes.size()).as("fewer batches than requests").isLessThan(16 * 40 / 2);
    }

    @Test
    void aFailedBatchFailsEachOfItsRequestsAndTheNextBatchIsTriedAfresh() throws Exception {
        var failure = new IllegalStateException("the database is down");
        var combiner = new Combiner<Integer, Long>(inputs -> {
            if (inputs.contains(13)) {
                throw failure;
            }
            return squares(inputs);
        }, Duration.ZERO, 100);
        assertThatThrownBy(() -> combiner.submit(13)).isSameAs(failure);
        assertThat(combiner.submit(3)).isEqualTo(9L);

        // A batch holding 13 and others: all of them fail with it; none is left waiting.
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 10; i < 18; i++) {
            int input = i;
            results.add(pool.submit(() -> {
                start.await();
                return combiner.submit(input);
            }));
        }
        start.countDown();
        int failed = 0;
        for (var result : results) {
            try {
                result.get();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isSameAs(failure);
                failed++;
            }
        }
        pool.shutdown();
        assertThat(failed).isGreaterThanOrEqualTo(1);
        assertThat(combiner.submit(4)).isEqualTo(16L);
    }

    @Test
    void anActionAnsweringTheWrongNumberOfOutputsFailsItsBatch() {
        var combiner = new Combiner<Integer, Long>(inputs -> List.of(), Duration.ZERO, 10);
        assertThatThrownBy(() -> combiner.submit(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("a batch of 1 gave 0 outputs");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
