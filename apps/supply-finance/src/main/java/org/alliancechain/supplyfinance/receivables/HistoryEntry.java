package org.alliancechain.supplyfinance.receivables;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a certificate's life as the chain recorded it: what, who, how much, in which transaction. */
@Entity
@Table(name = "sf_history")
public class HistoryEntry extends PanacheEntityBase {

    /** From the table's sequence 50 at a time (V4050), so the projection's inserts go to PostgreSQL in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sf_history_id")
    @SequenceGenerator(name = "sf_history_id", sequenceName = "sf_history_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "certificate_id")
    public Long certificateId;

    @Column(name = "part_id")
    public Long partId;

    /** CONFIRMED, SPLIT, OFFERED, ACCEPTED, REJECTED, WITHDRAWN, EXPIRED, … */
    public String kind;

    public String actor;

    public String counterparty;

    @Column(name = "amount_cents")
    public Long amountCents;

    public String detail;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "block_number")
    public long blockNumber;

    @Column(name = "log_index")
    public int logIndex;

    public Instant at;

    /** Records one step of a certificate from the event that made it; the same log twice is recorded once. */
    public static void record(org.alliancechain.chain.api.ChainEvent e, Long certificateId, Long partId, String kind, String actor,
                              String counterparty, Long amount, String detail) {
        if (count("txHash = ?1 and logIndex = ?2", e.transactionHash(), e.logIndex()) == 0) {
            add(e, certificateId, partId, kind, actor, counterparty, amount, detail);
        }
    }

    /** The logs of these transactions recorded already, as {@link #key}s: one query by the (tx_hash, log_index) index. */
    static java.util.Set<String> recorded(java.util.Collection<String> transactionHashes) {
        var out = new java.util.HashSet<String>();
        if (transactionHashes.isEmpty()) {
            return out;
        }
        getEntityManager().createQuery("select h.txHash, h.logIndex from HistoryEntry h where h.txHash in :txs", Object[].class)
                .setParameter("txs", transactionHashes).getResultList().forEach(row -> out.add(key((String) row[0], (Integer) row[1])));
        return out;
    }

    static String key(String transactionHash, int logIndex) {
        return transactionHash + "#" + logIndex;
    }

    /** Records one step without looking for it first (the caller knows the log is not recorded yet). */
    static void add(org.alliancechain.chain.api.ChainEvent e, Long certificateId, Long partId, String kind, String actor, String counterparty,
                    Long amount, String detail) {
        if (certificateId == null) {
            return;
        }
        var entry = new HistoryEntry();
        entry.certificateId = certificateId;
        entry.partId = partId;
        entry.kind = kind;
        entry.actor = actor;
        entry.counterparty = counterparty;
        entry.amountCents = amount;
        entry.detail = detail;
        entry.txHash = e.transactionHash();
        entry.blockNumber = e.blockNumber();
        entry.logIndex = e.logIndex();
        entry.at = Instant.now();
        entry.persist();
    }
}
