package org.alliancechain.einvoice.reimbursement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.einvoice.EInvoiceConfig;
import org.alliancechain.einvoice.invoices.ChainRefusal;
import org.alliancechain.einvoice.invoices.Invoice;
import org.alliancechain.einvoice.invoices.InvoiceAccess;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;

/**
 * Booking (the buyer's 入账) and reimbursement (any member paying an expense claim) of an invoice.
 * What this service already knows is refused at once; the rest goes to InvoiceRegistry, which
 * decides across every member — a claim stays PENDING until the chain answers.
 */
@ApplicationScoped
public class ClaimService {

    /** An invoice as an employee presents it with an expense claim: the three facts printed on it. */
    public record Presented(InvoiceKind kind, String number, LocalDate issueDate, BigDecimal total, String reference) {
    }

    /** One row of a bulk reimbursement: the claim queued, or why it was refused at once. */
    public record Outcome(int index, Claim claim, String refusal) {
    }

    private final Caller caller;
    private final InvoiceAccess access;
    private final ClaimChain chain;
    private final ChainStates chainStates;
    private final EInvoiceConfig config;

    ClaimService(Caller caller, InvoiceAccess access, ClaimChain chain, ChainStates chainStates, EInvoiceConfig config) {
        this.caller = caller;
        this.access = access;
        this.chain = chain;
        this.chainStates = chainStates;
        this.config = config;
    }

    @Transactional
    public Claim book(long invoiceId, Claim.Kind mark, String reference) {
        if (mark == Claim.Kind.REIMBURSEMENT) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "a booking is BOOKED_DEDUCTIBLE or BOOKED_NON_DEDUCTIBLE", "mark");
        }
        String organisation = caller.requireOrganisation();
        var invoice = access.lockFor(invoiceId, EnumSet.of(InvoiceAccess.Side.BUYER), "book it");
        requireClaimable(invoice, organisation);
        if (invoice.bookedBy != null) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + invoice.number + " was already booked on " + invoice.bookedAt);
        }
        requireNoPending(invoice, organisation, EnumSet.of(Claim.Kind.BOOKED_DEDUCTIBLE, Claim.Kind.BOOKED_NON_DEDUCTIBLE));
        var claim = newClaim(invoice, mark, reference);
        claim.chainTxId = chain.book(invoice, organisation, mark);
        return claim;
    }

    /**
     * A reimbursement of an invoice as presented. One this service knows to be reimbursed or booked
     * by another member already is refused at once — and the refused claim is kept, so the bureau
     * sees attempted double reimbursements whether the chain or this service caught them.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Claim reimburse(Presented presented) {
        String organisation = caller.requireOrganisation();
        var invoice = Invoice.byNumber(presented.kind(), presented.number())
                .filter(i -> i.issueDate.equals(presented.issueDate()) && i.total.compareTo(presented.total()) == 0)
                .orElseThrow(() -> ProblemException.notFound("invoice matching number " + presented.number() + ", issue date "
                        + presented.issueDate() + " and total " + presented.total()));
        try {
            requireClaimable(invoice, organisation);
        } catch (ProblemException e) {
            keepRefused(invoice, presented.reference(), organisation);
            throw e;
        }
        requireNoPending(invoice, organisation, EnumSet.of(Claim.Kind.REIMBURSEMENT));
        var claim = newClaim(invoice, Claim.Kind.REIMBURSEMENT, presented.reference());
        claim.chainTxId = chain.reimburse(invoice, organisation);
        return claim;
    }

    /**
     * Many reimbursements in one step (an expense system's nightly run). Rows this service can refuse
     * at once are refused with the reason; the others go to the chain in batches. Invoices must be
     * confirmed on chain already.
     */
    @Transactional
    public List<Outcome> reimburseAll(List<Presented> presented) {
        String organisation = caller.requireOrganisation();
        var byNumber = new HashMap<String, Invoice>();
        var numbers = presented.stream().map(Presented::number).distinct().toList();
        Invoice.readOnlyByNumbers(numbers).forEach(i -> byNumber.put(i.kind + ":" + i.number, i));
        var pending = new HashMap<Long, Boolean>();
        pendingClaims(organisation, byNumber.values().stream().mapToLong(i -> i.id).toArray()).forEach(id -> pending.put(id, true));
        Map<Long, Boolean> confirmed = new HashMap<>();
        var outcomes = new ArrayList<Outcome>(presented.size());
        var queued = new ArrayList<Invoice>();
        var claims = new ArrayList<Claim>();
        for (int i = 0; i < presented.size(); i++) {
            var p = presented.get(i);
            var invoice = byNumber.get(p.kind() + ":" + p.number());
            String refusal = null;
            if (invoice == null || !invoice.issueDate.equals(p.issueDate()) || invoice.total.compareTo(p.total()) != 0) {
                refusal = "no invoice matches this number, issue date and total";
            } else if (pending.containsKey(invoice.id)) {
                refusal = "your organisation already asked to reimburse invoice " + invoice.number;
            } else if (!confirmed.computeIfAbsent(invoice.chainTxId,
                    tx -> chainStates.transaction(tx).map(ChainState::confirmed).orElse(false)) || invoice.chainRefusal != null) {
                refusal = "invoice " + invoice.number + " is not confirmed on chain yet";
            } else {
                try {
                    requireClaimable(invoice, organisation);
                } catch (ProblemException e) {
                    refusal = e.getMessage();
                    keepRefused(invoice, p.reference(), organisation);
                }
            }
            if (refusal != null) {
                outcomes.add(new Outcome(i, null, refusal));
                continue;
            }
            pending.put(invoice.id, true);
            var claim = claim(invoice, Claim.Kind.REIMBURSEMENT, p.reference()); // persisted below, with its transaction
            queued.add(invoice);
            claims.add(claim);
            outcomes.add(new Outcome(i, claim, null));
        }
        long[] txs = chain.reimburseAll(organisation, queued, config.issuance().reimbursementsPerTransaction());
        // inserted once, complete (setting the transaction after persist() cost every claim a second write: an UPDATE at flush)
        for (int i = 0; i < claims.size(); i++) {
            claims.get(i).chainTxId = txs[i];
            claims.get(i).persist();
        }
        return outcomes;
    }

    /**
     * Of these invoices, those the organisation has a pending reimbursement claim on, through the index of claims
     * by invoice and organisation (V3052): as {@code invoiceId in (…)} the planner, on a table not
     * analysed since a large run, chose the organisation's index and read every claim the organisation ever made,
     * once per request — quadratic over a nightly run (70,000 claims: 34 s of the database's time).
     */
    @SuppressWarnings("unchecked")
    private static List<Long> pendingClaims(String organisation, long[] invoiceIds) {
        return Claim.getEntityManager().createNativeQuery("""
                        select invoice_id from einv_claim
                         where organisation = ?1 and invoice_id = any(cast(?2 as bigint[])) and kind = 'REIMBURSEMENT' and status = 'PENDING'""",
                        Long.class)
                .setParameter(1, organisation).setParameter(2, invoiceIds).getResultList();
    }

    /** What this service knows already refuses the claim: a red or fully offset invoice, another member's reimbursement or booking. */
    private static void requireClaimable(Invoice invoice, String organisation) {
        if (invoice.red) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + invoice.number + " is a red-letter invoice (红字发票)");
        }
        if (invoice.fullyRedLettered()) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + invoice.number + " is fully offset by red-letter invoices (已全额红冲)");
        }
        if (invoice.reimbursedBy != null) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + invoice.number + " was already reimbursed by "
                    + (invoice.reimbursedBy.equals(organisation) ? "your organisation" : invoice.reimbursedBy) + " on " + invoice.reimbursedAt
                    + " (已报销)");
        }
        if (invoice.bookedBy != null && !invoice.bookedBy.equals(organisation)) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + invoice.number
                    + " was already booked by another organisation (已被其他单位入账)");
        }
        if (invoice.pledged) {
            throw new ProblemException(Response.Status.CONFLICT, "invoice " + invoice.number + " is pledged for financing (已质押融资)");
        }
    }

    /** Records a reimbursement refused because another member (or this one) holds the invoice already. */
    private void keepRefused(Invoice invoice, String reference, String organisation) {
        String holder = invoice.reimbursedBy != null ? invoice.reimbursedBy : invoice.bookedBy;
        if (holder == null) {
            return;
        }
        var claim = newClaim(invoice, Claim.Kind.REIMBURSEMENT, reference);
        claim.status = Claim.Status.REFUSED;
        claim.refusal = (invoice.reimbursedBy != null ? ChainRefusal.ALREADY_REIMBURSED : ChainRefusal.ALREADY_BOOKED_ELSEWHERE).name();
        claim.holder = holder;
        claim.holderAt = invoice.reimbursedBy != null ? invoice.reimbursedAt : invoice.bookedAt;
        claim.decidedAt = claim.requestedAt;
    }

    private static void requireNoPending(Invoice invoice, String organisation, EnumSet<Claim.Kind> kinds) {
        if (Claim.count("invoiceId = ?1 and organisation = ?2 and kind in ?3 and status = ?4", invoice.id, organisation, kinds,
                Claim.Status.PENDING) > 0) {
            throw new ProblemException(Response.Status.CONFLICT, "your organisation's claim on invoice " + invoice.number
                    + " is still pending on chain");
        }
    }

    /**
     * Takes back one of the organisation's accepted bookings or reimbursements (a claim withdrawn, an expense refunded, a
     * booking made in error): queued as InvoiceRegistry.unbook / reverseReimbursement with the reason's digest; the claim
     * becomes REVERSED, and the invoice free for others, when the chain records it. A reimbursement is reversed by an
     * expense approver; a booking by a receiver or an expense approver.
     */
    @Transactional
    public Claim reverse(long claimId, String reason) {
        String organisation = caller.requireOrganisation();
        Claim claim = Claim.findById(claimId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (claim == null || !organisation.equals(claim.organisation)) {
            throw ProblemException.notFound("claim " + claimId);
        }
        if (claim.kind == Claim.Kind.REIMBURSEMENT && !caller.roles().contains("expense-approver")) {
            throw new ProblemException(Response.Status.FORBIDDEN, "a reimbursement is reversed by an expense approver (报销审批人)");
        }
        if (claim.status != Claim.Status.ACCEPTED) {
            throw new ProblemException(Response.Status.CONFLICT, "claim " + claimId + " is " + claim.status.english + " (" + claim.status.chinese
                    + "): only a booking or reimbursement the chain accepted is taken back");
        }
        if (claim.reversalTxId != null && !chainStates.transaction(claim.reversalTxId).map(s -> s.failed()).orElse(false)) {
            throw new ProblemException(Response.Status.CONFLICT, "claim " + claimId + " is being taken back already, since "
                    + claim.reversalRequestedAt + " by " + claim.reversalRequestedBy);
        }
        Invoice invoice = Invoice.findById(claim.invoiceId);
        claim.reversalReason = reason.strip();
        claim.reversalRequestedBy = caller.userName();
        claim.reversalRequestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        claim.reversalTxId = chain.reverse(invoice, organisation, claim, claim.reversalReason);
        return claim;
    }

    private Claim newClaim(Invoice invoice, Claim.Kind kind, String reference) {
        var claim = claim(invoice, kind, reference);
        claim.persist();
        return claim;
    }

    private Claim claim(Invoice invoice, Claim.Kind kind, String reference) {
        var claim = new Claim();
        claim.invoiceId = invoice.id;
        claim.kind = kind;
        claim.status = Claim.Status.PENDING;
        claim.reference = reference == null || reference.isBlank() ? null : reference.strip();
        claim.requestedBy = caller.userName();
        claim.requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return claim;
    }
}
