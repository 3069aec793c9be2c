package org.alliancechain.copyright.works;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.tsa.ArchiveTimeStamps;
import org.alliancechain.testsupport.SuiteTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * An installation upgraded across V5064: the batch tokens V5063 kept in {@code cr_timestamp_token} move to shared-service's
 * {@code timestamp_token} under the same ids, so every work's evidence record is whole again when joined, and new tokens
 * are numbered after the largest moved one. A database of its own is migrated to V5063 with Flyway, given the rows the
 * V5063 code stored (copied from works this service registered), then migrated to the latest version.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class TimestampTokensUpgradeTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** A work's stored stamp as V5063's code kept it, and the evidence record it stands for. */
    record Stamp(long workId, byte[] stored, Long tokenId, byte[] token, byte[] whole, byte[] recordDigest) {
    }

    @Test
    void batch_tokens_stored_before_V5064_still_complete_their_works_records_after_it() throws Exception {
        var works = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 6; i++) {
            works.add(textWork("升级 Upgrade " + i, article(40_000 + i)));
        }
        List<Long> ids = new ArrayList<>(json(RIGHTS).body(Map.of("works", works)).post("/api/works/bulk").then().statusCode(202)
                .extract().jsonPath().getList("id", Long.class));
        ids.add(registerText(RIGHTS, "升级 单篇 Upgrade alone", article(40_100)));
        ids.forEach(id -> awaitWork(RIGHTS, id, "REGISTERED"));

        Map<Long, Stamp> stamps = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection service = DriverManager.getConnection(url, user, password)) {
            try (var select = service.prepareStatement("""
                    select w.id, w.timestamp_token, w.timestamp_token_id, t.token, w.record_digest
                      from cr_work w left join timestamp_token t on t.id = w.timestamp_token_id where w.id = any(?) order by w.id""")) {
                select.setArray(1, service.createArrayOf("bigint", ids.toArray()));
                try (var rs = select.executeQuery()) {
                    while (rs.next()) {
                        byte[] stored = rs.getBytes(2);
                        Long tokenId = rs.getObject(3) == null ? null : rs.getLong(3);
                        byte[] token = rs.getBytes(4);
                        stamps.put(rs.getLong(1), new Stamp(rs.getLong(1), stored, tokenId, token, joined(stored, token),
                                HexFormat.of().parseHex(rs.getString(5))));
                    }
                }
            }
            try (var select = service.prepareStatement("select * from cr_work where id = any(?) order by id")) {
                select.setArray(1, service.createArrayOf("bigint", ids.toArray()));
                try (var rs = select.executeQuery()) {
                    var meta = rs.getMetaData();
                    while (rs.next()) {
                        var row = new LinkedHashMap<String, Object>();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.put(meta.getColumnName(c), rs.getObject(c));
                        }
                        rows.add(row);
                    }
                }
            }
        }
        assertThat(stamps).hasSize(7);
        List<Stamp> shared = stamps.values().stream().filter(s -> s.tokenId() != null).toList();
        assertThat(shared).as("the bulk request's works name one stored token").hasSizeGreaterThanOrEqualTo(6);
        for (Stamp s : stamps.values()) {
            assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, s.whole(), s.recordDigest())).as("work %d", s.workId()).isTrue();
        }

        String database = "cr_upgrade_" + Long.toHexString(System.nanoTime());
        String upgradeUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try (Connection admin = DriverManager.getConnection(url, user, password); var create = admin.createStatement()) {
            create.execute("create database " + database);
        }
        try {
            migrate(upgradeUrl, "5063");
            long largest;
            try (Connection old = DriverManager.getConnection(upgradeUrl, user, password)) {
                assertThat(exists(old, "cr_timestamp_token")).isTrue();
                // V5063's tokens, under the ids its code gave them, and one more later token that no work names
                var tokens = new LinkedHashMap<Long, byte[]>();
                shared.forEach(s -> tokens.put(s.tokenId(), s.token()));
                largest = tokens.keySet().stream().mapToLong(Long::longValue).max().orElseThrow() + 17;
                tokens.put(largest, shared.getFirst().token());
                try (var insert = old.prepareStatement("insert into cr_timestamp_token (id, token) overriding system value values (?, ?)")) {
                    for (var t : tokens.entrySet()) {
                        insert.setLong(1, t.getKey());
                        insert.setBytes(2, t.getValue());
                        insert.executeUpdate();
                    }
                }
                insertWorks(old, rows);
            }

            Flyway latest = migrate(upgradeUrl, null);
            assertThat(latest.info().pending()).isEmpty();
            assertThat(java.util.Arrays.stream(latest.info().applied()).map(m -> m.getVersion().getVersion())).contains("5063", "5064");
            try (Connection upgraded = DriverManager.getConnection(upgradeUrl, user, password)) {
                assertThat(exists(upgraded, "cr_timestamp_token")).as("V5063's table is gone").isFalse();
                try (var select = upgraded.prepareStatement("""
                        select w.id, w.timestamp_token, t.token from cr_work w left join timestamp_token t on t.id = w.timestamp_token_id
                         order by w.id""")) {
                    try (var rs = select.executeQuery()) {
                        int n = 0;
                        while (rs.next()) {
                            Stamp before = stamps.get(rs.getLong(1));
                            byte[] whole = joined(rs.getBytes(2), rs.getBytes(3));
                            assertThat(whole).as("work %d's evidence record after the upgrade", before.workId()).isEqualTo(before.whole());
                            assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, whole, before.recordDigest())).isTrue();
                            n++;
                        }
                        assertThat(n).isEqualTo(7);
                    }
                }
                try (var insert = upgraded.prepareStatement("insert into timestamp_token (token) values (?) returning id")) {
                    insert.setBytes(1, shared.getFirst().token());
                    try (var rs = insert.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1)).as("a new token is numbered after the moved ones").isGreaterThan(largest);
                    }
                }
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(url, user, password); var drop = admin.createStatement()) {
                drop.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /** The service's migrations on {@code jdbcUrl}, as it runs them at start (quarkus.flyway.*), up to {@code target} (null: all). */
    private Flyway migrate(String jdbcUrl, String target) {
        var config = Flyway.configure(Thread.currentThread().getContextClassLoader()).dataSource(jdbcUrl, user, password)
                .locations("classpath:db/chain", "classpath:db/service").outOfOrder(true);
        if (target != null) {
            config.target(target);
        }
        Flyway flyway = config.load();
        flyway.migrate();
        return flyway;
    }

    private static byte[] joined(byte[] stored, byte[] token) {
        if (token == null) {
            return stored;
        }
        byte[] whole = java.util.Arrays.copyOf(stored, stored.length + token.length);
        System.arraycopy(token, 0, whole, stored.length, token.length);
        return whole;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (var rs = c.createStatement().executeQuery("select to_regclass('" + table + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The rows as they were read, every column the table does not compute itself. */
    private static void insertWorks(Connection c, List<Map<String, Object>> rows) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var rs = c.createStatement().executeQuery(
                "select column_name from information_schema.columns where table_name = 'cr_work' and is_generated = 'NEVER'")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        String sql = "insert into cr_work (" + String.join(", ", columns) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try (var insert = c.prepareStatement(sql)) {
            for (var row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    insert.setObject(i + 1, row.get(columns.get(i)));
                }
                insert.executeUpdate();
            }
        }
    }
}
