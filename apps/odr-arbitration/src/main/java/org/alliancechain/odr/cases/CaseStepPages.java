package org.alliancechain.odr.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.alliancechain.service.web.PageForms;

/**
 * The case's own steps taken from its page (accept, reject, answer, withdraw, open the hearing,
 * close): each runs the service's step and returns to the case page ({@link CasePageSteps}). The case
 * page itself, which shows the case with its evidence and award, is composed above the features
 * ({@code web.CasePages}).
 */
@Path("/app/cases")
public class CaseStepPages {

    private final CaseService cases;
    private final CaseForms forms;

    CaseStepPages(CaseService cases, CaseForms forms) {
        this.cases = cases;
        this.forms = forms;
    }

    @POST
    @Path("/{caseId}/acceptance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("clerk")
    @Operation(hidden = true)
    public Response accept(@PathParam("caseId") long id, @RestForm List<String> arbitrator, @RestForm String presiding,
                           @RestForm String answerDue, @RestForm String evidenceDue, @RestForm String awardDue, UriInfo uri) {
        return CasePageSteps.run(id, uri, "accepted", () -> {
            var names = arbitrator == null ? List.<String>of() : arbitrator.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            var request = new CaseResource.TribunalRequest(names, PageForms.blankToNull(presiding));
            forms.requireValid(request);
            cases.accept(id, new CaseService.Tribunal(request.arbitrators(), request.presiding()),
                    new CaseService.Deadlines(PageForms.endOfDay(answerDue, "answer deadline"),
                            PageForms.endOfDay(evidenceDue, "evidence deadline"), PageForms.endOfDay(awardDue, "award deadline")));
        });
    }

    @POST
    @Path("/{caseId}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("clerk")
    @Operation(hidden = true)
    public Response reject(@PathParam("caseId") long id, @RestForm String reason, UriInfo uri) {
        return CasePageSteps.run(id, uri, "rejected", () -> cases.reject(id, forms.requireValid(new CaseResource.ReasonRequest(reason)).reason()));
    }

    @POST
    @Path("/{caseId}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(hidden = true)
    public Response answer(@PathParam("caseId") long id, @RestForm String text, UriInfo uri) {
        return CasePageSteps.run(id, uri, "answered", () -> cases.answer(id, forms.requireValid(new CaseResource.AnswerRequest(text)).text()));
    }

    @POST
    @Path("/{caseId}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(hidden = true)
    public Response withdraw(@PathParam("caseId") long id, @RestForm String reason, UriInfo uri) {
        return CasePageSteps.run(id, uri, "withdrawn", () -> cases.withdraw(id, forms.requireValid(new CaseResource.ReasonRequest(reason)).reason()));
    }

    @POST
    @Path("/{caseId}/hearing")
    @RolesAllowed({"clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response openHearing(@PathParam("caseId") long id, UriInfo uri) {
        return CasePageSteps.run(id, uri, "hearing", () -> cases.openHearing(id));
    }

    @POST
    @Path("/{caseId}/closure")
    @RolesAllowed("clerk")
    @Operation(hidden = true)
    public Response close(@PathParam("caseId") long id, UriInfo uri) {
        return CasePageSteps.run(id, uri, "closed", () -> cases.close(id));
    }
}
