package org.alliancechain.copyright.infringement;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainReader;
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
        var work = tenancy.find(Work.class, c.workId(), "Work");
        if (work.status != Work.Status.REGISTERED || work.registeredTx == null || work.registeredLog == null) {
            throw new ProblemException(Response.Status.CONFLICT, "work " + work.id + " is " + work.status.english
                    + ": only a work WorkRegistry holds for your organisation is claimed", "workId");
        }
        Matches.SearchView found = capture.searched(json);
        Matches.MatchView match = matchOf(capture.id, found, work.id);
        String publisher = c.publisher() != null && !c.publisher().isBlank() ? c.publisher().strip() : capture.publisher;
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
        String caseNumber = ArbitrationFilings.caseNumber(APP, "C" + capture.id + "-W" + work.id);
        if (Infringement.count("caseNumber", caseNumber) > 0) {
            throw new ProblemException(Response.Status.CONFLICT, "this capture is already claimed against work " + work.id + " (case "
                    + caseNumber + ")", "captureId");
        }
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

    /**
     * Files every prepared infringement whose report is anchored (the filing cites that anchoring); returns
     * how many were filed. Run by {@link InfringementFiler}; a node outage leaves them for the next round.
     */
    @Transactional
    public int fileAnchored() {
        int filed = 0;
        for (Infringement i : Infringement.<Infringement>list("status", Infringement.Status.PREPARED)) {
            var report = chain.notarisation(i.record.notarisationItemId).flatMap(v -> v.proof().filter(p -> v.confirmed()));
            if (report.isEmpty()) {
                continue;
            }
            try {
                Capture capture = Capture.findById(i.captureId);
                Work work = Work.findById(i.workId);
                var citations = new ArrayList<CitedEvent>();
                citations.add(new CitedEvent(work.registeredTx, work.registeredLog));
                citations.add(anchorEvent(anchoredProof(capture.record.notarisationItemId, "the capture")));
                var reportCitation = anchorEvent(report.get());
                if (!citations.contains(reportCitation)) {
                    citations.add(reportCitation);
                }
                i.filingTxId = filings.file(i.organisation, new ArbitrationFiling(i.caseNumber, i.commission, i.publisher,
                        HashAlgorithm.SHA256.digest(i.claim.getBytes(StandardCharsets.UTF_8)), citations));
                i.citations = citations.size();
                i.status = Infringement.Status.FILED;
                filed++;
            } catch (ChainUnavailableException e) {
                LOG.warnf("infringement %d not filed yet: %s", i.id, e.getMessage());
                return filed;
            }
        }
        return filed;
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
        a.put("licence.answer", "no (LicenceRegistry.licenceAt at block " + i.asOfBlock + ")");
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
