package org.alliancechain.copyright.works;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.alliancechain.service.evidence.RegisteredRecords;

/**
 * What the public verifier may say of a registered work: by its registration record's digest (the
 * certificate's QR code) or by its content's SHA-256 (a dropped file) — its title, holder and when it
 * was registered, which the holder of the certificate reads on it anyway.
 */
@ApplicationScoped
public class WorkRecords implements RegisteredRecords {

    @Override
    public Optional<Registered> byRecordDigest(String digest) {
        return Work.<Work>find("record.digest = ?1 and status <> ?2 and record.notarisationItemId is not null", digest, Work.Status.REFUSED)
                .firstResultOptional().map(WorkRecords::registered);
    }

    @Override
    public List<Registered> byFileSha256(String sha256, int limit) {
        byte[] digest;
        try {
            digest = HexFormat.of().parseHex(sha256);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return Work.<Work>find("contentDigest = ?1 and status <> ?2 and record.notarisationItemId is not null", Sort.descending("id"), digest,
                Work.Status.REFUSED).page(0, limit).list().stream().map(WorkRecords::registered).toList();
    }

    private static Registered registered(Work w) {
        return new Registered(w.record.digest, "作品 Work W-" + w.id + " · " + w.title, w.organisation, w.createdAt,
                w.record.notarisationItemId);
    }
}
