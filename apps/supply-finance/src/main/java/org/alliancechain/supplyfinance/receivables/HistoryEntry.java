package org.alliancechain.supplyfinance.receivables;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a certificate's life as the chain recorded it: what, who, how much, in which transaction. */
@Entity
@Table(name = "sf_history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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
        if (certificateId == null || count("txHash = ?1 and logIndex = ?2", e.transactionHash(), e.logIndex()) > 0) {
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
