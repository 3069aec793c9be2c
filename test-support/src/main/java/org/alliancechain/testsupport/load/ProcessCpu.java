package org.alliancechain.testsupport.load;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time the machine's processes spent between two moments, by kind — this JVM, PostgreSQL (every backend and worker),
 * anvil, the rest — so a benchmark can say where a figure's CPU went, not only how fast it was. Reads each process's total
 * CPU time ({@link ProcessHandle.Info#totalCpuDuration}, {@code /proc/<pid>/stat} on Linux); processes that exit between
 * the two moments are not counted (the pools keep PostgreSQL's backends). {@code jvm_jit}, {@code jvm_gc} and {@code jvm_vm}: the parts
 * of this JVM's CPU its JIT compilers, its garbage collector's workers and its VM thread took.
 */
public final class ProcessCpu {

    private static final String[] KINDS = {"jvm", "postgres", "anvil", "other"};

    private final Map<Long, Long> nanosByPid;
    private final Map<Long, String> kindByPid;
    private final long wallNanos;
    private final Map<Long, JvmThread> threads;

    /** One of this JVM's threads: what it does ({@link #readThreads}' kinds), its group and its CPU time so far. */
    private record JvmThread(int kind, String group, long nanos) {
    }

    private ProcessCpu(Map<Long, Long> nanosByPid, Map<Long, String> kindByPid, long wallNanos, Map<Long, JvmThread> threads) {
        this.nanosByPid = nanosByPid;
        this.kindByPid = kindByPid;
        this.wallNanos = wallNanos;
        this.threads = threads;
    }

    /** The CPU time of every visible process now. */
    public static ProcessCpu now() {
        var nanos = new TreeMap<Long, Long>();
        var kinds = new TreeMap<Long, String>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(p -> {
            var info = p.info();
            info.totalCpuDuration().ifPresent(cpu -> {
                nanos.put(p.pid(), cpu.toNanos());
                kinds.put(p.pid(), kind(p.pid() == self, info.command().orElse("")));
            });
        });
        return new ProcessCpu(nanos, kinds, System.nanoTime(), readThreads());
    }

    /**
     * CPU time of every one of this JVM's threads, by thread id, with its group: the thread's name as the kernel keeps it (its
     * first 15 characters) with digits as {@code #} — "executor-thread", "vert.x-eventloo", "HttpClient-#-Wo", "C2 CompilerThre" —
     * read from {@code /proc/self/task/<tid>/stat} (empty where there is no /proc). Of them, the JIT compilers ("C1/C2
     * CompilerThre…", kind 0), the garbage collector's workers ("GC Thread#…", "G1 …", kind 1) and the VM thread (safepoint
     * operations, among them each collection pause's serial part and deoptimisations, kind 2) are this JVM's housekeeping;
     * kind −1 is the application's (and a benchmark's load client's) own threads. Unlike
     * {@link java.lang.management.CompilationMXBean}'s time, which is the compilations' elapsed time, this is CPU: on a
     * saturated machine a compilation waits for a core too.
     */
    static Map<Long, JvmThread> readThreads() {
        var threads = new TreeMap<Long, JvmThread>();
        var tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) {
            return threads;
        }
        try (var list = java.nio.file.Files.list(tasks)) {
            for (var thread : (Iterable<java.nio.file.Path>) list::iterator) {
                String stat;
                try {
                    // ISO-8859-1: the kernel cuts a name at 15 bytes, possibly inside a UTF-8 character
                    stat = java.nio.file.Files.readString(thread.resolve("stat"), java.nio.charset.StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException gone) {
                    continue; // the thread ended
                }
                int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                int kind = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") ? 0
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") ? 1 : name.equals("VM Thread") ? 2 : -1;
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15 of stat)
                threads.put(Long.parseLong(thread.getFileName().toString()),
                        new JvmThread(kind, name.replaceAll("[0-9]+", "#"), ticks * 10_000_000L)); // USER_HZ 100
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return new TreeMap<>();
        }
        return threads;
    }

    private static String kind(boolean self, String command) {
        if (self) {
            return "jvm";
        }
        String name = command.substring(command.lastIndexOf('/') + 1);
        if (name.startsWith("postgres")) {
            return "postgres";
        }
        if (name.startsWith("anvil")) {
            return "anvil";
        }
        return "other";
    }

    /**
     * CPU since {@code before} (processes present at both moments) as microseconds per unit of work by kind, with
     * {@code total} (all kinds) and {@code cores} (CPU seconds per wall second: how many cores were busy on average).
     */
    public Map<String, Double> microsPerUnit(ProcessCpu before, long units) {
        var seconds = new TreeMap<String, Double>();
        for (String kind : KINDS) {
            seconds.put(kind, 0.0);
        }
        nanosByPid.forEach((pid, cpu) -> {
            Long earlier = before.nanosByPid.get(pid);
            if (earlier != null && cpu > earlier) {
                seconds.merge(kindByPid.get(pid), (cpu - earlier) / 1e9, Double::sum);
            }
        });
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        var micros = new TreeMap<String, Double>();
        seconds.forEach((kind, s) -> micros.put(kind, s * 1e6 / units));
        micros.put("total", total * 1e6 / units);
        micros.put("cores", total / ((wallNanos - before.wallNanos) / 1e9));
        // Parts of "jvm": its JIT compilers' CPU, its collector's workers' and its VM thread's, thread by thread. A thread started since
        // counts whole; one that ended (the JVM retires idle compiler threads) is not counted, like an exited process.
        double[] vm = new double[3];
        threads.forEach((tid, now) -> {
            if (now.kind() >= 0) {
                vm[now.kind()] += nanosSince(before, tid) / 1e3;
            }
        });
        micros.put("jvm_jit", vm[0] / units);
        micros.put("jvm_gc", vm[1] / units);
        micros.put("jvm_vm", vm[2] / units);
        return micros;
    }

    /**
     * This JVM's CPU since {@code before} by thread group ({@link #readThreads}: the name with digits as {@code #}), in µs per
     * unit, the largest first; groups under 1 µs per unit are left out. Says which of the service's threads — HTTP event
     * loops, request workers, the chain's relay and indexer — and which of a load client's took the "jvm" figure.
     */
    public Map<String, Double> threadGroupsPerUnit(ProcessCpu before, long units) {
        var nanos = new java.util.HashMap<String, Long>();
        threads.forEach((tid, now) -> nanos.merge(now.group(), nanosSince(before, tid), Long::sum));
        var groups = new java.util.LinkedHashMap<String, Double>();
        nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() / 1e3 / units >= 1)
                .forEach(e -> groups.put(e.getKey(), e.getValue() / 1e3 / units));
        return groups;
    }

    /** Thread {@code tid}'s CPU since {@code before}: whole when it started since, never below zero. */
    private long nanosSince(ProcessCpu before, long tid) {
        JvmThread earlier = before.threads.get(tid);
        return Math.max(0, threads.get(tid).nanos() - (earlier == null ? 0 : earlier.nanos()));
    }

    /** {@link #microsPerUnit} as JSON numbers, e.g. {@code {"anvil":219,"cores":1.87,"jvm":775,…}}. */
    public static String json(Map<String, Double> micros) {
        var text = new StringBuilder("{");
        micros.forEach((k, v) -> text.append(text.length() > 1 ? "," : "").append('"')
                .append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":") // thread names as keys: escaped
                .append(String.format(Locale.ROOT, k.equals("cores") ? "%.2f" : "%.0f", v)));
        return text.append('}').toString();
    }
}
