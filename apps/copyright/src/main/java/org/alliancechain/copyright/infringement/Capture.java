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

    /** A web capture (WARC or WACZ): the page found in the archive — its response record. Null otherwise. */
    @Column(name = "archive_url")
    public String archiveUrl;

    @Column(name = "archive_captured_at")
    public Instant archiveCapturedAt;

    @Column(name = "archive_record_id")
    public String archiveRecordId;

    @Column(name = "archive_record_digest")
    public String archiveRecordDigest;

    @Column(name = "archive_ip")
    public String archiveIp;

    /** A URL capture: the URL the monitor gave (the archive's URL is where its redirects ended). */
    @Column(name = "requested_url")
    public String requestedUrl;

    /** A web capture's page payload as the server sent it (Content-Encoding undone): what was matched. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] payload;

    @Column(name = "payload_media_type")
    public String payloadMediaType;

    public boolean archived() {
        return archiveUrl != null;
    }

    /** What the capture matched when it was taken ({@link #matchesJson}, written with the service's JSON mapper). */
    public org.alliancechain.copyright.monitoring.Matches.SearchView searched(com.fasterxml.jackson.databind.ObjectMapper json) {
        try {
            return json.readValue(matchesJson, org.alliancechain.copyright.monitoring.Matches.SearchView.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("capture " + id + ": stored matches unreadable", e);
        }
    }

    /** The captured text as UTF-8 (a web capture's page decoded with its charset); for a text capture only. */
    public byte[] textUtf8() {
        if (!archived()) {
            return content;
        }
        boolean html = payloadMediaType != null && payloadMediaType.toLowerCase(java.util.Locale.ROOT).contains("html");
        return org.alliancechain.copyright.capture.PagePayload.text(payload, payloadMediaType, html)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
