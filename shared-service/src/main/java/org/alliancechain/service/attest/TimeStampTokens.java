package org.alliancechain.service.attest;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.alliancechain.evidence.tsa.ArchiveTimeStamps;

/**
 * Time-stamp tokens that many records share, stored once ({@code timestamp_token}, V1104). Records attested together
 * ({@link Attestations#notarisedAll}) are stamped under one RFC 3161 token, each with an RFC 4998 evidence record that
 * ends with that token ({@link ArchiveTimeStamps#tokenOffset}): ≈ 1.8 kB of signature and certificates repeated in every
 * row. A row keeps its record's bytes before the token and the token's id; {@link #stampOf} joins them again, byte for
 * byte as the time-stamp authority signed and the record's path was made. No foreign key: its check would lock the one
 * token row for every row inserted under it.
 */
@ApplicationScoped
public class TimeStampTokens {

    /** Token times kept in memory at most (a token covers a request's records: tens of thousands cover millions). */
    private static final int MAX_TIMES = 50_000;

    /** What a row stores of a record's stamp: {@code stamp} (whole, or the bytes before the token) and the token's id or null. */
    public record Stored(byte[] stamp, Long tokenId) {
    }

    private final DataSource db;
    /** Token times, the least recently used leaving first beyond {@link #MAX_TIMES}. */
    private final Map<Long, Instant> times = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
            return size() > MAX_TIMES;
        }
    });

    TimeStampTokens(DataSource db) {
        this.db = db;
    }

    /**
     * What each record's row stores of its stamp, in the records' order: each token that ends the evidence records of two
     * or more of them is inserted once, on {@code connection} (the caller's transaction), and those records keep the bytes
     * before it; any other record (stamped alone, not stamped, a stamp that is not such an evidence record) keeps its
     * whole stamp.
     */
    public static List<Stored> share(Connection connection, List<AttestedRecord> records) throws SQLException {
        int n = records.size();
        int[] offsets = new int[n];
        // the records of one request usually share one token: compare with the last one seen before hashing a key
        var groups = new LinkedHashMap<ByteBuffer, List<Integer>>(); // tokens inserted in the order the records name them
        ByteBuffer last = null;
        List<Integer> lastGroup = null;
        for (int i = 0; i < n; i++) {
            byte[] stamp = records.get(i).timestampToken;
            offsets[i] = stamp == null ? -1 : ArchiveTimeStamps.tokenOffset(stamp);
            if (offsets[i] < 0) {
                continue;
            }
            var token = ByteBuffer.wrap(stamp, offsets[i], stamp.length - offsets[i]).slice();
            if (last == null || !last.equals(token)) {
                last = token;
                lastGroup = groups.computeIfAbsent(token, t -> new ArrayList<>());
            }
            lastGroup.add(i);
        }
        Long[] ids = new Long[n];
        for (var group : groups.entrySet()) {
            if (group.getValue().size() < 2) {
                continue;
            }
            long id = insert(connection, group.getKey());
            for (int i : group.getValue()) {
                ids[i] = id;
            }
        }
        var stored = new ArrayList<Stored>(n);
        for (int i = 0; i < n; i++) {
            byte[] stamp = records.get(i).timestampToken;
            stored.add(ids[i] == null ? new Stored(stamp, null) : new Stored(Arrays.copyOf(stamp, offsets[i]), ids[i]));
        }
        return stored;
    }

    private static long insert(Connection connection, ByteBuffer token) throws SQLException {
        byte[] bytes = new byte[token.remaining()];
        token.duplicate().get(bytes);
        try (var insert = connection.prepareStatement("insert into timestamp_token (token) values (?) returning id")) {
            insert.setBytes(1, bytes);
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * A stored stamp as it was made — an RFC 3161 token or an RFC 4998 evidence record — from a row's bytes and token id;
     * null without a stamp. Bytes that are already whole (a row that keeps its whole stamp, or a record just attested whose
     * entity still holds it in memory) are returned as they are.
     */
    public byte[] stampOf(byte[] stored, Long tokenId) {
        if (tokenId == null || stored == null || ArchiveTimeStamps.tokenOffset(stored) >= 0) {
            return stored;
        }
        byte[] token = token(tokenId);
        byte[] stamp = Arrays.copyOf(stored, stored.length + token.length);
        System.arraycopy(token, 0, stamp, stored.length, token.length);
        return stamp;
    }

    /** When a stored stamp was made (its token's generation time), without reading a shared token more than once. */
    public Optional<Instant> timeOf(byte[] stored, Long tokenId) {
        if (tokenId == null || stored == null) {
            return AttestedRecord.timeOf(stored);
        }
        Instant time = times.get(tokenId);
        if (time == null) {
            time = AttestedRecord.timeOf(stampOf(stored, tokenId)).orElseThrow();
            times.put(tokenId, time);
        }
        return Optional.of(time);
    }

    private byte[] token(long id) {
        try (var connection = db.getConnection();
             var select = connection.prepareStatement("select token from timestamp_token where id = ?")) {
            select.setLong(1, id);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("time-stamp token " + id + " is missing from timestamp_token");
                }
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read time-stamp token " + id + ": " + e.getMessage(), e);
        }
    }
}
