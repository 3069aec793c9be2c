package org.alliancechain.service.notarisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import org.alliancechain.evidence.Combiner;
import java.util.List;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.attest.TimeStampTokens;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.service.problem.ProblemException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

@ApplicationScoped
public class NotarisationService {

    private static final ThreadLocal<java.security.SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return java.security.SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new java.security.SecureRandom();
        }
    });

    private final Attestations attestations;
    private final Caller caller;
    private final org.alliancechain.service.tenancy.Tenancy tenancy;
    private final javax.sql.DataSource dataSource;
    /** Concurrent single registrations, done in batches (no gathering window: what queues during a commit is the next batch). */
    private final Combiner<Pending, Notarisation> registrations = new Combiner<>(this::registerBatch, Duration.ZERO, 256);

    NotarisationService(Attestations attestations, Caller caller, org.alliancechain.service.tenancy.Tenancy tenancy,
                        javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
        this.attestations = attestations;
        this.caller = caller;
        this.tenancy = tenancy;
    }

    /**
     * Stores the hash in a record, time-stamps the record's digest and queues the digest for the next
     * Merkle batch anchored by the caller's organisation; returns once that is committed.
     *
     * <p>Registrations asked for at the same moment are done together ({@link Combiner}): one
     * transaction, one statement storing their rows, one queueing their digests (per organisation, each
     * under its own key), one time-stamp token for them all with an RFC 4998 path to it per record. A
     * registration alone is done at once, exactly as before. Each request's transaction and its two
     * statements were most of the database's work and a third of the service's per request.
     */
    public Notarisation register(String sha256, String label) {
        var item = prepared(caller.requireOrganisation(), caller.userName(), sha256, label);
        return registrations.submit(new Pending(item, record(item)));
    }

    /** A registration waiting for its batch: the row (without id) and the record it attests. */
    private record Pending(Notarisation item, EvidenceRecord record) {
    }

    /** Several callers' registrations in one transaction, in the order they came. */
    private List<Notarisation> registerBatch(List<Pending> batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var byOrganisation = new java.util.LinkedHashMap<String, List<Pending>>();
            for (var pending : batch) {
                byOrganisation.computeIfAbsent(pending.item().organisation, o -> new java.util.ArrayList<>()).add(pending);
            }
            byOrganisation.forEach((organisation, pendings) -> {
                // Anchored by each organisation's own key (its account for this service).
                var attested = attestations.notarisedAll(pendings.stream().map(Pending::record).toList(), organisation,
                        pendings.size() == 1 ? "notarisation '" + pendings.getFirst().item().label + "'" : "notarisations");
                for (int i = 0; i < pendings.size(); i++) {
                    pendings.get(i).item().record = attested.get(i);
                }
            });
            var items = batch.stream().map(Pending::item).toList();
            // The bulk path's one statement: an entity persist cost ~9 % of a request's CPU for a row nothing reads back.
            insertAll(items);
            return items;
        });
    }

    /**
     * {@link #register} for many hashes in one transaction: one statement queues all their digests,
     * one stores all the rows. All or none are registered.
     */
    @Transactional
    public List<Notarisation> registerAll(List<String> sha256s, List<String> labels) {
        String organisation = caller.requireOrganisation();
        String user = caller.userName();
        List<Notarisation> items = new java.util.ArrayList<>(sha256s.size());
        List<EvidenceRecord> records = new java.util.ArrayList<>(sha256s.size());
        // One draw of the generator for all the references: each draw has a fixed cost (a DRBG generate step), which
        // per record was 7 % of a bulk request.
        byte[] random = new byte[16 * sha256s.size()];
        RANDOM.get().nextBytes(random);
        for (int i = 0; i < sha256s.size(); i++) {
            var item = prepared(organisation, user, sha256s.get(i), labels.get(i));
            items.add(item);
            records.add(record(item, reference(random, 16 * i)));
        }
        var attested = attestations.notarisedAll(records, organisation, "bulk notarisation");
        for (int i = 0; i < items.size(); i++) {
            items.get(i).record = attested.get(i);
        }
        insertAll(items);
        return items;
    }

    /**
     * One statement for all rows (an entity persist per row is a round trip each, ids being
     * generated by the database); ids come back in the order sent. Same transaction as the items.
     */
    private void insertAll(List<Notarisation> items) {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("""
                     insert into notarisation (organisation, created_by, label, sha256, notarisation_item_id, created_at,
                                               record_json, record_digest, timestamp_token, timestamp_token_id)
                     select x.organisation, x.created_by, x.label, x.sha256, x.item, x.created_at, convert_from(x.record, 'UTF8'), x.digest, x.token,
                            x.token_id
                       from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::bytea[], ?::text[],
                                   ?::bytea[], ?::bigint[]) with ordinality
                            as x(organisation, created_by, label, sha256, item, created_at, record, digest, token, token_id, n)
                      order by x.n
                     returning id""")) {
            s.setArray(1, c.createArrayOf("text", items.stream().map(i -> i.organisation).toArray()));
            s.setArray(2, c.createArrayOf("text", items.stream().map(i -> i.createdBy).toArray()));
            s.setArray(3, c.createArrayOf("text", items.stream().map(i -> i.label).toArray()));
            s.setArray(4, c.createArrayOf("text", items.stream().map(i -> i.sha256).toArray()));
            s.setArray(5, c.createArrayOf("bigint", items.stream().map(i -> i.record.notarisationItemId).toArray()));
            s.setArray(6, c.createArrayOf("timestamptz", items.stream().map(i -> java.sql.Timestamp.from(i.createdAt)).toArray()));
            // The records as UTF-8 bytes: a bytea array travels in binary, a text array's elements are quoted and escaped
            // character by character (JSON is mostly quotes): that escaping was a tenth of a bulk request.
            s.setArray(7, c.createArrayOf("bytea", items.stream().map(i -> i.record.json.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toArray(byte[][]::new)));
            s.setArray(8, c.createArrayOf("text", items.stream().map(i -> i.record.digest).toArray()));
            // A token that several of the records end with is stored once (TimeStampTokens), each row keeping the bytes before it.
            var stamps = TimeStampTokens.share(c, items.stream().map(i -> i.record).toList());
            for (int i = 0; i < items.size(); i++) {
                items.get(i).timestampTokenId = stamps.get(i).tokenId();
            }
            s.setArray(9, c.createArrayOf("bytea", stamps.stream().map(TimeStampTokens.Stored::stamp).toArray(byte[][]::new)));
            s.setArray(10, c.createArrayOf("bigint", stamps.stream().map(TimeStampTokens.Stored::tokenId).toArray()));
            long[] ids = new long[items.size()];
            try (var rs = s.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
            // A sequence hands out ascending ids in the order the rows are inserted.
            java.util.Arrays.sort(ids);
            for (int i = 0; i < ids.length; i++) {
                items.get(i).id = ids[i];
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot store the notarisations: " + e.getMessage(), e);
        }
    }

    /** A notarisation of a document hash, not yet attested, queued nor stored. */
    private static Notarisation prepared(String organisation, String user, String sha256, String label) {
        var item = new Notarisation();
        item.organisation = organisation;
        item.createdBy = user;
        item.label = label;
        item.sha256 = sha256.toLowerCase();
        item.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return item;
    }

    /**
     * A random (version 4) UUID naming the record, so that two registrations of one hash are two
     * records with unguessable digests. From a generator per thread: {@link java.util.UUID#randomUUID}
     * shares one, whose lock request threads queued on.
     */
    private static String randomReference() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        return reference(bytes, 0);
    }

    /** The version 4 UUID made of the 16 random bytes at {@code offset}. */
    private static String reference(byte[] random, int offset) {
        byte[] bytes = java.util.Arrays.copyOfRange(random, offset, offset + 16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        var buffer = java.nio.ByteBuffer.wrap(bytes);
        return new java.util.UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    /** What a notarisation attests: the document hash, who registered it, when; named by a random reference. */
    private static EvidenceRecord record(Notarisation item) {
        return record(item, randomReference());
    }

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

    /** What a notarisation's view shows, without its record's JSON and token. */
    public record Summary(long id, String organisation, String createdBy, String label, String sha256, String recordDigest,
                          Instant createdAt, long notarisationItemId) {
    }

    /** {@link #find} for the view: the columns it shows in one plain query; 404 for another organisation's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(long id) {
        return tenancy.findRow("notarisation", "organisation, created_by, label, sha256, record_digest, created_at, notarisation_item_id",
                id, "Notarisation", row -> new Summary(id, row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getTimestamp(6).toInstant(), row.getLong(7)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Notarisation> latest(int limit) {
        return tenancy.list(Notarisation.class, null, Map.of(), io.quarkus.panache.common.Sort.descending("id")).page(0, limit).list();
    }
}
