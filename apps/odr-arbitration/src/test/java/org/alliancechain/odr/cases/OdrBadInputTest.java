package org.alliancechain.odr.cases;

import static org.alliancechain.odr.OdrFlow.ARBITRATOR;
import static org.alliancechain.odr.OdrFlow.CLAIMANT;
import static org.alliancechain.odr.OdrFlow.CLERK;
import static org.alliancechain.odr.OdrFlow.RESPONDENT;
import static org.alliancechain.odr.OdrFlow.as;
import static org.alliancechain.odr.OdrFlow.evidenceCount;
import static org.alliancechain.odr.OdrFlow.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.alliancechain.odr.OdrFlow;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/**
 * What users get wrong, or try: oversized, disguised and dangerous files, forbidden steps, another
 * party's case, a missed deadline — each answered with problem+json and the right status, and
 * nothing changed (no evidence stored, no step taken, no chain write queued).
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrBadInputTest {

    private static int timelineLength(long caseId) {
        return as(CLAIMANT).get("/api/cases/" + caseId + "/timeline").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void filesThatAreTooLargeDisguisedOrDangerousAreRefusedAndNothingIsStored() throws Exception {
        long id = OdrFlow.fileWithoutDocuments("Bad files").getLong("id");
        OdrFlow.accept(id);
        int events = timelineLength(id);

        byte[] big = new byte[2 * 1024 * 1024 + 1];
        big[0] = '%';
        problem(upload(id, Map.of("big.pdf", big)), 413).then().body("detail", containsString("2 MB")).body("errors[0].field", equalTo("files"));
        problem(upload(id, Map.of("invoice.pdf", OdrFlow.elf())), 415).then().body("detail", containsString("disguised"))
                .body("errors[0].field", equalTo("files"));
        // A plain ZIP named like an OFD invoice is not expanded: it is disguised.
        problem(upload(id, Map.of("invoice.ofd", OdrFlow.zip(Map.of("a.txt", "a".getBytes())))), 415).then().body("detail", containsString("disguised"));
        problem(upload(id, Map.of("tool", OdrFlow.elf())), 415).then().body("detail", containsString("not accepted as evidence"));
        problem(upload(id, Map.of("empty.txt", new byte[0])), 422);
        // One bad file in an upload refuses the whole upload: the good one is not kept either.
        problem(upload(id, Map.of("good.png", OdrFlow.png(3), "photo.jpg", OdrFlow.pdf("a pdf named jpg"))), 415);
        problem(upload(id, Map.of("escape.zip", OdrFlow.zip(Map.of("../../etc/passwd.txt", "x".getBytes())))), 422)
                .then().body("detail", containsString("leaves the archive"));
        problem(upload(id, Map.of("bomb.zip", bomb())), 422).then().body("detail", containsString("bomb.zip"));
        problem(upload(id, Map.of("nested.zip", OdrFlow.zip(Map.of("inner.zip", OdrFlow.zip(Map.of("a.txt", "a".getBytes())))))), 422);
        problem(as(CLAIMANT).multiPart("other", "x.txt", "x".getBytes()).post("/api/cases/" + id + "/evidence"), 400);

        assertThat(evidenceCount(id)).isZero();
        assertThat(timelineLength(id)).isEqualTo(events);
    }

    @Test
    void forbiddenStepsAnswer409Or403AndChangeNothing() {
        long id = OdrFlow.fileWithoutDocuments("Forbidden steps").getLong("id");
        problem(as(CLERK).post("/api/cases/" + id + "/closure"), 409).then().body("detail", containsString("filed"));
        problem(as(CLERK).post("/api/cases/" + id + "/hearing"), 409);
        problem(as(RESPONDENT).contentType(ContentType.JSON).body("{\"text\": \"too early\"}").post("/api/cases/" + id + "/answer"), 409);
        problem(as(CLAIMANT).contentType(ContentType.JSON).body("{\"text\": \"me\"}").post("/api/cases/" + id + "/answer"), 403);
        problem(as(ARBITRATOR).post("/api/cases/" + id + "/award/issue"), 403);
        OdrFlow.accept(id);
        problem(as(CLERK).contentType(ContentType.JSON).body("{\"tribunal\": {\"arbitrators\": [\"arb.hz\"]}}")
                .post("/api/cases/" + id + "/acceptance"), 409).then().body("detail", containsString("evidence period"));
        problem(as(CLERK).contentType(ContentType.JSON).body("{\"reason\": \"late\"}").post("/api/cases/" + id + "/rejection"), 409);
        problem(as(ARBITRATOR).post("/api/cases/" + id + "/award/issue"), 409).then().body("detail", containsString("no award has been drafted"));
        problem(as("arb2.hz").contentType(ContentType.JSON).body("{\"decision\": \"d\", \"reasoning\": \"r\"}")
                .put("/api/cases/" + id + "/award"), 403).then().body("detail", containsString("not on the tribunal"));
        problem(as(CLERK).contentType(ContentType.JSON).body("{\"tribunal\": {\"arbitrators\": [\"a\", \"b\"]}}")
                .put("/api/cases/" + id + "/tribunal"), 400);
        problem(as(CLERK).contentType(ContentType.JSON).body("{\"arbitrators\": [\"a\", \"b\"]}").put("/api/cases/" + id + "/tribunal"), 422)
                .then().body("detail", containsString("panel of three"));
        problem(as(CLERK).contentType(ContentType.JSON).body("{\"arbitrators\": [\"a\", \"a\", \"b\"]}").put("/api/cases/" + id + "/tribunal"), 422);
        problem(as(CLERK).contentType(ContentType.JSON).body("{\"award\": \"2001-01-01T00:00:00Z\"}").put("/api/cases/" + id + "/deadlines"), 422);
        problem(as(CLERK).post("/api/cases/" + id + "/closure"), 409);
        // The claimant's own evidence is not cross-examined by the claimant.
        long item = ((Number) OdrFlow.upload(CLAIMANT, id, Map.of("a.pdf", OdrFlow.pdf("a")), 201).getFirst().get("id")).longValue();
        problem(as(CLAIMANT).contentType(ContentType.JSON).body("""
                {"authenticity": "ADMITTED", "legality": "ADMITTED", "relevance": "ADMITTED", "opinion": "mine"}""")
                .post("/api/cases/" + id + "/evidence/" + item + "/comments"), 403);
        problem(as(RESPONDENT).contentType(ContentType.JSON).body("""
                {"authenticity": "MAYBE", "legality": "ADMITTED", "relevance": "ADMITTED", "opinion": "x"}""")
                .post("/api/cases/" + id + "/evidence/" + item + "/comments"), 400);
        as(CLAIMANT).get("/api/cases/" + id).then().statusCode(200).body("status.code", equalTo("EVIDENCE"));
    }

    @Test
    void badFilingsAreRefusedWithTheReason() {
        problem(filing(OdrFlow.filing("x").replace("\"nova-manufacturing\"", "\"acme-trading\"")), 422)
                .then().body("detail", containsString("another organisation"));
        problem(filing(OdrFlow.filing("x").replace("\"hz-arbitration\"", "\"blue-bank\"")), 422)
                .then().body("detail", containsString("not an arbitration commission"));
        problem(filing(OdrFlow.filing("x").replace("\"nova-manufacturing\"", "\"no-such-company\"")), 422)
                .then().body("detail", containsString("not an active member"));
        problem(filing(OdrFlow.filing("x").replace("128000.50", "-1")), 400);
        problem(filing(OdrFlow.filing("x").replace("\"CNY\"", "\"yuan\"")), 400);
        problem(filing(OdrFlow.filing("")), 400);
        problem(filing("{not json"), 400);
        problem(as(RESPONDENT).contentType(ContentType.JSON).body(OdrFlow.filing("respondent files")).post("/api/cases"), 403);
        problem(as(CLAIMANT).multiPart("case", "{\"title\": \"\"}", "application/json").post("/api/cases"), 400);
        problem(as(CLAIMANT).contentType("text/plain").body("hello").post("/api/cases"), 415).then()
                .body("detail", containsString("text/plain"));
        // A query or path value its parameter's type refuses: 400 naming it and what it must be, not 404 naming nothing.
        problem(as(CLAIMANT).get("/api/cases?status=OPEN"), 400).then().body("errors[0].field", equalTo("status"))
                .body("detail", containsString("one of [")).body("detail", containsString("FILED"));
        problem(as(CLAIMANT).get("/api/cases?limit=ten"), 400).then().body("errors[0].field", equalTo("limit"))
                .body("detail", containsString("a whole number"));
        problem(as(CLAIMANT).get("/api/cases/C-1"), 400).then().body("errors[0].field", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anotherOrganisationsCaseIsNotFound() {
        long id = OdrFlow.fileWithoutDocuments("Private case").getLong("id");
        problem(as("lawyer.pixel").get("/api/cases/" + id), 404);
        problem(as("clerk.sz").contentType(ContentType.JSON).body("{\"tribunal\": {\"arbitrators\": [\"arb.sz\"]}}")
                .post("/api/cases/" + id + "/acceptance"), 404);
        problem(as("lawyer.pixel").multiPart("files", "a.pdf", OdrFlow.pdf("a")).post("/api/cases/" + id + "/evidence"), 404);
        problem(as(CLAIMANT).get("/api/cases/999999999"), 404);
        assertThat(as("lawyer.pixel").get("/api/cases").then().statusCode(200).extract().jsonPath().getList("id", Long.class))
                .doesNotContain(id);
        as(CLAIMANT).get("/api/cases/" + id).then().statusCode(200).body("status.code", equalTo("FILED"));
    }

    @Test
    void aMissedDeadlineIsFlaggedAndEndsTheEvidencePeriod() {
        long id = OdrFlow.fileWithoutDocuments("Deadline case").getLong("id");
        OdrFlow.accept(id);
        Instant soon = Instant.now().plusSeconds(2);
        as(CLERK).contentType(ContentType.JSON).body("{\"answer\": \"" + soon + "\", \"evidence\": \"" + soon + "\"}")
                .put("/api/cases/" + id + "/deadlines").then().statusCode(200);
        // The scheduler (every second in tests) flags both once they pass.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> as(CLAIMANT)
                .get("/api/cases/" + id + "/timeline").then().extract().jsonPath().getList("findAll { it.step == 'DEADLINE_MISSED' }").size() == 2);
        as(CLAIMANT).get("/api/cases/" + id).then().statusCode(200)
                .body("deadlines.find { it.kind == 'ANSWER' }.overdue", equalTo(true))
                .body("deadlines.find { it.kind == 'AWARD' }.overdue", equalTo(false));
        as(CLAIMANT).get("/api/cases").then().statusCode(200).body("find { it.id == " + id + " }.overdue", equalTo(true));
        problem(upload(id, Map.of("late.pdf", OdrFlow.pdf("late"))), 409).then().body("detail", containsString("evidence period"));
        assertThat(evidenceCount(id)).isZero();
        // A late answer is still taken (and meets nothing any more: it is already flagged).
        as(RESPONDENT).contentType(ContentType.JSON).body("{\"text\": \"late answer\"}").post("/api/cases/" + id + "/answer")
                .then().statusCode(200);
        assertThat(as(CLAIMANT).get("/api/cases/" + id + "/timeline").then().extract().jsonPath()
                .getList("findAll { it.step == 'DEADLINE_MISSED' }")).hasSize(2);
    }

    private static Response filing(String json) {
        return as(CLAIMANT).contentType(ContentType.JSON).body(json).post("/api/cases");
    }

    private static Response upload(long id, Map<String, byte[]> files) {
        var request = as(CLAIMANT);
        for (var f : files.entrySet()) {
            request = request.multiPart("files", f.getKey(), f.getValue(), "application/octet-stream");
        }
        return request.post("/api/cases/" + id + "/evidence");
    }

    /** 1.5 MB of zeros in a ZIP of a few KB: far beyond the 100:1 ratio. */
    private static byte[] bomb() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            zip.write(new byte[1536 * 1024]);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
