package org.alliancechain.einvoice.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alliancechain.einvoice.tax.ComputedLine;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;

/** The API's records of invoices, for their seller and buyer. */
@ApplicationScoped
public class InvoiceViews {

    /** An invoice's state at a glance, for badges and filters. */
    public enum State {
        PENDING("待上链", "Pending on chain"),
        ISSUED("已开具", "Issued"),
        PARTLY_RED_LETTERED("部分红冲", "Partly red-lettered"),
        FULLY_RED_LETTERED("已全额红冲", "Fully red-lettered"),
        RED_INVOICE("红字发票", "Red-letter invoice"),
        REFUSED("链上拒绝", "Refused on chain");

        public final String chinese;
        public final String english;

        State(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    public record PartyView(String organisation, String taxId, String name) {
    }

    /**
     * The chain's marks. {@code redConsented}: what the financier of a pledged invoice consented to
     * red-letter under the pledge; {@code redConsentLeft}: what of it the chain has not yet seen
     * red-lettered (both null when not pledged; the financier is never named).
     */
    public record MarksView(String bookedBy, String bookedMark, Instant bookedAt, String reimbursedBy, Instant reimbursedAt, boolean pledged,
                            BigDecimal redConsented, BigDecimal redConsentLeft) {
    }

    public record InvoiceView(long id, InvoiceKind kind, String kindLabel, String number, LocalDate issueDate, String yourSide,
                              PartyView seller, PartyView buyer, String currency, BigDecimal totalExclTax, BigDecimal totalTax,
                              BigDecimal total, BigDecimal remaining, State state, String stateLabel, Long blueInvoiceId,
                              String redReason, List<ComputedLine> lines, String note, String recordDigest, MarksView marks,
                              ChainState chain, String chainRefusal, String issuedBy, Instant issuedAt) {
    }

    /** A row of a list: no lines. */
    public record InvoiceSummary(long id, InvoiceKind kind, String number, LocalDate issueDate, String yourSide, String seller,
                                 String buyer, BigDecimal total, BigDecimal remaining, State state, String stateLabel,
                                 String reimbursedBy, String chainPhase) {
    }

    private final ChainStates chainStates;
    private final InvoiceService invoices;
    private final InvoiceAccess access;

    InvoiceViews(ChainStates chainStates, InvoiceService invoices, InvoiceAccess access) {
        this.chainStates = chainStates;
        this.invoices = invoices;
        this.access = access;
    }

    public InvoiceView of(Invoice i) {
        var chain = chainStates.transaction(i.chainTxId).orElse(null);
        var state = state(i, chain);
        return new InvoiceView(i.id, i.kind, i.kind.labelZh() + " " + i.kind.labelEn(), i.number, i.issueDate,
                access.sideOf(i).name(), new PartyView(i.seller, i.sellerTaxId, i.sellerName), new PartyView(i.buyer, i.buyerTaxId, i.buyerName),
                i.currency, i.totalExclTax, i.totalTax, i.total, i.remaining, state, state.chinese + " " + state.english, i.blueId,
                i.redReason, invoices.lines(i).lines(), i.note, i.record.digest,
                new MarksView(i.bookedBy, i.bookedMark, i.bookedAt, i.reimbursedBy, i.reimbursedAt, i.pledged,
                        i.pledged ? i.redConsented : null, i.pledged ? i.redConsentLeft : null), chain,
                i.chainRefusal == null ? null : ChainRefusal.valueOf(i.chainRefusal).label(), i.issuedBy, i.issuedAt);
    }

    /** Rows of a list: invoices issued together share a chain write, whose state is read once. */
    public List<InvoiceSummary> summaries(List<Invoice> invoices) {
        var states = new java.util.HashMap<Long, java.util.Optional<ChainState>>();
        return invoices.stream().map(i -> summary(i, i.chainTxId == null ? null
                : states.computeIfAbsent(i.chainTxId, chainStates::transaction).orElse(null))).toList();
    }

    public InvoiceSummary summary(Invoice i) {
        return summary(i, chainStates.transaction(i.chainTxId).orElse(null));
    }

    private InvoiceSummary summary(Invoice i, ChainState chain) {
        var state = state(i, chain);
        return new InvoiceSummary(i.id, i.kind, i.number, i.issueDate, access.sideOf(i).name(), i.sellerName, i.buyerName, i.total,
                i.remaining, state, state.chinese + " " + state.english, i.reimbursedBy, ChainState.nameOf(chain));
    }

    public static State state(Invoice i, ChainState chain) {
        return state(i.chainRefusal != null, i.red, i.total, i.remaining, chain);
    }

    /** {@link #state(Invoice, ChainState)} from the columns it depends on (for reads that load no entity). */
    public static State state(boolean refusedByChain, boolean red, java.math.BigDecimal total, java.math.BigDecimal remaining,
                              ChainState chain) {
        if (refusedByChain || chain != null && chain.failed()) {
            return State.REFUSED;
        }
        if (chain == null || !chain.confirmed()) {
            return State.PENDING;
        }
        if (red) {
            return State.RED_INVOICE;
        }
        if (remaining.signum() == 0) {
            return State.FULLY_RED_LETTERED;
        }
        return remaining.compareTo(total) < 0 && remaining.signum() > 0 ? State.PARTLY_RED_LETTERED : State.ISSUED;
    }
}
