package org.alliancechain.supplyfinance.receivables;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One overdue event of a core enterprise as ReceivableRegistry counted it (CertificateOverdue): what
 * every member's disclosure is made of — events in the last six months, the unpaid balance, and
 * whether the registry now refuses the core's new confirmations (3 or more events in six months
 * with a balance, domain §4).
 */
@Entity
@Table(name = "sf_overdue")
public class OverdueEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String core;

    @Column(name = "certificate_id")
    public Long certificateId;

    @Column(name = "overdue_cents")
    public long overdueCents;

    /** The registry's count of the core's overdue events, this one included. */
    @Column(name = "events_total")
    public int eventsTotal;

    /** When the indexer saw it: the chain's time of the block, within the indexer's lag. */
    @Column(name = "marked_at")
    public Instant markedAt;

    /** When the core enterprise paid the certificate after all. */
    @Column(name = "cured_at")
    public Instant curedAt;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "log_index")
    public int logIndex;

    /** ReceivableRegistry's window (SIX_MONTHS) and threshold (SUSPENSION_EVENTS) for refusing a core's confirmations. */
    public static final java.time.Duration SIX_MONTHS = java.time.Duration.ofDays(183);
    public static final int SUSPENSION_EVENTS = 3;

    /** Whether the registry refuses the core's new confirmations now: 3 or more events in six months and an unpaid overdue certificate. */
    public static boolean suspends(String core, Instant now) {
        return count("core = ?1 and markedAt > ?2", core, now.minus(SIX_MONTHS)) >= SUSPENSION_EVENTS
                && ReceivableCertificate.count("core = ?1 and status = ?2", core, ReceivableCertificate.Status.OVERDUE) > 0;
    }
}
