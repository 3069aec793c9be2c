package org.alliancechain.einvoice.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
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

    /** The columns the answer needs, read in one plain query (loading the whole entity was most of a look-up's CPU). */
    private record Facts(InvoiceKind kind, String number, LocalDate issueDate, BigDecimal total, BigDecimal remaining, boolean red,
                         boolean refusedByChain, boolean marked, String recordDigest, Long chainTxId) {
    }

    private final ChainStates chainStates;
    private final javax.sql.DataSource dataSource;

    InvoiceVerification(ChainStates chainStates, javax.sql.DataSource dataSource) {
        this.chainStates = chainStates;
        this.dataSource = dataSource;
    }

    public Answer check(InvoiceKind kind, String number, LocalDate issueDate, BigDecimal total) {
        var found = byNumber(number).filter(i -> kind == null || i.kind() == kind)
                .filter(i -> i.issueDate().equals(issueDate) && i.total().compareTo(total) == 0);
        if (found.isEmpty()) {
            return Answer.notFound(number, issueDate, total);
        }
        var i = found.get();
        ChainState chain = chainStates.transaction(i.chainTxId()).orElse(null);
        var state = InvoiceViews.state(i.refusedByChain(), i.red(), i.total(), i.remaining(), chain);
        if (state == InvoiceViews.State.PENDING || state == InvoiceViews.State.REFUSED) {
            return new Answer(false, number, issueDate, i.kind(), null, total, null, state, state.chinese + " " + state.english, null, false,
                    null, null, null, state == InvoiceViews.State.PENDING
                    ? "发票尚未上链确认 The invoice is not yet confirmed on chain; try again in a few seconds"
                    : "发票未被链上登记 The invoice was refused by the chain registry and is not valid");
        }
        String redLetter = i.red() ? null : state == InvoiceViews.State.FULLY_RED_LETTERED ? "FULL"
                : state == InvoiceViews.State.PARTLY_RED_LETTERED ? "PARTIAL" : "NONE";
        return new Answer(true, i.number(), i.issueDate(), i.kind(), i.kind().labelZh() + " " + i.kind().labelEn(), i.total(),
                i.red() ? null : i.remaining(), state, state.chinese + " " + state.english, redLetter, i.marked(), i.recordDigest(),
                chain.transactionHash(), chain.blockNumber(), state == InvoiceViews.State.FULLY_RED_LETTERED
                ? "已全额红冲 Fully offset by red-letter invoices: not valid for booking or reimbursement" : "查验一致 The invoice matches");
    }

    private java.util.Optional<Facts> byNumber(String number) {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     select kind, number, issue_date, total, remaining, red, chain_refusal is not null,
                            reimbursed_by is not null or booked_by is not null, record_digest, chain_tx_id
                       from einv_invoice where number = ? limit 1""")) {
            s.setString(1, number);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                long chainTx = rs.getLong(10);
                Long chainTxId = rs.wasNull() ? null : chainTx;
                return java.util.Optional.of(new Facts(InvoiceKind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBoolean(6), rs.getBoolean(7),
                        rs.getBoolean(8), rs.getString(9), chainTxId));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read invoice " + number + ": " + e.getMessage(), e);
        }
    }
}
