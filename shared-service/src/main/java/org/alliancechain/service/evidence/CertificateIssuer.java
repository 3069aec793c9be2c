package org.alliancechain.service.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Map;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.evidence.pkg.EvidencePackage;
import java.time.Instant;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.evidence.CanonicalJson;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.CertificateRenderer;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.chain.api.AnchorLookup;
import org.alliancechain.chain.api.ProofCheck;
import org.alliancechain.service.problem.ProblemException;

/**
 * Issues the signed certificate of an anchored record, for the organisation that registered it:
 * the record and its time-stamp as stored, the proof and the anchoring time as the chain has them,
 * signed with that organisation's document-signing identity.
 */
@ApplicationScoped
public class CertificateIssuer {

    private final ChainPort chain;
    private final DocumentSigners signers;
    private final CertificateRenderer renderer;
    private final PadesSigner signer;
    private final EvidenceConfig config;
    private final AnchorLookup anchors;
    private final DevPki pki;

    CertificateIssuer(ChainPort chain, DocumentSigners signers, CertificateRenderer renderer, PadesSigner signer, EvidenceConfig config,
                      AnchorLookup anchors, DevPki pki) {
        this.pki = pki;
        this.chain = chain;
        this.signers = signers;
        this.renderer = renderer;
        this.signer = signer;
        this.config = config;
        this.anchors = anchors;
    }

    /**
     * @param number      the certificate's number
     * @param recordJson  the stored canonical record
     * @param itemId      the chain client's notarisation item of the record digest
     * @param token       the RFC 3161 token over the record digest, or null
     * @throws ProblemException 409 while the record is not anchored yet
     */
    public byte[] issue(String number, EvidenceCertificate.Title title, String organisation, String recordJson, long itemId,
                        byte[] token, PadesSigner.Level level) {
        return issue(number, title, organisation, recordJson, itemId, token, level, null);
    }

    /** As {@link #issue}, with the attested document (the record's file, e.g. an award's text) printed in full and embedded. */
    public byte[] issue(String number, EvidenceCertificate.Title title, String organisation, String recordJson, long itemId,
                        byte[] token, PadesSigner.Level level, EvidenceCertificate.Document document) {
        var certificate = certificate(number, title, organisation, recordJson, itemId, token).withDocument(document);
        return renderer.renderSigned(certificate, signer, signers.of(organisation), level, title.english(), organisation);
    }

    /** Signs a document (PDF) as an organisation, with its document-signing certificate, at a PAdES level. */
    public byte[] sign(byte[] pdf, String organisation, PadesSigner.Level level, String reason) {
        return signer.sign(pdf, signers.of(organisation), level, reason, organisation);
    }

    /**
     * The evidence package of a record (shared-evidence's {@code EvidencePackage}): the signed
     * certificate, the originals, the record, its proof, its time-stamp token and the roots of the
     * signer's and the time-stamping authority's chains — all a verifier needs besides a chain RPC URL
     * ({@code ./verify-evidence --rpc URL package.zip}). Same refusals as {@link #issue}.
     */
    public void writePackage(OutputStream out, String number, EvidenceCertificate.Title title, String organisation, String recordJson,
                             long itemId, byte[] token, PadesSigner.Level level, Map<String, byte[]> originals) throws IOException {
        var certificate = certificate(number, title, organisation, recordJson, itemId, token);
        var identity = signers.of(organisation);
        byte[] pdf = renderer.renderSigned(certificate, signer, identity, level, title.english(), organisation);
        var roots = new ArrayList<X509Certificate>();
        roots.add(identity.chain().getLast());
        if (!roots.contains(pki.tsaRootCertificate())) {
            roots.add(pki.tsaRootCertificate());
        }
        EvidencePackage.write(out, certificate, pdf, originals, roots);
    }

    private EvidenceCertificate certificate(String number, EvidenceCertificate.Title title, String organisation, String recordJson,
                                            long itemId, byte[] token) {
        if (recordJson == null) {
            throw ProblemException.unprocessable("registered before certificates were issued: there is no stored record to certify");
        }
        EvidenceRecord record;
        try {
            record = CanonicalJson.MAPPER.readValue(recordJson, EvidenceRecord.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored record unreadable: " + e.getMessage(), e);
        }
        var item = chain.notarisation(itemId).orElseThrow(() -> ProblemException.notFound("Notarisation item"));
        var proof = item.proof().filter(p -> item.confirmed())
                .orElseThrow(() -> new ProblemException(jakarta.ws.rs.core.Response.Status.CONFLICT,
                        "not anchored yet (" + item.state() + "): the certificate can be issued once the anchoring transaction is confirmed"));
        var anchored = ProofCheck.of(proof, anchors);
        if (anchored.outcome() == ProofCheck.Outcome.UNKNOWN) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE,
                    "the chain node cannot be reached to confirm the anchoring; try again shortly");
        }
        if (!anchored.valid()) {
            throw new IllegalStateException("the proof of item " + itemId + " does not hold on chain: " + anchored.reason());
        }
        Instant tokenTime = org.alliancechain.service.attest.AttestedRecord.timeOf(token).orElse(null);
        return new EvidenceCertificate(number, title, organisation, record, HashAlgorithm.SHA256, proof,
                anchored.anchoredAt(), token, tokenTime,
                config.publicUrl() + "/verify?digest=" + proof.itemDigest());
    }
}
