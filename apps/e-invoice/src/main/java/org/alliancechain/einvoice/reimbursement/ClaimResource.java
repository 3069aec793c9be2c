package org.alliancechain.einvoice.reimbursement;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.service.tenancy.Tenancy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Booking and reimbursement: the receiver books its received invoices; any member's expense approver reimburses an invoice once. */
@Path("/api")
@Tag(name = "Reimbursement")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimResource {

    public record ReimbursementRequest(
            @NotNull InvoiceKind kind,
            @NotNull @Pattern(regexp = "\\d{20}", message = "must be the invoice's 20-digit number") String number,
            @NotNull LocalDate issueDate,
            @NotNull @DecimalMin(value = "0.01", message = "must be positive") @Digits(integer = 16, fraction = 2) BigDecimal total,
            @Size(max = 200) String reference) {

        public ClaimService.Presented presented() {
            return new ClaimService.Presented(kind, number, issueDate, total, reference);
        }
    }

    public record ReversalRequest(@NotNull @jakarta.validation.constraints.NotBlank @Size(max = 500) String reason) {
    }

    public record BulkReimbursementRequest(@NotEmpty @Size(max = 5000) List<@Valid @NotNull ReimbursementRequest> invoices) {
    }

    private final ClaimService service;
    private final ClaimViews views;
    private final Tenancy tenancy;

    ClaimResource(ClaimService service, ClaimViews views, Tenancy tenancy) {
        this.service = service;
        this.views = views;
        this.tenancy = tenancy;
    }

    @POST
    @Path("/reimbursements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("expense-approver")
    @Operation(summary = "Reimburse an invoice presented with an expense claim (number, issue date, total): once across the consortium (202; the chain decides)")
    public Response reimburse(@Valid @NotNull ReimbursementRequest request, UriInfo uri) {
        var claim = service.reimburse(request.presented());
        return Response.accepted(views.of(claim)).location(uri.getBaseUriBuilder().path("api/claims").path(String.valueOf(claim.id)).build())
                .build();
    }

    @POST
    @Path("/reimbursements/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("expense-approver")
    @Operation(summary = "Reimburse many invoices at once; rows refused at once say why, the others are decided by the chain")
    public List<ClaimViews.OutcomeView> reimburseAll(@Valid @NotNull BulkReimbursementRequest request) {
        return service.reimburseAll(request.invoices().stream().map(ReimbursementRequest::presented).toList()).stream()
                .map(ClaimViews::of).toList();
    }

    @GET
    @Path("/claims")
    @RolesAllowed({"receiver", "expense-approver"})
    @Operation(summary = "Your organisation's bookings and reimbursements, newest first")
    public List<ClaimViews.ClaimView> claims() {
        return views.of(tenancy.list(Claim.class, null, Map.of(), Sort.descending("id")).page(0, 200).list());
    }

    @GET
    @Path("/claims/{claimId}")
    @RolesAllowed({"receiver", "expense-approver"})
    @Operation(summary = "One of your organisation's claims with the chain's decision")
    public ClaimViews.ClaimView claim(@PathParam("claimId") long id) {
        return views.of(tenancy.find(Claim.class, id, "claim"));
    }

    @POST
    @Path("/claims/{claimId}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"receiver", "expense-approver"})
    @Operation(summary = "Take back one of your organisation's accepted bookings or reimbursements, with the reason (202): "
            + "InvoiceRegistry.unbook / reverseReimbursement; the claim is REVERSED, and the invoice free again, when the chain records it. "
            + "A reimbursement needs an expense approver")
    public Response reverse(@PathParam("claimId") long id, @Valid @NotNull ReversalRequest request) {
        return Response.accepted(views.of(service.reverse(id, request.reason()))).build();
    }
}
