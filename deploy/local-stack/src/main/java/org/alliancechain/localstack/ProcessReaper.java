package org.alliancechain.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a server process does not outlive the JVM that started it, even when that JVM is
 * killed without running its shutdown hooks (an interrupted test run, kill -9): a tiny shell
 * watchdog polls both pids and terminates the server once its owner is gone.
 */
public final class ProcessReaper {

    private ProcessReaper() {
    }

    /** Starts a watchdog for {@code pid} tied to this JVM. */
    public static void watch(long pid) {
        long owner = ProcessHandle.current().pid();
        String script = """
                owner=%d; child=%d
                while kill -0 "$owner" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
                if kill -0 "$child" 2>/dev/null; then
                  kill -TERM "$child" 2>/dev/null; sleep 10; kill -KILL "$child" 2>/dev/null
                fi
                """.formatted(owner, pid);
        try {
            new ProcessBuilder(List.of("/bin/sh", "-c", script))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the watchdog for process " + pid, e);
        }
    }

    /** Terminates a process and its descendants: TERM first, KILL after the grace period. */
    public static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
