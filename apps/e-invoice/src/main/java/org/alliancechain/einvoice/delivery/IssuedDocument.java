package org.alliancechain.einvoice.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A document of an invoice as first delivered: the seller-signed PDF or the UBL it embeds. Made once;
 * the same bytes answer every later download, by the seller or the buyer, so both hold the same signed file.
 */
@Entity
@Table(name = "einv_document")
public class IssuedDocument extends PanacheEntityBase {

    /** The documents an invoice is delivered as. */
    public enum Kind {
        PDF("application/pdf", ".pdf"),
        UBL("application/xml", ".xml"),
        /** GB/T 33190 OFD with the seller's GB/T 38540 SM2 seal (no registered media type; the one Chinese platforms serve). */
        OFD("application/ofd", ".ofd");

        public final String mediaType;
        public final String extension;

        Kind(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "invoice_id")
    public Long invoiceId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public byte[] bytes;

    /** Hex SHA-256 of the bytes (the download's ETag). */
    public String sha256;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<IssuedDocument> of(long invoiceId, Kind kind) {
        return find("invoiceId = ?1 and kind = ?2", invoiceId, kind).firstResultOptional();
    }
}
