package org.alliancechain.service.evidence;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.verify.CertificateVerifier;
import org.alliancechain.evidence.verify.VerificationReport;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.service.web.PageShells;
import org.alliancechain.service.upload.Uploads;
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
        static native TemplateInstance page(PageShell page, Lookup lookup, VerificationReport report, String error);
    }

    /** What this service holds under a record digest, or for a dropped file's SHA-256 ({@code byFile}). */
    public record Lookup(String query, boolean byFile, List<Found> found) {
    }

    /** One registered record and where it stands on chain. */
    public record Found(String digest, String title, String organisation, String registeredAt, String chainStatus,
                        String transactionHash, Long blockNumber) {
    }

    private static final int MOST_RECORDS_PER_FILE = 20;

    private final CertificateVerifier verifier;
    private final EvidenceConfig config;
    private final ChainPort chain;
    private final Instance<RegisteredRecords> directories;
    private final PageShells shells;

    VerifyPage(CertificateVerifier verifier, EvidenceConfig config, ChainPort chain, @Any Instance<RegisteredRecords> directories,
               PageShells shells) {
        this.shells = shells;
        this.verifier = verifier;
        this.config = config;
        this.chain = chain;
        this.directories = directories;
    }

    /** A public page: the suite's header, no one signed in. */
    private PageShell shell() {
        return shells.anonymous("证据核验 · Evidence verification");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "The verification page; with ?digest=, what this service holds under that record digest")
    public Response page(@QueryParam("digest") String digest) {
        if (digest == null || digest.isBlank()) {
            return Response.ok(Templates.page(shell(), null, null, null)).build();
        }
        if (!digest.matches("[0-9a-fA-F]{64}")) {
            return Response.status(400).entity(Templates.page(shell(), null, null, "记录摘要应为 64 位十六进制 / a record digest is 64 hexadecimal characters")).build();
        }
        String wanted = digest.toLowerCase();
        List<Found> found = new ArrayList<>();
        for (var directory : directories) {
            directory.byRecordDigest(wanted).map(this::found).ifPresent(found::add);
        }
        return lookupPage(new Lookup(wanted, false, found));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @Operation(summary = "Verify a dropped certificate (and optionally its original file) and get the report as a page; "
            + "or drop a file alone and see which registered records hold its SHA-256")
    public Response verify(@RestForm("certificate") FileUpload certificate, @RestForm("file") FileUpload file) {
        try {
            boolean hasCertificate = certificate != null && certificate.size() > 0;
            boolean hasFile = file != null && file.size() > 0;
            if (!hasCertificate && !hasFile) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "the form has neither a certificate nor a file");
            }
            byte[] original = hasFile ? Uploads.read(file, config.maxFileSize(), "suite.evidence.max-file-size").content() : null;
            if (!hasCertificate) {
                return byFile(original);
            }
            byte[] pdf = PdfUpload.require(Uploads.read(certificate, config.maxCertificateSize(), "suite.evidence.max-certificate-size")
                    .content());
            return Response.ok(Templates.page(shell(), null, verifier.verify(pdf, original), null)).build();
        } catch (ProblemException e) {
            return Response.status(e.status().getStatusCode()).entity(Templates.page(shell(), null, null, e.getMessage())).build();
        }
    }

    private Response byFile(byte[] content) {
        String sha256 = HashAlgorithm.SHA256.hex(content);
        List<Found> found = new ArrayList<>();
        for (var directory : directories) {
            directory.byFileSha256(sha256, MOST_RECORDS_PER_FILE).stream().map(this::found).forEach(found::add);
        }
        found.sort(Comparator.comparing(Found::registeredAt).reversed());
        return lookupPage(new Lookup(sha256, true, found));
    }

    private Response lookupPage(Lookup lookup) {
        return Response.status(lookup.found().isEmpty() ? 404 : 200).entity(Templates.page(shell(), lookup, null, null)).build();
    }

    private Found found(RegisteredRecords.Registered record) {
        var onChain = chain.notarisation(record.notarisationItemId()).orElse(null);
        var proof = onChain == null ? null : onChain.proof().orElse(null);
        return new Found(record.digest(), record.title(), record.organisation(), record.registeredAt().toString(),
                onChain == null ? "UNKNOWN" : onChain.state(), proof == null ? null : proof.transactionHash(),
                proof == null ? null : proof.blockNumber());
    }
}
