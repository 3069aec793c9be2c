package org.alliancechain.odr.award;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.alliancechain.odr.cases.CaseForms;
import org.alliancechain.odr.cases.CasePageSteps;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.Downloads;
import org.alliancechain.service.web.PageForms;

/** Hearing minutes and the award from the case page: draft, votes of a panel, issue, the signed award's download. */
@Path("/app/cases")
public class AwardPages {

    private final AwardService awards;
    private final CaseForms forms;

    AwardPages(AwardService awards, CaseForms forms) {
        this.awards = awards;
        this.forms = forms;
    }

    @POST
    @Path("/{caseId}/minutes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response minutes(@PathParam("caseId") long id, @RestForm String heldAt, @RestForm String text, UriInfo uri) {
        return CasePageSteps.run(id, uri, "minutes", () -> {
            var request = forms.requireValid(new AwardResource.MinutesRequest(PageForms.localTime(heldAt, "held at"), text));
            awards.recordMinutes(id, request.heldAt(), request.text());
        });
    }

    @POST
    @Path("/{caseId}/award")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("arbitrator")
    @Operation(hidden = true)
    public Response draft(@PathParam("caseId") long id, @RestForm String decision, @RestForm String reasoning, UriInfo uri) {
        return CasePageSteps.run(id, uri, "drafted", () -> {
            var request = forms.requireValid(new AwardResource.DraftRequest(decision, reasoning));
            awards.draft(id, request.decision(), request.reasoning());
        });
    }

    @POST
    @Path("/{caseId}/award/votes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("arbitrator")
    @Operation(hidden = true)
    public Response vote(@PathParam("caseId") long id, @RestForm String approve, @RestForm String note, UriInfo uri) {
        return CasePageSteps.run(id, uri, "voted", () -> {
            if (!"true".equals(approve) && !"false".equals(approve)) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "choose to approve or to dissent · 请选择同意或不同意");
            }
            var request = forms.requireValid(new AwardResource.VoteRequest(Boolean.parseBoolean(approve), note));
            awards.vote(id, request.approve(), request.note());
        });
    }

    @POST
    @Path("/{caseId}/award/issue")
    @RolesAllowed("arbitrator")
    @Operation(hidden = true)
    public Response issue(@PathParam("caseId") long id, UriInfo uri) {
        return CasePageSteps.run(id, uri, "issued", () -> awards.issue(id));
    }

    @GET
    @Path("/{caseId}/award/pdf")
    @Produces("application/pdf")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response awardPdf(@PathParam("caseId") long id) {
        var signed = awards.pdf(id);
        return Downloads.file(signed.pdf(), "application/pdf", signed.fileName());
    }
}
