package org.alliancechain.service.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the public verification page may say about the records a service has notarised: each
 * service contributes a bean for its own kinds of record (plain notarisations here; cases' evidence,
 * minutes and awards in ODR …). The page asks by record digest (the QR code of a certificate) or by
 * a dropped file's SHA-256. Only what the holder of the document learns from it anyway is shown:
 * what the record is, who registered it, when, and where it stands on chain — never a case's
 * parties, claim or other content.
 */
public interface RegisteredRecords {

    /** A record this service registered; {@code notarisationItemId} is its item in the chain client's anchoring pipeline. */
    record Registered(String digest, String title, String organisation, Instant registeredAt, long notarisationItemId) {
    }

    Optional<Registered> byRecordDigest(String digest);

    /** Records whose file has this SHA-256 (lower-case hex), newest first, at most {@code limit}. */
    List<Registered> byFileSha256(String sha256, int limit);
}
