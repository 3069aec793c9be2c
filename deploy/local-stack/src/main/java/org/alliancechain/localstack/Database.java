package org.alliancechain.localstack;

import java.sql.DriverManager;
import java.sql.SQLException;

/** A PostgreSQL server the suite can create its databases in: embedded, or external when a URL is given. */
public interface Database extends AutoCloseable {

    /** jdbc:postgresql://host:port (no database name). */
    String serverUrl();

    String user();

    String password();

    default String jdbcUrl(String database) {
        return serverUrl() + "/" + database;
    }

    /** Creates the database unless it exists. */
    default void ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (var c = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + serverUrl() + ": " + e.getMessage(), e);
        }
    }

    @Override
    void close();

    /** A server run elsewhere; the suite only creates its databases there. */
    static Database external(String serverUrl, String user, String password) {
        String url = serverUrl.replaceAll("/+$", "");
        return new Database() {
            @Override
            public String serverUrl() {
                return url;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public void close() {
                // not ours to stop
            }
        };
    }
}
