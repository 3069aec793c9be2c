package org.alliancechain.einvoice.redletter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import org.alliancechain.service.problem.ProblemException;

/** A red-letter confirmation form on a blue invoice: between its seller and buyer, in a state of {@link FormState}. */
@Entity
@Table(name = "einv_red_form")
public class RedLetterForm extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "blue_invoice_id")
    public Long blueInvoiceId;

    public String initiator;

    /** SELLER or BUYER. */
    @Column(name = "initiator_side")
    public String initiatorSide;

    public String counterparty;

    /** 冲红原因 01 开票有误, 02 销货退回, 03 服务中止, 04 销售折让. */
    public String reason;

    /** The bureau's code, see {@link FormState}. */
    public String state;

    @Column(name = "needs_confirmation")
    public boolean needsConfirmation;

    /** For a buyer-started form: whether the buyer already deducted the input VAT. */
    @Column(name = "buyer_deducted")
    public Boolean buyerDeducted;

    @Column(name = "full_red")
    public boolean fullRed;

    /** The red lines as computed ({@code ComputedInvoice} JSON, negative amounts). */
    public String lines;

    /** Σ of the red lines incl. tax, negative. */
    @Column(name = "red_total")
    public BigDecimal redTotal;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "started_at")
    public Instant startedAt;

    /** The end of the 72 hours the counterparty has to confirm (open forms only). */
    @Column(name = "confirm_by")
    public Instant confirmBy;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "red_invoice_id")
    public Long redInvoiceId;

    public FormState formState() {
        return FormState.ofCode(state);
    }

    public void requireState(String step, FormState... allowed) {
        if (Arrays.stream(allowed).noneMatch(s -> s.code.equals(state))) {
            throw new ProblemException(Response.Status.CONFLICT, "red-letter form " + id + " is " + formState().label()
                    + "; it cannot " + step + " now");
        }
    }
}
