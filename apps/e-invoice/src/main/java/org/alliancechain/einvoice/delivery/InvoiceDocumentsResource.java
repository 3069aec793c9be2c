package org.alliancechain.einvoice.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.alliancechain.service.upload.Downloads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An invoice's documents for its seller and buyer: the seller-signed PDF/A-3 with its UBL embedded, the UBL alone, and the seller-sealed OFD. */
@Path("/api/invoices/{invoiceId}/documents")
@Tag(name = "Invoice documents")
@RolesAllowed({"issuer", "receiver", "expense-approver"})
public class InvoiceDocumentsResource {

    private final InvoiceDocumentsService documents;

    InvoiceDocumentsResource(InvoiceDocumentsService documents) {
        this.documents = documents;
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The invoice as PDF/A-3 signed PAdES B-T by the seller, its UBL embedded as invoice.xml and a QR code to the "
            + "public check; made on the first request, the same bytes afterwards (409 until the chain confirms the invoice)")
    public Response pdf(@PathParam("invoiceId") long invoiceId) {
        return send(documents.document(invoiceId, IssuedDocument.Kind.PDF));
    }

    @GET
    @Path("/ubl")
    @Produces("application/xml")
    @Operation(summary = "The invoice as UBL 2.1 per EN 16931: Invoice for a blue invoice, CreditNote for a red one (the XML the PDF embeds)")
    public Response ubl(@PathParam("invoiceId") long invoiceId) {
        return send(documents.document(invoiceId, IssuedDocument.Kind.UBL));
    }

    @GET
    @Path("/ofd")
    @Produces("application/ofd")
    @Operation(summary = "The invoice as OFD (GB/T 33190, the national e-invoice layout and its tags), sealed with the seller's "
            + "electronic invoice seal (GB/T 38540, SM2); made on the first request, the same bytes afterwards (409 until the chain "
            + "confirms the invoice)")
    public Response ofd(@PathParam("invoiceId") long invoiceId) {
        return send(documents.document(invoiceId, IssuedDocument.Kind.OFD));
    }

    private static Response send(InvoiceDocumentsService.Delivered document) {
        return Response.fromResponse(Downloads.file(document.bytes(), document.kind().mediaType, document.fileName()))
                .tag(document.sha256()).build();
    }
}
