package org.alliancechain.supplyfinance.receivables;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.alliancechain.service.chain.ChainClock;
import org.alliancechain.service.chain.ConsortiumDirectory;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.numbering.YearlySequences;
import org.alliancechain.service.problem.ProblemException;

/**
 * A holder's steps on its parts — split, offer down the supply chain — and a recipient's answer to an
 * offer: each checked here as ReceivableRegistry will check it, then queued signed by the acting
 * organisation's key; the registry's events bring the result (new parts, values, states) back.
 */
@ApplicationScoped
public class PartService {

    /** The longest an offer stays open (the registry's maxOfferSeconds as the local stack deploys it). */
    static final Duration LONGEST_OFFER = Duration.ofDays(30);

    private final Caller caller;
    private final ConsortiumDirectory directory;
    private final ReceivableChain chain;
    private final ChainClock clock;

    PartService(Caller caller, ConsortiumDirectory directory, ReceivableChain chain, ChainClock clock) {
        this.caller = caller;
        this.directory = directory;
        this.chain = chain;
        this.clock = clock;
    }

    /** The holder splits value off its part into a new part it keeps (e.g. to offer or finance it separately). */
    @Transactional
    public ReceivablePart split(long partId, long valueCents) {
        return queued(splitStep(caller.requireOrganisation(), partId, valueCents));
    }

    /** The holder offers value of its part to another member: the registry holds it until the recipient accepts or rejects it. */
    @Transactional
    public ReceivablePart offer(long partId, long valueCents, String recipient, Instant expiresAt) {
        return queued(offerStep(caller.requireOrganisation(), partId, valueCents, recipient, expiresAt));
    }

    /** The recipient accepts or rejects an offer made to its organisation. */
    @Transactional
    public ReceivablePart answer(long pendingPartId, boolean accept) {
        return queued(answerStep(caller.requireOrganisation(), pendingPartId, accept));
    }

    /** The splitter takes its offer back before the recipient answered. */
    @Transactional
    public ReceivablePart withdraw(long pendingPartId) {
        return queued(withdrawStep(caller.requireOrganisation(), pendingPartId));
    }

    /** A checked step: the part it moves, the organisation that signs it, and the registry call. */
    private record Step(ReceivablePart part, String organisation, org.alliancechain.chain.api.ContractCall call) {
    }

    private ReceivablePart queued(Step step) {
        step.part().lastChainTxId = chain.submit(step.organisation(), step.call());
        return step.part();
    }

    private Step splitStep(String holder, long partId, long valueCents) {
        var part = held(partId, holder);
        checkValue(part, valueCents);
        return new Step(part, holder, chain.split(part.partId, valueCents));
    }

    private Step offerStep(String holder, long partId, long valueCents, String recipient, Instant expiresAt) {
        var part = held(partId, holder);
        checkValue(part, valueCents);
        if (recipient.equals(holder)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "an offer goes to another member; to keep value apart, split the part",
                    "recipient");
        }
        if (!directory.isActiveMember(recipient)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, recipient + " is not an active member of the consortium", "recipient");
        }
        var certificate = certificate(part);
        Instant now = clock.now();
        Instant maturityStarts = certificate.maturity.atStartOfDay(YearlySequences.ZONE).toInstant();
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST_OFFER)) || !expiresAt.isBefore(maturityStarts)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "an offer must expire after now, within "
                    + LONGEST_OFFER.toDays() + " days and before the maturity day " + certificate.maturity + " begins", "expiresAt");
        }
        return new Step(part, holder, chain.offer(part.partId, valueCents, recipient, expiresAt.getEpochSecond()));
    }

    private Step answerStep(String organisation, long pendingPartId, boolean accept) {
        var part = pending(pendingPartId, organisation);
        if (!organisation.equals(part.recipient)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the recipient, " + part.recipient + ", answers this offer");
        }
        if (accept && !part.expiresAt.isAfter(clock.now())) {
            throw new ProblemException(Response.Status.CONFLICT, "the offer expired at " + part.expiresAt + "; it returns to " + part.splitter);
        }
        return new Step(part, organisation, chain.closeOffer(accept ? "accept" : "reject", part.partId));
    }

    private Step withdrawStep(String organisation, long pendingPartId) {
        var part = pending(pendingPartId, organisation);
        if (!organisation.equals(part.splitter)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the holder that made the offer, " + part.splitter + ", withdraws it");
        }
        return new Step(part, organisation, chain.closeOffer("withdraw", part.partId));
    }

    /** One step of a bulk request: split, offer, accept, reject or withdraw. */
    public record Operation(String action, long partId, Long valueCents, String recipient, Instant expiresAt) {
    }

    /**
     * Many steps in one request, each checked as its single call would be — with the value a part has
     * left after the earlier steps of the same request — and queued in order; the first refused step
     * refuses the request, naming it ({@code operations[i]}), and nothing is queued. The steps go to the
     * registry {@link ReceivableChain#STEPS_PER_TRANSACTION} per transaction ({@code batchSteps}: all or
     * nothing, in order), so a bulk request costs the relay a transaction per 32 steps, not per step.
     */
    @Transactional
    public int apply(java.util.List<Operation> operations) {
        String organisation = caller.requireOrganisation();
        var spent = new java.util.HashMap<Long, Long>();
        var steps = new java.util.ArrayList<Step>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            var op = operations.get(i);
            try {
                steps.add(switch (op.action()) {
                    case "split", "offer" -> {
                        if (op.valueCents() == null) {
                            throw new ProblemException(ProblemException.UNPROCESSABLE, "a " + op.action() + " needs a value", "value");
                        }
                        long already = spent.getOrDefault(op.partId(), 0L);
                        var part = ReceivablePart.<ReceivablePart>findByIdOptional(op.partId()).orElse(null);
                        if (part != null && op.valueCents() > part.valueCents - already && op.valueCents() <= part.valueCents) {
                            throw new ProblemException(ProblemException.UNPROCESSABLE, "part " + op.partId() + " has "
                                    + CertificateService.yuan(part.valueCents - already) + " left after the earlier steps of this request", "value");
                        }
                        Step step;
                        if (op.action().equals("split")) {
                            step = splitStep(organisation, op.partId(), op.valueCents());
                        } else {
                            if (op.recipient() == null || op.expiresAt() == null) {
                                throw new ProblemException(ProblemException.UNPROCESSABLE, "an offer needs the recipient and the expiry", "recipient");
                            }
                            step = offerStep(organisation, op.partId(), op.valueCents(), op.recipient().strip(), op.expiresAt());
                        }
                        spent.merge(op.partId(), op.valueCents(), Long::sum);
                        yield step;
                    }
                    case "accept", "reject" -> answerStep(organisation, op.partId(), op.action().equals("accept"));
                    case "withdraw" -> withdrawStep(organisation, op.partId());
                    default -> throw new ProblemException(ProblemException.UNPROCESSABLE, "the action is one of split, offer, accept, reject, withdraw",
                            "action");
                });
            } catch (ProblemException refused) {
                String field = "operations[" + i + "]" + (refused.field() == null ? "" : "." + refused.field());
                throw new ProblemException(refused.status(), "operation " + i + " (" + op.action() + " of part " + op.partId() + "): "
                        + refused.getMessage(), field);
            }
        }
        long[] txIds = chain.submitSteps(organisation, steps.stream().map(Step::call).toList());
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).part().lastChainTxId = txIds[i];
        }
        return operations.size();
    }

    /**
     * Returns expired offers to their splitters (anyone may; this service does it with its own key so
     * that value never waits for a click): at most {@code limit} per call, each once.
     */
    @Transactional
    public int expireDue(int limit) {
        // A block's time is whole seconds and may trail the clock: wait a little past the expiry so the registry agrees it passed.
        var due = ReceivablePart.<ReceivablePart>find("state = ?1 and expiresAt < ?2 order by expiresAt", ReceivablePart.State.PENDING,
                clock.now().minusSeconds(2)).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
        int queued = 0;
        for (var part : due) {
            if (part.expiryQueued && !chain.failed(part.lastChainTxId)) {
                continue; // queued and not refused: its result is on its way
            }
            part.lastChainTxId = chain.expireOffer(part.partId);
            part.expiryQueued = true;
            queued++;
        }
        return due.size() == limit ? queued : 0;
    }

    private ReceivablePart held(long partId, String holder) {
        ReceivablePart part = ReceivablePart.findById(partId, LockModeType.PESSIMISTIC_WRITE);
        if (part == null || !holder.equals(part.holder)) {
            throw ProblemException.notFound("part " + partId);
        }
        if (part.state != ReceivablePart.State.ACTIVE) {
            throw new ProblemException(Response.Status.CONFLICT, "part " + partId + " is " + part.state.english
                    + " (" + part.state.chinese + "): only a part held free can be split or offered");
        }
        var certificate = certificate(part);
        if (certificate.status != ReceivableCertificate.Status.OUTSTANDING || !clock.today().isBefore(certificate.maturity)) {
            throw new ProblemException(Response.Status.CONFLICT, "certificate " + certificate.number + " is matured, overdue or being settled: "
                    + "its parts no longer move");
        }
        return part;
    }

    /** An offer the organisation made, received, or (as the part's holder) can see; 409 when the part is no open offer. */
    private static ReceivablePart pending(long partId, String organisation) {
        ReceivablePart part = ReceivablePart.findById(partId, LockModeType.PESSIMISTIC_WRITE);
        if (part == null || !(organisation.equals(part.recipient) || organisation.equals(part.splitter) || organisation.equals(part.holder))) {
            throw ProblemException.notFound("offer " + partId);
        }
        if (part.state != ReceivablePart.State.PENDING) {
            throw new ProblemException(Response.Status.CONFLICT, "part " + partId + " is no open offer (" + part.state.english + ")");
        }
        return part;
    }

    private static void checkValue(ReceivablePart part, long valueCents) {
        if (valueCents <= 0 || valueCents > part.valueCents) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the value must be more than zero and at most the part's "
                    + CertificateService.yuan(part.valueCents), "value");
        }
    }

    private static ReceivableCertificate certificate(ReceivablePart part) {
        return ReceivableCertificate.<ReceivableCertificate>findByIdOptional(part.certificateId)
                .orElseThrow(() -> ProblemException.notFound("part " + part.partId));
    }
}
