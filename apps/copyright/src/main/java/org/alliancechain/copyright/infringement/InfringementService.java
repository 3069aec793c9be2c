package org.alliancechain.copyright.infringement;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ChainUnavailableException;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.copyright.licences.Licence;
import org.alliancechain.copyright.licences.LicenceChain;
import org.alliancechain.copyright.licences.LicenceUses;
import org.alliancechain.copyright.monitoring.Matches;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.service.arbitration.ArbitrationFiling;
import org.alliancechain.service.arbitration.ArbitrationFilings;
import org.alliancechain.service.arbitration.CitedEvent;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.tenancy.Tenancy;
import org.jboss.logging.Logger;

/**
 * Infringement evidence in one step. The rights holder names a capture its monitor made, the work it
 * matched, the publisher and the use; the service asks LicenceRegistry whether any licence covered that
 * publisher, work and use at the capture's time-stamp as the chain knew it at the block that anchored the
 * capture (a licence granted later and back-dated changes nothing), refuses when one did, and otherwise
 * writes the forensics report's record — the work and its registration, the capture and its proofs, the
 * similarity with the matched passages, the licence answer with the key's hash-chain head — time-stamped
 * and notarised. Once that record is anchored, {@link #fileAnchored} files the case on CaseRegistry against
 * the publisher, citing the work's registration, the capture's anchoring and the report's anchoring; the
 * arbitration service takes it from the chain.
 */
@ApplicationScoped
public class InfringementService {

    private static final Logger LOG = Logger.getLogger(InfringementService.class);
    static final String APP = "copyright";
    static final String ROOT_ANCHORED = "RootAnchored";

    /** What a rights holder claims. */
    public record Claim(long captureId, long workId, String publisher, LicenceUses.Use use, LicenceUses.Channel channel, String territory,
                        String claim, String commission) {
    }

    private final Tenancy tenancy;
    private final ChainPort chain;
    private final ChainReader reader;
    private final LicenceChain licences;
    private final Attestations attestations;
    private final ArbitrationFilings filings;
    private final ObjectMapper json;
    /** Claims whose last filing round failed unexpectedly (logged once). */
    private final java.util.Set<Long> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    InfringementService(Tenancy tenancy, ChainPort chain, ChainReader reader, LicenceChain licences, Attestations attestations,
                        ArbitrationFilings filings, ObjectMapper json) {
        this.tenancy = tenancy;
        this.chain = chain;
        this.reader = reader;
        this.licences = licences;
        this.attestations = attestations;
        this.filings = filings;
        this.json = json;
    }

    @Transactional
    public Infringement prepare(String claimant, String user, Claim c) {
        var capture = tenancy.find(Capture.class, c.captureId(), "Capture");
        // one claim on a capture at a time: two requests for the same claim cannot both pass the check below
        Capture.getEntityManager().lock(capture, LockModeType.PESSIMISTIC_WRITE);
        var work = tenancy.find(Work.class, c.workId(), "Work");
        if (work.status != Work.Status.REGISTERED || work.registeredTx == null || work.registeredLog == null) {
            throw new ProblemException(Response.Status.CONFLICT, "work " + work.id + " is " + work.status.english
                    + ": only a work WorkRegistry holds for your organisation is claimed", "workId");
        }
        Matches.SearchView found = capture.searched(json);
        Matches.MatchView match = matchOf(capture.id, found, work.id);
        String named = c.publisher() != null && !c.publisher().isBlank() ? c.publisher().strip() : null;
        if (capture.publisher != null && named != null && !named.equals(capture.publisher)) {
            // the capture's notarised record names its publisher: the claim, the licence check and the report concern that member
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the capture names " + capture.publisher + " as the publisher of the copy; "
                    + "claim against " + capture.publisher + ", or capture the copy again naming " + named, "publisher");
        }
        String publisher = named != null ? named : capture.publisher;
        if (publisher == null) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "name the member that published the copy (the respondent)", "publisher");
        }
        String territory = LicenceUses.territory(c.territory());
        if (territory == null || territory.equals("*")) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "where the copy was used: an ISO 3166 code such as CN", "territory");
        }
        String commission = c.commission() != null && !c.commission().isBlank() ? c.commission().strip()
                : filings.defaultCommission().orElseThrow(() -> new ProblemException(ProblemException.UNPROCESSABLE,
                        "name the arbitration commission to file with", "commission"));
        filings.checkParticipants(claimant, commission, publisher);
        List<Infringement> earlier = Infringement.list("captureId = ?1 and workId = ?2 order by id", capture.id, work.id);
        var open = earlier.stream().filter(i -> i.status != Infringement.Status.REFUSED).findFirst();
        if (open.isPresent()) {
            throw new ProblemException(Response.Status.CONFLICT, "this capture is already claimed against work " + work.id + " (case "
                    + open.get().caseNumber + ")", "captureId");
        }
        // a claim the chain did not take is claimed again under a case number of its own: C<capture>-W<work>-2, -3, …
        String caseNumber = ArbitrationFilings.caseNumber(APP, "C" + capture.id + "-W" + work.id
                + (earlier.isEmpty() ? "" : "-" + (earlier.size() + 1)));
        // T: the capture's time-stamp; N: the block that anchored it.
        var anchoring = anchoredProof(capture.record.notarisationItemId, "the capture");
        Instant usedAt = capture.record.timeStampedAt().orElseThrow(() -> new ProblemException(Response.Status.CONFLICT,
                "the capture has no time-stamp (the time-stamping authority could not be reached when it was made); capture it again"));
        long asOf = anchoring.blockNumber();
        int uses = c.use().bit | c.channel().bit;
        LicenceChain.Head head;
        java.util.Optional<byte[]> covering;
        try {
            covering = licences.licenceAt(publisher, work.contentDigest, uses, territory, usedAt, asOf);
            head = licences.headAt(work.contentDigest, publisher, asOf);
        } catch (ChainUnavailableException e) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "the chain node cannot be reached to ask LicenceRegistry; try again shortly");
        }
        if (covering.isPresent()) {
            String known = Licence.<Licence>find("chainLicenceId", covering.get()).<Licence>firstResultOptional().map(l -> "L-" + l.id + " ")
                    .orElse("");
            throw new ProblemException(Response.Status.CONFLICT, "licence " + known + "0x" + java.util.HexFormat.of().formatHex(covering.get())
                    + " covered " + publisher + "'s use (" + LicenceUses.describe(uses) + ", " + territory + ") at " + usedAt + " as of block "
                    + asOf + ": no infringement to claim", "publisher");
        }
        var infringement = new Infringement();
        infringement.organisation = claimant;
        infringement.captureId = capture.id;
        infringement.workId = work.id;
        infringement.publisher = publisher;
        infringement.uses = uses;
        infringement.territory = territory;
        infringement.usedAt = usedAt;
        infringement.asOfBlock = asOf;
        infringement.licensed = false;
        infringement.licenceHead = head.head();
        infringement.licenceEvents = (int) head.events();
        infringement.claim = c.claim().strip();
        infringement.commission = commission;
        infringement.caseNumber = caseNumber;
        infringement.status = Infringement.Status.PREPARED;
        infringement.createdAt = Instant.now();
        infringement.createdBy = user;
        infringement.record = attestations.notarised(report(infringement, work, capture, anchoring, match, found.recognisedText()),
                claimant, "forensics report");
        infringement.persist();
        return infringement;
    }

    /** What one claim's turn in a filing round came to. */
    enum Step {
        /** Nothing to do yet: the report is not anchored, or the filing not mined. */
        WAITING,
        /** The filing was queued (PREPARED → FILING) or confirmed on chain (FILING → FILED). */
        MOVED,
        /** The chain or a participant refused it (→ REFUSED, with the reason). */
        REFUSED,
        /** The node cannot be reached: the round ends and the claim is taken up in the next one. */
        NODE_DOWN
    }

    /**
     * One round of {@link InfringementFiler}: files each prepared claim whose report is anchored, and follows each filing
     * sent until the chain confirmed it (FILED) or refused it (REFUSED). Each claim is taken in its own transaction,
     * locked: a claim the consortium refuses (a respondent no longer active, a case number filed already, the rights
     * transferred away, a claimant without a key here) is marked REFUSED with the reason and never holds up the others;
     * a node outage ends the round and leaves every claim as it was. Returns how many claims moved or were refused.
     */
    public int fileAnchored() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Infringement.getEntityManager().createQuery(
                "select i.id from Infringement i where i.status in (?1, ?2) order by i.id", Long.class)
                .setParameter(1, Infringement.Status.PREPARED).setParameter(2, Infringement.Status.FILING).getResultList());
        int moved = 0;
        for (long id : ids) {
            Step step;
            try {
                step = QuarkusTransaction.requiringNew().call(() -> step(id));
            } catch (ChainUnavailableException e) {
                step = Step.NODE_DOWN;
                LOG.warnf("infringement %d not filed yet: %s", id, e.getMessage());
            } catch (RuntimeException e) {
                // not the user's doing (the claim was checked when it was made): left as it is for the next round, the others go on;
                // said once with its stack trace, then briefly each round until it moves
                if (failing.add(id)) {
                    LOG.errorf(e, "infringement %d: filing round failed; tried again in each round", id);
                } else {
                    LOG.debugf("infringement %d: filing round failed again: %s", id, e.getMessage());
                }
                step = Step.WAITING;
            }
            if (step != Step.WAITING) {
                failing.remove(id);
            }
            if (step == Step.NODE_DOWN) {
                return moved;
            }
            moved += step == Step.WAITING ? 0 : 1;
        }
        return moved;
    }

    /** One claim's turn, in the caller's transaction (see {@link #fileAnchored}). */
    Step step(long id) {
        Infringement i = Infringement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            return Step.WAITING;
        }
        if (i.status == Infringement.Status.FILING) {
            var sent = chain.status(i.filingTxId).orElse(null);
            if (sent == null || sent.status() == ChainTxStatus.PENDING || sent.status() == ChainTxStatus.SUBMITTED) {
                return Step.WAITING;
            }
            if (sent.status() == ChainTxStatus.CONFIRMED) {
                i.status = Infringement.Status.FILED;
                return Step.MOVED;
            }
            return refuse(i, "CaseRegistry refused the filing: " + sent.failureReason());
        }
        if (i.status != Infringement.Status.PREPARED) {
            return Step.WAITING; // taken by another instance's round meanwhile
        }
        var report = chain.notarisation(i.record.notarisationItemId).flatMap(v -> v.proof().filter(p -> v.confirmed()));
        if (report.isEmpty()) {
            return Step.WAITING;
        }
        Capture capture = Capture.findById(i.captureId);
        Work work = Work.findById(i.workId);
        if (!i.organisation.equals(work.organisation)) {
            return refuse(i, "the rights in work " + work.id + " were transferred to " + work.organisation + " before the case was filed");
        }
        var citations = new ArrayList<CitedEvent>();
        citations.add(new CitedEvent(work.registeredTx, work.registeredLog));
        citations.add(anchorEvent(anchoredProof(capture.record.notarisationItemId, "the capture")));
        var reportCitation = anchorEvent(report.get());
        if (!citations.contains(reportCitation)) {
            citations.add(reportCitation);
        }
        try {
            // the case's hash is the forensics report's record digest: the commission finds the report (which holds the claim) by
            // it at /verify, and the report is bound to the case on chain
            i.filingTxId = filings.file(i.organisation, new ArbitrationFiling(i.caseNumber, i.commission, i.publisher, i.record.digestBytes(),
                    citations));
        } catch (ProblemException e) {
            if (e.status().getStatusCode() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
                throw new ChainUnavailableException(e.getMessage(), e);
            }
            if ("caseNumber".equals(e.field()) && filedAlready(i)) {
                // this claim's own filing, committed on chain before this row's update was (a database restored from a backup)
                i.status = Infringement.Status.FILED;
                i.citations = citations.size();
                return Step.MOVED;
            }
            return refuse(i, e.getMessage());
        }
        i.citations = citations.size();
        i.status = Infringement.Status.FILING;
        return Step.MOVED;
    }

    /** Whether CaseRegistry holds this claim's case as this claim filed it: its claimant and its report's record digest as the case hash. */
    private boolean filedAlready(Infringement i) {
        return reader.eventsOf("CaseRegistry", ArbitrationFilings.caseId(i.caseNumber)).stream()
                .filter(e -> "CaseFiled".equals(e.event()))
                .anyMatch(e -> java.util.Arrays.equals(e.bytes("caseHash"), i.record.digestBytes())
                        && java.util.Arrays.equals(e.bytes("claimant"), org.alliancechain.chain.api.ChainIds.memberId(i.organisation)));
    }

    private static Step refuse(Infringement i, String reason) {
        LOG.infof("infringement %d (case %s) not filed: %s", i.id, i.caseNumber, reason);
        i.status = Infringement.Status.REFUSED;
        i.refusal = reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason;
        return Step.REFUSED;
    }

    /** The RootAnchored event of the batch that anchored an item. */
    private CitedEvent anchorEvent(InclusionProof proof) {
        var tx = reader.transaction(proof.transactionHash());
        var log = tx.logs().stream().filter(l -> ROOT_ANCHORED.equals(l.event())).findFirst()
                .orElseThrow(() -> new IllegalStateException("transaction " + proof.transactionHash() + " anchored no root"));
        return new CitedEvent(proof.transactionHash(), Math.toIntExact(log.logIndex()));
    }

    private InclusionProof anchoredProof(Long itemId, String what) {
        return chain.notarisation(itemId).flatMap(v -> v.proof().filter(p -> v.confirmed()))
                .orElseThrow(() -> new ProblemException(Response.Status.CONFLICT, what + " is not anchored yet: claim it once its anchoring "
                        + "transaction is confirmed (a few seconds)", "captureId"));
    }

    private static Matches.MatchView matchOf(long captureId, Matches.SearchView found, long workId) {
        return found.matches().stream().filter(m -> m.workId() == workId).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemException.UNPROCESSABLE, "capture " + captureId + " did not match work "
                        + workId + "; claim a work it matched", "workId"));
    }

    /** The forensics report's record: what the signed report shows, each part checkable on its own. */
    private static EvidenceRecord report(Infringement i, Work work, Capture capture, InclusionProof captureProof, Matches.MatchView match,
                                         String recognised) {
        var a = new LinkedHashMap<String, String>();
        a.put("original.work", "W-" + work.id + " " + work.title);
        a.put("original.contentDigest", work.contentDigestHex());
        a.put("original.fingerprintDigest", java.util.HexFormat.of().formatHex(work.fingerprintDigest));
        a.put("original.registrationRecord", work.record.digest);
        a.put("original.registeredInWorkRegistry", "block " + work.registeredBlock + ", transaction " + work.registeredTx + ", log " + work.registeredLog);
        a.put("copy.sha256", capture.sha256);
        a.put("copy.captureRecord", capture.record.digest);
        if (capture.sourceUrl != null) {
            a.put("copy.sourceUrl", capture.sourceUrl);
        }
        if (capture.archived()) {
            // A web capture: the archive (its SHA-256 above) is what was time-stamped; the page is its response record.
            a.put("copy.archive", capture.mediaType + " " + capture.fileName);
            a.put("copy.archive.url", capture.archiveUrl);
            a.put("copy.archive.warcDate", capture.archiveCapturedAt.toString());
            a.put("copy.archive.record", capture.archiveRecordId + " " + capture.archiveRecordDigest);
            if (capture.archiveIp != null) {
                a.put("copy.archive.ipAddress", capture.archiveIp);
            }
            a.put("copy.archive.note", capture.requestedUrl != null
                    ? "fetched by the service from " + capture.requestedUrl + "; the time-stamp proves the archive existed unchanged at that "
                            + "time, not that the server sent it (TLS gives no non-repudiation)"
                    : "uploaded by the monitor; its WARC-Date is the crawler's statement, the time-stamp proves the archive existed "
                            + "unchanged at that time");
        }
        if (recognised != null) {
            // A screenshot of a text: the passages below quote what was read in the image, printed in full in the report.
            a.put("copy.readAs", "a screenshot of a text: the passages quote the text recognised in the image (SHA-256 "
                    + HashAlgorithm.SHA256.hex(recognised.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    + "; the capture's record names the recogniser); the image itself is the copy hashed above");
        }
        a.put("copy.timeStamp", i.usedAt.toString());
        a.put("copy.anchored", "root " + captureProof.root() + " in block " + captureProof.blockNumber() + ", transaction "
                + captureProof.transactionHash() + " (leaf " + captureProof.leafIndex() + " of " + captureProof.treeSize() + ")");
        a.put("copy.capturedBy", capture.organisation);
        a.put("match.band", match.band());
        a.put("match.score", String.format(java.util.Locale.ROOT, "%.3f", match.score()));
        if (match.jaccard() != null) {
            a.put("match.jaccard", String.format(java.util.Locale.ROOT, "%.3f", match.jaccard()));
            a.put("match.copyInWork", String.format(java.util.Locale.ROOT, "%.3f", match.copyInWork()));
            a.put("match.workInCopy", String.format(java.util.Locale.ROOT, "%.3f", match.workInCopy()));
        }
        if (match.pdqDistance() != null) {
            a.put("match.pdqDistance", match.pdqDistance() + " of 256 bits (" + match.orientation() + ")");
        }
        if (match.matchedRegions() != null && match.matchedRegions() > 0) {
            a.put("match.regions", String.valueOf(match.matchedRegions()));
        }
        List<Matches.PassageView> passages = match.passages() == null ? List.of() : match.passages();
        for (int p = 0; p < Math.min(10, passages.size()); p++) {
            var passage = passages.get(p);
            a.put("match.passage." + (p + 1), "copy [" + passage.copyStart() + "," + passage.copyEnd() + ") \u201c" + passage.copyQuote()
                    + "\u201d = work [" + passage.workStart() + "," + passage.workEnd() + ") \u201c" + passage.workQuote() + "\u201d");
        }
        a.put("licence.question", "was any licence valid for " + i.publisher + ", work " + work.contentDigestHex() + ", use "
                + LicenceUses.describe(i.uses) + " in " + i.territory + " at " + i.usedAt + " as recorded at block " + i.asOfBlock + "?");
        // the contract answers for block N from any later state (ADR 0021): checkable on any node, not only an archive node
        a.put("licence.answer", "no (LicenceRegistry.licenceAt(licensee, work, use, territory, time, " + i.asOfBlock + "))");
        a.put("licence.keyHead", i.licenceHead + " after " + i.licenceEvents + " events (LicenceRegistry.headAt(work, licensee, "
                + i.asOfBlock + "))");
        a.put("claim", i.claim);
        var parties = new LinkedHashMap<String, String>();
        parties.put("claimant", i.organisation);
        parties.put("respondent", i.publisher);
        parties.put("commission", i.commission);
        return new EvidenceRecord("copyright.infringement-report", i.caseNumber, i.organisation, "侵权取证报告 Infringement evidence: W-" + work.id
                + " " + work.title, parties, null, a, i.createdAt);
    }
}
