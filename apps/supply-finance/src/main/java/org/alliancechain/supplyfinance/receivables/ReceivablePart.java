package org.alliancechain.supplyfinance.receivables;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A part (token id) of a certificate as ReceivableRegistry's events left it. */
@Entity
@Table(name = "sf_part")
public class ReceivablePart extends PanacheEntityBase {

    /** IReceivableRegistry.PartState, in declaration order. */
    public enum State {
        NONE("—", "none"),
        ACTIVE("持有", "held"),
        PENDING("待签收", "offered, awaiting acceptance"),
        FINANCE_REQUESTED("融资申请中", "financing requested"),
        FINANCING("待放款", "financing, awaiting payment"),
        FINANCED("已融资", "financed"),
        OVERDUE("逾期", "overdue"),
        IN_ARBITRATION("仲裁中", "in arbitration"),
        SETTLED("已兑付", "settled"),
        MERGED("已退回", "returned");

        public final String chinese;
        public final String english;

        State(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        public static State ofChain(int code) {
            return values()[code];
        }
    }

    @Id
    @Column(name = "part_id")
    public Long partId;

    @Column(name = "certificate_id")
    public Long certificateId;

    @Column(name = "parent_id")
    public Long parentId;

    public short depth;

    /** The holding organisation; null when the account is none this service signs for (shown by its address). */
    public String holder;

    @Column(name = "holder_account")
    public String holderAccount;

    @Column(name = "value_cents")
    public long valueCents;

    @Enumerated(EnumType.STRING)
    public State state;

    /** An escrow part's recipient. */
    public String recipient;

    /** An escrow part's splitter: the holder that offered it, to whom it returns. */
    public String splitter;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The last write this service queued for the part (a split, an offer, a step on an offer), so that a second one waits for it. */
    @Column(name = "last_chain_tx_id")
    public Long lastChainTxId;

    /** This service queued the return of the expired offer (once). */
    @Column(name = "expiry_queued")
    public boolean expiryQueued;

    @Column(name = "updated_block")
    public long updatedBlock;

    /** The arbitration case a holder filed on CaseRegistry over this overdue part (its id there). */
    @Column(name = "case_id")
    public byte[] caseId;

    @Column(name = "case_tx_id")
    public Long caseTxId;

    /** The state ReceivableRegistry shows (partOf): a held or financed part of an overdue certificate is overdue. */
    public State shownState(ReceivableCertificate certificate) {
        return shown(state, certificate);
    }

    public static State shown(State state, ReceivableCertificate certificate) {
        return (state == State.ACTIVE || state == State.FINANCED) && certificate.status == ReceivableCertificate.Status.OVERDUE ? State.OVERDUE : state;
    }
}
