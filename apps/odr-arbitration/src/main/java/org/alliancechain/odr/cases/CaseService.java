package org.alliancechain.odr.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.odr.OdrConfig;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.arbitration.ArbitrationFilings;

/**
 * The life of a case, from filing to closing: each step checks who takes it and from which state,
 * changes the case, records the step in the timeline and queues its chain write — in one database
 * transaction, so a step is either fully taken or not at all.
 */
@ApplicationScoped
public class CaseService {

    public record Filing(String title, String commission, String respondent, String claim, BigDecimal amount, String currency,
                         String agreementReference) {
    }

    /** The tribunal: one arbitrator, or three of whom one presides. */
    public record Tribunal(List<String> arbitrators, String presiding) {
    }

    /** Due dates; a null one is left as it is. */
    public record Deadlines(Instant answer, Instant evidence, Instant award) {
    }

    private final Caller caller;
    private final CaseAccess access;
    private final CaseChain chain;
    private final CaseNumbers numbers;
    private final Timeline timeline;
    private final Attestations attestations;
    private final OdrConfig config;
    private final ArbitrationFilings filings;

    CaseService(Caller caller, CaseAccess access, CaseChain chain, CaseNumbers numbers, Timeline timeline,
                Attestations attestations, OdrConfig config, ArbitrationFilings filings) {
        this.filings = filings;
        this.caller = caller;
        this.access = access;
        this.chain = chain;
        this.numbers = numbers;
        this.timeline = timeline;
        this.attestations = attestations;
        this.config = config;
    }

    /** A document filed with the case, as the filing record names it (it becomes the claimant's evidence item C-n). */
    public record FiledDocument(String name, String sha256Hex) {
    }

    /**
     * Files a case for the caller's organisation: a case number, the filing record (naming the
     * documents filed with it) whose digest is the case hash, a time-stamp, and {@code fileCase} on
     * chain signed by the claimant. Storing the documents as evidence is the caller's next step
     * ({@code filing.CaseFiling}).
     */
    @Transactional
    public OdrCase file(Filing filing, List<FiledDocument> documents) {
        String claimant = caller.requireOrganisation();
        filings.checkParticipants(claimant, filing.commission(), filing.respondent());

        var c = new OdrCase();
        c.caseNumber = numbers.next(filing.commission());
        c.chainCaseId = CaseChain.caseId(c.caseNumber);
        c.commission = filing.commission();
        c.claimant = claimant;
        c.respondent = filing.respondent();
        c.filedBy = caller.userName();
        c.title = filing.title().strip();
        c.claim = filing.claim().strip();
        c.amount = filing.amount();
        c.currency = filing.amount() == null ? null : (filing.currency() == null ? "CNY" : filing.currency());
        c.agreementReference = filing.agreementReference().strip();
        c.status = CaseStatus.FILED;
        c.filedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        c.updatedAt = c.filedAt;

        var attributes = new LinkedHashMap<String, String>();
        attributes.put("仲裁请求 Claim", c.claim);
        attributes.put("仲裁协议 Arbitration agreement", c.agreementReference);
        if (c.amount != null) {
            attributes.put("争议金额 Amount", c.amount.toPlainString() + " " + c.currency);
        }
        attributes.put("申请人经办 Filed by", c.filedBy);
        for (int i = 0; i < documents.size(); i++) {
            var document = documents.get(i);
            attributes.put("申请材料 Document C-" + (i + 1), document.name() + " sha256:" + document.sha256Hex());
        }
        var record = new EvidenceRecord("odr.case", c.caseNumber, claimant, c.title, parties(c), null, attributes, c.filedAt);
        c.record = attestations.timeStamped(record, "case " + c.caseNumber);
        c.persist();
        long tx = chain.file(c);
        timeline.record(c, Step.FILED, c.title, tx, null);
        return c;
    }

    /** A case's parties as its records name them (filing, evidence, minutes, award). */
    public static Map<String, String> parties(OdrCase c) {
        return Map.of("申请人 Claimant", c.claimant, "被申请人 Respondent", c.respondent, "仲裁委员会 Commission", c.commission);
    }

    /** The clerk accepts the case, forms the tribunal, sets the deadlines and opens the evidence period. */
    @Transactional
    public OdrCase accept(long id, Tribunal tribunal, Deadlines deadlines) {
        var c = access.lockFor(id, EnumSet.of(Side.COMMISSION), "accept a case");
        c.requireStatus("accept it", CaseStatus.FILED);
        c.status = CaseStatus.ACCEPTED;
        timeline.record(c, Step.ACCEPTED, null, chain.accept(c), null);
        formTribunal(c, tribunal);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var d = config.deadlines();
        setDeadlines(c, new Deadlines(
                deadlines == null || deadlines.answer() == null ? now.plus(d.answer()) : deadlines.answer(),
                deadlines == null || deadlines.evidence() == null ? now.plus(d.evidence()) : deadlines.evidence(),
                deadlines == null || deadlines.award() == null ? now.plus(d.award()) : deadlines.award()));
        c.status = CaseStatus.EVIDENCE;
        timeline.record(c, Step.EVIDENCE_OPENED, null, chain.openEvidence(c), null);
        return c.touch();
    }

    @Transactional
    public OdrCase reject(long id, String reason) {
        var c = access.lockFor(id, EnumSet.of(Side.COMMISSION), "reject a case");
        c.requireStatus("reject it", CaseStatus.FILED);
        c.status = CaseStatus.REJECTED;
        c.decisionReason = reason.strip();
        timeline.record(c, Step.REJECTED, c.decisionReason, chain.reject(c, c.decisionReason), null);
        return c.touch();
    }

    /** Forms the tribunal again (before the award), e.g. when an arbitrator withdraws. */
    @Transactional
    public OdrCase changeTribunal(long id, Tribunal tribunal) {
        var c = access.lockFor(id, EnumSet.of(Side.COMMISSION), "form the tribunal");
        c.requireStatus("change its tribunal", CaseStatus.ACCEPTED, CaseStatus.EVIDENCE, CaseStatus.HEARING);
        if (CaseEvent.reached(c.id, Step.AWARD_DRAFTED)) {
            throw new ProblemException(Response.Status.CONFLICT, "an award has been drafted in case " + c.caseNumber
                    + "; the tribunal can no longer change");
        }
        formTribunal(c, tribunal);
        return c.touch();
    }

    @Transactional
    public OdrCase changeDeadlines(long id, Deadlines deadlines) {
        var c = access.lockFor(id, EnumSet.of(Side.COMMISSION), "set deadlines");
        c.requireStatus("change its deadlines", CaseStatus.ACCEPTED, CaseStatus.EVIDENCE, CaseStatus.HEARING);
        setDeadlines(c, deadlines);
        return c.touch();
    }

    /** The respondent's answer (defence) to the claim. */
    @Transactional
    public OdrCase answer(long id, String text) {
        var c = access.lockFor(id, EnumSet.of(Side.RESPONDENT), "answer the claim");
        c.requireStatus("answer it", CaseStatus.ACCEPTED, CaseStatus.EVIDENCE);
        if (c.answeredAt != null) {
            throw new ProblemException(Response.Status.CONFLICT, "the answer in case " + c.caseNumber + " was already submitted on "
                    + c.answeredAt);
        }
        c.answerText = text.strip();
        c.answeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        c.answeredBy = caller.userName();
        meet(c, Deadline.Kind.ANSWER);
        timeline.record(c, Step.ANSWERED, null, null, null);
        return c.touch();
    }

    @Transactional
    public OdrCase withdraw(long id, String reason) {
        var c = access.lockFor(id, EnumSet.of(Side.CLAIMANT), "withdraw the case");
        if (!c.status.withdrawable()) {
            throw c.invalidStep("withdraw it");
        }
        c.status = CaseStatus.WITHDRAWN;
        c.decisionReason = reason.strip();
        timeline.record(c, Step.WITHDRAWN, c.decisionReason, chain.withdraw(c, c.decisionReason), null);
        return c.touch();
    }

    /** The evidence period ends and the hearing opens (by the clerk or a member of the tribunal). */
    @Transactional
    public OdrCase openHearing(long id) {
        var c = access.lockFor(id, EnumSet.of(Side.COMMISSION), "open the hearing");
        requireTribunalOrClerk(c);
        c.requireStatus("open its hearing", CaseStatus.EVIDENCE);
        openHearing(c, null);
        return c.touch();
    }

    /** Opens the hearing of a case in its evidence period; {@code detail} says why when it is not the clerk's own step. */
    public void openHearing(OdrCase c, String detail) {
        c.status = CaseStatus.HEARING;
        meet(c, Deadline.Kind.EVIDENCE);
        timeline.record(c, Step.HEARING_OPENED, detail, chain.openHearing(c), null);
    }

    @Transactional
    public OdrCase close(long id) {
        var c = access.lockFor(id, EnumSet.of(Side.COMMISSION), "close the case");
        c.requireStatus("close it", CaseStatus.AWARDED);
        c.status = CaseStatus.CLOSED;
        timeline.record(c, Step.CLOSED, null, chain.close(c), null);
        return c.touch();
    }

    /** The caller must be the clerk of the commission or one of the case's arbitrators. */
    public void requireTribunalOrClerk(OdrCase c) {
        var roles = caller.roles();
        if (roles.contains("clerk")) {
            return;
        }
        requireArbitrator(c);
    }

    /** The caller must be one of the case's arbitrators; returns that seat. */
    public Arbitrator requireArbitrator(OdrCase c) {
        return Arbitrator.<Arbitrator>findByIdOptional(new Arbitrator.Key(c.id, caller.userName()))
                .filter(a -> caller.roles().contains("arbitrator"))
                .orElseThrow(() -> new ProblemException(Response.Status.FORBIDDEN, "you are not on the tribunal of case " + c.caseNumber));
    }

    private void formTribunal(OdrCase c, Tribunal tribunal) {
        var names = tribunal.arbitrators().stream().map(String::strip).toList();
        if (names.size() != 1 && names.size() != 3) {
            throw ProblemException.unprocessable("a tribunal is a sole arbitrator or a panel of three, not " + names.size());
        }
        if (Set.copyOf(names).size() != names.size()) {
            throw ProblemException.unprocessable("the same arbitrator is named twice");
        }
        String presiding = tribunal.presiding() == null ? names.getFirst() : tribunal.presiding().strip();
        if (!names.contains(presiding)) {
            throw ProblemException.unprocessable("the presiding arbitrator '" + presiding + "' is not one of the tribunal");
        }
        Arbitrator.delete("caseId", c.id);
        Arbitrator.getEntityManager().flush();
        for (int i = 0; i < names.size(); i++) {
            var a = new Arbitrator();
            a.caseId = c.id;
            a.username = names.get(i);
            a.presiding = names.get(i).equals(presiding);
            a.position = i;
            a.persist();
        }
        c.tribunal = names.size() == 1 ? "SOLE" : "PANEL";
        timeline.record(c, Step.TRIBUNAL_FORMED, (names.size() == 1 ? "独任仲裁员 Sole arbitrator: " : "合议庭 Panel: ")
                + String.join(", ", names) + (names.size() == 3 ? " (首席 presiding: " + presiding + ")" : ""), null, null);
    }

    private void setDeadlines(OdrCase c, Deadlines deadlines) {
        var now = Instant.now();
        var parts = new java.util.ArrayList<String>();
        for (var kind : Deadline.Kind.values()) {
            Instant due = switch (kind) {
                case ANSWER -> deadlines.answer();
                case EVIDENCE -> deadlines.evidence();
                case AWARD -> deadlines.award();
            };
            if (due == null) {
                continue;
            }
            if (!due.isAfter(now)) {
                throw ProblemException.unprocessable("the " + kind.english.toLowerCase() + " deadline must lie in the future");
            }
            var deadline = Deadline.of(c.id, kind).orElseGet(() -> {
                var d = new Deadline();
                d.caseId = c.id;
                d.kind = kind;
                return d;
            });
            if (deadline.metAt != null) {
                continue;
            }
            deadline.dueAt = due;
            deadline.overdueFlaggedAt = null;
            deadline.persist();
            parts.add(kind.chinese + " " + kind.english + ": " + due);
        }
        if (!parts.isEmpty()) {
            timeline.record(c, Step.DEADLINES_SET, String.join("; ", parts), null, null);
        }
    }

    /** Marks a deadline met (the step it waited for was taken). */
    public void meet(OdrCase c, Deadline.Kind kind) {
        Deadline.of(c.id, kind).filter(d -> d.metAt == null).ifPresent(d -> d.metAt = Instant.now());
    }
}
