package org.alliancechain.einvoice.issuers;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tax bureau's desk: taxpayers of its province and the issuers it authorises. */
@Path("/api")
@Tag(name = "Issuers")
@Produces(MediaType.APPLICATION_JSON)
public class IssuerResource {

    static final String ALIAS = "[a-z0-9][a-z0-9-]{1,62}";

    public record TaxpayerRequest(
            @NotBlank @Pattern(regexp = ALIAS, message = "must be an organisation alias") String organisation,
            @NotBlank @Size(max = 18) String taxId,
            @NotBlank @Size(max = 200) String name) {
    }

    public record AuthorisationRequest(
            @NotBlank @Pattern(regexp = ALIAS, message = "must be an organisation alias") String organisation,
            @NotEmpty Set<@NotNull InvoiceKind> kinds,
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 16, fraction = 2) BigDecimal quota) {
    }

    public record LimitsRequest(
            @NotEmpty Set<@NotNull InvoiceKind> kinds,
            @NotNull @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 16, fraction = 2) BigDecimal quota) {
    }

    public record SuspensionRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final IssuerService service;
    private final IssuerViews views;

    IssuerResource(IssuerService service, IssuerViews views) {
        this.service = service;
        this.views = views;
    }

    @POST
    @Path("/taxpayers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tax-officer")
    @Operation(summary = "Register a member organisation as a taxpayer of your bureau's province (its unified social credit code)")
    public Response register(@Valid @NotNull TaxpayerRequest request, UriInfo uri) {
        var taxpayer = service.register(new IssuerService.Registration(request.organisation(), request.taxId(), request.name()));
        return Response.created(uri.getBaseUriBuilder().path("api/taxpayers").path(String.valueOf(taxpayer.id)).build())
                .entity(IssuerViews.of(taxpayer)).build();
    }

    @GET
    @Path("/taxpayers")
    @RolesAllowed("tax-officer")
    @Operation(summary = "The taxpayers your bureau registered")
    public List<IssuerViews.TaxpayerView> taxpayers() {
        return service.taxpayersOfBureau().stream().map(IssuerViews::of).toList();
    }

    @POST
    @Path("/issuers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tax-officer")
    @Operation(summary = "Authorise a taxpayer of your bureau to issue invoices of some kinds within a quota (recorded in InvoiceRegistry)")
    public Response authorise(@Valid @NotNull AuthorisationRequest request, UriInfo uri) {
        var issuer = service.authorise(new IssuerService.Authorisation(request.organisation(), request.kinds(), request.quota()));
        return Response.created(uri.getBaseUriBuilder().path("api/issuers").path(String.valueOf(issuer.id)).build())
                .entity(views.of(issuer)).build();
    }

    @GET
    @Path("/issuers")
    @RolesAllowed("tax-officer")
    @Operation(summary = "The issuers your bureau authorised, with quota use")
    public List<IssuerViews.IssuerView> issuers() {
        return service.ofBureau().stream().map(views::of).toList();
    }

    @GET
    @Path("/issuers/{issuerId}")
    @RolesAllowed("tax-officer")
    @Operation(summary = "One issuer of your bureau with its changes and their chain state")
    public IssuerViews.IssuerView issuer(@PathParam("issuerId") long id) {
        return views.of(service.ofBureau(id));
    }

    @PUT
    @Path("/issuers/{issuerId}/limits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tax-officer")
    @Operation(summary = "Change the kinds an issuer may issue and its quota")
    public IssuerViews.IssuerView limits(@PathParam("issuerId") long id, @Valid @NotNull LimitsRequest request) {
        return views.of(service.setLimits(id, request.kinds(), request.quota()));
    }

    @POST
    @Path("/issuers/{issuerId}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tax-officer")
    @Operation(summary = "Suspend an issuer: its issuance is refused here and reverts on chain")
    public IssuerViews.IssuerView suspend(@PathParam("issuerId") long id, @Valid @NotNull SuspensionRequest request) {
        return views.of(service.suspend(id, request.reason()));
    }

    @DELETE
    @Path("/issuers/{issuerId}/suspension")
    @RolesAllowed("tax-officer")
    @Operation(summary = "Reinstate a suspended issuer")
    public IssuerViews.IssuerView reinstate(@PathParam("issuerId") long id) {
        return views.of(service.reinstate(id));
    }
}
