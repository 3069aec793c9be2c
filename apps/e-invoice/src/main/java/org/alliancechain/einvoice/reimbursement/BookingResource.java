package org.alliancechain.einvoice.reimbursement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The buyer's booking (入账确认) of a received invoice. */
@Path("/api/invoices/{invoiceId}/booking")
@Tag(name = "Reimbursement")
@Produces(MediaType.APPLICATION_JSON)
public class BookingResource {

    public record BookingRequest(@NotNull Claim.Kind mark, @Size(max = 200) String reference) {
    }

    private final ClaimService service;
    private final ClaimViews views;

    BookingResource(ClaimService service, ClaimViews views) {
        this.service = service;
        this.views = views;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"receiver", "expense-approver"})
    @Operation(summary = "Book a received invoice (入账确认): once across the consortium, decided by InvoiceRegistry")
    public Response book(@PathParam("invoiceId") long invoiceId, @Valid @NotNull BookingRequest request, UriInfo uri) {
        var claim = service.book(invoiceId, request.mark(), request.reference());
        return Response.accepted(views.of(claim)).location(uri.getBaseUriBuilder().path("api/claims").path(String.valueOf(claim.id)).build())
                .build();
    }

}
