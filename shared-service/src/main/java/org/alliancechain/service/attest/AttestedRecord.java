package org.alliancechain.service.attest;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.HexFormat;

/**
 * A record as the suite keeps it, embedded in the entity it attests (an evidence item, an award, a
 * notarisation, an invoice …): its canonical JSON (RFC 8785 — exactly the bytes hashed), the SHA-256
 * digest of those bytes, the RFC 3161 time-stamp token over the digest, and the chain client's
 * notarisation item that anchors the digest on chain. Made by {@link Attestations}.
 */
@Embeddable
public class AttestedRecord {

    /** The record in RFC 8785 canonical JSON: exactly the bytes that were hashed. */
    @Column(name = "record_json")
    public String json;

    /** SHA-256 of {@link #json}, lower-case hex: what is time-stamped and notarised (or recorded in a registry). */
    @Column(name = "record_digest")
    public String digest;

    /**
     * The time-stamp: an RFC 3161 token over the digest, or — when the record was stamped together
     * with others under one token — an RFC 4998 evidence record holding that token and the digest's
     * path to the root it stamps ({@link org.alliancechain.evidence.tsa.ArchiveTimeStamps}); null when
     * the time-stamp authority could not be reached (the step is still taken).
     */
    @Column(name = "timestamp_token")
    public byte[] timestampToken;

    /** The chain client's notarisation item (batch, Merkle proof, anchoring state); null when the record is not notarised. */
    @Column(name = "notarisation_item_id")
    public Long notarisationItemId;

    public AttestedRecord() {
    }

    AttestedRecord(String json, String digest, byte[] timestampToken) {
        this.json = json;
        this.digest = digest;
        this.timestampToken = timestampToken;
    }

    /** The digest's bytes. */
    public byte[] digestBytes() {
        return HexFormat.of().parseHex(digest);
    }

    /** When the time-stamp authority stamped the digest; empty without a token. */
    public java.util.Optional<java.time.Instant> timeStampedAt() {
        return timeOf(timestampToken);
    }

    /** The generation time of a stored time-stamp, token or evidence record (null: empty). */
    public static java.util.Optional<java.time.Instant> timeOf(byte[] token) {
        if (token == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(org.alliancechain.evidence.tsa.ArchiveTimeStamps.token(token).getTimeStampInfo().getGenTime().toInstant());
        } catch (Exception e) {
            throw new IllegalStateException("stored time-stamp unreadable: " + e.getMessage(), e);
        }
    }

    public boolean isNotarised() {
        return notarisationItemId != null;
    }
}
