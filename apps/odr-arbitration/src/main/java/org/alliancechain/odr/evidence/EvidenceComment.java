package org.alliancechain.odr.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Cross-examination (质证): the other side's view of an evidence item on the three questions Chinese
 * arbitration asks of every item — authenticity, legality, relevance — with its reasons.
 */
@Entity
@Table(name = "odr_evidence_comment")
public class EvidenceComment extends org.alliancechain.service.tenancy.OrganisationOwned {

    /** The commenting side's position on one question. */
    public enum Position {
        ADMITTED("认可", "Admitted"),
        DISPUTED("不认可", "Disputed"),
        PARTLY("部分认可", "Partly admitted");

        public final String chinese;
        public final String english;

        Position(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "evidence_id", nullable = false, updatable = false)
    public Long evidenceId;

    @Column(name = "case_id", nullable = false, updatable = false)
    public Long caseId;

    @Column(nullable = false, updatable = false)
    public String author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Position authenticity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Position legality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Position relevance;

    @Column(nullable = false, updatable = false)
    public String opinion;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
