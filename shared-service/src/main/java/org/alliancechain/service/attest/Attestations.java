package org.alliancechain.service.attest;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.evidence.tsa.ArchiveTimeStamps;
import org.alliancechain.evidence.tsa.TimeStampException;
import org.alliancechain.evidence.tsa.TimeStamper;
import org.jboss.logging.Logger;

/**
 * The one way a record becomes evidence: canonical JSON (RFC 8785) → SHA-256 digest → RFC 3161
 * time-stamp over the digest → (optionally) notarised on chain by an organisation through the outbox,
 * in the caller's transaction. A time-stamp authority that cannot be reached does not stop the step:
 * the record is kept without a token and a warning names it.
 */
@ApplicationScoped
public class Attestations {

    private static final Logger LOG = Logger.getLogger(Attestations.class);
    private static final HexFormat HEX = HexFormat.of();

    private final ArchiveTimeStamps stamps;
    private final ChainPort chain;

    Attestations(TimeStamper timeStamper, ChainPort chain) {
        this.stamps = new ArchiveTimeStamps(timeStamper);
        this.chain = chain;
    }

    /** The record canonicalised and hashed, without a time-stamp (e.g. to compare with a stored one). */
    public static AttestedRecord canonical(EvidenceRecord record) {
        byte[] canonical = record.canonicalBytes();
        return new AttestedRecord(new String(canonical, StandardCharsets.UTF_8), HEX.formatHex(HashAlgorithm.SHA256.digest(canonical)), null);
    }

    /** A record its type wrote in canonical JSON itself (RFC 8785, as {@link #canonicalOf} would), with its SHA-256 digest. */
    public static AttestedRecord ofCanonical(String canonical) {
        return new AttestedRecord(canonical, HEX.formatHex(HashAlgorithm.SHA256.digest(canonical.getBytes(StandardCharsets.UTF_8))), null);
    }

    /**
     * Any record (a Java record or map) canonicalised (RFC 8785) and hashed, without a time-stamp:
     * for records whose time is the block that anchors their digest (e.g. an invoice in InvoiceRegistry).
     */
    public static AttestedRecord canonicalOf(Object record) {
        byte[] canonical = org.alliancechain.evidence.CanonicalJson.canonicalize(record);
        return new AttestedRecord(new String(canonical, StandardCharsets.UTF_8), HEX.formatHex(HashAlgorithm.SHA256.digest(canonical)), null);
    }

    /**
     * The record with a time-stamp over its digest; {@code what} names it in the warning when there is
     * none. Records time-stamped at the same moment by other requests share the authority's token,
     * each with its RFC 4998 path to it ({@link ArchiveTimeStamps#stamp}).
     */
    public AttestedRecord timeStamped(EvidenceRecord record, String what) {
        var attested = canonical(record);
        try {
            attested.timestampToken = stamps.stamp(HashAlgorithm.SHA256, attested.digestBytes());
        } catch (TimeStampException e) {
            LOG.warnf("%s registered without a time-stamp: %s", what, e.getMessage());
        }
        return attested;
    }

    /** {@link #timeStamped}, and its digest queued for the next Merkle batch anchored by {@code organisation}'s key. */
    public AttestedRecord notarised(EvidenceRecord record, String organisation, String what) {
        var attested = timeStamped(record, what);
        attested.notarisationItemId = chain.notarise(organisation, attested.digestBytes());
        return attested;
    }

    /**
     * {@link #notarised} for many records of one organisation: one time-stamp token covers them all
     * (each record keeps an RFC 4998 evidence record: its path to the token's root), one outbox
     * statement queues all their digests.
     */
    public List<AttestedRecord> notarisedAll(List<EvidenceRecord> records, String organisation, String what) {
        var attested = new ArrayList<AttestedRecord>(records.size());
        var digests = new ArrayList<byte[]>(records.size());
        for (var record : records) {
            var one = canonical(record);
            attested.add(one);
            digests.add(one.digestBytes());
        }
        try {
            var tokens = stamps.stampAll(HashAlgorithm.SHA256, digests);
            for (int i = 0; i < tokens.size(); i++) {
                attested.get(i).timestampToken = tokens.get(i);
            }
        } catch (TimeStampException e) {
            LOG.warnf("%d records (%s) registered without a time-stamp: %s", records.size(), what, e.getMessage());
        }
        long[] items = chain.notariseAll(organisation, digests);
        for (int i = 0; i < items.length; i++) {
            attested.get(i).notarisationItemId = items[i];
        }
        return attested;
    }
}
