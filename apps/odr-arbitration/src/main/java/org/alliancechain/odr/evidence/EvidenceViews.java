package org.alliancechain.odr.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.odr.cases.CaseAccess;
import org.alliancechain.odr.evidence.EvidenceResource.ItemView;
import org.alliancechain.service.evidence.CertificateIssuer;

/** Evidence items as the API and the pages show them, and their signed certificates. */
@ApplicationScoped
public class EvidenceViews {

    /** A signed certificate and the name it is downloaded under. */
    public record Certificate(byte[] pdf, String fileName) {
    }

    private final EvidenceService service;
    private final ChainPort chain;
    private final CertificateIssuer issuer;
    private final CaseAccess access;

    EvidenceViews(EvidenceService service, ChainPort chain, CertificateIssuer issuer, CaseAccess access) {
        this.service = service;
        this.chain = chain;
        this.issuer = issuer;
        this.access = access;
    }

    public ItemView item(EvidenceItem item) {
        var state = chain.notarisation(item.notarisationItemId).orElse(null);
        var proof = state == null ? null : state.proof().orElse(null);
        return new ItemView(item.id, item.number, item.side.name(), item.organisation, item.submittedBy, item.title, item.fileName,
                item.mediaType, item.size, item.sha256, item.sm3, item.source, item.recordDigest, item.timestampToken != null,
                item.submittedAt, state == null ? null : state.state(), proof == null ? null : proof.transactionHash(),
                proof == null ? null : proof.blockNumber());
    }

    /** The item's certificate (PDF/A-3, PAdES at {@code level}: B-T, B-LT or B-LTA) signed by the submitting organisation; 409 until anchored. */
    @Transactional
    public Certificate certificate(long caseId, long itemId, String level) {
        var item = service.find(caseId, itemId);
        var c = access.find(caseId);
        byte[] pdf = issuer.issue(c.caseNumber + "-" + item.number, EvidenceCertificate.Title.EVIDENCE, item.organisation, item.recordJson,
                item.notarisationItemId, item.timestampToken, PadesSigner.Level.valueOf(level.replace('-', '_')));
        return new Certificate(pdf, "certificate-" + c.caseNumber + "-" + item.number + ".pdf");
    }
}
