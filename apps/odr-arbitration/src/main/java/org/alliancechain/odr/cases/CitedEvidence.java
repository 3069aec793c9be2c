package org.alliancechain.odr.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * An event a filing on chain cited as the claimant's evidence ({@code CaseEvidenceCited}): the evidence item
 * it became, or why it could not become one (refused). Read only through the case it belongs to.
 */
@Entity
@Table(name = "odr_cited_evidence")
public class CitedEvidence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public Long caseId;

    /** "block:logIndex" of the CaseEvidenceCited log: a replayed event finds it and changes nothing. */
    @Column(name = "log_position", nullable = false, updatable = false)
    public String logPosition;

    /** The citation's order in its filing, from 0. */
    @Column(nullable = false, updatable = false)
    public int position;

    /** {@code event:0x<tx hash>:<log index>}. */
    @Column(nullable = false, updatable = false)
    public String reference;

    @Column(name = "evidence_id", updatable = false)
    public Long evidenceId;

    /** The evidence item's number (C-n) when it became one. */
    @Column(name = "evidence_number", updatable = false)
    public String evidenceNumber;

    @Column(name = "refused_reason", updatable = false)
    public String refusedReason;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    public static boolean recorded(String logPosition) {
        return count("logPosition", logPosition) > 0;
    }

    public static List<CitedEvidence> of(long caseId) {
        return list("caseId = ?1 order by position, id", caseId);
    }
}
