package org.alliancechain.odr.cases;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.evidence.tsa.TimeStampException;
import org.alliancechain.evidence.tsa.TimeStamper;
import org.jboss.logging.Logger;

/**
 * A record as the service keeps it: its canonical JSON (RFC 8785, exactly the bytes hashed), its
 * SHA-256 digest — what is notarised or recorded in CaseRegistry — and, when time-stamped, the
 * RFC 3161 token over the digest (null when the authority could not be reached: the step is still taken).
 */
public record Attestation(String json, byte[] digest, String digestHex, byte[] token) {

    private static final Logger LOG = Logger.getLogger(Attestation.class);

    public static Attestation of(EvidenceRecord record) {
        byte[] canonical = record.canonicalBytes();
        byte[] digest = HashAlgorithm.SHA256.digest(canonical);
        return new Attestation(new String(canonical, StandardCharsets.UTF_8), digest, HexFormat.of().formatHex(digest), null);
    }

    /** The record, with a time-stamp over its digest; {@code what} names it in the warning when there is none. */
    public static Attestation timeStamped(EvidenceRecord record, TimeStamper timeStamper, String what) {
        var attested = of(record);
        try {
            return new Attestation(attested.json, attested.digest, attested.digestHex,
                    timeStamper.timestamp(HashAlgorithm.SHA256, attested.digest));
        } catch (TimeStampException e) {
            LOG.warnf("%s registered without a time-stamp: %s", what, e.getMessage());
            return attested;
        }
    }
}
