package org.alliancechain.einvoice.reimbursement;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alliancechain.einvoice.invoices.ChainRefusal;
import org.alliancechain.einvoice.invoices.Invoice;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;

/** The API's records of claims. A refusal names the member that got there first and when — nothing else of that member's claim. */
@ApplicationScoped
public class ClaimViews {

    public record ClaimView(long id, long invoiceId, String invoiceNumber, LocalDate issueDate, BigDecimal total, Claim.Kind kind,
                            String kindLabel, Claim.Status status, String statusLabel, String refusal, String refusalLabel,
                            String holder, Instant holderAt, String reference, String requestedBy, Instant requestedAt,
                            Instant decidedAt, ChainState chain, String reversalReason, String reversalRequestedBy,
                            Instant reversalRequestedAt, Instant reversedAt, ChainState reversal) {
    }

    public record OutcomeView(int index, Long claimId, Claim.Status status, String refusal) {
    }

    private final ChainStates chainStates;

    ClaimViews(ChainStates chainStates) {
        this.chainStates = chainStates;
    }

    public ClaimView of(Claim claim) {
        var invoice = Invoice.<Invoice>findById(claim.invoiceId);
        var chain = chainStates.transaction(claim.chainTxId).orElse(null);
        var status = claim.status;
        String refusal = claim.refusal;
        String refusalLabel = refusal == null ? null : labelOf(refusal);
        if (status == Claim.Status.PENDING && chain != null && chain.failed()) {
            // A single booking reverts rather than emitting a refusal: its decoded custom error is the answer.
            status = Claim.Status.REFUSED;
            refusal = chain.failureReason();
            refusalLabel = chain.failureReason();
        }
        return new ClaimView(claim.id, claim.invoiceId, invoice.number, invoice.issueDate, invoice.total, claim.kind,
                claim.kind.chinese + " " + claim.kind.english, status, status.chinese + " " + status.english, refusal, refusalLabel,
                claim.holder, claim.holderAt, claim.reference, claim.requestedBy, claim.requestedAt, claim.decidedAt, chain,
                claim.reversalReason, claim.reversalRequestedBy, claim.reversalRequestedAt, claim.reversedAt,
                claim.reversalTxId == null ? null : chainStates.transaction(claim.reversalTxId).orElse(null));
    }

    public List<ClaimView> of(List<Claim> claims) {
        return claims.stream().map(this::of).toList();
    }

    public static OutcomeView of(ClaimService.Outcome outcome) {
        return new OutcomeView(outcome.index(), outcome.claim() == null ? null : outcome.claim().id,
                outcome.claim() == null ? Claim.Status.REFUSED : outcome.claim().status, outcome.refusal());
    }

    private static String labelOf(String refusal) {
        try {
            return ChainRefusal.valueOf(refusal).label();
        } catch (IllegalArgumentException e) {
            return refusal;
        }
    }
}
