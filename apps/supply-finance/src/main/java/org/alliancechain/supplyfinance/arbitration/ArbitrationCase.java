package org.alliancechain.supplyfinance.arbitration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A case the holder of an overdue part filed against the core enterprise on CaseRegistry, citing the
 * certificate's history on chain; odr-arbitration projects it from there (no call between services).
 */
@Entity
@Table(name = "sf_arbitration")
public class ArbitrationCase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "part_id")
    public Long partId;

    @Column(name = "certificate_id")
    public Long certificateId;

    public String claimant;

    public String respondent;

    public String commission;

    /** "supply-finance/<certificate number>/part-<id>": the case's number on chain (its id is its keccak256). */
    @Column(name = "case_number")
    public String caseNumber;

    @Column(name = "case_id")
    public byte[] caseId;

    /** The claim statement as the holder wrote it; only its digest is on chain. */
    public String claim;

    @Column(name = "claim_digest")
    public byte[] claimDigest;

    @Column(name = "claimed_cents")
    public long claimedCents;

    /** How many chain events the filing cites as evidence. */
    public int citations;

    @Column(name = "filing_tx_id")
    public Long filingTxId;

    @Column(name = "mark_tx_id")
    public Long markTxId;

    @Column(name = "filed_by")
    public String filedBy;

    @Column(name = "filed_at")
    public Instant filedAt;
}
