package org.alliancechain.odr.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.alliancechain.odr.cases.Side;
import org.alliancechain.service.attest.AttestedRecord;

/**
 * One evidence item of a case: the file's facts, the record that was hashed (its digest notarised by
 * the submitting organisation), and the time-stamp. The content is kept apart ({@link EvidenceContent}).
 * Owned by the submitting organisation: no other organisation can change it.
 */
@Entity
@Table(name = "odr_evidence")
public class EvidenceItem extends org.alliancechain.service.tenancy.OrganisationOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public Long caseId;

    /** C-1, C-2 … for the claimant's items, R-1 … for the respondent's. */
    @Column(nullable = false, updatable = false)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Side side;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public String submittedBy;

    @Column(nullable = false, updatable = false)
    public String title;

    @Column(name = "file_name", nullable = false, updatable = false)
    public String fileName;

    @Column(name = "media_type", nullable = false, updatable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long size;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(nullable = false, updatable = false)
    public String sm3;

    /** "upload", "filing", "archive &lt;name&gt;" or the reference it was attached by. */
    @Column(nullable = false, updatable = false)
    public String source;

    /** The normalised reference (event:0x…, anchor:…) when the item was attached by reference; null for files. */
    @Column(updatable = false)
    public String reference;

    /** The item's record (file facts, hashes, who, when): canonical JSON, digest, time-stamp, notarised by the submitting organisation. */
    @Embedded
    public AttestedRecord record;

    /**
     * The time-stamp token this item shares with the others submitted with it, stored once (V2030,
     * {@link org.alliancechain.service.attest.TimeStampTokens}); {@code record.timestampToken} then holds the bytes of its
     * evidence record before the token — read the stamp through {@link #stamp}. Null when the row holds the whole stamp.
     */
    @Column(name = "timestamp_token_id", updatable = false)
    public Long timestampTokenId;

    /** This item's time-stamp as it was made (an RFC 3161 token or an RFC 4998 evidence record), its shared token joined again. */
    public byte[] stamp(org.alliancechain.service.attest.TimeStampTokens tokens) {
        return tokens.stampOf(record.timestampToken, timestampTokenId);
    }

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public Instant submittedAt;
}
