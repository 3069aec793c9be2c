package org.alliancechain.odr.filing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.odr.cases.CaseChain;
import org.alliancechain.odr.cases.CaseNumbers;
import org.alliancechain.odr.cases.CaseService;
import org.alliancechain.odr.cases.CaseStatus;
import org.alliancechain.odr.cases.CitedEvidence;
import org.alliancechain.odr.cases.OdrCase;
import org.alliancechain.odr.cases.Step;
import org.alliancechain.odr.cases.Timeline;
import org.alliancechain.odr.evidence.EvidenceService;
import org.alliancechain.service.arbitration.ArbitrationFilings;
import org.alliancechain.service.arbitration.CitedEvent;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Every case filed on chain, whichever app filed it (ARCHITECTURE.md, "anything → arbitration"): a
 * {@code CaseFiled} this service does not have becomes a case of its commission, numbered and in the
 * commission's queue (FILED) like one filed here; each {@code CaseEvidenceCited} of the filing becomes an
 * evidence item of the claimant, resolved through {@code ChainReferences} with its proofs, time-stamped and
 * notarised like an item attached by reference — or, when it cannot be resolved, a refused citation with the
 * reason, shown to the parties and the commission, which does not hold up the case.
 *
 * <p>Cases filed through this service's API are found by their chain id and left alone; replayed events
 * find what they made and change nothing. A case whose members this service cannot act for (no key in its
 * custody for the claimant, the respondent or the commission) is not one it can serve and is passed over.
 */
@ApplicationScoped
public class ChainFilings implements ChainEventHandler {

    private static final Logger LOG = Logger.getLogger(ChainFilings.class);
    private static final HexFormat HEX = HexFormat.of();
    static final String STREAM = "odr-chain-filings";
    private static final String CASE_FILED = "CaseFiled";

    private final CaseChain caseChain;
    private final ChainPort chain;
    private final CaseNumbers numbers;
    private final Timeline timeline;
    private final Attestations attestations;
    private final EvidenceService evidence;

    ChainFilings(CaseChain caseChain, ChainPort chain, CaseNumbers numbers, Timeline timeline, Attestations attestations,
                 EvidenceService evidence) {
        this.caseChain = caseChain;
        this.chain = chain;
        this.numbers = numbers;
        this.timeline = timeline;
        this.attestations = attestations;
        this.evidence = evidence;
    }

    @Override
    public String stream() {
        return STREAM;
    }

    @Override
    public String contract() {
        return caseChain.registry();
    }

    @Override
    public String event() {
        return ArbitrationFilings.CASE_FILED;
    }

    @Override
    public List<String> events() {
        return List.of(ArbitrationFilings.CASE_FILED, ArbitrationFilings.EVIDENCE_CITED);
    }

    @Override
    public void handle(ChainEvent event) {
        if (CASE_FILED.equals(event.event())) {
            filed(event);
        } else {
            cited(event);
        }
    }

    private void filed(ChainEvent event) {
        byte[] caseId = event.bytes("caseId");
        if (OdrCase.byChainId(caseId).isPresent()) {
            return;
        }
        var names = members();
        String claimant = names.get(HEX.formatHex(event.bytes("claimant")));
        String commission = names.get(HEX.formatHex(event.bytes("commission")));
        String respondent = names.get(HEX.formatHex(event.bytes("respondent")));
        if (claimant == null || commission == null || respondent == null) {
            LOG.warnf("case 0x%s filed on chain in %s is not projected: this service acts for none of %s", HEX.formatHex(caseId),
                    event.transactionHash(), (claimant == null ? "the claimant " : "") + (commission == null ? "the commission " : "")
                            + (respondent == null ? "the respondent" : ""));
            return;
        }
        String claimDigest = HEX.formatHex(event.bytes("caseHash"));
        var c = new OdrCase();
        c.caseNumber = numbers.next(commission);
        c.chainCaseId = caseId;
        c.commission = commission;
        c.claimant = claimant;
        c.respondent = respondent;
        c.filedThrough = OdrCase.FILED_THROUGH_CHAIN;
        c.filingTransaction = event.transactionHash().toLowerCase(java.util.Locale.ROOT);
        c.filingBlock = event.blockNumber();
        c.claimDigest = claimDigest;
        c.filedBy = "chain " + c.filingTransaction;
        c.title = "链上提交的仲裁申请 Case filed on chain by " + claimant;
        c.claim = "申请书不在链上，其 SHA-256 摘要为 The claim statement is not on chain; its SHA-256 digest is " + claimDigest
                + ". 申请人可将申请书作为证据提交 The claimant may submit it as evidence.";
        c.agreementReference = "见申请书 See the claim statement";
        c.status = CaseStatus.FILED;
        c.filedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        c.updatedAt = c.filedAt;
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("链上案件标识 Case id on chain", ChainIds.hex(caseId));
        attributes.put("立案交易 Filing transaction", c.filingTransaction + " (block " + c.filingBlock + ", log " + event.logIndex() + ")");
        attributes.put("案件登记合约 Case registry", caseChain.registry());
        attributes.put("申请书摘要 Claim statement digest (SHA-256)", claimDigest);
        var record = new EvidenceRecord("odr.case-filed-on-chain", c.caseNumber, claimant, c.title, CaseService.parties(c), null,
                attributes, c.filedAt);
        c.record = attestations.timeStamped(record, "case " + c.caseNumber);
        c.persist();
        timeline.record(c, Step.FILED, "链上立案 Filed on chain by " + claimant + " in transaction " + c.filingTransaction
                + " (block " + c.filingBlock + "); 申请书摘要 claim statement digest sha256 " + claimDigest, null, null);
    }

    private void cited(ChainEvent event) {
        var found = OdrCase.byChainId(event.bytes("caseId"));
        if (found.isEmpty() || CitedEvidence.recorded(event.position())) {
            return;
        }
        var c = found.get();
        var cited = CitedEvent.of(event.bytes("txHash"), event.number("logIndex").longValueExact());
        var citation = new CitedEvidence();
        citation.caseId = c.id;
        citation.logPosition = event.position();
        citation.position = (int) CitedEvidence.count("caseId", c.id);
        citation.reference = cited.reference();
        citation.recordedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            var item = evidence.attachCited(c, cited.reference(), c.filedBy);
            citation.evidenceId = item.id;
            citation.evidenceNumber = item.number;
        } catch (ProblemException e) {
            if (e.status().getStatusCode() == 503) {
                throw e; // the node is unreachable: the chunk is applied again later, nothing is recorded
            }
            citation.refusedReason = e.getMessage();
            timeline.record(c, Step.EVIDENCE_CITATION_REFUSED, cited.reference() + ": " + e.getMessage(), null, null);
            c.touch();
        }
        citation.persist();
    }

    /** member id (hex) → alias, for the organisations this service holds keys for. */
    private Map<String, String> members() {
        var names = new HashMap<String, String>();
        for (String alias : chain.organisations()) {
            names.put(HEX.formatHex(ChainIds.memberId(alias)), alias);
        }
        return names;
    }
}
