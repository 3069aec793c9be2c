package org.alliancechain.supplyfinance.invoices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An invoice as InvoiceRegistry's events describe it to this service: parties by member id, total,
 * what red-letters left of it, whether it was reimbursed and how much of it is pledged. Never its
 * content — a core enterprise names the number when it confirms a payable against it.
 */
@Entity
@Table(name = "sf_invoice")
public class InvoiceFact extends PanacheEntityBase {

    @Id
    @Column(name = "invoice_id")
    public byte[] invoiceId;

    public short kind;

    @Column(name = "seller_member")
    public byte[] sellerMember;

    @Column(name = "buyer_member")
    public byte[] buyerMember;

    @Column(name = "total_cents")
    public long totalCents;

    @Column(name = "remaining_cents")
    public long remainingCents;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    public boolean reimbursed;

    @Column(name = "pledged_cents")
    public long pledgedCents;

    @Column(name = "issued_block")
    public long issuedBlock;

    /** The InvoiceIssued log (transaction, block-wide index): what an arbitration filing cites for the invoice. */
    @Column(name = "issued_tx")
    public String issuedTx;

    @Column(name = "issued_log")
    public Integer issuedLog;

    public static Optional<InvoiceFact> byId(byte[] invoiceId) {
        return Optional.ofNullable(findById(invoiceId));
    }

    /** Whether it can back a new financing or certificate: not reimbursed, something left that is not pledged. */
    public boolean live() {
        return !reimbursed && remainingCents > pledgedCents;
    }

    /** What is left of it for a new certificate or pledge. */
    public long coverCents() {
        return live() ? remainingCents - pledgedCents : 0;
    }
}
