package org.alliancechain.odr.award;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.alliancechain.service.attest.AttestedRecord;

/** Minutes of a hearing session, notarised by the commission. */
@Entity
@Table(name = "odr_minutes")
public class Minutes extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public Long caseId;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "held_at", nullable = false, updatable = false)
    public Instant heldAt;

    @Column(nullable = false, updatable = false)
    public String text;

    /** The minutes' record, time-stamped and notarised by the commission. */
    @Embedded
    public AttestedRecord record;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
