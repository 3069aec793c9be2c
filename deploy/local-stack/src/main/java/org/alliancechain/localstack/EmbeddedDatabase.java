package org.alliancechain.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** PostgreSQL from zonky's embedded binaries (pinned major version in the parent POM); no install, no Docker. */
public final class EmbeddedDatabase implements Database {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param port    0 for a free port
     * @param dataDir keeps the data across runs when present; a fresh temporary cluster otherwise
     */
    public static EmbeddedDatabase start(int port, Optional<Path> dataDir) {
        Ports.requireFree(port, "PostgreSQL");
        try {
            var builder = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? Ports.free() : port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDir.isPresent() ? "on" : "off")
                    // zonky waits 10 s by default; on 2 busy cores (a build compiling beside it) initdb and the first start
                    // have taken longer: "Gave up waiting for server to start after 10000ms"
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (dataDir.isPresent()) {
                Files.createDirectories(dataDir.get());
                builder.setDataDirectory(dataDir.get()).setCleanDataDirectory(false);
            }
            var postgres = builder.start();
            watchPostmaster(postgres);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** pg_ctl detaches the postmaster; tie it to this JVM so an interrupted run leaves no server behind. */
    private static void watchPostmaster(EmbeddedPostgres postgres) throws IOException {
        var url = postgres.getJdbcUrl("postgres", "postgres");
        try (var c = java.sql.DriverManager.getConnection(url);
             var rs = c.createStatement().executeQuery("select setting from pg_settings where name = 'data_directory'")) {
            rs.next();
            Path pidFile = Path.of(rs.getString(1), "postmaster.pid");
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            ProcessReaper.watch(pid);
        } catch (java.sql.SQLException e) {
            throw new IOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort();
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop embedded PostgreSQL", e);
        }
    }
}
