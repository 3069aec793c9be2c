package org.alliancechain.einvoice.redletter;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.alliancechain.einvoice.documents.RedReason;
import org.alliancechain.einvoice.invoices.Invoice;
import org.alliancechain.einvoice.tax.ComputedLine;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;

/** The API's records of red-letter forms. */
@ApplicationScoped
public class RedLetterViews {

    public record FormView(long id, long blueInvoiceId, String blueNumber, String initiator, String initiatorSide, String counterparty,
                           String reason, String reasonLabel, String state, String stateLabel, boolean open, boolean needsConfirmation,
                           Boolean buyerDeducted, boolean fullRed, BigDecimal redTotal, BigDecimal blueRemaining, List<ComputedLine> lines,
                           String startedBy, Instant startedAt, Instant confirmBy, String decidedBy, Instant decidedAt, String decisionNote,
                           Long redInvoiceId, String redNumber, ChainState redChain) {
    }

    private final RedLetterService forms;
    private final ChainStates chainStates;

    RedLetterViews(RedLetterService forms, ChainStates chainStates) {
        this.forms = forms;
        this.chainStates = chainStates;
    }

    public FormView of(RedLetterForm f) {
        var blue = Invoice.<Invoice>findById(f.blueInvoiceId);
        var red = f.redInvoiceId == null ? null : Invoice.<Invoice>findById(f.redInvoiceId);
        var reason = RedReason.fromCode(f.reason).orElseThrow();
        var state = f.formState();
        return new FormView(f.id, blue.id, blue.number, f.initiator, f.initiatorSide, f.counterparty, f.reason,
                reason.labelZh() + " " + reason.labelEn(), f.state, state.label(), state.open(), f.needsConfirmation, f.buyerDeducted,
                f.fullRed, f.redTotal, blue.remaining, forms.read(f).lines(), f.startedBy, f.startedAt, f.confirmBy, f.decidedBy, f.decidedAt,
                f.decisionNote, f.redInvoiceId, red == null ? null : red.number,
                red == null ? null : chainStates.transaction(red.chainTxId).orElse(null));
    }
}
