package org.alliancechain.odr.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.odr.cases.Arbitrator;
import org.alliancechain.odr.cases.CaseAccess;
import org.alliancechain.odr.cases.CaseChain;
import org.alliancechain.odr.cases.CaseService;
import org.alliancechain.odr.cases.CaseStatus;
import org.alliancechain.odr.cases.Deadline;
import org.alliancechain.odr.cases.OdrCase;
import org.alliancechain.odr.cases.Side;
import org.alliancechain.odr.cases.Step;
import org.alliancechain.odr.cases.Timeline;
import org.alliancechain.service.evidence.CertificateIssuer;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.attest.Attestations;

/**
 * Hearing minutes and the award: drafted by the sole or presiding arbitrator, approved by the
 * panel's majority, issued (its record time-stamped, notarised and its hash recorded in
 * CaseRegistry by the commission), served on both parties, and signed as a PDF with the
 * commission's certificate once anchored. A party's first download records that it opened the award.
 */
@ApplicationScoped
public class AwardService {

    /** A signed award PDF and its file name. */
    public record SignedAward(byte[] pdf, String fileName) {
    }

    private final Caller caller;
    private final CaseAccess access;
    private final CaseService cases;
    private final CaseChain caseChain;
    private final ChainPort chain;
    private final Timeline timeline;
    private final Attestations attestations;
    private final CertificateIssuer issuer;

    AwardService(Caller caller, CaseAccess access, CaseService cases, CaseChain caseChain, ChainPort chain, Timeline timeline,
                 Attestations attestations, CertificateIssuer issuer) {
        this.caller = caller;
        this.access = access;
        this.cases = cases;
        this.caseChain = caseChain;
        this.chain = chain;
        this.timeline = timeline;
        this.attestations = attestations;
        this.issuer = issuer;
    }

    @Transactional
    public Minutes recordMinutes(long caseId, Instant heldAt, String text) {
        var c = access.lockFor(caseId, EnumSet.of(Side.COMMISSION), "record hearing minutes");
        cases.requireTribunalOrClerk(c);
        c.requireStatus("record hearing minutes", CaseStatus.HEARING);
        var m = new Minutes();
        m.caseId = c.id;
        m.recordedBy = caller.userName();
        m.heldAt = heldAt.truncatedTo(ChronoUnit.SECONDS);
        m.text = text.strip();
        m.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var record = new EvidenceRecord("odr.hearing-minutes", c.caseNumber + "/minutes/" + (Minutes.count("caseId", c.id) + 1),
                c.commission, "庭审笔录 Hearing minutes " + c.caseNumber, CaseService.parties(c),
                EvidenceRecord.FileFacts.of("minutes.txt", "text/plain; charset=utf-8", m.text.getBytes(StandardCharsets.UTF_8)),
                Map.of("开庭时间 Held at", m.heldAt.toString(), "记录人 Recorded by", m.recordedBy), m.createdAt);
        m.record = attestations.notarised(record, c.commission, "minutes of " + c.caseNumber);
        m.persist();
        timeline.record(c, Step.MINUTES_RECORDED, "开庭 held " + m.heldAt, null, m.record.notarisationItemId);
        c.touch();
        return m;
    }

    @Transactional
    public List<Minutes> minutes(long caseId) {
        var c = access.find(caseId);
        return Minutes.list("caseId = ?1 order by id", c.id);
    }

    /** The sole or presiding arbitrator drafts (or redrafts) the award; a redraft clears the panel's votes. */
    @Transactional
    public Award draft(long caseId, String decision, String reasoning) {
        var c = access.lockFor(caseId, EnumSet.of(Side.COMMISSION), "draft the award");
        var seat = cases.requireArbitrator(c);
        if (!seat.presiding) {
            throw new ProblemException(Response.Status.FORBIDDEN, "the presiding arbitrator drafts the award of case " + c.caseNumber);
        }
        c.requireStatus("draft its award", CaseStatus.EVIDENCE, CaseStatus.HEARING);
        var award = Award.<Award>findByIdOptional(c.id).orElseGet(Award::new);
        award.caseId = c.id;
        award.draftedBy = caller.userName();
        award.decision = decision.strip();
        award.reasoning = reasoning.strip();
        award.status = Award.DRAFT;
        award.draftedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        award.persist();
        AwardVote.delete("caseId", c.id);
        timeline.record(c, Step.AWARD_DRAFTED, null, null, null);
        c.touch();
        return award;
    }

    /** A panel member approves the draft or dissents. */
    @Transactional
    public AwardVote vote(long caseId, boolean approve, String note) {
        var c = access.lockFor(caseId, EnumSet.of(Side.COMMISSION), "vote on the award");
        cases.requireArbitrator(c);
        if (!"PANEL".equals(c.tribunal)) {
            throw new ProblemException(Response.Status.CONFLICT, "case " + c.caseNumber + " has a sole arbitrator: there is no panel vote");
        }
        var award = draftOf(c);
        var vote = AwardVote.<AwardVote>findByIdOptional(new AwardVote.Key(c.id, caller.userName())).orElseGet(AwardVote::new);
        vote.caseId = c.id;
        vote.arbitrator = caller.userName();
        vote.approve = approve;
        vote.note = note == null || note.isBlank() ? null : note.strip();
        vote.votedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        vote.persist();
        timeline.record(c, Step.AWARD_VOTED, (approve ? "同意 approves" : "不同意 dissents") + " (" + award.draftedBy + "'s draft)", null, null);
        return vote;
    }

    /** How many of the tribunal approve the current draft (the drafter counts as approving). */
    public long approvals(OdrCase c, Award award) {
        long votes = AwardVote.count("caseId = ?1 and approve = true and arbitrator <> ?2", c.id, award.draftedBy);
        return votes + 1;
    }

    /**
     * Issues the award: from the evidence period the hearing is opened first (a documents-only
     * hearing, 书面审理); then the award record is time-stamped and notarised by the commission, its
     * digest recorded in CaseRegistry, and the award made available to both parties on chain.
     */
    @Transactional
    public Award issue(long caseId) {
        var c = access.lockFor(caseId, EnumSet.of(Side.COMMISSION), "issue the award");
        var seat = cases.requireArbitrator(c);
        if (!seat.presiding) {
            throw new ProblemException(Response.Status.FORBIDDEN, "the presiding arbitrator issues the award of case " + c.caseNumber);
        }
        c.requireStatus("issue its award", CaseStatus.EVIDENCE, CaseStatus.HEARING);
        var award = draftOf(c);
        var tribunal = Arbitrator.of(c.id);
        long approving = approvals(c, award);
        if (approving * 2 <= tribunal.size()) {
            throw new ProblemException(Response.Status.CONFLICT, "the draft award of case " + c.caseNumber + " has " + approving + " of "
                    + tribunal.size() + " arbitrators' approval; a majority is needed");
        }
        if (c.status == CaseStatus.EVIDENCE) {
            cases.openHearing(c, "书面审理 documents-only hearing");
        }
        award.issuedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] text = awardText(c, award, tribunal).getBytes(StandardCharsets.UTF_8);
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("案号 Case", c.caseNumber);
        attributes.put("裁决主文 Decision", award.decision);
        attributes.put("仲裁庭 Tribunal", String.join(", ", tribunal.stream().map(a -> a.username + (a.presiding && tribunal.size() > 1
                ? " (首席 presiding)" : "")).toList()));
        if (tribunal.size() > 1) {
            attributes.put("合议 Panel", approving + " / " + tribunal.size() + " 同意 approve");
        }
        var record = new EvidenceRecord("odr.award", c.caseNumber, c.commission, "裁决书 Award " + c.caseNumber + " " + c.title,
                CaseService.parties(c), EvidenceRecord.FileFacts.of("award-" + c.caseNumber + ".txt", "text/plain; charset=utf-8", text),
                attributes, award.issuedAt);
        award.record = attestations.notarised(record, c.commission, "award of " + c.caseNumber);
        byte[] digest = award.record.digestBytes();
        award.status = Award.ISSUED;
        c.status = CaseStatus.AWARDED;
        cases.meet(c, Deadline.Kind.AWARD);
        timeline.record(c, Step.AWARD_ISSUED, "record digest " + award.record.digest, caseChain.issueAward(c, digest), null);
        timeline.record(c, Step.AWARD_ISSUED, "裁决书存证 award record notarised", null, award.record.notarisationItemId);
        for (String party : List.of(c.claimant, c.respondent)) {
            var service = new ServiceRecord();
            service.caseId = c.id;
            service.party = party;
            service.madeAvailableAt = award.issuedAt;
            service.madeAvailableTxId = caseChain.recordService(c, party, CaseChain.ServiceKind.MADE_AVAILABLE);
            service.persist();
            timeline.record(c, Step.AWARD_MADE_AVAILABLE, party, service.madeAvailableTxId, null);
        }
        c.touch();
        return award;
    }

    /** The award's full text: the attested file of the award record. */
    static String awardText(OdrCase c, Award award, List<Arbitrator> tribunal) {
        return String.join("\n",
                "裁决书 ARBITRAL AWARD",
                "案号 Case: " + c.caseNumber,
                "仲裁委员会 Commission: " + c.commission,
                "申请人 Claimant: " + c.claimant,
                "被申请人 Respondent: " + c.respondent,
                "仲裁请求 Claim: " + c.claim,
                "请求金额 Amount claimed: " + (c.amount == null ? "—" : c.amount.toPlainString() + " " + c.currency),
                "仲裁协议 Arbitration agreement: " + c.agreementReference,
                "申请日期 Filed: " + c.filedAt,
                "仲裁庭 Tribunal: " + String.join(", ", tribunal.stream().map(a -> a.username + (a.presiding && tribunal.size() > 1
                        ? " (首席仲裁员 presiding)" : "")).toList()),
                "",
                "事实与理由 Facts and reasons:",
                award.reasoning,
                "",
                "裁决 Decision:",
                award.decision,
                "",
                "作出日期 Issued: " + award.issuedAt,
                "");
    }

    @Transactional
    public Award find(long caseId) {
        return findIfVisible(caseId).orElseThrow(() -> ProblemException.notFound("Award of case " + caseId));
    }

    /** The award, if there is one the caller may see: the issued award, or the draft for the commission. */
    @Transactional
    public Optional<Award> findIfVisible(long caseId) {
        var c = access.find(caseId);
        return Award.<Award>findByIdOptional(c.id)
                .filter(award -> Award.ISSUED.equals(award.status) || access.side(c) == Side.COMMISSION);
    }

    @Transactional
    public List<AwardVote> votes(long caseId) {
        var c = access.find(caseId);
        return AwardVote.list("caseId = ?1 order by votedAt", c.id);
    }

    @Transactional
    public List<ServiceRecord> service(long caseId) {
        var c = access.find(caseId);
        return ServiceRecord.list("caseId = ?1 order by party", c.id);
    }

    /**
     * The signed award PDF (PDF/A-3, PAdES B-T by the commission, the award record and its proof
     * embedded); 409 while the record is not anchored yet. A party's first download is recorded on
     * chain as its opening of the award.
     */
    @Transactional
    public SignedAward pdf(long caseId) {
        var c = access.lock(caseId);
        var award = find(caseId);
        if (!Award.ISSUED.equals(award.status)) {
            throw new ProblemException(Response.Status.CONFLICT, "the award of case " + c.caseNumber + " has not been issued");
        }
        if (award.pdf == null) {
            byte[] text = awardText(c, award, Arbitrator.of(c.id)).getBytes(StandardCharsets.UTF_8);
            award.pdf = issuer.issue("AWARD-" + c.caseNumber, EvidenceCertificate.Title.AWARD, c.commission, award.record.json,
                    award.record.notarisationItemId, award.record.timestampToken, PadesSigner.Level.B_T,
                    new EvidenceCertificate.Document("裁决书全文  Full text of the award", "award-" + c.caseNumber + ".txt", text));
            award.pdfSha256 = HashAlgorithm.SHA256.hex(award.pdf);
        }
        Side side = access.side(c);
        if (side.isParty()) {
            String party = c.organisationOf(side);
            var service = ServiceRecord.<ServiceRecord>findByIdOptional(new ServiceRecord.Key(c.id, party)).orElseThrow();
            if (service.openedAt == null) {
                service.openedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                service.openedBy = caller.userName();
                service.openedTxId = caseChain.recordService(c, party, CaseChain.ServiceKind.OPENED);
                timeline.record(c, Step.AWARD_OPENED, party, service.openedTxId, null);
            }
        }
        return new SignedAward(award.pdf, "award-" + c.caseNumber + ".pdf");
    }

    private Award draftOf(OdrCase c) {
        var award = Award.<Award>findByIdOptional(c.id)
                .orElseThrow(() -> new ProblemException(Response.Status.CONFLICT, "no award has been drafted in case " + c.caseNumber));
        if (!Award.DRAFT.equals(award.status)) {
            throw new ProblemException(Response.Status.CONFLICT, "the award of case " + c.caseNumber + " has already been issued");
        }
        return award;
    }

}
