package org.alliancechain.odr.filing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.odr.cases.CaseService;
import org.alliancechain.odr.cases.OdrCase;
import org.alliancechain.odr.cases.Side;
import org.alliancechain.odr.evidence.EvidenceService;
import org.alliancechain.service.upload.IncomingFile;

/**
 * Files a case with its documents in one transaction: the documents are checked and expanded first
 * (nothing is stored when one is refused), the case's filing record names each by its SHA-256, and
 * they become the claimant's first evidence items (C-1, C-2 …) after the case's own chain write.
 */
@ApplicationScoped
public class CaseFiling {

    private final CaseService cases;
    private final EvidenceService evidence;

    CaseFiling(CaseService cases, EvidenceService evidence) {
        this.cases = cases;
        this.evidence = evidence;
    }

    @Transactional
    public OdrCase file(CaseService.Filing filing, List<IncomingFile> documents) {
        var prepared = evidence.prepare(documents);
        var named = prepared.stream()
                .map(file -> new CaseService.FiledDocument(file.name(), HashAlgorithm.SHA256.hex(file.content())))
                .toList();
        var c = cases.file(filing, named);
        evidence.store(c, Side.CLAIMANT, prepared, "filing");
        return c;
    }
}
