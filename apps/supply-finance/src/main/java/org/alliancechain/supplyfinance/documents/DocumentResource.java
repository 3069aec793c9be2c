package org.alliancechain.supplyfinance.documents;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.alliancechain.service.upload.Downloads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A certificate's signed documents, for the organisations that may see the certificate (anyone else: 404). */
@Path("/api/certificates/{certificateId}/documents")
@Tag(name = "Certificate documents")
@RolesAllowed({"core-enterprise", "supplier", "bank", "operator"})
public class DocumentResource {

    private final CertificateDocuments documents;

    DocumentResource(CertificateDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The certificate's signed PDFs, made when their chain facts land: the payable confirmation, each accepted transfer, "
            + "each paid financing's agreement (signed by the bank, then the holder), the settlement statement")
    public List<CertificateDocuments.DocumentView> list(@PathParam("certificateId") long certificateId) {
        return documents.list(certificateId);
    }

    @GET
    @Path("/{documentId}")
    @Produces("application/pdf")
    @Operation(summary = "The document as PDF/A-3b signed PAdES B-T, its facts embedded as facts.json and a QR code to the public check; "
            + "the same bytes on every download")
    public Response pdf(@PathParam("certificateId") long certificateId, @PathParam("documentId") long documentId) {
        return send(documents.pdf(certificateId, documentId));
    }

    @GET
    @Path("/{documentId}/package")
    @Produces("application/zip")
    @Operation(summary = "The document's evidence package (the signed PDF, its record, proof, time-stamp and trust roots) for ./verify-evidence; "
            + "409 until the record is anchored on chain")
    public Response evidencePackage(@PathParam("certificateId") long certificateId, @PathParam("documentId") long documentId) {
        return send(documents.evidencePackage(certificateId, documentId));
    }

    static Response send(CertificateDocuments.Delivered file) {
        var response = Response.fromResponse(Downloads.file(file.bytes(), file.mediaType(), file.fileName()));
        return (file.sha256() == null ? response : response.tag(file.sha256())).build();
    }
}
