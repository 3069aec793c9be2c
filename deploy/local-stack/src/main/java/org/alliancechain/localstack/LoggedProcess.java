package org.alliancechain.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts a server process with its output in a log file and a watchdog tied to this JVM. */
final class LoggedProcess {

    private LoggedProcess() {
    }

    static Process start(List<String> command, Path log, Map<String, String> environment) throws IOException {
        return start(command, log, environment, null);
    }

    static Process start(List<String> command, Path log, Map<String, String> environment, Path workDir) throws IOException {
        Files.createDirectories(log.getParent());
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        if (environment != null) {
            builder.environment().putAll(environment);
        }
        var process = builder.start();
        ProcessReaper.watch(process.pid());
        return process;
    }
}
