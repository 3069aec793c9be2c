package org.alliancechain.supplyfinance.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.service.chain.ChainClock;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import static org.alliancechain.supplyfinance.receivables.CertificateService.yuan;

import org.alliancechain.supplyfinance.receivables.OverdueEvent;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settlement at maturity and default: the core enterprise pays what is outstanding and the registry
 * settles every holder's part; a certificate left unpaid past its payment date and the grace days is
 * marked overdue on chain (by this service, as anyone may), which counts against its core
 * enterprise; the disclosure every member sees is made of those events (domain §4).
 */
@ApplicationScoped
public class SettlementService {

    private final Caller caller;
    private final SettlementChain chain;
    private final ChainStates chainStates;
    private final ChainClock clock;
    private final int graceDays;

    SettlementService(Caller caller, SettlementChain chain, ChainStates chainStates, ChainClock clock,
                      @ConfigProperty(name = "supply-finance.overdue.grace-days", defaultValue = "3") int graceDays) {
        this.caller = caller;
        this.chain = chain;
        this.chainStates = chainStates;
        this.clock = clock;
        this.graceDays = graceDays;
    }

    /** The last day a certificate may be paid before it can be marked overdue: its payment date plus the grace days. */
    public LocalDate lastDayBeforeOverdue(ReceivableCertificate c) {
        return c.paymentDate.plusDays(graceDays);
    }

    /**
     * The core enterprise records its payment of everything outstanding on a certificate at or after
     * maturity (also when overdue: that cures it). The amount must be exactly what is due.
     */
    @Transactional
    public ReceivableCertificate pay(long certificateId, long amountCents, String paymentReference) {
        String core = caller.requireOrganisation();
        ReceivableCertificate c = ReceivableCertificate.findById(certificateId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.visibleTo(core)) {
            throw ProblemException.notFound("certificate " + certificateId);
        }
        if (!core.equals(c.core)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the core enterprise that confirmed certificate " + c.number + ", "
                    + c.core + ", pays it");
        }
        if (c.status != ReceivableCertificate.Status.OUTSTANDING && c.status != ReceivableCertificate.Status.OVERDUE) {
            throw new ProblemException(Response.Status.CONFLICT, "certificate " + c.number + " is " + c.status.english + " (" + c.status.chinese
                    + "): there is nothing to pay");
        }
        if (pending(c.settlementTxId)) {
            throw new ProblemException(Response.Status.CONFLICT, "the payment of certificate " + c.number + " is already being recorded on chain");
        }
        LocalDate today = clock.today();
        if (today.isBefore(c.maturity)) {
            throw new ProblemException(Response.Status.CONFLICT, "certificate " + c.number + " matures on " + c.maturity
                    + "; it is paid at or after maturity (today is " + today + ")");
        }
        long due = c.outstandingCents();
        if (amountCents != due) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, (amountCents > due ? "that is more than is due" : "that is less than is due")
                    + ": certificate " + c.number + " is paid in one payment of exactly " + yuan(due)
                    + " (the face less what consented red-letters took off)", "amount");
        }
        c.paymentReference = paymentReference;
        c.paidBy = caller.userName();
        c.settlementTxId = chain.recordSettlement(core, c.confirmationId, ChainIds.keccak256("settlement " + c.number + " " + paymentReference));
        return c;
    }

    /**
     * Queues what the chain now allows without anyone's click: markOverdue for certificates unpaid past
     * their payment date and the grace days, settleParts for certificates with more parts than one
     * transaction settles. Each at most once while its write is under way. Returns how many were queued.
     */
    @Transactional
    public int queueDue(int limit) {
        LocalDate today = clock.today();
        int queued = 0;
        List<ReceivableCertificate> overdue = ReceivableCertificate.<ReceivableCertificate>find(
                "status = ?1 and paymentDate < ?2 order by paymentDate", ReceivableCertificate.Status.OUTSTANDING, today.minusDays(graceDays))
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
        for (var c : overdue) {
            // once: a confirmed markOverdue brings its event; a refused one (e.g. a calendar the chain reads otherwise) is tried again
            if ((c.overdueTxId == null || failed(c.overdueTxId)) && !pending(c.settlementTxId)) {
                c.overdueTxId = chain.markOverdue(c.confirmationId);
                queued++;
            }
        }
        List<ReceivableCertificate> settling = ReceivableCertificate.<ReceivableCertificate>find("status = ?1 order by id",
                ReceivableCertificate.Status.SETTLING).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
        for (var c : settling) {
            if (!pending(c.sweepTxId) && !pending(c.settlementTxId)) {
                c.sweepTxId = chain.settleParts(c.confirmationId);
                queued++;
            }
        }
        return queued;
    }

    /** A core enterprise's record as every member sees it. */
    public record OverdueRecord(String core, long events, long eventsInSixMonths, long overdueBalanceCents, boolean suspended,
                                List<OverdueEvent> recent) {
    }

    /** The overdue record of every core enterprise with a certificate here, worst first. */
    public List<OverdueRecord> disclosures() {
        List<String> cores = ReceivableCertificate.getEntityManager()
                .createQuery("select distinct c.core from ReceivableCertificate c order by c.core", String.class).getResultList();
        var records = new ArrayList<OverdueRecord>();
        for (String core : cores) {
            records.add(recordOf(core));
        }
        records.sort((a, b) -> Long.compare(b.eventsInSixMonths(), a.eventsInSixMonths()) != 0
                ? Long.compare(b.eventsInSixMonths(), a.eventsInSixMonths()) : a.core().compareTo(b.core()));
        return records;
    }

    public OverdueRecord recordOf(String core) {
        Instant since = clock.now().minus(OverdueEvent.SIX_MONTHS);
        long events = OverdueEvent.count("core", core);
        long recent = OverdueEvent.count("core = ?1 and markedAt > ?2", core, since);
        long balance = ReceivableCertificate.<ReceivableCertificate>list("core = ?1 and status = ?2", core, ReceivableCertificate.Status.OVERDUE)
                .stream().mapToLong(c -> c.overdueCents == null ? c.outstandingCents() : c.overdueCents).sum();
        List<OverdueEvent> latest = OverdueEvent.<OverdueEvent>find("core = ?1 order by markedAt desc", core).page(0, 20).list();
        return new OverdueRecord(core, events, recent, balance, recent >= OverdueEvent.SUSPENSION_EVENTS && balance > 0, latest);
    }

    private boolean pending(Long chainTxId) {
        return chainTxId != null && chainStates.transaction(chainTxId).map(s -> !s.failed() && !s.confirmed()).orElse(false);
    }


    private boolean failed(Long chainTxId) {
        return chainStates.transaction(chainTxId).map(ChainState::failed).orElse(false);
    }
}
