package org.alliancechain.einvoice.redletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
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
import java.util.List;
import org.alliancechain.einvoice.documents.RedReason;
import org.alliancechain.einvoice.tax.RedLineRequest;
import org.alliancechain.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Red-letter confirmation forms (红字发票信息确认单) between an invoice's seller and buyer. */
@Path("/api/red-letter-forms")
@Tag(name = "Red-letter")
@Produces(MediaType.APPLICATION_JSON)
public class RedLetterResource {

    /** One blue line to offset (its index among the non-discount lines, 蓝字明细序号 − 1): a quantity, or an amount. */
    public record RedLine(
            @NotNull @Min(0) Integer blueLine,
            @Digits(integer = 18, fraction = 13) BigDecimal quantity,
            @Digits(integer = 16, fraction = 2) BigDecimal amount,
            boolean taxInclusive) {

        RedLineRequest request() {
            return new RedLineRequest(blueLine, quantity, amount, taxInclusive);
        }
    }

    public record FormRequest(
            @NotNull Long blueInvoiceId,
            @NotNull @Pattern(regexp = "0[1-4]", message = "must be 01 开票有误, 02 销货退回, 03 服务中止 or 04 销售折让") String reason,
            boolean fullRed,
            @Size(max = 2000) List<@Valid @NotNull RedLine> lines,
            Boolean buyerDeducted) {
    }

    public record NoteRequest(@Size(max = 2000) String note) {
    }

    private final RedLetterService service;
    private final RedLetterViews views;

    RedLetterResource(RedLetterService service, RedLetterViews views) {
        this.service = service;
        this.views = views;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"issuer", "receiver"})
    @Operation(summary = "Start a red-letter form on a blue invoice (201): state 01 issues the red invoice at once; 02/03 await the other party for 72 h")
    public Response start(@Valid @NotNull FormRequest request, UriInfo uri) {
        if (!request.fullRed() && (request.lines() == null || request.lines().isEmpty())) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "name the blue lines to offset, or ask for a full red (fullRed)", "lines");
        }
        var form = service.start(new RedLetterService.Start(request.blueInvoiceId(), RedReason.fromCode(request.reason()).orElseThrow(),
                request.fullRed(), request.fullRed() ? List.of() : request.lines().stream().map(RedLine::request).toList(),
                request.buyerDeducted()));
        return Response.created(uri.getBaseUriBuilder().path("api/red-letter-forms").path(String.valueOf(form.id)).build())
                .entity(views.of(form)).build();
    }

    @GET
    @RolesAllowed({"issuer", "receiver", "tax-officer"})
    @Operation(summary = "Your organisation's red-letter forms, started by it or awaiting it, newest first; for a tax officer, "
            + "the forms on invoices of the bureau's issuers")
    public List<RedLetterViews.FormView> list(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        var forms = security.isUserInRole("tax-officer") && !security.isUserInRole("issuer") && !security.isUserInRole("receiver")
                ? service.ofBureau() : service.mine();
        return forms.stream().limit(200).map(views::of).toList();
    }

    @POST
    @Path("/{formId}/abnormal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tax-officer")
    @Operation(summary = "Void an open form as an abnormal voucher (10, 作废(异常凭证)): the seller's tax bureau only")
    public RedLetterViews.FormView voidAbnormal(@PathParam("formId") long formId, @Valid NoteRequest request) {
        return views.of(service.voidAbnormal(formId, request == null ? null : request.note()));
    }

    @GET
    @Path("/{formId}")
    @RolesAllowed({"issuer", "receiver"})
    @Operation(summary = "One red-letter form of your organisation with its red invoice's chain state")
    public RedLetterViews.FormView get(@PathParam("formId") long formId) {
        return views.of(service.visible(formId));
    }

    @POST
    @Path("/{formId}/confirmation")
    @RolesAllowed({"issuer", "receiver"})
    @Operation(summary = "Confirm a form the other party started (within 72 h): the red invoice is issued for the seller (04)")
    public RedLetterViews.FormView confirm(@PathParam("formId") long formId) {
        return views.of(service.confirm(formId));
    }

    @POST
    @Path("/{formId}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"issuer", "receiver"})
    @Operation(summary = "Refuse a form the other party started (05/06)")
    public RedLetterViews.FormView refuse(@PathParam("formId") long formId, @Valid NoteRequest request) {
        return views.of(service.refuse(formId, request == null ? null : request.note()));
    }

    @POST
    @Path("/{formId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"issuer", "receiver"})
    @Operation(summary = "Withdraw a form your organisation started, before it is confirmed (08)")
    public RedLetterViews.FormView withdraw(@PathParam("formId") long formId, @Valid NoteRequest request) {
        return views.of(service.withdraw(formId, request == null ? null : request.note()));
    }
}
