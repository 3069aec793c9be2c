package org.alliancechain.supplyfinance.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.service.evidence.CertificateIssuer;
import org.alliancechain.service.evidence.EvidenceConfig;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;

/**
 * A certificate's documents for the organisations that may see the certificate (anyone else: 404):
 * the list, each signed PDF as stored, and its evidence package (the record's certificate with the
 * signed PDF as the original, for {@code ./verify-evidence}). Also the certificate page's list
 * ({@code inject:certificateDocuments} in its template).
 */
@ApplicationScoped
@Named("certificateDocuments")
public class CertificateDocuments {

    /** A document as the API lists it. */
    public record DocumentView(long id, String kind, String title, String number, String fileName, List<String> signedBy, String sha256,
                               String recordDigest, String factsDigest, String verificationUrl, String transactionHash, long blockNumber,
                               Instant createdAt, String download, String evidencePackage) {
    }

    /** A file to send. */
    public record Delivered(byte[] bytes, String mediaType, String fileName, String sha256) {
    }

    private final Caller caller;
    private final CertificateIssuer issuer;
    private final EvidenceConfig evidence;

    CertificateDocuments(Caller caller, CertificateIssuer issuer, EvidenceConfig evidence) {
        this.caller = caller;
        this.issuer = issuer;
        this.evidence = evidence;
    }

    @Transactional
    public List<DocumentView> list(long certificateId) {
        var c = visible(certificateId);
        return ChainDocument.ofCertificate(c.id).stream().map(d -> view(d, "/api/certificates/" + c.id + "/documents/")).toList();
    }

    /** The documents for the certificate page (whose caller already may see the certificate), with the pages' download links. */
    @Transactional
    public List<DocumentView> forPage(long certificateId) {
        visible(certificateId);
        return ChainDocument.ofCertificate(certificateId).stream().map(d -> view(d, "/app/certificates/" + certificateId + "/documents/")).toList();
    }

    @Transactional
    public Delivered pdf(long certificateId, long documentId) {
        var d = document(certificateId, documentId);
        return new Delivered(d.bytes, "application/pdf", d.fileName, d.sha256);
    }

    /** The evidence package of the document's record (its certificate at B-LT: the CRLs embedded, to check offline): 409 until its digest is anchored on chain. */
    @Transactional
    public Delivered evidencePackage(long certificateId, long documentId) {
        var d = document(certificateId, documentId);
        var out = new ByteArrayOutputStream();
        try {
            issuer.writePackage(out, d.number, new EvidenceCertificate.Title(d.kind.chinese + "存证证书", d.kind.english + " certificate"),
                    d.signers().getFirst(), d.record.json, d.record.notarisationItemId, d.record.timestampToken, PadesSigner.Level.B_LT,
                    Map.of(d.fileName, d.bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Delivered(out.toByteArray(), "application/zip", d.number + ".zip", null);
    }

    private ChainDocument document(long certificateId, long documentId) {
        visible(certificateId);
        return ChainDocument.<ChainDocument>findByIdOptional(documentId).filter(d -> d.certificateId == certificateId)
                .orElseThrow(() -> ProblemException.notFound("document " + documentId));
    }

    private ReceivableCertificate visible(long certificateId) {
        String organisation = caller.requireOrganisation();
        return ReceivableCertificate.<ReceivableCertificate>findByIdOptional(certificateId).filter(c -> c.visibleTo(organisation))
                .orElseThrow(() -> ProblemException.notFound("certificate " + certificateId));
    }

    private DocumentView view(ChainDocument d, String base) {
        return new DocumentView(d.id, d.kind.name(), d.kind.title(), d.number, d.fileName, d.signers(), d.sha256, d.record.digest, d.factsDigest,
                evidence.publicUrl().replaceAll("/+$", "") + "/verify?digest=" + d.factsDigest, d.txHash, d.blockNumber, d.createdAt,
                base + d.id, base + d.id + "/package");
    }
}
