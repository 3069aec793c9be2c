package org.alliancechain.odr.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.alliancechain.service.upload.IncomingFile;
import org.alliancechain.service.upload.Uploads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Arbitration cases over HTTP, for the parties, the commission's clerks and arbitrators, and other
 * systems (a court's case management). Every answer about a case is limited to its three organisations.
 */
@Path("/api/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    static final String ALIAS = "[a-z0-9][a-z0-9-]{0,99}";

    public record FilingRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Pattern(regexp = ALIAS, message = "must be an organisation alias") String commission,
            @NotBlank @Pattern(regexp = ALIAS, message = "must be an organisation alias") String respondent,
            @NotBlank @Size(max = 20000) String claim,
            @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 18, fraction = 2) BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as CNY") String currency,
            @NotBlank @Size(max = 200) String agreementReference) {

        CaseService.Filing filing() {
            return new CaseService.Filing(title, commission, respondent, claim, amount, currency, agreementReference);
        }
    }

    public record TribunalRequest(
            @NotEmpty @Size(max = 3) List<@NotBlank @Size(max = 200) String> arbitrators,
            @Size(max = 200) String presiding) {

        CaseService.Tribunal tribunal() {
            return new CaseService.Tribunal(arbitrators, presiding);
        }
    }

    public record DeadlinesRequest(Instant answer, Instant evidence, Instant award) {
        CaseService.Deadlines deadlines() {
            return new CaseService.Deadlines(answer, evidence, award);
        }
    }

    /** Acceptance: the tribunal and, optionally, deadlines (defaults from odr.deadlines.*). */
    public record AcceptRequest(@NotNull @Valid TribunalRequest tribunal, @Valid DeadlinesRequest deadlines) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 5000) String reason) {
    }

    public record AnswerRequest(@NotBlank @Size(max = 20000) String text) {
    }

    private final CaseService service;
    private final CaseAccess access;
    private final CaseViews views;
    private final Timeline timeline;
    private final Uploads uploads;
    private final jakarta.validation.Validator validator;

    CaseResource(CaseService service, CaseAccess access, CaseViews views, Timeline timeline, Uploads uploads,
                 jakarta.validation.Validator validator) {
        this.service = service;
        this.access = access;
        this.views = views;
        this.timeline = timeline;
        this.uploads = uploads;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("claimant")
    @Operation(summary = "File a case for your organisation (201); it is recorded in CaseRegistry by your organisation's key")
    public Response file(@Valid @NotNull FilingRequest request, UriInfo uri) {
        var c = service.file(request.filing(), List.of());
        return created(c, uri);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("claimant")
    @Operation(summary = "File a case with documents: part 'case' (the filing as JSON) and parts 'documents' (files; they become C-1, C-2 …)")
    public Response fileWithDocuments(@RestForm("case") String filing, @RestForm("documents") List<FileUpload> documents, UriInfo uri) {
        var request = views.parse(filing, FilingRequest.class, validator);
        List<IncomingFile> files = uploads.read(documents);
        var c = service.file(request.filing(), files);
        return created(c, uri);
    }

    private Response created(OdrCase c, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path("api/cases").path(String.valueOf(c.id)).build()).entity(views.of(c)).build();
    }

    @GET
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "Cases your organisation takes part in (as claimant, respondent or commission), newest first")
    public List<CaseViews.CaseSummary> list(@QueryParam("status") CaseStatus status,
                                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return views.summaries(access.mine(status, limit));
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "One case: parties, claim, status, tribunal, deadlines (with overdue flags), answer")
    public CaseViews.CaseView get(@PathParam("caseId") long id) {
        return views.find(id);
    }

    @GET
    @Path("/{caseId}/timeline")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "Every step of the case: who, when, and the state of the chain write or notarisation that records it")
    public List<Timeline.Entry> timeline(@PathParam("caseId") long id) {
        return views.timeline(id);
    }

    @POST
    @Path("/{caseId}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    @Operation(summary = "Accept a filed case, form its tribunal (one or three arbitrators), set deadlines and open the evidence period")
    public CaseViews.CaseView accept(@PathParam("caseId") long id, @Valid @NotNull AcceptRequest request) {
        service.accept(id, request.tribunal().tribunal(), request.deadlines() == null ? null : request.deadlines().deadlines());
        return views.find(id);
    }

    @POST
    @Path("/{caseId}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    @Operation(summary = "Reject a filed case with a reason (its hash is recorded on chain)")
    public CaseViews.CaseView reject(@PathParam("caseId") long id, @Valid @NotNull ReasonRequest request) {
        service.reject(id, request.reason());
        return views.find(id);
    }

    @PUT
    @Path("/{caseId}/tribunal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    @Operation(summary = "Form the tribunal again before an award is drafted")
    public CaseViews.CaseView tribunal(@PathParam("caseId") long id, @Valid @NotNull TribunalRequest request) {
        service.changeTribunal(id, request.tribunal());
        return views.find(id);
    }

    @PUT
    @Path("/{caseId}/deadlines")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    @Operation(summary = "Change deadlines that are not met yet (each must lie in the future)")
    public CaseViews.CaseView deadlines(@PathParam("caseId") long id, @Valid @NotNull DeadlinesRequest request) {
        service.changeDeadlines(id, request.deadlines());
        return views.find(id);
    }

    @POST
    @Path("/{caseId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(summary = "The respondent's answer to the claim (once)")
    public CaseViews.CaseView answer(@PathParam("caseId") long id, @Valid @NotNull AnswerRequest request) {
        service.answer(id, request.text());
        return views.find(id);
    }

    @POST
    @Path("/{caseId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(summary = "The claimant withdraws the case before the award, with a reason")
    public CaseViews.CaseView withdraw(@PathParam("caseId") long id, @Valid @NotNull ReasonRequest request) {
        service.withdraw(id, request.reason());
        return views.find(id);
    }

    @POST
    @Path("/{caseId}/hearing")
    @RolesAllowed({"clerk", "arbitrator"})
    @Operation(summary = "End the evidence period and open the hearing")
    public CaseViews.CaseView openHearing(@PathParam("caseId") long id) {
        service.openHearing(id);
        return views.find(id);
    }

    @POST
    @Path("/{caseId}/closure")
    @RolesAllowed("clerk")
    @Operation(summary = "Close an awarded case (the chain requires the award to have been made available to both parties)")
    public CaseViews.CaseView close(@PathParam("caseId") long id) {
        service.close(id);
        return views.find(id);
    }
}
