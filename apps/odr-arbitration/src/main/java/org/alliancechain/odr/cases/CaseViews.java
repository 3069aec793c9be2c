package org.alliancechain.odr.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.service.problem.ProblemException;

/** How cases are shown over the API and on the pages. */
@ApplicationScoped
public class CaseViews {

    private static final HexFormat HEX = HexFormat.of();

    public record Status(String code, String chinese, String english) {
        static Status of(CaseStatus s) {
            return new Status(s.name(), s.chinese, s.english);
        }
    }

    public record CaseSummary(long id, String caseNumber, String title, Status status, String commission, String claimant,
                              String respondent, String yourSide, Instant filedAt, Instant updatedAt, boolean overdue) {
    }

    public record ArbitratorView(String username, boolean presiding) {
    }

    public record DeadlineView(String kind, String chinese, String english, Instant dueAt, Instant metAt, boolean overdue) {
    }

    public record AnswerView(String text, Instant at, String by) {
    }

    /** The case as recorded on chain: its id in CaseRegistry, the registry, and the state of the latest step's write. */
    public record OnChain(String caseId, String registry, String caseHash, String lastStepStatus, String lastStepTransaction) {
    }

    /** One event the filing cited: the evidence item it became, or why it was refused. */
    public record CitationView(int position, String reference, String state, Long evidenceId, String evidenceNumber, String refusedReason,
                               Instant at) {
    }

    /**
     * How a case filed by another app came from the chain: the filing's transaction and block, the claim
     * statement's digest (the case hash on chain) and what became of each cited event.
     */
    public record FiledOnChain(String transaction, long block, String claimDigest, List<CitationView> citations) {
    }

    public record CaseView(long id, String caseNumber, String title, Status status, String yourSide, String commission, String claimant,
                           String respondent, String filedBy, String claim, BigDecimal amount, String currency,
                           String agreementReference, String tribunal, List<ArbitratorView> arbitrators, List<DeadlineView> deadlines,
                           AnswerView answer, String decisionReason, Instant filedAt, Instant updatedAt, OnChain chain,
                           String filedThrough, FiledOnChain filedOnChain) {
    }

    private final CaseAccess access;
    private final Timeline timeline;
    private final ChainPort chain;
    private final CaseChain caseChain;
    private final ObjectMapper mapper;

    CaseViews(CaseAccess access, Timeline timeline, ChainPort chain, CaseChain caseChain, ObjectMapper mapper) {
        this.access = access;
        this.timeline = timeline;
        this.chain = chain;
        this.caseChain = caseChain;
        this.mapper = mapper;
    }

    @Transactional
    public CaseView find(long id) {
        return of(access.find(id));
    }

    @Transactional
    public List<Timeline.Entry> timeline(long id) {
        return timeline.of(access.find(id));
    }

    public CaseView of(OdrCase c) {
        Side side = access.side(c);
        var now = Instant.now();
        var deadlines = Deadline.of(c.id).stream().map(d -> new DeadlineView(d.kind.name(), d.kind.chinese, d.kind.english, d.dueAt,
                d.metAt, d.overdue(now) && !c.status.isFinal())).toList();
        var arbitrators = Arbitrator.of(c.id).stream().map(a -> new ArbitratorView(a.username, a.presiding)).toList();
        var last = c.lastChainTxId == null ? null : chain.status(c.lastChainTxId).orElse(null);
        return new CaseView(c.id, c.caseNumber, c.title, Status.of(c.status), side.name(), c.commission, c.claimant, c.respondent,
                c.filedBy, c.claim, c.amount, c.currency, c.agreementReference, c.tribunal, arbitrators, deadlines,
                c.answeredAt == null ? null : new AnswerView(c.answerText, c.answeredAt, c.answeredBy), c.decisionReason, c.filedAt,
                c.updatedAt, new OnChain("0x" + HEX.formatHex(c.chainCaseId), caseChain.registry(),
                c.claimDigest != null ? c.claimDigest : c.record.digest,
                last == null ? null : last.status().name(), last == null ? null : last.transactionHash()),
                c.filedThrough, filedOnChain(c));
    }

    private static FiledOnChain filedOnChain(OdrCase c) {
        if (!OdrCase.FILED_THROUGH_CHAIN.equals(c.filedThrough)) {
            return null;
        }
        var citations = CitedEvidence.of(c.id).stream().map(e -> new CitationView(e.position, e.reference,
                e.evidenceId != null ? "ATTACHED" : "REFUSED", e.evidenceId, e.evidenceNumber, e.refusedReason, e.recordedAt)).toList();
        return new FiledOnChain(c.filingTransaction, c.filingBlock, c.claimDigest, citations);
    }

    public List<CaseSummary> summaries(List<OdrCase> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        var now = Instant.now();
        var ids = cases.stream().map(c -> c.id).toList();
        var overdue = Deadline.<Deadline>list("caseId in ?1 and metAt is null and dueAt < ?2", ids, now).stream()
                .map(d -> d.caseId).collect(Collectors.toSet());
        return cases.stream().map(c -> new CaseSummary(c.id, c.caseNumber, c.title, Status.of(c.status), c.commission, c.claimant,
                c.respondent, access.side(c).name(), c.filedAt, c.updatedAt, overdue.contains(c.id) && !c.status.isFinal())).toList();
    }

    /** A JSON form part, parsed and validated like a JSON body (400 with the violations). */
    public <T> T parse(String json, Class<T> type, Validator validator) {
        if (json == null || json.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the form has no 'case' part (the filing as JSON)");
        }
        T value;
        try {
            value = mapper.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the 'case' part is not valid JSON for a filing: "
                    + e.getOriginalMessage());
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "Invalid request: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return value;
    }
}
