package org.alliancechain.service.notarisation;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.alliancechain.service.evidence.RegisteredRecords;

/** The plain notarisations of {@code /api/notarisations}, for the public verification page. */
@ApplicationScoped
public class NotarisedRecords implements RegisteredRecords {

    @Override
    public Optional<Registered> byRecordDigest(String digest) {
        return Notarisation.<Notarisation>find("record.digest = ?1 and record.notarisationItemId is not null", digest).firstResultOptional().map(NotarisedRecords::registered);
    }

    @Override
    public List<Registered> byFileSha256(String sha256, int limit) {
        return Notarisation.<Notarisation>find("sha256 = ?1 and record.notarisationItemId is not null", Sort.descending("id"), sha256).page(0, limit).list().stream()
                .map(NotarisedRecords::registered).toList();
    }

    private static Registered registered(Notarisation n) {
        return new Registered(n.record.digest, n.label, n.organisation, n.createdAt, n.record.notarisationItemId);
    }
}
