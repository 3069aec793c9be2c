package org.alliancechain.einvoice.invoices;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.service.attest.AttestedRecord;

/**
 * An issued invoice, blue or red, identified by {@code (kind, number)}. Its canonical record's
 * digest is what InvoiceRegistry holds; the marks (booked, reimbursed, pledged) are projected from
 * the chain's events, because the chain decides them across every member.
 */
@Entity
@Table(name = "einv_invoice")
public class Invoice extends PanacheEntityBase {

    /** From the table's sequence, a hundred at a time: a bulk issuance inserts its rows in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "einv_invoice_ids")
    @jakarta.persistence.SequenceGenerator(name = "einv_invoice_ids", sequenceName = "einv_invoice_id_seq", allocationSize = 100)
    public Long id;

    @Enumerated(EnumType.STRING)
    public InvoiceKind kind;

    public String number;

    /** keccak256(abi.encodePacked(uint8 kind, string number)): the invoice's id in InvoiceRegistry. */
    @Column(name = "chain_invoice_id")
    public byte[] chainInvoiceId;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    public String seller;

    @Column(name = "seller_tax_id")
    public String sellerTaxId;

    @Column(name = "seller_name")
    public String sellerName;

    public String buyer;

    @Column(name = "buyer_tax_id")
    public String buyerTaxId;

    @Column(name = "buyer_name")
    public String buyerName;

    public String currency;

    @Column(name = "total_excl_tax")
    public BigDecimal totalExclTax;

    @Column(name = "total_tax")
    public BigDecimal totalTax;

    /** 价税合计: total including tax. */
    public BigDecimal total;

    /** What red-letter invoices have not yet offset (the total for a red invoice is its own, remaining 0). */
    public BigDecimal remaining;

    public boolean red;

    /** For a red invoice: the blue invoice it offsets. */
    @Column(name = "blue_id")
    public Long blueId;

    @Column(name = "red_reason")
    public String redReason;

    /** The computed lines as JSON ({@link InvoiceLines}). */
    public String lines;

    public String note;

    @Embedded
    public AttestedRecord record;

    @Column(name = "chain_tx_id")
    public Long chainTxId;

    /** Why InvoiceRegistry refused this invoice inside a batch that went through (e.g. DUPLICATE); null when it did not. */
    @Column(name = "chain_refusal")
    public String chainRefusal;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "booked_by")
    public String bookedBy;

    @Column(name = "booked_mark")
    public String bookedMark;

    @Column(name = "booked_at")
    public Instant bookedAt;

    @Column(name = "reimbursed_by")
    public String reimbursedBy;

    @Column(name = "reimbursed_at")
    public Instant reimbursedAt;

    public boolean pledged;

    /**
     * What the financing holding the pledge consented to red-letter under it (InvoiceRegistry.consentToRed,
     * by the financier through supply-finance); 0 when pledged without consent or not pledged.
     */
    @Column(name = "red_consented")
    public BigDecimal redConsented = BigDecimal.ZERO.setScale(2);

    /** Of {@link #redConsented}: what the chain has not yet seen red-lettered (its redAllowanceCents). */
    @Column(name = "red_consent_left")
    public BigDecimal redConsentLeft = BigDecimal.ZERO.setScale(2);

    /**
     * For a red invoice queued while its blue invoice was pledged: the consent it uses once the chain
     * records it; null once the chain did (or when no consent was needed).
     */
    @Column(name = "consent_use")
    public BigDecimal consentUse;

    public static Optional<Invoice> byChainId(byte[] chainInvoiceId) {
        return find("chainInvoiceId", chainInvoiceId).firstResultOptional();
    }

    public static Optional<Invoice> byNumber(InvoiceKind kind, String number) {
        return find("kind = ?1 and number = ?2", kind, number).firstResultOptional();
    }

    /**
     * The invoices with these numbers (of any kind), <em>read-only</em>: changes to them are not saved
     * (no snapshot is kept, nothing is compared at flush — a bulk run reads a thousand at a time).
     * Driven from the numbers through the number index whatever the table's statistics say: as
     * {@code number in (…)} with a thousand values, a table not yet analysed after a bulk load was
     * read whole once per call.
     */
    @SuppressWarnings("unchecked")
    public static List<Invoice> readOnlyByNumbers(List<String> numbers) {
        return getEntityManager().createNativeQuery("""
                        select i.* from unnest(cast(?1 as text[])) as n(number) join einv_invoice i on i.number = n.number""", Invoice.class)
                .setParameter(1, numbers.toArray(String[]::new)).setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    /** Whether red invoices have offset all of it. */
    public boolean fullyRedLettered() {
        return !red && remaining.signum() == 0;
    }

    public boolean partlyRedLettered() {
        return !red && remaining.compareTo(total) < 0 && remaining.signum() > 0;
    }
}
