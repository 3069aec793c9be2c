package org.alliancechain.chain.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The background threads of the relay and the indexer: each runs its round again and again,
 * pauses when a round found nothing to do, keeps going through node outages and database hiccups
 * (the next round resumes from the stored state), and dies with all its sibling threads at a
 * simulated crash, as the process would.
 */
final class WorkerLoop {

    private final String what;
    private final Logger log;
    private final Duration idlePause;
    private final Duration errorPause;
    private volatile List<Thread> threads = List.of();
    private volatile boolean running;

    WorkerLoop(String what, Logger log, Duration idlePause, Duration errorPause) {
        this.what = what;
        this.log = log;
        this.idlePause = idlePause;
        this.errorPause = errorPause;
    }

    /** Starts one thread per named round, unless the loop is already running. */
    synchronized void start(Map<String, BooleanSupplier> rounds) {
        start(rounds, Map.of());
    }

    /** The same, with its own pause after an idle round for some of them (the others: the loop's). */
    synchronized void start(Map<String, BooleanSupplier> rounds, Map<String, Duration> idlePauses) {
        if (isRunning()) {
            return;
        }
        running = true;
        List<Thread> started = new ArrayList<>();
        new LinkedHashMap<>(rounds).forEach((name, round) -> {
            Duration idle = idlePauses.getOrDefault(name, idlePause);
            started.add(Thread.ofPlatform().name(name).daemon().start(() -> run(round, idle)));
        });
        threads = List.copyOf(started);
    }

    synchronized void stop() {
        running = false;
        for (Thread t : threads) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while any of its threads is alive. */
    boolean isRunning() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    private void run(BooleanSupplier round, Duration idle) {
        while (running) {
            boolean busy = false;
            try {
                busy = round.getAsBoolean();
            } catch (FaultHooks.SimulatedCrash crash) {
                log.warnf("%s", crash.getMessage());
                running = false;
                threads.stream().filter(t -> t != Thread.currentThread()).forEach(Thread::interrupt);
                return;
            } catch (NodeUnavailableException e) {
                log.debugf("chain node unavailable, %s waits: %s", what, e.getMessage());
                pause(errorPause);
            } catch (RuntimeException e) {
                log.warnf("%s round failed, retrying from the stored state: %s", what, e.toString());
                pause(errorPause);
            }
            if (!busy) {
                pause(idle);
            }
        }
    }

    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // stop() or a sibling's crash cleared `running`; the loop ends at its next check.
            Thread.currentThread().interrupt();
        }
    }
}
