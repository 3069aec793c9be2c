package org.alliancechain.copyright.infringement;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.service.attest.AttestedRecord;
import org.alliancechain.service.tenancy.OrganisationOwned;

/**
 * A suspected copy as a monitor captured it: the bytes exactly as found, where and by whom they were
 * published, what the index matched, and the capture record — hashed, time-stamped (RFC 3161) and
 * anchored — which proves the bytes existed unchanged at that time (not that a server sent them).
 */
@Entity
@Table(name = "cr_capture")
public class Capture extends OrganisationOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cr_capture_seq")
    @SequenceGenerator(name = "cr_capture_seq", sequenceName = "cr_capture_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Work.Kind kind;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "file_name")
    public String fileName;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    public String sha256;

    @Column(name = "source_url")
    public String sourceUrl;

    public String publisher;

    @Column(name = "matches_json")
    public String matchesJson;

    @Embedded
    public AttestedRecord record;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
