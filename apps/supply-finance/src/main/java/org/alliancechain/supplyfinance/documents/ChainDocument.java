package org.alliancechain.supplyfinance.documents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
import java.util.Arrays;
import java.util.List;
import org.alliancechain.service.attest.AttestedRecord;

/**
 * A signed PDF of one chain fact of a certificate (its confirmation, an accepted transfer, a paid
 * financing, its settlement), made once from the history row of that fact: every download answers
 * these bytes. Its record — the facts printed, with the signed file's digests — is time-stamped and
 * notarised by the first signer, so the public verification page finds it.
 */
@Entity
@Table(name = "sf_document")
public class ChainDocument extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "certificate_id")
    public Long certificateId;

    @Enumerated(EnumType.STRING)
    public DocumentKind kind;

    /** The history row (the chain fact) the document was made from: one document per fact. */
    @Column(name = "source_entry_id")
    public Long sourceEntryId;

    /** e.g. RC-2026-000001-T17: the certificate's number, the kind's letter, the part or financing. */
    public String number;

    @Column(name = "file_name")
    public String fileName;

    /** The signing organisations in the order they signed, comma-separated. */
    @Column(name = "signed_by")
    public String signedBy;

    public byte[] bytes;

    /** Hex SHA-256 of the bytes (the download's ETag). */
    public String sha256;

    /** SHA-256 of the embedded facts.json (RFC 8785): the digest in the document's QR code. */
    @Column(name = "facts_digest")
    public String factsDigest;

    @Embedded
    public AttestedRecord record;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "block_number")
    public long blockNumber;

    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> signers() {
        return Arrays.asList(signedBy.split(","));
    }

    public static List<ChainDocument> ofCertificate(long certificateId) {
        return list("certificateId = ?1 order by id", certificateId);
    }
}
