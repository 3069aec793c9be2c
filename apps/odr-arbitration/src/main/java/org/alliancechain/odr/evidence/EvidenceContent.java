package org.alliancechain.odr.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an evidence item, loaded only when someone downloads it. */
@Entity
@Table(name = "odr_evidence_content")
public class EvidenceContent extends PanacheEntityBase {

    @Id
    @Column(name = "evidence_id")
    public Long evidenceId;

    @Column(nullable = false, updatable = false)
    public byte[] content;
}
