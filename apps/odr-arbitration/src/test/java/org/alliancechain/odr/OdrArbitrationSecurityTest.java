package org.alliancechain.odr;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.SecurityMatrixTest;
import org.alliancechain.testsupport.SuiteTestResource;

/**
 * Every endpoint of the service × no token / no role / other organisation / own organisation, and
 * token attacks. A case belongs to three organisations, each acting through its own users: the
 * fixture case is acme-trading's claim against nova-manufacturing before hz-arbitration, awarded;
 * outsiders are pixel-studio's lawyer and the other commission's clerk and arbitrator.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrArbitrationSecurityTest extends SecurityMatrixTest {

    @Override
    protected AppUnderTest app() {
        return OdrArbitrationServiceTest.APP;
    }

    @Override
    protected Map<String, String> fixtures() {
        var fixtures = new HashMap<>(super.fixtures());
        var filed = OdrFlow.file("Matrix case", Map.of("contract.pdf", OdrFlow.pdf("matrix")));
        long caseId = filed.getLong("id");
        OdrFlow.accept(caseId);
        OdrFlow.draftAndIssue(caseId);
        OdrFlow.awaitTimelineConfirmed(caseId);
        long itemId = OdrFlow.as(OdrFlow.CLAIMANT).get("/api/cases/" + caseId + "/evidence").then().statusCode(200).extract()
                .jsonPath().getLong("[0].id");
        // An evidence export of alice's (exports belong to the user who started them).
        String exportId = OdrFlow.as(OdrFlow.CLAIMANT).post("/api/cases/" + caseId + "/evidence/exports").then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "READY".equals(OdrFlow.as(OdrFlow.CLAIMANT)
                .get("/api/cases/" + caseId + "/evidence/exports/" + exportId).then().extract().path("state")));
        fixtures.put("exportId", exportId);
        fixtures.put("caseId", String.valueOf(caseId));
        fixtures.put("itemId", String.valueOf(itemId));
        return fixtures;
    }

    @Override
    protected Map<String, String> sampleBodies() {
        var bodies = new HashMap<>(super.sampleBodies());
        bodies.put("POST /api/cases", OdrFlow.filing("Matrix filing"));
        bodies.put("POST /api/cases/{caseId}/acceptance", "{\"tribunal\": {\"arbitrators\": [\"arb.hz\"]}}");
        bodies.put("POST /api/cases/{caseId}/rejection", "{\"reason\": \"out of time\"}");
        bodies.put("PUT /api/cases/{caseId}/tribunal", "{\"arbitrators\": [\"arb.hz\"]}");
        bodies.put("PUT /api/cases/{caseId}/deadlines", "{\"award\": \"2099-01-01T00:00:00Z\"}");
        bodies.put("POST /api/cases/{caseId}/answer", "{\"text\": \"We dispute the claim.\"}");
        bodies.put("POST /api/cases/{caseId}/withdrawal", "{\"reason\": \"settled\"}");
        bodies.put("POST /api/cases/{caseId}/evidence/{itemId}/comments",
                "{\"authenticity\": \"ADMITTED\", \"legality\": \"ADMITTED\", \"relevance\": \"PARTLY\", \"opinion\": \"ok\"}");
        bodies.put("POST /api/cases/{caseId}/evidence/references", "{\"reference\": \"anchor:" + "ab".repeat(32) + "\"}");
        bodies.put("POST /api/cases/{caseId}/minutes", "{\"heldAt\": \"2026-11-20T09:00:00Z\", \"text\": \"Both parties attended.\"}");
        bodies.put("PUT /api/cases/{caseId}/award", "{\"decision\": \"d\", \"reasoning\": \"r\"}");
        bodies.put("POST /api/cases/{caseId}/award/votes", "{\"approve\": true}");
        return bodies;
    }

    /** The steps of the (awarded) fixture case: taken already or not possible now, so a 409 is the right answer for its own users. */
    @Override
    protected Set<String> stateDependent() {
        return Set.of("POST /api/cases/{caseId}/acceptance", "POST /api/cases/{caseId}/rejection", "PUT /api/cases/{caseId}/tribunal",
                "PUT /api/cases/{caseId}/deadlines", "POST /api/cases/{caseId}/answer", "POST /api/cases/{caseId}/withdrawal",
                "POST /api/cases/{caseId}/hearing", "POST /api/cases/{caseId}/closure", "POST /api/cases/{caseId}/evidence/{itemId}/comments",
                "POST /api/cases/{caseId}/evidence/references", "POST /api/cases/{caseId}/minutes", "PUT /api/cases/{caseId}/award", "POST /api/cases/{caseId}/award/votes",
                "POST /api/cases/{caseId}/award/issue");
    }

    @Override
    protected String authorisedUserFor(String operation, List<String> roles) {
        if (operation.endsWith("/answer") || operation.endsWith("/comments") && operation.startsWith("POST")) {
            return OdrFlow.RESPONDENT;
        }
        if (roles.contains("claimant")) {
            return OdrFlow.CLAIMANT;
        }
        return roles.contains("clerk") ? OdrFlow.CLERK : roles.contains("arbitrator") ? OdrFlow.ARBITRATOR : authorisedUser();
    }

    @Override
    protected String otherOrganisationUserFor(String operation, List<String> roles) {
        if (roles.contains("claimant") || roles.contains("respondent")) {
            return "lawyer.pixel";
        }
        return roles.contains("clerk") ? "clerk.sz" : roles.contains("arbitrator") ? "arb.sz" : otherOrganisationUser();
    }

    @Override
    protected List<String> ownerFields() {
        return List.of("organisation", "claimant", "respondent", "commission");
    }
}
