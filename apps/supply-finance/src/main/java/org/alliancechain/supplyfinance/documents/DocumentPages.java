package org.alliancechain.supplyfinance.documents;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The certificate page's download links (the browser session): the same files as {@link DocumentResource}. */
@Path("/app/certificates/{certificateId: \\d+}/documents/{documentId: \\d+}")
@RolesAllowed({"core-enterprise", "supplier", "bank"})
public class DocumentPages {

    private final CertificateDocuments documents;

    DocumentPages(CertificateDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Produces("application/pdf")
    @Operation(hidden = true)
    public Response pdf(@PathParam("certificateId") long certificateId, @PathParam("documentId") long documentId) {
        return DocumentResource.send(documents.pdf(certificateId, documentId));
    }

    @GET
    @Path("/package")
    @Produces("application/zip")
    @Operation(hidden = true)
    public Response evidencePackage(@PathParam("certificateId") long certificateId, @PathParam("documentId") long documentId) {
        return DocumentResource.send(documents.evidencePackage(certificateId, documentId));
    }
}
