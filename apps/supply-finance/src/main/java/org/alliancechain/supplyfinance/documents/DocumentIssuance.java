package org.alliancechain.supplyfinance.documents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.alliancechain.evidence.CanonicalJson;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.evidence.DocumentSigners;
import org.alliancechain.service.evidence.EvidenceConfig;
import org.alliancechain.supplyfinance.receivables.HistoryEntry;
import org.jboss.logging.Logger;

/**
 * Makes the documents of chain facts that have none yet: every history row of a kind a document is
 * made from (CONFIRMED, ACCEPTED, FINANCED, CERTIFICATE_SETTLED) without its document, oldest first,
 * each in a transaction of its own (render, sign, register, store). The facts are in the database, so
 * a restart loses nothing: the next run picks up what is missing; the document's unique source row
 * makes a second one impossible.
 */
@ApplicationScoped
public class DocumentIssuance {

    private static final Logger LOG = Logger.getLogger(DocumentIssuance.class);
    private static final List<String> FACTS = Arrays.stream(DocumentKind.values()).map(k -> k.fact).toList();
    private static final int BATCH = 50;

    private final DocumentFacts facts;
    private final PadesSigner signer;
    private final DocumentSigners signers;
    private final Attestations attestations;
    private final EvidenceConfig evidence;

    DocumentIssuance(DocumentFacts facts, PadesSigner signer, DocumentSigners signers, Attestations attestations, EvidenceConfig evidence) {
        this.facts = facts;
        this.signer = signer;
        this.signers = signers;
        this.attestations = attestations;
        this.evidence = evidence;
    }

    @Scheduled(every = "${supply-finance.documents.check:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void issuePending() {
        long after = 0;
        while (true) {
            long from = after;
            List<Long> pending = QuarkusTransaction.requiringNew().call(() -> pending(from));
            for (long entry : pending) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> issue(entry));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "the document of history entry %d could not be made yet (tried again on the next run): %s", entry, e.getMessage());
                }
            }
            if (pending.size() < BATCH) {
                return;
            }
            after = pending.getLast();
        }
    }

    /** History rows of document-making kinds, after the given one, that have no document. */
    private static List<Long> pending(long after) {
        return HistoryEntry.getEntityManager().createQuery("""
                        select h.id from HistoryEntry h where h.kind in :kinds and h.id > :after
                        and not exists (select 1 from ChainDocument d where d.sourceEntryId = h.id) order by h.id""", Long.class)
                .setParameter("kinds", FACTS).setParameter("after", after).setMaxResults(BATCH).getResultList();
    }

    /** The document of one chain fact, made, signed, registered and stored (nothing when it exists or no one may sign it). */
    void issue(long entryId) {
        HistoryEntry fact = HistoryEntry.findById(entryId);
        if (fact == null || ChainDocument.count("sourceEntryId", entryId) > 0) {
            return;
        }
        var draft = facts.of(fact).orElse(null);
        if (draft == null) {
            LOG.debugf("history entry %d: no organisation this service signs for can sign its document", entryId);
            return;
        }
        byte[] factsJson = CanonicalJson.canonicalize(draft.facts());
        String factsDigest = HashAlgorithm.SHA256.hex(factsJson);
        String url = evidence.publicUrl().replaceAll("/+$", "") + "/verify?digest=" + factsDigest;
        var sheet = draft.sheet(url, factsDigest);
        String first = draft.signers().getFirst().organisation();
        byte[] pdf = DocumentPdf.signed(sheet, factsJson, signer, signers.of(first), first);
        for (var next : draft.signers().subList(1, draft.signers().size())) {
            pdf = DocumentPdf.countersigned(pdf, sheet, signer, signers.of(next.organisation()), next.organisation());
        }
        var document = new ChainDocument();
        document.certificateId = fact.certificateId;
        document.kind = draft.kind();
        document.sourceEntryId = fact.id;
        document.number = draft.number();
        document.fileName = draft.fileName();
        document.signedBy = String.join(",", draft.signers().stream().map(s -> s.organisation()).toList());
        document.bytes = pdf;
        document.sha256 = HashAlgorithm.SHA256.hex(pdf);
        document.factsDigest = factsDigest;
        document.record = attestations.notarised(draft.registered(pdf, factsDigest), first, draft.title());
        document.txHash = fact.txHash;
        document.blockNumber = fact.blockNumber;
        document.createdAt = Instant.now();
        document.persist();
        LOG.infof("%s signed by %s (history entry %d)", draft.title(), document.signedBy, entryId);
    }
}
