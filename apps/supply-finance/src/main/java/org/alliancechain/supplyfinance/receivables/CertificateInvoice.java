package org.alliancechain.supplyfinance.receivables;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** An invoice behind a certificate, named by the core enterprise when it confirmed; financings pledge them in this order. */
@Entity
@Table(name = "sf_certificate_invoice")
@IdClass(CertificateInvoice.Key.class)
public class CertificateInvoice extends PanacheEntityBase {

    public record Key(Long certificateId, Short position) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "certificate_id")
    public Long certificateId;

    @Id
    public Short position;

    @Column(name = "invoice_id")
    public byte[] invoiceId;

    /** The kind as the e-invoice ledger names it (FULLY_DIGITAL_SPECIAL, FULLY_DIGITAL_ORDINARY). */
    public String kind;

    public String number;
}
