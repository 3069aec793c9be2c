package org.alliancechain.supplyfinance.receivables;

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
import org.alliancechain.service.attest.AttestedRecord;

/**
 * A payable a core enterprise confirmed to a tier-1 supplier (应收账款电子凭证): one slot of
 * ReceivableRegistry. Its status follows the chain: PENDING until the confirmation is mined, then
 * as the registry's events say.
 */
@Entity
@Table(name = "sf_certificate")
public class ReceivableCertificate extends PanacheEntityBase {

    public enum Status {
        PENDING("待上链", "pending on chain"),
        OUTSTANDING("未到期", "outstanding"),
        OVERDUE("逾期", "overdue"),
        SETTLING("清分中", "settling"),
        SETTLED("已兑付", "settled"),
        REFUSED("链上拒绝", "refused by the chain");

        public final String chinese;
        public final String english;

        Status(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** RC-2026-000001: per year, gapless. */
    public String number;

    @Column(name = "confirmation_id")
    public byte[] confirmationId;

    /** The confirming core enterprise (organisation alias). */
    public String core;

    /** The tier-1 supplier the root part was confirmed to. */
    public String supplier;

    @Column(name = "face_cents")
    public long faceCents;

    public LocalDate maturity;

    /** Maturity rolled to the next business day: when the core enterprise pays and interest stops. */
    @Column(name = "payment_date")
    public LocalDate paymentDate;

    @Column(name = "long_tenor")
    public boolean longTenor;

    /** The supplier is an SME (Order 802: paid within 60 days of delivery unless agreed otherwise). */
    public boolean sme;

    @Column(name = "delivery_date")
    public LocalDate deliveryDate;

    @Column(name = "po_number")
    public String poNumber;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The ERC-3525 slot, once confirmed. */
    public BigDecimal slot;

    @Column(name = "root_part_id")
    public Long rootPartId;

    @Column(name = "settled_cents")
    public long settledCents;

    @Column(name = "reduced_cents")
    public long reducedCents;

    @Column(name = "chain_refusal")
    public String chainRefusal;

    @Embedded
    public AttestedRecord record;

    @Column(name = "chain_tx_id")
    public Long chainTxId;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    /** The core enterprise's payment reference (e.g. its bank transfer's number); its digest went on chain. */
    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "paid_by")
    public String paidBy;

    /** recordSettlement, signed by the core enterprise. */
    @Column(name = "settlement_tx_id")
    public Long settlementTxId;

    /** The last settleParts this service queued for a certificate with more parts than one transaction settles. */
    @Column(name = "sweep_tx_id")
    public Long sweepTxId;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "settled_at")
    public Instant settledAt;

    /** markOverdue, queued by this service once the payment date and the grace days passed unpaid. */
    @Column(name = "overdue_tx_id")
    public Long overdueTxId;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Column(name = "overdue_cents")
    public Long overdueCents;

    /** What is still to be paid: the face less what was settled and what consented red-letters took off. */
    public long outstandingCents() {
        return faceCents - settledCents - reducedCents;
    }

    public static Optional<ReceivableCertificate> byConfirmationId(byte[] confirmationId) {
        return find("confirmationId", confirmationId).firstResultOptional();
    }

    /** The certificates an organisation confirmed, was confirmed to, holds or held a part of, or was offered one of; newest first. */
    public static List<ReceivableCertificate> visibleTo(String organisation, int limit) {
        return ReceivableCertificate.<ReceivableCertificate>find("""
                core = ?1 or supplier = ?1 or id in (select p.certificateId from ReceivablePart p where p.holder = ?1 or p.recipient = ?1)
                order by id desc""", organisation).page(0, limit).list();
    }

    public List<CertificateInvoice> invoices() {
        return CertificateInvoice.list("certificateId = ?1 order by position", id);
    }

    /** Whether the organisation may see it: the core enterprise, or a holder (now or before) of one of its parts. */
    public boolean visibleTo(String organisation) {
        return organisation.equals(core) || organisation.equals(supplier)
                || ReceivablePart.count("certificateId = ?1 and (holder = ?2 or recipient = ?2)", id, organisation) > 0
                || HistoryEntry.count("certificateId = ?1 and (actor = ?2 or counterparty = ?2)", id, organisation) > 0;
    }
}
