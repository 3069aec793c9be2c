package org.alliancechain.odr.award;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.alliancechain.service.upload.Downloads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hearing minutes, the award (draft, panel vote, issue, signed PDF) and its service on the parties. */
@Path("/api/cases/{caseId}")
@Tag(name = "Hearing and award")
@Produces(MediaType.APPLICATION_JSON)
public class AwardResource {

    public record MinutesRequest(@NotNull Instant heldAt, @NotBlank @Size(max = 100000) String text) {
    }

    public record MinutesView(long id, String recordedBy, Instant heldAt, String text, String recordDigest, String chainStatus,
                              Instant createdAt) {
    }

    public record DraftRequest(@NotBlank @Size(max = 2000) String decision, @NotBlank @Size(max = 100000) String reasoning) {
    }

    public record VoteRequest(@NotNull Boolean approve, @Size(max = 5000) String note) {
    }

    public record VoteView(String arbitrator, boolean approve, String note, Instant votedAt) {
    }

    public record ServiceView(String party, Instant madeAvailableAt, String madeAvailableStatus, Instant openedAt, String openedBy,
                              String openedStatus) {
    }

    /** The award; {@code chainStatus} is its record's notarisation state (the PDF can be had once CONFIRMED). */
    public record AwardView(String status, String draftedBy, Instant draftedAt, String decision, String reasoning, Instant issuedAt,
                            String recordDigest, String chainStatus, String pdfSha256, List<VoteView> votes, List<ServiceView> service) {
    }

    private final AwardService service;
    private final AwardViews views;

    AwardResource(AwardService service, AwardViews views) {
        this.service = service;
        this.views = views;
    }

    @POST
    @Path("/minutes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"clerk", "arbitrator"})
    @Operation(summary = "Record the minutes of a hearing session (notarised by the commission)")
    public Response recordMinutes(@PathParam("caseId") long caseId, @Valid @NotNull MinutesRequest request) {
        var m = service.recordMinutes(caseId, request.heldAt(), request.text());
        return Response.status(Response.Status.CREATED).entity(views.minutes(m)).build();
    }

    @GET
    @Path("/minutes")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "The hearing minutes of a case")
    public List<MinutesView> minutes(@PathParam("caseId") long caseId) {
        return service.minutes(caseId).stream().map(views::minutes).toList();
    }

    @PUT
    @Path("/award")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("arbitrator")
    @Operation(summary = "Draft (or redraft) the award: the sole or presiding arbitrator; a redraft clears the panel's votes")
    public AwardView draft(@PathParam("caseId") long caseId, @Valid @NotNull DraftRequest request) {
        service.draft(caseId, request.decision(), request.reasoning());
        return get(caseId);
    }

    @POST
    @Path("/award/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("arbitrator")
    @Operation(summary = "A panel member approves the draft award or dissents")
    public AwardView vote(@PathParam("caseId") long caseId, @Valid @NotNull VoteRequest request) {
        service.vote(caseId, request.approve(), request.note());
        return get(caseId);
    }

    @POST
    @Path("/award/issue")
    @RolesAllowed("arbitrator")
    @Operation(summary = "Issue the award (majority of a panel needed): notarised, its hash recorded in CaseRegistry, made available to both parties")
    public AwardView issue(@PathParam("caseId") long caseId) {
        service.issue(caseId);
        return get(caseId);
    }

    @GET
    @Path("/award")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "The award: the draft for the commission, the issued award for everyone in the case; with votes and service")
    public AwardView get(@PathParam("caseId") long caseId) {
        return views.award(caseId);
    }

    @GET
    @Path("/award/pdf")
    @Produces("application/pdf")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "The signed award PDF (the commission's PAdES signature, record and proof embedded); 409 until anchored. "
            + "A party's first download is recorded on chain as the award's service (opened)")
    public Response pdf(@PathParam("caseId") long caseId) {
        var signed = service.pdf(caseId);
        return Downloads.file(signed.pdf(), "application/pdf", signed.fileName());
    }

}
