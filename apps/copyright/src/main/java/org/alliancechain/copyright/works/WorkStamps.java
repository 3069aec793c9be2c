package org.alliancechain.copyright.works;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.alliancechain.evidence.tsa.ArchiveTimeStamps;
import org.alliancechain.service.attest.AttestedRecord;

/**
 * Registration time-stamps with each batch's token stored once (V5063). A bulk request's works are stamped under one
 * RFC 3161 token, each with its RFC 4998 evidence record, which ends with that token ({@link ArchiveTimeStamps#tokenOffset}):
 * the token goes into {@code cr_timestamp_token} once, each work's row keeps its record's bytes before it and the
 * token's id. {@link #stampOf} joins them again — the evidence record byte for byte, as the time-stamp authority's
 * signature and the record's path were made.
 */
@ApplicationScoped
public class WorkStamps {

    /** Token times kept in memory at most (a token covers a request's works: tens of thousands cover millions of works). */
    private static final int MAX_TIMES = 50_000;

    private final DataSource db;
    private final Map<Long, Instant> times = new ConcurrentHashMap<>();

    WorkStamps(DataSource db) {
        this.db = db;
    }

    /**
     * Stores the works' shared token once, on {@code connection} (the registration's transaction), and names it in each
     * work ({@link Work#timestampTokenId}) — when there are several works and every one's stamp is an evidence record
     * ending with the same token; otherwise each work keeps its whole stamp.
     */
    static void share(Connection connection, List<Work> works) throws SQLException {
        if (works.size() < 2 || works.getFirst().record.timestampToken == null) {
            return;
        }
        byte[] first = works.getFirst().record.timestampToken;
        int offset = ArchiveTimeStamps.tokenOffset(first);
        if (offset < 0) {
            return;
        }
        for (var work : works) {
            byte[] stamp = work.record.timestampToken;
            int at = stamp == null ? -1 : ArchiveTimeStamps.tokenOffset(stamp);
            if (at < 0 || !Arrays.equals(stamp, at, stamp.length, first, offset, first.length)) {
                return;
            }
        }
        long id;
        try (var insert = connection.prepareStatement("insert into cr_timestamp_token (token) values (?) returning id")) {
            insert.setBytes(1, Arrays.copyOfRange(first, offset, first.length));
            try (var rows = insert.executeQuery()) {
                rows.next();
                id = rows.getLong(1);
            }
        }
        for (var work : works) {
            work.timestampTokenId = id;
        }
    }

    /** What a work's row stores of its stamp: the bytes before the shared token when it names one, else the whole stamp. */
    static byte[] stored(Work work) {
        byte[] stamp = work.record.timestampToken;
        return work.timestampTokenId == null ? stamp : Arrays.copyOf(stamp, ArchiveTimeStamps.tokenOffset(stamp));
    }

    /** A stored work's time-stamp as it was made: an RFC 3161 token or an RFC 4998 evidence record; null without one. */
    public byte[] stampOf(Work work) {
        byte[] stored = work.record.timestampToken;
        // a work just registered still holds its whole stamp in memory (only its row holds the bytes before the token)
        if (work.timestampTokenId == null || stored == null || ArchiveTimeStamps.tokenOffset(stored) >= 0) {
            return stored;
        }
        byte[] token = token(work.timestampTokenId);
        byte[] stamp = Arrays.copyOf(stored, stored.length + token.length);
        System.arraycopy(token, 0, stamp, stored.length, token.length);
        return stamp;
    }

    /** When a stored work was time-stamped (its token's generation time), without reading a shared token more than once. */
    public Optional<Instant> timeOf(Work work) {
        if (work.timestampTokenId == null || work.record.timestampToken == null) {
            return AttestedRecord.timeOf(work.record.timestampToken);
        }
        Instant time = times.get(work.timestampTokenId);
        if (time == null) {
            time = AttestedRecord.timeOf(stampOf(work)).orElseThrow();
            if (times.size() >= MAX_TIMES) {
                times.clear();
            }
            times.put(work.timestampTokenId, time);
        }
        return Optional.of(time);
    }

    private byte[] token(long id) {
        try (var connection = db.getConnection();
             var select = connection.prepareStatement("select token from cr_timestamp_token where id = ?")) {
            select.setLong(1, id);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("time-stamp token " + id + " is missing from cr_timestamp_token");
                }
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read time-stamp token " + id + ": " + e.getMessage(), e);
        }
    }
}
