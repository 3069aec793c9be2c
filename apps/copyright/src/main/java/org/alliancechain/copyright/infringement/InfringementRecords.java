package org.alliancechain.copyright.infringement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.alliancechain.service.evidence.RegisteredRecords;

/**
 * What the public verifier may say of a forensics report (by its record's digest, the report's QR code)
 * and of a capture (by the copy's SHA-256): what it is, who registered it, when — as its holder reads
 * it on the report anyway.
 */
@ApplicationScoped
public class InfringementRecords implements RegisteredRecords {

    @Override
    public Optional<Registered> byRecordDigest(String digest) {
        var report = Infringement.<Infringement>find("record.digest = ?1 and record.notarisationItemId is not null", digest).firstResultOptional()
                .map(i -> new Registered(i.record.digest, "侵权取证报告 Infringement evidence report " + i.caseNumber, i.organisation, i.createdAt,
                        i.record.notarisationItemId));
        if (report.isPresent()) {
            return report;
        }
        return Capture.<Capture>find("record.digest = ?1 and record.notarisationItemId is not null", digest).firstResultOptional()
                .map(InfringementRecords::registered);
    }

    @Override
    public List<Registered> byFileSha256(String sha256, int limit) {
        return Capture.<Capture>find("sha256 = ?1 and record.notarisationItemId is not null", Sort.descending("id"), sha256).page(0, limit).list()
                .stream().map(InfringementRecords::registered).toList();
    }

    private static Registered registered(Capture c) {
        return new Registered(c.record.digest, "取证 Capture " + c.id + (c.sourceUrl != null ? " of " + c.sourceUrl : ""), c.organisation,
                c.createdAt, c.record.notarisationItemId);
    }
}
