package org.alliancechain.odr.award;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.alliancechain.service.attest.AttestedRecord;

/** A case's award: drafted by the (presiding) arbitrator, approved by the panel's majority, issued and anchored. */
@Entity
@Table(name = "odr_award")
public class Award extends PanacheEntityBase {

    public static final String DRAFT = "DRAFT";
    public static final String ISSUED = "ISSUED";

    @Id
    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "drafted_by", nullable = false)
    public String draftedBy;

    /** The operative part (裁决主文): what the tribunal orders. */
    @Column(nullable = false)
    public String decision;

    /** The facts found and the tribunal's reasons. */
    @Column(nullable = false)
    public String reasoning;

    @Column(nullable = false)
    public String status;

    @Column(name = "drafted_at", nullable = false)
    public Instant draftedAt;

    /** The award's record once issued (null while a draft): time-stamped, notarised by the commission, its digest recorded in CaseRegistry. */
    @Embedded
    public AttestedRecord record;

    @Column(name = "issued_at")
    public Instant issuedAt;

    /** The signed award PDF, kept once rendered (it is rendered when the record is anchored). */
    public byte[] pdf;

    @Column(name = "pdf_sha256")
    public String pdfSha256;
}
