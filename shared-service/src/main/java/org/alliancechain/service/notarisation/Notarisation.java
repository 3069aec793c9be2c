package org.alliancechain.service.notarisation;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import org.alliancechain.service.attest.AttestedRecord;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A document hash registered on chain by a member organisation. */
@Entity
public class Notarisation extends org.alliancechain.service.tenancy.OrganisationOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The record whose digest was notarised (the document hash, who, when), its time-stamp and notarisation item. */
    @Embedded
    public AttestedRecord record;

    /**
     * The time-stamp token this notarisation shares with others registered with it, stored once (V1104,
     * {@link org.alliancechain.service.attest.TimeStampTokens}); {@code record.timestampToken} then holds the bytes of its
     * evidence record before the token. Null when the row holds the whole stamp.
     */
    @Column(name = "timestamp_token_id")
    public Long timestampTokenId;
}
