package org.alliancechain.service.evidence;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.evidence.verify.CertificateVerifier;
import org.alliancechain.evidence.verify.VerificationReport;
import org.alliancechain.service.notarisation.Notarisation;
import org.alliancechain.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The public verification page, in Chinese and English: the target of every certificate's QR code
 * ({@code /verify?digest=…} shows what this service knows of that record and where it stands on
 * chain) and a form where anyone drops a certificate — and, if they have it, the original file — to
 * get the verifier's report. No account needed.
 */
@Path("/verify")
@PermitAll
public class VerifyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Lookup lookup, VerificationReport report, String error);
    }

    /** What this service holds under a record digest. */
    public record Lookup(String digest, boolean found, String title, String organisation, String registeredAt, String chainStatus,
                         String transactionHash, Long blockNumber) {
    }

    private final CertificateVerifier verifier;
    private final EvidenceConfig config;
    private final ChainPort chain;

    VerifyPage(CertificateVerifier verifier, EvidenceConfig config, ChainPort chain) {
        this.verifier = verifier;
        this.config = config;
        this.chain = chain;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "The verification page; with ?digest=, what this service holds under that record digest")
    public Response page(@QueryParam("digest") String digest) {
        if (digest == null || digest.isBlank()) {
            return Response.ok(Templates.page(null, null, null)).build();
        }
        if (!digest.matches("[0-9a-fA-F]{64}")) {
            return Response.status(400).entity(Templates.page(null, null, "记录摘要应为 64 位十六进制 / a record digest is 64 hexadecimal characters")).build();
        }
        Notarisation item = Notarisation.<Notarisation>find("recordDigest", digest.toLowerCase()).firstResult();
        if (item == null) {
            var missing = new Lookup(digest.toLowerCase(), false, null, null, null, null, null, null);
            return Response.status(404).entity(Templates.page(missing, null, null)).build();
        }
        var onChain = chain.notarisation(item.itemId).orElseThrow();
        var proof = onChain.proof().orElse(null);
        var lookup = new Lookup(item.recordDigest, true, item.label, item.organisation, item.createdAt.toString(), onChain.state(),
                proof == null ? null : proof.transactionHash(), proof == null ? null : proof.blockNumber());
        return Response.ok(Templates.page(lookup, null, null)).build();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Verify a dropped certificate (and optionally its original file); the report as a page")
    public Response verify(@RestForm("certificate") FileUpload certificate, @RestForm("file") FileUpload file) {
        try {
            if (certificate == null || certificate.size() == 0) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "the form has no certificate");
            }
            byte[] pdf = PdfUpload.require(BoundedBody.read(certificate, config.maxCertificateSize(), "the certificate"));
            byte[] original = file == null || file.size() == 0 ? null : BoundedBody.read(file, config.maxFileSize(), "the file");
            return Response.ok(Templates.page(null, verifier.verify(pdf, original), null)).build();
        } catch (ProblemException e) {
            return Response.status(e.status().getStatusCode()).entity(Templates.page(null, null, e.getMessage())).build();
        }
    }
}
