package org.alliancechain.testsupport.load;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time the machine's processes spent between two moments, by kind — this JVM, PostgreSQL (every backend and worker),
 * anvil, the rest — so a benchmark can say where a figure's CPU went, not only how fast it was. Reads each process's total
 * CPU time ({@link ProcessHandle.Info#totalCpuDuration}, {@code /proc/<pid>/stat} on Linux); processes that exit between
 * the two moments are not counted (the pools keep PostgreSQL's backends).
 */
public final class ProcessCpu {

    private static final String[] KINDS = {"jvm", "postgres", "anvil", "other"};

    private final Map<Long, Long> nanosByPid;
    private final Map<Long, String> kindByPid;
    private final long wallNanos;

    private ProcessCpu(Map<Long, Long> nanosByPid, Map<Long, String> kindByPid, long wallNanos) {
        this.nanosByPid = nanosByPid;
        this.kindByPid = kindByPid;
        this.wallNanos = wallNanos;
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
        return new ProcessCpu(nanos, kinds, System.nanoTime());
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
        return micros;
    }

    /** {@link #microsPerUnit} as JSON numbers, e.g. {@code {"anvil":219,"cores":1.87,"jvm":775,…}}. */
    public static String json(Map<String, Double> micros) {
        var text = new StringBuilder("{");
        micros.forEach((k, v) -> text.append(text.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(String.format(Locale.ROOT, k.equals("cores") ? "%.2f" : "%.0f", v)));
        return text.append('}').toString();
    }
}
