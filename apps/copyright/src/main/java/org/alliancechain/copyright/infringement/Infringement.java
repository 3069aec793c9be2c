package org.alliancechain.copyright.infringement;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.alliancechain.service.attest.AttestedRecord;
import org.alliancechain.service.tenancy.OrganisationOwned;

/**
 * A rights holder's claim that a captured copy infringes one of its works: the licence registry's
 * answer for the publisher, the work and the use at the capture's time as of the block that anchored
 * the capture (no licence covered it), the forensics report's record, and the arbitration case filed
 * on chain once that record is anchored.
 */
@Entity
@Table(name = "cr_infringement")
public class Infringement extends OrganisationOwned {

    public enum Status {
        /** The report's record is being anchored; the case is filed once it is. */
        PREPARED("取证报告锚定中", "report being anchored"),
        /** The filing is queued in the outbox or mined but not yet confirmed. */
        FILING("提交仲裁中", "being filed"),
        /** CaseRegistry holds the case: odr-arbitration projects it. */
        FILED("已提交仲裁", "filed with arbitration"),
        /** Not filed: a participant or the chain refused it ({@link #refusal}); the capture may be claimed again. */
        REFUSED("未能立案", "not filed");

        public final String chinese;
        public final String english;

        Status(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cr_infringement_seq")
    @SequenceGenerator(name = "cr_infringement_seq", sequenceName = "cr_infringement_seq", allocationSize = 50)
    public Long id;

    @Column(name = "capture_id")
    public Long captureId;

    @Column(name = "work_id")
    public Long workId;

    public String publisher;

    public int uses;

    public String territory;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "as_of_block")
    public long asOfBlock;

    public boolean licensed;

    @Column(name = "licence_head")
    public String licenceHead;

    @Column(name = "licence_events")
    public int licenceEvents;

    public String claim;

    public String commission;

    @Column(name = "case_number")
    public String caseNumber;

    @Embedded
    public AttestedRecord record;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "filing_tx_id")
    public Long filingTxId;

    /** REFUSED: why the case was not filed. */
    public String refusal;

    public Integer citations;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
