package org.alliancechain.service.evidence;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.alliancechain.evidence.verify.CertificateVerifier;
import org.alliancechain.evidence.verify.VerificationReport;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.Uploads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Public verification of evidence certificates: no account needed, as for anyone holding a
 * certificate (a court, the other party). The answer is the verifier's report; bad uploads get
 * problem+json (413 too large, 415 not a PDF, 422 encrypted or damaged).
 */
@Path("/api/verify")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private final CertificateVerifier verifier;
    private final EvidenceConfig config;

    VerificationResource(CertificateVerifier verifier, EvidenceConfig config) {
        this.verifier = verifier;
        this.config = config;
    }

    @POST
    @Consumes("application/pdf")
    @Operation(summary = "Verify a certificate PDF (the request body)")
    public VerificationReport certificate(InputStream body) {
        byte[] pdf = PdfUpload.require(BoundedBody.read(body, config.maxCertificateSize(), "the certificate"));
        return verifier.verify(pdf, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Verify a certificate PDF (part 'certificate') and, optionally, the original file it is about (part 'file')")
    public VerificationReport certificateAndFile(@RestForm("certificate") FileUpload certificate, @RestForm("file") FileUpload file) {
        if (certificate == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the form has no 'certificate' part");
        }
        byte[] pdf = PdfUpload.require(Uploads.read(certificate, config.maxCertificateSize(), "suite.evidence.max-certificate-size").content());
        return verifier.verify(pdf, file == null ? null : Uploads.read(file, config.maxFileSize(), "suite.evidence.max-file-size").content());
    }
}
