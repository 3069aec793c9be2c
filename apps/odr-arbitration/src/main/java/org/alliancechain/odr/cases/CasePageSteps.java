package org.alliancechain.odr.cases;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import jakarta.ws.rs.core.UriInfo;
import org.alliancechain.service.problem.ProblemException;

/**
 * How a step taken from the case page ends: back to the case page with a notice (303, so a reload
 * does not repeat it), or — when the step is refused — the case page again with the reason
 * ({@link CaseActionRefused}, rendered by the page above the features). Another organisation's case
 * stays a 404.
 */
public final class CasePageSteps {

    private CasePageSteps() {
    }

    public static Response run(long caseId, UriInfo uri, String notice, Runnable step) {
        try {
            step.run();
            return seeCase(uri, caseId, notice);
        } catch (ProblemException e) {
            if (e.status().getStatusCode() == 404) {
                throw e;
            }
            throw new CaseActionRefused(caseId, e);
        }
    }

    /** 303 to the case page, with the notice to show there. */
    public static Response seeCase(UriInfo uri, long caseId, String notice) {
        URI target = uri.getBaseUriBuilder().path("app/cases").path(String.valueOf(caseId)).queryParam("notice", notice).build();
        return Response.seeOther(target).build();
    }
}
