package org.alliancechain.service.notarisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.evidence.tsa.TimeStampException;
import org.alliancechain.evidence.tsa.TimeStamper;
import org.alliancechain.service.problem.ProblemException;
import org.jboss.logging.Logger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Map;

@ApplicationScoped
public class NotarisationService {

    private static final HexFormat HEX = HexFormat.of();

    private static final Logger LOG = Logger.getLogger(NotarisationService.class);

    private final ChainPort chain;
    private final Caller caller;
    private final TimeStamper timeStamper;
    private final org.alliancechain.service.tenancy.Tenancy tenancy;

    NotarisationService(ChainPort chain, Caller caller, TimeStamper timeStamper, org.alliancechain.service.tenancy.Tenancy tenancy) {
        this.chain = chain;
        this.caller = caller;
        this.timeStamper = timeStamper;
        this.tenancy = tenancy;
    }

    /**
     * Stores the hash in a record, time-stamps the record's digest and queues the digest for the next
     * Merkle batch anchored by the caller's organisation, in one transaction.
     */
    @Transactional
    public Notarisation register(String sha256, String label) {
        var item = prepared(caller.requireOrganisation(), caller.userName(), sha256, label);
        // Anchored by the caller's organisation's own key (its account for this service).
        item.itemId = chain.notarise(item.organisation, HEX.parseHex(item.recordDigest));
        item.persist();
        return item;
    }

    /**
     * {@link #register} for many hashes in one transaction: one statement queues all their digests,
     * and the rows are inserted in JDBC batches. All or none are registered.
     */
    @Transactional
    public List<Notarisation> registerAll(List<String> sha256s, List<String> labels) {
        String organisation = caller.requireOrganisation();
        String user = caller.userName();
        List<Notarisation> items = new java.util.ArrayList<>(sha256s.size());
        List<byte[]> digests = new java.util.ArrayList<>(sha256s.size());
        for (int i = 0; i < sha256s.size(); i++) {
            var item = prepared(organisation, user, sha256s.get(i), labels.get(i));
            items.add(item);
            digests.add(HEX.parseHex(item.recordDigest));
        }
        long[] itemIds = chain.notariseAll(organisation, digests);
        for (int i = 0; i < items.size(); i++) {
            items.get(i).itemId = itemIds[i];
        }
        Notarisation.persist(items);
        return items;
    }

    /** A notarisation's record, its digest and the record's time-stamp; not yet queued nor stored. */
    private Notarisation prepared(String organisation, String user, String sha256, String label) {
        var item = new Notarisation();
        item.organisation = organisation;
        item.createdBy = user;
        item.label = label;
        item.sha256 = sha256.toLowerCase();
        item.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var record = record(item, java.util.UUID.randomUUID().toString());
        byte[] digest = record.digest(HashAlgorithm.SHA256);
        item.recordJson = new String(record.canonicalBytes(), StandardCharsets.UTF_8);
        item.recordDigest = HEX.formatHex(digest);
        try {
            item.timestampToken = timeStamper.timestamp(HashAlgorithm.SHA256, digest);
        } catch (TimeStampException e) {
            LOG.warnf("notarisation '%s' registered without a time-stamp: %s", item.label, e.getMessage());
        }
        return item;
    }

    /** What a notarisation attests: the document hash, who registered it, when. */
    private static EvidenceRecord record(Notarisation item, String reference) {
        return new EvidenceRecord("notarisation", reference, item.organisation, item.label, null,
                new EvidenceRecord.FileFacts(item.label, null, null, item.sha256, null),
                Map.of("registered by", item.createdBy), item.createdAt);
    }

    /** The caller's organisation's item; any other organisation's answers 404. A read: no transaction of its own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Notarisation find(long id) {
        return tenancy.find(Notarisation.class, id, "Notarisation");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Notarisation> latest(int limit) {
        return tenancy.list(Notarisation.class, null, Map.of(), io.quarkus.panache.common.Sort.descending("id")).page(0, limit).list();
    }
}
