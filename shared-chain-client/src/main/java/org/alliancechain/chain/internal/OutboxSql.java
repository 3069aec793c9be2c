package org.alliancechain.chain.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The outbox insert, shared by the chain port and the batcher. */
final class OutboxSql {

    private OutboxSql() {
    }

    static long insertTransaction(DataSource dataSource, String purpose, String signer, String to, byte[] callData, Long after) {
        try (Connection c = dataSource.getConnection()) {
            return insertTransaction(c, purpose, signer, to, callData, after);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue the chain write: " + e.getMessage(), e);
        }
    }

    static long insertTransaction(Connection c, String purpose, String signer, String to, byte[] callData) throws SQLException {
        return insertTransaction(c, purpose, signer, to, callData, null);
    }

    /** {@code after}: the write this one must follow (sent once that one is confirmed), or null. */
    static long insertTransaction(Connection c, String purpose, String signer, String to, byte[] callData, Long after) throws SQLException {
        try (var s = c.prepareStatement("""
                insert into chain_transaction (purpose, signer, to_address, call_data, status, created_at, after_id)
                values (?, ?, ?, ?, 'PENDING', now(), ?) returning id""")) {
            s.setString(1, purpose);
            s.setString(2, signer);
            s.setString(3, to);
            s.setBytes(4, callData);
            if (after == null) {
                s.setNull(5, java.sql.Types.BIGINT);
            } else {
                s.setLong(5, after);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
