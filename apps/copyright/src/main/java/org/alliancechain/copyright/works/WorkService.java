package org.alliancechain.copyright.works;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.attest.TimeStampTokens;
import org.alliancechain.service.persistence.RowsInsert;
import org.alliancechain.service.problem.Problem;
import org.alliancechain.service.problem.ProblemException;
import org.hibernate.Session;

/**
 * Registering works: each submission is fingerprinted, its registration record (what was registered,
 * by whom, with which digests and fingerprint) time-stamped and notarised, and its content digest
 * queued for WorkRegistry in the holder's name — many per transaction. Content this service already
 * holds as registered or being registered is refused at once, naming the member that registered it;
 * across services the chain decides ({@link WorkLedger}).
 */
@ApplicationScoped
public class WorkService {

    /**
     * Fired after the transaction that registered works committed: the index adds them — from {@code fingerprinted}
     * (work id → what registration computed) when it holds the work, else from the database.
     */
    public record WorksRegistered(List<Long> workIds, Map<Long, WorkFingerprints.Fingerprinted> fingerprinted) {

        public WorksRegistered(List<Long> workIds) {
            this(workIds, Map.of());
        }
    }

    /**
     * New works in one statement: Hibernate's insert of a bulk request's thousand works (rows holding the whole content) was
     * a tenth of the request's CPU. Ids from {@code cr_work_seq} as Hibernate's pooled-lo optimizer takes them (V5000: by 50).
     */
    private static final RowsInsert<Work> INSERT = RowsInsert.<Work>into("cr_work")
            .ids("id", "cr_work_seq", 50, (work, id) -> work.id = id)
            .text("organisation", w -> w.organisation)
            .enumName("kind", w -> w.kind)
            .text("title", w -> w.title)
            .text("authors", w -> w.authors)
            .timestamp("claimed_published_at", w -> w.claimedPublishedAt)
            .text("source_url", w -> w.sourceUrl)
            .text("media_type", w -> w.mediaType)
            .text("file_name", w -> w.fileName)
            .bytes("content", w -> w.content)
            .bytes("content_digest", w -> w.contentDigest)
            .bytes("fingerprint", w -> w.fingerprint)
            .bigint("fingerprint_header", w -> w.fingerprintHeader == null ? null : w.fingerprintHeader.longValue())
            .bytes("fingerprint_digest", w -> w.fingerprintDigest)
            .text("iscc", w -> w.iscc)
            .utf8("record_json", w -> w.record.json)
            .text("record_digest", w -> w.record.digest)
            .bytes("timestamp_token", w -> w.storedStamp)
            .bigint("timestamp_token_id", w -> w.timestampTokenId)
            .bigint("notarisation_item_id", w -> w.record.notarisationItemId)
            .bigint("chain_tx_id", w -> w.chainTxId)
            .enumName("status", w -> w.status)
            .timestamp("created_at", w -> w.createdAt)
            .text("created_by", w -> w.createdBy);

    private final WorkFingerprints fingerprints;
    private final Attestations attestations;
    private final WorkChain chain;
    private final Event<WorksRegistered> registered;
    private final FingerprintHeaders headers;

    WorkService(WorkFingerprints fingerprints, Attestations attestations, WorkChain chain, Event<WorksRegistered> registered,
                FingerprintHeaders headers) {
        this.headers = headers;
        this.fingerprints = fingerprints;
        this.attestations = attestations;
        this.chain = chain;
        this.registered = registered;
    }

    /** Registers the submissions of one holder in one transaction; any refusal refuses them all, naming the submission's field. */
    @Transactional
    public List<Work> register(String holder, String user, List<WorkSubmission> submissions) {
        var digests = new ArrayList<byte[]>(submissions.size());
        var seen = new HashMap<String, String>();
        for (var s : submissions) {
            byte[] digest = HashAlgorithm.SHA256.digest(s.content());
            String earlier = seen.putIfAbsent(HexFormat.of().formatHex(digest), s.field());
            if (earlier != null) {
                throw new ProblemException(Response.Status.CONFLICT, "the same content as " + earlier + ": a work is registered once",
                        s.field() + ".content");
            }
            digests.add(digest);
        }
        refuseRegisteredBefore(holder, submissions, digests);
        var fingerprinted = fingerprintAll(submissions);
        Instant now = Instant.now();
        var works = new ArrayList<Work>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            var s = submissions.get(i);
            var f = fingerprinted.get(i);
            var work = new Work();
            work.organisation = holder;
            work.kind = s.kind();
            work.title = s.title();
            work.authors = String.join("\n", s.authors());
            work.claimedPublishedAt = s.claimedPublishedAt();
            work.sourceUrl = s.sourceUrl();
            work.fileName = s.fileName();
            work.mediaType = s.mediaType();
            work.content = s.content();
            work.contentDigest = digests.get(i);
            work.fingerprint = f.stored();
            work.fingerprintHeader = f.text() == null ? null : headers.idOf(f.text());
            work.fingerprintDigest = f.digest();
            work.iscc = f.iscc();
            work.status = Work.Status.PENDING;
            work.createdAt = now;
            work.createdBy = user;
            works.add(work);
        }
        var records = new ArrayList<EvidenceRecord>(works.size());
        for (int i = 0; i < works.size(); i++) {
            records.add(record(works.get(i), fingerprinted.get(i)));
        }
        // Time-stamped and queued for notarisation (the outbox statement flushes this transaction's rows: persist after).
        var attested = attestations.notarisedAll(records, holder, "work");
        for (int i = 0; i < works.size(); i++) {
            works.get(i).record = attested.get(i);
        }
        // Queued on chain before the rows are stored, so each row is inserted with its outbox id: set after the persist, it
        // made Hibernate update every row it had just inserted (a thousand UPDATEs of rows holding the whole content).
        chain.registerAll(holder, works);
        try {
            Work.getEntityManager().unwrap(Session.class).doWork(connection -> {
                // the request's token stored once, each row keeping its evidence record's bytes before it
                var stamps = TimeStampTokens.share(connection, works.stream().map(w -> w.record).toList());
                for (int i = 0; i < works.size(); i++) {
                    works.get(i).storedStamp = stamps.get(i).stamp();
                    works.get(i).timestampTokenId = stamps.get(i).tokenId();
                }
                INSERT.insert(connection, works);
            });
        } catch (PersistenceException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Another request registered the same content between our check and this insert.
            throw new ProblemException(Response.Status.CONFLICT, "this content was registered a moment ago: a work is registered once",
                    submissions.getFirst().field() + ".content");
        }
        var byId = new HashMap<Long, WorkFingerprints.Fingerprinted>();
        for (int i = 0; i < works.size(); i++) {
            byId.put(works.get(i).id, fingerprinted.get(i));
        }
        registered.fire(new WorksRegistered(works.stream().map(w -> w.id).toList(), byId));
        return works;
    }

    /**
     * The submissions' fingerprints, in their order. A request holding images (≈ 10 ms of one core each: decoding, PDQ,
     * the regions) is fingerprinted on every core — the request thread and the common pool — so an upload of photos, one
     * client's job, is not held to one core. Texts alone (≈ 0.1 ms each) stay on the request's thread: measured with two
     * bulk requests of 1,000 texts in flight, fingerprinting them in parallel gained nothing and doubled the garbage
     * collector's CPU per work (36 → 75 µs), both requests' half-done batches alive at once. Every submission is
     * fingerprinted once; those that cannot be are refused together, each naming its own field (one alone keeps its own
     * problem), so an upload drops them all in one retry instead of fingerprinting the rest again for each.
     */
    private List<WorkFingerprints.Fingerprinted> fingerprintAll(List<WorkSubmission> submissions) {
        Object[] results;
        if (submissions.size() == 1 || submissions.stream().noneMatch(s -> s.kind() == Work.Kind.IMAGE)) {
            results = new Object[submissions.size()];
            for (int i = 0; i < results.length; i++) {
                results[i] = fingerprintOrRefusal(submissions.get(i));
            }
        } else {
            // The pool's threads see the application's classes as this one does (ImageIO finds its plugins through it).
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            results = IntStream.range(0, submissions.size()).parallel().mapToObj(i -> {
                Thread thread = Thread.currentThread();
                ClassLoader before = thread.getContextClassLoader();
                thread.setContextClassLoader(loader);
                try {
                    return fingerprintOrRefusal(submissions.get(i));
                } finally {
                    thread.setContextClassLoader(before);
                }
            }).toArray();
        }
        var fingerprinted = new ArrayList<WorkFingerprints.Fingerprinted>(results.length);
        var refusals = new ArrayList<ProblemException>();
        for (Object result : results) {
            if (result instanceof ProblemException e) {
                refusals.add(e);
            } else if (result instanceof RuntimeException e) {
                throw e; // not about the submission: rethrown in this thread, as it was thrown
            } else {
                fingerprinted.add((WorkFingerprints.Fingerprinted) result);
            }
        }
        if (refusals.size() == 1) {
            throw refusals.getFirst();
        }
        if (!refusals.isEmpty()) {
            var violations = new ArrayList<Problem.Violation>();
            refusals.forEach(e -> violations.addAll(e.violations()));
            throw new ProblemException(refusals.getFirst().status(), refusals.size() + " works cannot be fingerprinted (each "
                    + "named); the first: " + refusals.getFirst().getMessage(), violations);
        }
        return fingerprinted;
    }

    /** The submission's fingerprint, or the exception that refused it (thrown by the caller, in its thread). */
    private Object fingerprintOrRefusal(WorkSubmission submission) {
        try {
            return fingerprints.of(submission);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The registration record: what the certificate shows and the public verifier names; its digest goes on chain too. */
    static EvidenceRecord record(Work work, WorkFingerprints.Fingerprinted f) {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("work.kind", work.kind.name());
        attributes.put("work.contentDigest", work.contentDigestHex());
        attributes.put("work.fingerprintDigest", HexFormat.of().formatHex(work.fingerprintDigest));
        attributes.putAll(f.recordFacts());
        if (work.iscc != null) {
            attributes.put("work.iscc", work.iscc);
        }
        if (work.claimedPublishedAt != null) {
            attributes.put("work.claimedPublishedAt", work.claimedPublishedAt.toString());
        }
        if (work.sourceUrl != null) {
            attributes.put("work.sourceUrl", work.sourceUrl);
        }
        var parties = new LinkedHashMap<String, String>();
        parties.put("rightsHolder", work.organisation);
        parties.put("authors", String.join("; ", work.authorList()));
        return new EvidenceRecord("copyright.work", work.contentDigestHex(), work.organisation, work.title, parties,
                new EvidenceRecord.FileFacts(work.fileName == null ? "work" : work.fileName, work.mediaType, (long) work.content.length,
                        work.contentDigestHex(), HashAlgorithm.SM3.hex(work.content)), attributes, // SHA-256 known: not hashed again
                work.createdAt);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** 409 naming the member that registered (or is registering) the same content. */
    private static void refuseRegisteredBefore(String holder, List<WorkSubmission> submissions, List<byte[]> digests) {
        Map<String, Object[]> found = new HashMap<>();
        Work.getEntityManager().unwrap(Session.class).doWork(connection -> {
            Array array = connection.createArrayOf("bytea", digests.toArray(byte[][]::new));
            try (var query = connection.prepareStatement(
                    "select content_digest, organisation, created_at, id from cr_work where content_digest = any(?) and status <> 'REFUSED'")) {
                query.setArray(1, array);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.put(HexFormat.of().formatHex(rows.getBytes(1)), new Object[] {rows.getString(2), rows.getTimestamp(3).toInstant(),
                                rows.getLong(4)});
                    }
                }
            }
        });
        for (int i = 0; i < digests.size(); i++) {
            var first = found.get(HexFormat.of().formatHex(digests.get(i)));
            if (first != null) {
                String who = holder.equals(first[0]) ? "your organisation (work " + first[2] + ")" : (String) first[0];
                throw new ProblemException(Response.Status.CONFLICT, "this content was registered by " + who + " on " + first[1]
                        + ": a work is registered once", submissions.get(i).field() + ".content");
            }
        }
    }
}
