package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.alliancechain.chain.custody.TransactionSigner;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The relay's database steps, each one short transaction, in plain JDBC batches (the relay's hot
 * path). Signing happens under the signer's nonce row lock, and the raw transaction and its hash
 * are committed before anything is broadcast.
 */
@ApplicationScoped
public class RelayStore {

    /** A signed transaction on its way to the node. */
    record Signed(long id, String signer, long nonce, String txHash, byte[] rawTx, Instant submittedAt, Instant lastBroadcastAt) {
    }

    /** What a receipt said. */
    record Settlement(long id, boolean success, long blockNumber, String failureReason) {
    }

    private final DataSource dataSource;
    private final ChainConfig config;

    RelayStore(DataSource dataSource, ChainConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /**
     * Gives the oldest pending writes of this signer contiguous nonces, signs them and stores raw
     * transaction and hash. Bounded by the batch size and by the in-flight limit per key.
     */
    @Transactional
    public List<Signed> signPending(TransactionSigner signer, long chainId, LongSupplier nodeNonce) {
        String address = signer.address();
        try (var c = dataSource.getConnection()) {
            if (!hasPending(c, address)) {
                return List.of();
            }
            long next = lockNextNonce(c, address, nodeNonce);
            int room = config.relay().maxInFlight() - countSubmitted(c, address);
            int limit = Math.min(config.relay().batchSize(), room);
            if (limit <= 0) {
                return List.of();
            }
            record Pending(long id, String to, byte[] data) {
            }
            List<Pending> pending = new ArrayList<>();
            try (var s = c.prepareStatement("""
                    select t.id, t.to_address, t.call_data from chain_transaction t
                     where t.signer = ? and t.status = 'PENDING'
                       and (t.after_id is null
                            or exists (select 1 from chain_transaction p where p.id = t.after_id and p.status = 'CONFIRMED'))
                     order by t.id limit ? for update of t skip locked""")) {
                s.setString(1, address);
                s.setInt(2, limit);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new Pending(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
                    }
                }
            }
            if (pending.isEmpty()) {
                return List.of();
            }
            long gasPrice = config.relay().gasPrice();
            long gasLimit = config.relay().gasLimit();
            long first = next;
            // ECDSA signing is the CPU cost here; spread it over the cores.
            List<Signed> signed = java.util.stream.IntStream.range(0, pending.size()).parallel().mapToObj(i -> {
                var p = pending.get(i);
                byte[] raw = signer.sign(first + i, gasPrice, gasLimit, p.to(), p.data(), chainId);
                return new Signed(p.id(), address, first + i, Numeric.toHexString(Hash.sha3(raw)), raw, Instant.now(), null);
            }).toList();
            // One statement for the whole round: far cheaper than a JDBC batch of single-row updates.
            try (var s = c.prepareStatement("""
                    update chain_transaction t set status = 'SUBMITTED', nonce = x.nonce, tx_hash = x.hash, raw_tx = x.raw,
                           submitted_at = now()
                      from unnest(?::bigint[], ?::bigint[], ?::text[], ?::bytea[]) as x(id, nonce, hash, raw)
                     where t.id = x.id""")) {
                s.setArray(1, c.createArrayOf("bigint", signed.stream().map(Signed::id).toArray()));
                s.setArray(2, c.createArrayOf("bigint", signed.stream().map(Signed::nonce).toArray()));
                s.setArray(3, c.createArrayOf("text", signed.stream().map(Signed::txHash).toArray()));
                s.setArray(4, c.createArrayOf("bytea", signed.stream().map(Signed::rawTx).toArray(byte[][]::new)));
                s.executeUpdate();
            }
            try (var s = c.prepareStatement("update chain_nonce set next_nonce = ? where signer = ?")) {
                s.setLong(1, first + signed.size());
                s.setString(2, address);
                s.executeUpdate();
            }
            return signed;
        } catch (SQLException e) {
            throw new IllegalStateException("signing pending writes failed: " + e.getMessage(), e);
        }
    }

    /**
     * Fails, unsent, the pending writes that were to follow a failed write, and those that were to
     * follow them. {@link #settle} and {@link #fillGap} do this in the transaction that fails a
     * write; this sweep catches a follower committed while the write it follows was failing (its
     * transaction did not yet see the failure). It reads only the index of waiting followers, so it
     * costs one index probe when nothing waits. Returns how many writes it failed.
     */
    @Transactional
    public int failFollowersOfFailed() {
        try (var c = dataSource.getConnection()) {
            List<Long> failed = new ArrayList<>();
            try (var s = c.prepareStatement("""
                    select distinct t.after_id from chain_transaction t
                     where t.status = 'PENDING' and t.after_id is not null
                       and exists (select 1 from chain_transaction p where p.id = t.after_id and p.status = 'FAILED')""");
                 var rs = s.executeQuery()) {
                while (rs.next()) {
                    failed.add(rs.getLong(1));
                }
            }
            return failFollowers(c, failed);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot settle the followers of failed writes: " + e.getMessage(), e);
        }
    }

    /** Fails the pending followers of these failed writes, then theirs, generation by generation (through the after_id index). */
    private static int failFollowers(Connection c, List<Long> failed) throws SQLException {
        int total = 0;
        List<Long> generation = failed;
        while (!generation.isEmpty()) {
            List<Long> next = new ArrayList<>();
            try (var s = c.prepareStatement("""
                    update chain_transaction t set status = 'FAILED',
                           failure_reason = 'not sent: it was to follow write #' || p.id || ' (' || p.purpose || '), which failed'
                      from chain_transaction p
                     where t.after_id = any(?) and t.status = 'PENDING'
                       and p.id = t.after_id and p.status = 'FAILED'
                    returning t.id""")) {
                s.setArray(1, c.createArrayOf("bigint", generation.toArray()));
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        next.add(rs.getLong(1));
                    }
                }
            }
            total += next.size();
            generation = next;
        }
        return total;
    }

    /** The signers with writes waiting to be signed (a skip scan of the open-writes index). */
    @Transactional
    public List<String> signersWithPending() {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     with recursive s(signer) as (
                         (select signer from chain_transaction where status = 'PENDING' order by signer limit 1)
                         union all
                         select (select t.signer from chain_transaction t
                                  where t.status = 'PENDING' and t.signer > s.signer order by t.signer limit 1)
                           from s where s.signer is not null)
                     select signer from s where signer is not null""");
             var rs = s.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Submitted transactions of all signers, oldest first — without their raw bytes, which this
     * per-block scan does not need; {@link #withRawTransactions} loads them for a rebroadcast.
     */
    @Transactional
    public List<Signed> submitted(int limit) {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     select id, signer, nonce, tx_hash, submitted_at, last_broadcast_at from chain_transaction
                      where status = 'SUBMITTED' order by id limit ?""")) {
            s.setInt(1, limit);
            List<Signed> out = new ArrayList<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp(6);
                    out.add(new Signed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), null,
                            rs.getTimestamp(5).toInstant(), last == null ? null : last.toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The same transactions with their stored raw bytes. */
    @Transactional
    public List<Signed> withRawTransactions(List<Signed> txs) {
        if (txs.isEmpty()) {
            return txs;
        }
        var raw = new java.util.HashMap<Long, byte[]>();
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("select id, raw_tx from chain_transaction where id = any(?)")) {
            s.setArray(1, c.createArrayOf("bigint", txs.stream().map(Signed::id).toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    raw.put(rs.getLong(1), rs.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return txs.stream().map(t -> new Signed(t.id(), t.signer(), t.nonce(), t.txHash(), raw.get(t.id()), t.submittedAt(),
                t.lastBroadcastAt())).toList();
    }

    @Transactional
    public void markBroadcast(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     update chain_transaction set broadcasts = broadcasts + 1, last_broadcast_at = now()
                      where id = any(?)""")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Records receipts; a row that is no longer SUBMITTED is left alone. The followers of a write that
     * failed fail with it, in the same transaction. Returns the rows settled.
     */
    @Transactional
    public int settle(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return 0;
        }
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     update chain_transaction t set status = x.status, block_number = x.block, failure_reason = x.reason,
                            confirmed_at = now()
                       from unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[]) as x(id, status, block, reason)
                      where t.id = x.id and t.status = 'SUBMITTED'""")) {
            s.setArray(1, c.createArrayOf("bigint", settlements.stream().map(Settlement::id).toArray()));
            s.setArray(2, c.createArrayOf("text", settlements.stream().map(t -> t.success() ? "CONFIRMED" : "FAILED").toArray()));
            s.setArray(3, c.createArrayOf("bigint", settlements.stream().map(Settlement::blockNumber).toArray()));
            s.setArray(4, c.createArrayOf("text", settlements.stream().map(Settlement::failureReason).toArray()));
            int settled = s.executeUpdate();
            failFollowers(c, settlements.stream().filter(t -> !t.success()).map(Settlement::id).toList());
            return settled;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The node consumed this nonce with another transaction (the key was used elsewhere): the
     * stored one can never be mined, so it goes back to PENDING and gets a fresh nonce.
     */
    @Transactional
    public void requeue(long id, String reason) {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     update chain_transaction set status = 'PENDING', nonce = null, tx_hash = null, raw_tx = null,
                            failure_reason = ? where id = ? and status = 'SUBMITTED'""")) {
            s.setString(1, reason);
            s.setLong(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The node refuses this transaction for good and the account's nonce is stuck at it: fail the
     * write with the node's reason and fill the nonce with a no-op transfer to self, so the later
     * nonces can be mined. Returns the filler, to broadcast.
     */
    @Transactional
    public Signed fillGap(long id, long nonce, String reason, TransactionSigner signer, long chainId) {
        try (var c = dataSource.getConnection()) {
            try (var s = c.prepareStatement("""
                    update chain_transaction set status = 'FAILED', failure_reason = ?, confirmed_at = now(), nonce = null
                     where id = ? and status = 'SUBMITTED'""")) {
                s.setString(1, reason);
                s.setLong(2, id);
                if (s.executeUpdate() == 0) {
                    return null;
                }
            }
            failFollowers(c, List.of(id));
            byte[] raw = signer.sign(nonce, config.relay().gasPrice(), 21_000, signer.address(), new byte[0], chainId);
            String hash = Numeric.toHexString(Hash.sha3(raw));
            long fillerId = OutboxSql.insertTransaction(c, "nonce-gap-filler", signer.address(), signer.address(), new byte[0]);
            try (var s = c.prepareStatement("""
                    update chain_transaction set status = 'SUBMITTED', nonce = ?, tx_hash = ?, raw_tx = ?, submitted_at = now()
                     where id = ?""")) {
                s.setLong(1, nonce);
                s.setString(2, hash);
                s.setBytes(3, raw);
                s.setLong(4, fillerId);
                s.executeUpdate();
            }
            return new Signed(fillerId, signer.address(), nonce, hash, raw, Instant.now(), null);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Outbox gauges: open writes and the age of the oldest one, in one query. */
    @Transactional
    public long[] openCountAndOldestAgeMillis() {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     select count(*), coalesce(extract(epoch from now() - min(created_at)) * 1000, 0)
                       from chain_transaction where status in ('PENDING', 'SUBMITTED')""");
             var rs = s.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static boolean hasPending(Connection c, String address) throws SQLException {
        try (var s = c.prepareStatement("select 1 from chain_transaction where signer = ? and status = 'PENDING' limit 1")) {
            s.setString(1, address);
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int countSubmitted(Connection c, String address) throws SQLException {
        try (var s = c.prepareStatement("select count(*) from chain_transaction where signer = ? and status = 'SUBMITTED'")) {
            s.setString(1, address);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long lockNextNonce(Connection c, String address, LongSupplier nodeNonce) throws SQLException {
        Long found = selectNonceForUpdate(c, address);
        if (found != null) {
            return found;
        }
        // First use of this key: start from the node's pending count; a concurrent first use loses the insert.
        try (var s = c.prepareStatement("insert into chain_nonce (signer, next_nonce) values (?, ?) on conflict do nothing")) {
            s.setString(1, address);
            s.setLong(2, nodeNonce.getAsLong());
            s.executeUpdate();
        }
        return selectNonceForUpdate(c, address);
    }

    private static Long selectNonceForUpdate(Connection c, String address) throws SQLException {
        try (var s = c.prepareStatement("select next_nonce from chain_nonce where signer = ? for update")) {
            s.setString(1, address);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
