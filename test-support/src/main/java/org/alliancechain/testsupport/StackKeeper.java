package org.alliancechain.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.alliancechain.localstack.LocalStack;
import org.alliancechain.localstack.Ports;
import org.alliancechain.localstack.StackSettings;

/**
 * One test stack per Maven build (docs/adr/0014-one-test-stack-per-build.md).
 *
 * <p>The first test JVM of a build that needs the stack ({@link #obtain()}) takes a file lock under
 * {@code <suite root>/target/test-stack/}, starts this class as a JVM of its own (the keeper) and
 * waits for its descriptor; later test JVMs of the same build find the descriptor and use the
 * running stack. The keeper starts the {@link LocalStack}, writes the descriptor, then watches the
 * build (the Maven JVM above the test JVM) and stops the stack when the build's process is gone —
 * after the last module, after a failed module, or when the build is killed. The stack's servers
 * are tied to the keeper by {@code ProcessReaper}, so even a killed keeper leaves nothing behind.
 * Stale directories of earlier builds are removed (and their keepers ended) by the next one.
 */
public final class StackKeeper {

    static final String DESCRIPTOR = "stack.properties";
    static final String OWNER = "owner.properties";
    static final String FAILED = "failed.txt";
    static final String LOG = "keeper.log";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /** Main classes of the Maven launchers (Maven 3, Maven 4, the wrapper's Java launcher). */
    private static final List<String> MAVEN_MAINS = List.of("org.codehaus.plexus.classworlds.launcher.Launcher",
            "org.apache.maven.cling.MavenCling", "org.apache.maven.wrapper.MavenWrapperMain");

    private StackKeeper() {
    }

    /** The keeper: {@code StackKeeper <directory> <owner pid> <owner start>}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long ownerPid = Long.parseLong(args[1]);
        String ownerStarted = args[2];
        // The keeper runs on a test class path, where JBoss LogManager is the JDK's logger finder; its
        // initialisation deadlocks when the stack's three starting threads race into it (each
        // ProcessBuilder.start logs). Initialise logging here, on one thread, first.
        System.getLogger(StackKeeper.class.getName()).isLoggable(System.Logger.Level.DEBUG);
        java.util.logging.Logger.getLogger(StackKeeper.class.getName()).isLoggable(java.util.logging.Level.FINE);

        var stack = new AtomicReference<LocalStack>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(dir.resolve(DESCRIPTOR));
            } catch (IOException ignored) {
                // the directory may be gone already
            }
            var running = stack.getAndSet(null);
            if (running != null) {
                System.out.println("stopping the test stack");
                running.close();
                System.out.println("test stack stopped");
            }
        }, "test-stack-stop"));
        // Watch the build from the start: a build killed while the stack starts ends the keeper too
        // (servers already started are ended by their ProcessReaper watchdogs, tied to this JVM).
        var watch = new Thread(() -> {
            try {
                while (isProcess(ownerPid, ownerStarted)) {
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("process " + ownerPid + " ended");
            System.exit(0);
        }, "build-watch");
        watch.setDaemon(true);
        watch.start();

        try {
            stack.set(LocalStack.start(LocalStack.Options.forTests(dir.resolve("logs"))));
        } catch (Throwable e) {
            var trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            writeAtomically(dir.resolve(FAILED), w -> w.write(trace.toString()));
            System.err.println(trace);
            System.exit(1);
            return;
        }
        var props = SharedStack.of(stack.get()).toProperties();
        props.setProperty("keeper.pid", String.valueOf(ProcessHandle.current().pid()));
        writeAtomically(dir.resolve(DESCRIPTOR), w -> props.store(w, "the shared test stack of build " + ownerPid));
        System.out.println("test stack up; kept until process " + ownerPid + " ends");
        watch.join();
    }

    /** The stack of this build: the running one, the one starting (awaited), or one started now. */
    static SharedStack obtain() {
        try {
            return await(prepare());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot share the test stack", e);
        }
    }

    /**
     * Starts this build's stack in the background unless it runs or is starting, and returns at once. A
     * module whose tests wait on their own chain for long stretches (the chain client's fault tests) calls
     * it, so that Keycloak boots in that idle time rather than when the first app's tests need it.
     */
    static void prestart() {
        try {
            prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot share the test stack", e);
        }
    }

    /** This build's stack directory, its keeper running or starting (launched now if neither). */
    private static Starting prepare() throws IOException {
        Path root = StackSettings.suiteRoot();
        Path base = root.resolve("target").resolve("test-stack");
        ProcessHandle owner = buildProcess();
        String id = "build-" + owner.pid();
        Path dir = base.resolve(id);
        Files.createDirectories(base);
        try (var channel = FileChannel.open(base.resolve(id + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            removeStale(base, id);
            var running = running(dir, owner);
            if (running.isPresent()) {
                return new Starting(dir, null, running.get());
            }
            var starting = starting(dir, owner);
            if (starting.isPresent()) {
                return new Starting(dir, starting.get(), null);
            }
            end(dir);
            deleteTree(dir);
            Files.createDirectories(dir);
            var keeper = launch(root, dir, owner);
            var ownerProps = new Properties();
            ownerProps.setProperty("owner.pid", String.valueOf(owner.pid()));
            ownerProps.setProperty("owner.started", started(owner));
            ownerProps.setProperty("keeper.pid", String.valueOf(keeper.pid()));
            ownerProps.setProperty("keeper.started", started(keeper.toHandle()));
            writeAtomically(dir.resolve(OWNER), w -> ownerProps.store(w, "the build this stack belongs to, and its keeper"));
            return new Starting(dir, keeper.toHandle(), null);
        }
    }

    /** A stack directory with its running stack, or the keeper that is starting it. */
    private record Starting(Path dir, ProcessHandle keeper, SharedStack running) {
    }

    /**
     * The Maven JVM this test JVM runs under (surefire forks it directly or through a shell); this
     * JVM itself when there is none (a test started from an IDE): then the stack lives as long as it.
     */
    static ProcessHandle buildProcess() {
        var parent = ProcessHandle.current().parent();
        for (int depth = 0; depth < 8 && parent.isPresent(); depth++) {
            var handle = parent.get();
            String command = commandLine(handle);
            if (MAVEN_MAINS.stream().anyMatch(command::contains)) {
                return handle;
            }
            parent = handle.parent();
        }
        return ProcessHandle.current();
    }

    private static Optional<SharedStack> running(Path dir, ProcessHandle owner) {
        Path descriptor = dir.resolve(DESCRIPTOR);
        if (!Files.exists(descriptor) || liveKeeper(dir, owner).isEmpty()) {
            return Optional.empty();
        }
        var stack = SharedStack.fromProperties(SharedStack.read(descriptor));
        boolean answers = Ports.inUse(stack.keycloak().port()) && Ports.inUse(URI.create(stack.database().serverUrl()
                .substring("jdbc:".length())).getPort()) && stack.anvil().map(a -> Ports.inUse(URI.create(a.rpcUrl()).getPort())).orElse(true);
        return answers ? Optional.of(stack) : Optional.empty();
    }

    /** This build's keeper while it starts the stack (no descriptor yet, nor a failure). */
    private static Optional<ProcessHandle> starting(Path dir, ProcessHandle owner) {
        if (Files.exists(dir.resolve(DESCRIPTOR)) || Files.exists(dir.resolve(FAILED))) {
            return Optional.empty();
        }
        return liveKeeper(dir, owner);
    }

    /** The keeper the directory's owner file names, if it belongs to this build and still runs. */
    private static Optional<ProcessHandle> liveKeeper(Path dir, ProcessHandle owner) {
        if (!Files.exists(dir.resolve(OWNER))) {
            return Optional.empty();
        }
        var ownerProps = SharedStack.read(dir.resolve(OWNER));
        long keeper = Long.parseLong(ownerProps.getProperty("keeper.pid"));
        if (!started(owner).equals(ownerProps.getProperty("owner.started"))
                || !isProcess(keeper, ownerProps.getProperty("keeper.started"))) {
            return Optional.empty();
        }
        return ProcessHandle.of(keeper);
    }

    /** Ends the keepers of builds that are gone and removes their directories. */
    private static void removeStale(Path base, String current) throws IOException {
        List<Path> dirs;
        try (var list = Files.list(base)) {
            dirs = list.filter(p -> p.getFileName().toString().startsWith("build-") && Files.isDirectory(p)
                    && !p.getFileName().toString().equals(current)).toList();
        }
        for (Path dir : dirs) {
            Path ownerFile = dir.resolve(OWNER);
            if (Files.exists(ownerFile)) {
                var props = SharedStack.read(ownerFile);
                if (isProcess(Long.parseLong(props.getProperty("owner.pid")), props.getProperty("owner.started"))) {
                    continue; // another build, still running
                }
            } else if (Files.getLastModifiedTime(dir).toMillis() > System.currentTimeMillis() - 60_000) {
                continue; // being set up right now
            }
            end(dir);
            try {
                deleteTree(dir);
                Files.deleteIfExists(base.resolve(dir.getFileName() + ".lock"));
            } catch (IOException e) {
                // a keeper still writing its logs, or another build cleaning up at the same time: next time
            }
        }
    }

    /** Ends the keeper of a directory if it still runs (it stops its stack on SIGTERM). */
    private static void end(Path dir) {
        Path ownerFile = dir.resolve(OWNER);
        if (!Files.exists(ownerFile)) {
            return;
        }
        var props = SharedStack.read(ownerFile);
        long pid = Long.parseLong(props.getProperty("keeper.pid"));
        if (isProcess(pid, props.getProperty("keeper.started"))) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    private static Process launch(Path root, Path dir, ProcessHandle owner) throws IOException {
        // The class path goes through an argument file: an app's is longer than one argument may be.
        Path argFile = dir.resolve("keeper.args");
        String classPath = System.getProperty("java.class.path").replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(argFile, "-cp \"" + classPath + "\"\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dsuite.root=" + root, "@" + argFile, StackKeeper.class.getName(),
                dir.toString(), String.valueOf(owner.pid()), started(owner)));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(LOG).toFile())
                .start();
    }

    private static SharedStack await(Starting starting) throws IOException {
        if (starting.running() != null) {
            return starting.running();
        }
        Path dir = starting.dir();
        ProcessHandle keeper = starting.keeper();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (Files.exists(dir.resolve(DESCRIPTOR))) {
                return SharedStack.fromProperties(SharedStack.read(dir.resolve(DESCRIPTOR)));
            }
            if (Files.exists(dir.resolve(FAILED))) {
                throw new IllegalStateException("the test stack failed to start (logs in " + dir + "):\n"
                        + Files.readString(dir.resolve(FAILED)));
            }
            if (!keeper.isAlive()) {
                throw new IllegalStateException("the test stack's keeper exited; see "
                        + dir.resolve(LOG) + ":\n" + Files.readString(dir.resolve(LOG)));
            }
            if (System.nanoTime() > deadline) {
                keeper.destroy();
                throw new IllegalStateException("the test stack did not start within " + START_TIMEOUT + "; logs in " + dir);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                keeper.destroy();
                throw new IllegalStateException("interrupted while the test stack started", e);
            }
        }
    }

    /** When a process started, as a string; pids are reused, a pid and its start time are not. */
    static String started(ProcessHandle process) {
        return process.info().startInstant().map(i -> String.valueOf(i.toEpochMilli())).orElse("?");
    }

    static boolean isProcess(long pid, String started) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> started(h).equals(started)).orElse(false);
    }

    private static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return new String(Files.readAllBytes(cmdline)).replace('\0', ' ');
            }
        } catch (IOException e) {
            // gone, or not ours to read
        }
        return process.info().commandLine().orElse("");
    }

    private interface WriteTo {
        void write(Writer out) throws IOException;
    }

    private static void writeAtomically(Path file, WriteTo content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp)) {
            content.write(out);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(p);
                } catch (NoSuchFileException ignored) {
                    // removed meanwhile
                }
            }
        }
    }
}
