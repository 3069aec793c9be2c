package org.alliancechain.einvoice.reimbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.alliancechain.service.tenancy.OrganisationOwned;

/**
 * A member's booking (入账) or reimbursement (报销) of an invoice, and what InvoiceRegistry decided:
 * the chain is the judge across organisations, so a claim stays PENDING until its event (or its
 * transaction's failure) says ACCEPTED or REFUSED — with the member that got there first, and when.
 */
@Entity
@Table(name = "einv_claim")
public class Claim extends OrganisationOwned {

    public enum Kind {
        BOOKED_DEDUCTIBLE("已入账(企业所得税税前扣除)", "booked, deductible"),
        BOOKED_NON_DEDUCTIBLE("已入账(企业所得税不扣除)", "booked, not deductible"),
        REIMBURSEMENT("报销", "reimbursement");

        public final String chinese;
        public final String english;

        Kind(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        /** The mark's code in InvoiceRegistry.book. */
        public int bookingMark() {
            return ordinal() + 1;
        }
    }

    public enum Status {
        PENDING("待链上确认", "Pending on chain"), ACCEPTED("已确认", "Accepted"), REFUSED("已拒绝", "Refused"),
        /** Taken back by its organisation (unbooked, reimbursement reversed), as the chain recorded it. */
        REVERSED("已撤销", "Reversed");

        public final String chinese;
        public final String english;

        Status(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    /** From the table's sequence, a hundred at a time: a bulk reimbursement inserts its claims in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "einv_claim_ids")
    @jakarta.persistence.SequenceGenerator(name = "einv_claim_ids", sequenceName = "einv_claim_id_seq", allocationSize = 100)
    public Long id;

    @Column(name = "invoice_id")
    public Long invoiceId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Why the chain refused it ({@code ChainRefusal} name, or the decoded revert of a single call). */
    public String refusal;

    /** The member that had already reimbursed or booked the invoice, when refused for that. */
    public String holder;

    @Column(name = "holder_at")
    public Instant holderAt;

    /** The claimant's own reference, e.g. the expense report number. */
    public String reference;

    @Column(name = "chain_tx_id")
    public Long chainTxId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Why the organisation takes the booking or reimbursement back (its digest goes on chain). */
    @Column(name = "reversal_reason")
    public String reversalReason;

    @Column(name = "reversal_tx_id")
    public Long reversalTxId;

    @Column(name = "reversal_requested_by")
    public String reversalRequestedBy;

    @Column(name = "reversal_requested_at")
    public Instant reversalRequestedAt;

    /** When the chain's InvoiceUnbooked / InvoiceReimbursementReversed was projected. */
    @Column(name = "reversed_at")
    public Instant reversedAt;
}
