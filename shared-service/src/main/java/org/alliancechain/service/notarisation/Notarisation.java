package org.alliancechain.service.notarisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    /** The chain client's notarisation item: batch, proof and anchoring status. */
    @Column(name = "notarisation_item_id", nullable = false)
    public Long itemId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The record whose digest was notarised, in RFC 8785 canonical JSON (exactly the bytes that were hashed). */
    @Column(name = "record_json")
    public String recordJson;

    /** SHA-256 of {@link #recordJson}: the notarised item digest. */
    @Column(name = "record_digest")
    public String recordDigest;

    /** RFC 3161 token over the record digest; null when the TSA could not be reached at registration. */
    @Column(name = "timestamp_token")
    public byte[] timestampToken;
}
