package org.alliancechain.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted run must leave no server behind: a JVM that started anvil and PostgreSQL is
 * killed with SIGKILL (no shutdown hooks run) and both servers must go away on their own.
 */
class OrphanedServersTest {

    /** Started in a child JVM by the test: starts the servers, prints their pids, then waits to be killed. */
    public static final class Owner {
        public static void main(String[] args) throws Exception {
            Path logs = Path.of(args[0]);
            var anvil = AnvilNode.start(0, Optional.empty(), Optional.empty(), logs);
            var db = EmbeddedDatabase.start(0, Optional.empty());
            System.out.println("anvil " + anvil.handle().pid());
            System.out.println("postgres-port " + db.port());
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void serversDieWithTheirOwnerEvenWhenItIsKilled(@TempDir Path logs) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var owner = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dsuite.root=" + StackSettings.suiteRoot(), Owner.class.getName(), logs.toString())
                .redirectErrorStream(true).start();
        long anvilPid = -1;
        int postgresPort = -1;
        List<String> output = new ArrayList<>();
        try (var out = new BufferedReader(new InputStreamReader(owner.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                output.add(line);
                if (line.startsWith("anvil ")) {
                    anvilPid = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("postgres-port ")) {
                    postgresPort = Integer.parseInt(line.substring(14).trim());
                } else if (line.equals("ready")) {
                    break;
                }
            }
            assertTrue(anvilPid > 0 && postgresPort > 0, () -> "owner did not start its servers:\n" + String.join("\n", output));
            assertTrue(ProcessHandle.of(anvilPid).isPresent(), "anvil running");
            assertTrue(Ports.inUse(postgresPort), "PostgreSQL listening");

            new ProcessBuilder("kill", "-KILL", String.valueOf(owner.pid())).start().waitFor();
            assertTrue(owner.waitFor(10, TimeUnit.SECONDS));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline
                    && (ProcessHandle.of(anvilPid).map(ProcessHandle::isAlive).orElse(false) || Ports.inUse(postgresPort))) {
                Thread.sleep(200);
            }
            assertFalse(ProcessHandle.of(anvilPid).map(ProcessHandle::isAlive).orElse(false), "anvil outlived its owner");
            assertFalse(Ports.inUse(postgresPort), "PostgreSQL outlived its owner");
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void aCleanStopEndsAnvil(@TempDir Path logs) {
        var anvil = AnvilNode.start(0, Optional.empty(), Optional.empty(), logs);
        var handle = anvil.handle();
        anvil.close();
        assertFalse(handle.isAlive());
        assertEquals(false, Ports.inUse(anvil.port()));
    }
}
