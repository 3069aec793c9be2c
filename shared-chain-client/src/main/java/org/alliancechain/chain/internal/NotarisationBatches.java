package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.chain.api.MerkleTree;
import org.alliancechain.chain.api.NotarisationView;
import org.web3j.utils.Numeric;

/**
 * Closes notarisation batches (per organisation, by count or by the age of the oldest item) into
 * Merkle trees and queues the anchoring of each root with the organisation's key; serves items
 * with their inclusion proofs.
 */
@ApplicationScoped
public class NotarisationBatches {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ANCHOR = "anchor(bytes32,bytes32,uint32)";

    private final DataSource dataSource;
    private final ChainConfig config;
    private final Signers signers;
    /** Audit paths of recently read batches: computing all paths of a tree once is O(n log n). */
    private final Map<Long, List<List<byte[]>>> paths = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<List<byte[]>>> eldest) {
            return size() > 32;
        }
    });

    NotarisationBatches(DataSource dataSource, ChainConfig config, Signers signers) {
        this.dataSource = dataSource;
        this.config = config;
        this.signers = signers;
    }

    /**
     * For each organisation with unbatched items: takes its oldest ones (up to the batch size) if
     * there are enough or the oldest is old enough, builds their tree, stores the batch with its
     * leaves and queues the anchoring, signed by that organisation's key — one transaction.
     * Returns the number of items batched.
     */
    @Transactional
    public int closeBatch() {
        try (var c = dataSource.getConnection()) {
            int batched = 0;
            for (String signer : signersWithUnbatchedItems(c)) {
                batched += closeBatch(c, signer);
            }
            return batched;
        } catch (SQLException e) {
            throw new IllegalStateException("closing a notarisation batch failed: " + e.getMessage(), e);
        }
    }

    /** The distinct signers of unbatched items, by a skip scan of the partial index (few signers, many items). */
    private static List<String> signersWithUnbatchedItems(java.sql.Connection c) throws SQLException {
        List<String> signers = new ArrayList<>();
        try (var s = c.prepareStatement("""
                with recursive s(signer) as (
                    (select signer from notarisation_item where batch_id is null order by signer limit 1)
                    union all
                    select (select i.signer from notarisation_item i
                             where i.batch_id is null and i.signer > s.signer order by i.signer limit 1)
                      from s where s.signer is not null)
                select signer from s where signer is not null""");
             var rs = s.executeQuery()) {
            while (rs.next()) {
                signers.add(rs.getString(1));
            }
        }
        return signers;
    }

    private int closeBatch(java.sql.Connection c, String itemSigner) throws SQLException {
        int max = config.notarisation().maxBatchSize();
        if (!due(c, itemSigner, max)) {
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        Instant oldest = null;
        try (var s = c.prepareStatement("""
                select id, item_digest, created_at from notarisation_item
                 where batch_id is null and signer = ? order by id limit ? for update skip locked""")) {
            s.setString(1, itemSigner);
            s.setInt(2, max);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    leaves.add(MerkleTree.leafHash(rs.getBytes(2)));
                    if (oldest == null) {
                        oldest = rs.getTimestamp(3).toInstant();
                    }
                }
            }
        }
        if (ids.isEmpty() || ids.size() < max && oldest.isAfter(Instant.now().minus(config.notarisation().maxAge()))) {
            return 0;
        }
        // Items queued before notarisation had a signer are anchored with the service's own key.
        String anchorer = itemSigner.isEmpty() ? signers.serviceKey().address() : itemSigner;
        long batchId = insertBatch(c, anchorer, leaves);
        Integer[] indexes = new Integer[ids.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = i;
        }
        try (var s = c.prepareStatement("""
                update notarisation_item i set batch_id = ?, leaf_index = x.idx
                  from unnest(?::bigint[], ?::int[]) as x(id, idx) where i.id = x.id""")) {
            s.setLong(1, batchId);
            s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            s.setArray(3, c.createArrayOf("integer", indexes));
            s.executeUpdate();
        }
        return ids.size();
    }

    /**
     * A batch of these leaves, its root and its anchoring by {@code anchorer} queued (on {@code c}, the caller's
     * transaction); its id.
     */
    private long insertBatch(java.sql.Connection c, String anchorer, List<byte[]> leaves) throws SQLException {
        byte[] root = MerkleTree.root(leaves);
        byte[] batchKey = new byte[32];
        RANDOM.nextBytes(batchKey);
        byte[] callData = Numeric.hexStringToByteArray(AbiCodec.encode(
                ContractCall.of(config.contracts().anchorRegistry(), ANCHOR, batchKey, root, leaves.size())));
        long txId = OutboxSql.insertTransaction(c, "anchor-batch", anchorer,
                config.contracts().anchorRegistry().toLowerCase(), callData);
        try (var s = c.prepareStatement("""
                insert into notarisation_batch (batch_key, root, size, leaves, chain_tx_id, created_at)
                values (?, ?, ?, ?, ?, now()) returning id""")) {
            s.setBytes(1, batchKey);
            s.setBytes(2, root);
            s.setInt(3, leaves.size());
            s.setBytes(4, concat(leaves));
            s.setLong(5, txId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Items of one request numerous enough to be a batch of their own ({@code chain.notarisation.own-batch-from}): stored
     * already batched, in batches of at most the batch size, each anchored by {@code signer} — on {@code c}, the caller's
     * transaction. The same batches as {@link #closeBatch} would make of them, without queueing each item and then
     * updating it into its batch (an update of every item's row that PostgreSQL cannot do in place: {@code batch_id} is
     * indexed). Returns the items' ids in order.
     */
    long[] insertBatched(java.sql.Connection c, String signer, List<byte[]> itemDigests) throws SQLException {
        int max = config.notarisation().maxBatchSize();
        var ids = new long[itemDigests.size()];
        for (int from = 0; from < itemDigests.size(); from += max) {
            var digests = itemDigests.subList(from, Math.min(itemDigests.size(), from + max));
            var leaves = new ArrayList<byte[]>(digests.size());
            for (byte[] digest : digests) {
                leaves.add(MerkleTree.leafHash(digest));
            }
            long[] batchIds = insertItems(c, signer, digests, insertBatch(c, signer, leaves));
            System.arraycopy(batchIds, 0, ids, from, batchIds.length);
        }
        return ids;
    }

    /**
     * Inserts items of one signer in order, waiting for a batch ({@code batchId} null) or in batch {@code batchId} at
     * leaf indexes 0, 1, …; their ids in order.
     */
    static long[] insertItems(java.sql.Connection c, String signer, List<byte[]> digests, Long batchId) throws SQLException {
        try (var s = c.prepareStatement("""
                insert into notarisation_item (item_digest, signer, created_at, batch_id, leaf_index)
                select d, ?, now(), ?::bigint, case when ?::bigint is null then null else (n - 1)::int end
                  from unnest(?::bytea[]) with ordinality as t(d, n) order by n
                returning id""")) {
            s.setString(1, signer);
            s.setObject(2, batchId, java.sql.Types.BIGINT);
            s.setObject(3, batchId, java.sql.Types.BIGINT);
            s.setArray(4, c.createArrayOf("bytea", digests.toArray(new byte[0][])));
            var ids = new long[digests.size()];
            try (var rs = s.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
            // a sequence hands out ascending ids in the order the rows are inserted
            java.util.Arrays.sort(ids);
            return ids;
        }
    }

    /**
     * Whether this organisation's batch is due: full, or its oldest item old enough. Asked every relay
     * round, so it reads two index entries' worth instead of selecting, locking and hashing every
     * waiting item as closing a batch does (with 1,000 items waiting that was 1,000 row locks and
     * hashes 50 times a second, for nothing).
     */
    private boolean due(java.sql.Connection c, String itemSigner, int max) throws SQLException {
        try (var s = c.prepareStatement("""
                select created_at from notarisation_item where batch_id is null and signer = ? order by id limit 1""")) {
            s.setString(1, itemSigner);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                if (!rs.getTimestamp(1).toInstant().isAfter(Instant.now().minus(config.notarisation().maxAge()))) {
                    return true;
                }
            }
        }
        try (var s = c.prepareStatement("""
                select 1 from notarisation_item where batch_id is null and signer = ? order by id offset ? limit 1""")) {
            s.setString(1, itemSigner);
            s.setInt(2, max - 1);
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NotarisationView> itemView(long itemId, String anchorRegistry, long chainId) {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     select i.item_digest, i.created_at, i.leaf_index, b.id, b.batch_key, b.root, b.size,
                            t.status, t.tx_hash, t.block_number
                       from notarisation_item i
                       left join notarisation_batch b on b.id = i.batch_id
                       left join chain_transaction t on t.id = b.chain_tx_id
                      where i.id = ?""")) {
            s.setLong(1, itemId);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String digest = HEX.formatHex(rs.getBytes(1));
                Instant created = rs.getTimestamp(2).toInstant();
                long batchId = rs.getLong(4);
                if (rs.wasNull()) {
                    return Optional.of(new NotarisationView(itemId, digest, NotarisationView.BATCHING, created, Optional.empty()));
                }
                int leafIndex = rs.getInt(3);
                String status = rs.getString(8);
                String txHash = rs.getString(9);
                long block = rs.getLong(10);
                Long blockNumber = rs.wasNull() ? null : block;
                // The batch's leaves (32 bytes each, up to thousands) are read only when its paths are not remembered,
                // and outside the memory's lock.
                var batchPaths = paths.get(batchId);
                if (batchPaths == null) {
                    batchPaths = MerkleTree.allAuditPaths(split(leaves(c, batchId)));
                    paths.put(batchId, batchPaths);
                }
                var path = batchPaths.get(leafIndex);
                var proof = new InclusionProof(digest, leafIndex, rs.getInt(7), path.stream().map(HEX::formatHex).toList(),
                        HEX.formatHex(rs.getBytes(6)), HEX.formatHex(rs.getBytes(5)), anchorRegistry.toLowerCase(), chainId,
                        txHash, blockNumber);
                return Optional.of(new NotarisationView(itemId, digest, ChainTxStatus.valueOf(status).name(), created,
                        Optional.of(proof)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read notarisation item " + itemId + ": " + e.getMessage(), e);
        }
    }

    private static byte[] leaves(java.sql.Connection c, long batchId) {
        try (var s = c.prepareStatement("select leaves from notarisation_batch where id = ?")) {
            s.setLong(1, batchId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the leaves of notarisation batch " + batchId + ": " + e.getMessage(), e);
        }
    }

    private static byte[] concat(List<byte[]> hashes) {
        byte[] all = new byte[hashes.size() * 32];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, all, i * 32, 32);
        }
        return all;
    }

    private static List<byte[]> split(byte[] all) {
        List<byte[]> hashes = new ArrayList<>(all.length / 32);
        for (int i = 0; i < all.length; i += 32) {
            hashes.add(java.util.Arrays.copyOfRange(all, i, i + 32));
        }
        return hashes;
    }

}
