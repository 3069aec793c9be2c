package org.alliancechain.odr.records;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.alliancechain.odr.award.Award;
import org.alliancechain.odr.award.Minutes;
import org.alliancechain.odr.cases.OdrCase;
import org.alliancechain.odr.evidence.EvidenceItem;
import org.alliancechain.service.evidence.RegisteredRecords;

/**
 * The records of cases that the public verification page may name: evidence items, hearing
 * minutes and awards, by record digest (the QR code on their certificates), and evidence files and
 * signed award PDFs by their SHA-256. A case is named by its number only — no parties, claim or
 * content: arbitration is confidential, and the holder of the document learns nothing new.
 */
@ApplicationScoped
public class CaseRecords implements RegisteredRecords {

    @Override
    public Optional<Registered> byRecordDigest(String digest) {
        return EvidenceItem.<EvidenceItem>find("record.digest = ?1 and record.notarisationItemId is not null", digest).firstResultOptional()
                .map(CaseRecords::evidence)
                .or(() -> Award.<Award>find("record.digest = ?1 and record.notarisationItemId is not null", digest).firstResultOptional()
                        .map(CaseRecords::award))
                .or(() -> Minutes.<Minutes>find("record.digest = ?1 and record.notarisationItemId is not null", digest).firstResultOptional()
                        .map(CaseRecords::minutes));
    }

    @Override
    public List<Registered> byFileSha256(String sha256, int limit) {
        var found = new ArrayList<Registered>();
        EvidenceItem.<EvidenceItem>find("sha256 = ?1 and record.notarisationItemId is not null", Sort.descending("id"), sha256)
                .page(0, limit).list().forEach(item -> found.add(evidence(item)));
        Award.<Award>find("pdfSha256 = ?1 and record.notarisationItemId is not null", sha256).page(0, limit).list()
                .forEach(award -> found.add(award(award)));
        found.sort(Comparator.comparing(Registered::registeredAt).reversed());
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    private static Registered evidence(EvidenceItem item) {
        return new Registered(item.record.digest, "证据 Evidence " + item.number + " 「" + item.fileName + "」 · 案件 Case "
                + caseNumber(item.caseId), item.organisation, item.submittedAt, item.record.notarisationItemId);
    }

    private static Registered award(Award award) {
        var c = OdrCase.<OdrCase>findById(award.caseId);
        return new Registered(award.record.digest, "裁决书 Award · 案件 Case " + c.caseNumber, c.commission, award.issuedAt,
                award.record.notarisationItemId);
    }

    private static Registered minutes(Minutes m) {
        var c = OdrCase.<OdrCase>findById(m.caseId);
        return new Registered(m.record.digest, "庭审笔录 Hearing minutes · 案件 Case " + c.caseNumber, c.commission, m.createdAt,
                m.record.notarisationItemId);
    }

    private static String caseNumber(long caseId) {
        return OdrCase.<OdrCase>findById(caseId).caseNumber;
    }
}
