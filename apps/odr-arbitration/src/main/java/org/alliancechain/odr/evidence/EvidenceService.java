package org.alliancechain.odr.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.service.reference.ChainReferences;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.odr.OdrConfig;
import org.alliancechain.odr.cases.CaseAccess;
import org.alliancechain.odr.cases.CaseService;
import org.alliancechain.odr.cases.CaseStatus;
import org.alliancechain.odr.cases.Deadline;
import org.alliancechain.odr.cases.OdrCase;
import org.alliancechain.odr.cases.Side;
import org.alliancechain.odr.cases.Step;
import org.alliancechain.odr.cases.Timeline;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.attest.TimeStampTokens;
import org.alliancechain.service.upload.IncomingFile;
import org.alliancechain.service.upload.Uploads;

/**
 * Evidence of a case: files recognised by their content, archives expanded safely, each item hashed
 * (SHA-256 and SM3) into a record that is time-stamped and notarised by the submitting organisation;
 * and the other side's cross-examination of each item.
 */
@ApplicationScoped
public class EvidenceService {

    /** A file ready to be stored: its name for display, the type its content shows, where it came from. */
    public record Prepared(String name, String mediaType, byte[] content, String origin, String title, String reference) {
        public Prepared(String name, String mediaType, byte[] content, String origin) {
            this(name, mediaType, content, origin, null, null);
        }
    }

    public record Comment(EvidenceComment.Position authenticity, EvidenceComment.Position legality, EvidenceComment.Position relevance,
                          String opinion) {
    }

    private final Caller caller;
    private final CaseAccess access;
    private final ChainPort chain;
    private final Attestations attestations;
    private final Timeline timeline;
    private final EvidenceIntake intake;
    private final OdrConfig config;
    private final ChainReferences references;

    EvidenceService(Caller caller, CaseAccess access, ChainPort chain, Attestations attestations, Timeline timeline, EvidenceIntake intake,
                    OdrConfig config, ChainReferences references) {
        this.references = references;
        this.caller = caller;
        this.access = access;
        this.chain = chain;
        this.attestations = attestations;
        this.timeline = timeline;
        this.intake = intake;
        this.config = config;
    }

    /** Checks and expands uploaded files (types by content, archives safely); nothing is stored yet. */
    public List<Prepared> prepare(List<IncomingFile> files) {
        return intake.prepare(files);
    }

    /** A party submits evidence during the evidence period. */
    @Transactional
    public List<EvidenceItem> submit(long caseId, List<IncomingFile> files) {
        if (files.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the upload holds no files (form parts named 'files')", "files");
        }
        var c = takingEvidence(caseId);
        var prepared = prepare(files);
        var items = store(c, access.side(c), prepared, "upload");
        c.touch();
        return items;
    }

    /**
     * A party attaches, in one step, something the suite put on chain — an event of a suite contract
     * or an anchored record (its proof found here or brought along, or its certificate) — as an
     * evidence item: the reference resolved and checked against the chain, with its proofs, becomes
     * the item's content (canonical JSON), hashed, time-stamped and notarised like any file.
     *
     * @param certificate the other service's certificate PDF or evidence package, or null
     */
    @Transactional
    public EvidenceItem attachReference(long caseId, String reference, InclusionProof proof, byte[] certificate, String title) {
        var c = takingEvidence(caseId);
        ChainReferences.Resolved resolved = certificate != null ? references.fromCertificate(reference, certificate)
                : references.resolve(reference, proof);
        EvidenceItem.<EvidenceItem>find("caseId = ?1 and reference = ?2", c.id, resolved.reference()).firstResultOptional().ifPresent(earlier -> {
            throw new ProblemException(Response.Status.CONFLICT, resolved.reference() + " is already evidence " + earlier.number
                    + " of case " + c.caseNumber);
        });
        var item = store(c, access.side(c), List.of(prepared(resolved, title)), "reference").getFirst();
        c.touch();
        return item;
    }

    /**
     * Attaches an event a filing on chain cited (docs/adr/0009: {@code event:0x…:N}) as the claimant's evidence,
     * for no caller (the indexer): resolved and checked against the chain, then hashed, time-stamped and
     * notarised by the claimant like an item attached by reference. A {@link ProblemException} says why it
     * cannot be (not a suite record, no such log, reverted, already evidence of the case, over the case's
     * limits; 503 when the node cannot be reached) — nothing is stored then.
     */
    public EvidenceItem attachCited(OdrCase c, String reference, String submittedBy) {
        var resolved = references.resolve(reference, null);
        EvidenceItem.<EvidenceItem>find("caseId = ?1 and reference = ?2", c.id, resolved.reference()).firstResultOptional().ifPresent(earlier -> {
            throw new ProblemException(Response.Status.CONFLICT, resolved.reference() + " is already evidence " + earlier.number
                    + " of case " + c.caseNumber);
        });
        var item = store(c, Side.CLAIMANT, List.of(prepared(resolved, null)), "filing on chain", submittedBy).getFirst();
        c.touch();
        return item;
    }

    private static Prepared prepared(ChainReferences.Resolved resolved, String title) {
        String shown = title == null || title.isBlank() ? resolved.description() : title.strip();
        return new Prepared(resolved.fileName(), "application/json", resolved.canonicalJson(), resolved.reference(),
                shown.length() > 200 ? shown.substring(0, 199) + "…" : shown, resolved.reference());
    }

    /** The case, locked, when the caller is a party and the evidence period is open. */
    private OdrCase takingEvidence(long caseId) {
        var c = access.lockFor(caseId, EnumSet.of(Side.CLAIMANT, Side.RESPONDENT), "submit evidence");
        if (!c.status.takesEvidence()) {
            throw c.invalidStep("submit evidence");
        }
        Deadline.of(c.id, Deadline.Kind.EVIDENCE).filter(d -> Instant.now().isAfter(d.dueAt)).ifPresent(d -> {
            throw new ProblemException(Response.Status.CONFLICT, "the evidence period of case " + c.caseNumber + " ended on "
                    + d.dueAt + "; ask the tribunal to extend it");
        });
        return c;
    }

    /**
     * Stores prepared files as the next evidence items of one side: per-case limits, numbers, records,
     * time-stamps, notarisation by the submitting organisation, one timeline step per item.
     */
    public List<EvidenceItem> store(OdrCase c, Side side, List<Prepared> files, String source) {
        return store(c, side, files, source, files.isEmpty() ? null : caller.userName());
    }

    /** {@link #store(OdrCase, Side, List, String)} with who submitted them named (work without a caller, e.g. the indexer). */
    public List<EvidenceItem> store(OdrCase c, Side side, List<Prepared> files, String source, String submittedBy) {
        if (files.isEmpty()) {
            return List.of();
        }
        long count = EvidenceItem.count("caseId", c.id);
        if (count + files.size() > config.evidence().maxItemsPerCase()) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "case " + c.caseNumber + " would hold "
                    + (count + files.size()) + " evidence items; the limit is " + config.evidence().maxItemsPerCase());
        }
        long stored = ((Number) EvidenceItem.getEntityManager()
                .createQuery("select coalesce(sum(e.size), 0) from EvidenceItem e where e.caseId = :c").setParameter("c", c.id)
                .getSingleResult()).longValue();
        long adding = files.stream().mapToLong(f -> f.content().length).sum();
        long limit = config.evidence().maxCaseSize().asLongValue();
        if (stored + adding > limit) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "case " + c.caseNumber + "'s evidence would reach "
                    + Uploads.describe(stored + adding) + "; the limit per case is " + Uploads.describe(limit));
        }
        int next = (int) EvidenceItem.count("caseId = ?1 and side = ?2", c.id, side) + 1;
        var items = new ArrayList<EvidenceItem>();
        var records = new ArrayList<EvidenceRecord>();
        for (var file : files) {
            var item = new EvidenceItem();
            item.caseId = c.id;
            item.organisation = c.organisationOf(side);
            item.side = side;
            item.number = side.evidencePrefix + "-" + next++;
            item.submittedBy = submittedBy;
            item.fileName = file.name();
            item.title = file.title() == null ? file.name() : file.title();
            item.reference = file.reference();
            item.mediaType = file.mediaType();
            item.size = file.content().length;
            var facts = EvidenceRecord.FileFacts.of(file.name(), file.mediaType(), file.content());
            item.sha256 = facts.sha256();
            item.sm3 = facts.sm3();
            item.source = file.origin() == null ? source : source + " / " + file.origin();
            item.submittedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            var record = new EvidenceRecord("odr.evidence-item", c.caseNumber + "/" + item.number, item.organisation,
                    item.number + " " + item.title, CaseService.parties(c), facts,
                    Map.of("案号 Case", c.caseNumber, "提交方 Side", side.chinese + " " + side.english,
                            "提交人 Submitted by", item.submittedBy, "来源 Source", item.source),
                    item.submittedAt);
            items.add(item);
            records.add(record);
        }
        if (items.isEmpty()) {
            return items;
        }
        // One time-stamp token for the submission's records (each keeps its RFC 4998 path), one outbox statement.
        var attested = attestations.notarisedAll(records, c.organisationOf(side), "evidence of " + c.caseNumber);
        // their token stored once, each row keeping its evidence record's bytes before it
        var stamps = EvidenceItem.getEntityManager().unwrap(org.hibernate.Session.class)
                .doReturningWork(connection -> TimeStampTokens.share(connection, attested));
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            item.record = attested.get(i);
            item.record.timestampToken = stamps.get(i).stamp();
            item.timestampTokenId = stamps.get(i).tokenId();
            item.persist();
            var content = new EvidenceContent();
            content.evidenceId = item.id;
            content.content = files.get(i).content();
            content.persist();
            timeline.record(c, Step.EVIDENCE_SUBMITTED, item.reference != null
                    ? item.number + " 引用 by reference " + item.reference + ": " + item.title + " (sha256 " + item.sha256 + ")"
                    : item.number + " " + item.fileName + " (" + item.mediaType + ", sha256 " + item.sha256 + ")", null, item.record.notarisationItemId);
        }
        return items;
    }


    @Transactional
    public List<EvidenceItem> list(long caseId) {
        var c = access.find(caseId);
        return EvidenceItem.list("caseId = ?1 order by id", c.id);
    }

    /** One item of a case the caller takes part in; items of other cases answer 404. */
    @Transactional
    public EvidenceItem find(long caseId, long itemId) {
        var c = access.find(caseId);
        return EvidenceItem.<EvidenceItem>find("id = ?1 and caseId = ?2", itemId, c.id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Evidence item " + itemId + " of case " + caseId));
    }

    @Transactional
    public byte[] content(long caseId, long itemId) {
        var item = find(caseId, itemId);
        return EvidenceContent.<EvidenceContent>findByIdOptional(item.id).orElseThrow().content;
    }

    /** The other side's cross-examination of an item, during the evidence period or the hearing. */
    @Transactional
    public EvidenceComment comment(long caseId, long itemId, Comment comment) {
        var c = access.lock(caseId);
        var item = find(caseId, itemId);
        Side side = access.side(c);
        if (side != item.side.other()) {
            throw new ProblemException(Response.Status.FORBIDDEN, "only the " + item.side.other().english.toLowerCase()
                    + " comments on " + item.number + " (cross-examination is by the other party)");
        }
        c.requireStatus("comment on evidence", CaseStatus.ACCEPTED, CaseStatus.EVIDENCE, CaseStatus.HEARING);
        var saved = new EvidenceComment();
        saved.evidenceId = item.id;
        saved.caseId = c.id;
        saved.author = caller.userName();
        saved.authenticity = comment.authenticity();
        saved.legality = comment.legality();
        saved.relevance = comment.relevance();
        saved.opinion = comment.opinion().strip();
        saved.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        saved.persist();
        timeline.record(c, Step.EVIDENCE_COMMENTED, item.number + ": 真实性 authenticity " + saved.authenticity.english
                + ", 合法性 legality " + saved.legality.english + ", 关联性 relevance " + saved.relevance.english, null, null);
        c.touch();
        return saved;
    }

    @Transactional
    public List<EvidenceComment> comments(long caseId, long itemId) {
        var item = find(caseId, itemId);
        return EvidenceComment.list("evidenceId = ?1 order by id", item.id);
    }
}
