package org.alliancechain.einvoice.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.alliancechain.einvoice.invoices.Invoice;
import org.alliancechain.einvoice.invoices.InvoiceViews;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;

/**
 * What the public may learn of an invoice from the three facts printed on it: whether it exists as
 * stated, its state, what red-letter invoices left of it, whether it was reimbursed — answered from
 * the chain-confirmed state, never naming the parties' marks (who booked, reimbursed or financed it).
 */
@ApplicationScoped
public class InvoiceVerification {

    /**
     * @param found      an invoice with this number, issue date and total exists
     * @param reimbursed reimbursed or booked by a member (an expense approver's question), without saying by whom
     */
    public record Answer(boolean found, String number, LocalDate issueDate, InvoiceKind kind, String kindLabel, BigDecimal total,
                         BigDecimal remaining, InvoiceViews.State state, String stateLabel, String redLetter, boolean reimbursed,
                         String recordDigest, String transactionHash, Long blockNumber, String message) {

        static Answer notFound(String number, LocalDate issueDate, BigDecimal total) {
            return new Answer(false, number, issueDate, null, null, total, null, null, null, null, false, null, null, null,
                    "查无此票 No invoice matches this number, issue date and total including tax");
        }
    }

    private static final int IDS_KEPT = 1_000_000;

    private final ChainStates chainStates;
    /** number → row id: a number never moves to another row, so a look-up is a read by primary key (no query to plan). */
    private final java.util.Map<String, Long> ids = new java.util.concurrent.ConcurrentHashMap<>();

    InvoiceVerification(ChainStates chainStates) {
        this.chainStates = chainStates;
    }

    public Answer check(InvoiceKind kind, String number, LocalDate issueDate, BigDecimal total) {
        var found = byNumber(number).filter(i -> kind == null || i.kind == kind)
                .filter(i -> i.issueDate.equals(issueDate) && i.total.compareTo(total) == 0);
        if (found.isEmpty()) {
            return Answer.notFound(number, issueDate, total);
        }
        var i = found.get();
        ChainState chain = chainStates.transaction(i.chainTxId).orElse(null);
        var state = InvoiceViews.state(i, chain);
        if (state == InvoiceViews.State.PENDING || state == InvoiceViews.State.REFUSED) {
            return new Answer(false, number, issueDate, i.kind, null, total, null, state, state.chinese + " " + state.english, null, false,
                    null, null, null, state == InvoiceViews.State.PENDING
                    ? "发票尚未上链确认 The invoice is not yet confirmed on chain; try again in a few seconds"
                    : "发票未被链上登记 The invoice was refused by the chain registry and is not valid");
        }
        String redLetter = i.red ? null : i.fullyRedLettered() ? "FULL" : i.partlyRedLettered() ? "PARTIAL" : "NONE";
        return new Answer(true, i.number, i.issueDate, i.kind, i.kind.labelZh() + " " + i.kind.labelEn(), i.total, i.red ? null : i.remaining,
                state, state.chinese + " " + state.english, redLetter, i.reimbursedBy != null || i.bookedBy != null, i.record.digest,
                chain.transactionHash(), chain.blockNumber(), state == InvoiceViews.State.FULLY_RED_LETTERED
                ? "已全额红冲 Fully offset by red-letter invoices: not valid for booking or reimbursement" : "查验一致 The invoice matches");
    }

    private java.util.Optional<Invoice> byNumber(String number) {
        Long id = ids.get(number);
        if (id == null) {
            var row = Invoice.<Invoice>find("number", number).firstResultOptional();
            row.ifPresent(i -> {
                if (ids.size() >= IDS_KEPT) {
                    ids.clear();
                }
                ids.put(number, i.id);
            });
            return row;
        }
        return java.util.Optional.ofNullable(Invoice.<Invoice>findById(id));
    }
}
