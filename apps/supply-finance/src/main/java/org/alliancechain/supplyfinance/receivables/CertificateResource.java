package org.alliancechain.supplyfinance.receivables;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
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
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/certificates")
@Tag(name = "Receivable certificates")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    public record InvoiceRequest(@NotNull CertificateService.InvoiceKind kind,
                                 @NotNull @Pattern(regexp = "\\d{20}", message = "must be the invoice's 20-digit number") String number) {
    }

    public record ConfirmRequest(
            @NotBlank @Size(max = 64) String supplier,
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 16, fraction = 2) BigDecimal face,
            @NotNull LocalDate maturity,
            boolean longTenor,
            boolean sme,
            LocalDate deliveryDate,
            @NotBlank @Size(max = 64) String poNumber,
            @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in lower-case hex") String documentChecksum,
            @NotEmpty @Size(max = 32, message = "at most 32 invoices back one certificate") List<@Valid @NotNull InvoiceRequest> invoices) {

        @AssertTrue(message = "an SME supplier's certificate needs the delivery date (Order 802: payment within 60 days of delivery)")
        boolean isDeliveryDate() {
            return !sme || deliveryDate != null;
        }

        public CertificateService.Confirmation confirmation() {
            return new CertificateService.Confirmation(supplier.strip(), face.movePointRight(2).longValueExact(), maturity, longTenor, sme,
                    deliveryDate, poNumber, documentChecksum,
                    invoices.stream().map(i -> new CertificateService.InvoiceRef(i.kind(), i.number())).toList());
        }
    }

    private final CertificateService service;
    private final CertificateViews views;
    private final Caller caller;

    CertificateResource(CertificateService service, CertificateViews views, Caller caller) {
        this.service = service;
        this.views = views;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("core-enterprise")
    @Operation(summary = "Confirm a payable to a supplier against the invoices it issued to you (201): the certificate's root part is minted "
            + "to the supplier in ReceivableRegistry once the confirmation is mined")
    public Response confirm(@Valid @NotNull ConfirmRequest request, UriInfo uri) {
        var c = service.confirm(request.confirmation());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(c.id)).build()).entity(views.of(c, true)).build();
    }

    @GET
    @RolesAllowed({"core-enterprise", "supplier", "bank", "operator"})
    @Operation(summary = "The certificates your organisation confirmed, holds or held a part of")
    public List<CertificateViews.CertificateView> list() {
        String organisation = caller.requireOrganisation();
        return ReceivableCertificate.visibleTo(organisation, 500).stream().map(c -> views.of(c, false)).toList();
    }

    @GET
    @Path("/{certificateId}")
    @RolesAllowed({"core-enterprise", "supplier", "bank", "operator"})
    @Operation(summary = "A certificate with its invoices, its parts (the split tree) and its history from the chain; another organisation's: 404")
    public CertificateViews.CertificateView get(@PathParam("certificateId") long id) {
        String organisation = caller.requireOrganisation();
        return ReceivableCertificate.<ReceivableCertificate>findByIdOptional(id).filter(c -> c.visibleTo(organisation))
                .map(c -> views.of(c, true)).orElseThrow(() -> ProblemException.notFound("certificate " + id));
    }
}
