package org.alliancechain.copyright;

import static io.restassured.RestAssured.given;
import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.SecurityMatrixTest;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the service × no token / no role / other organisation / own organisation, and
 * token attacks. The fixtures: a text work daily-news registered (anchored, so its certificate can be
 * issued), a licence of it to acme-trading, a capture of its text published by pixel-studio and the
 * infringement claimed on it; the outsider is pixel-studio's rights manager.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class CopyrightSecurityTest extends SecurityMatrixTest {

    private static volatile long licensableWork;
    private static volatile String registeredDigest;

    /** The page URL captures fetch in the matrix, served on loopback (the test configuration allows 127.0.0.0/8). */
    private static final org.alliancechain.copyright.capture.LoopbackSite SITE = org.alliancechain.copyright.capture.LoopbackSite.start()
            .html("/matrix.html", org.alliancechain.copyright.capture.TestArchives.htmlOf("matrix", article(3)));

    @org.junit.jupiter.api.AfterAll
    static void closeSite() {
        SITE.close();
    }

    @Override
    protected AppUnderTest app() {
        return CopyrightServiceTest.APP;
    }

    @Override
    protected Map<String, String> fixtures() {
        var fixtures = new HashMap<>(super.fixtures());
        long work = registerText(RIGHTS, "matrix work", article(Math.abs(UUID.randomUUID().hashCode())));
        awaitWork(RIGHTS, work, "REGISTERED");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> as(RIGHTS).get("/api/works/" + work + "/certificate")
                .statusCode() == 200);
        fixtures.put("workId", String.valueOf(work));
        registeredDigest = as(RIGHTS).get("/api/works/" + work).then().statusCode(200).extract().path("contentDigest");
        fixtures.put("contentDigest", registeredDigest);
        long licence = json(RIGHTS).body(grant(work, LICENSEE_ORG)).post("/api/licences").then().statusCode(202).extract().jsonPath()
                .getLong("id");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "GRANTED".equals(as(RIGHTS).get("/api/licences/"
                + licence).then().extract().path("status")));
        fixtures.put("licenceId", String.valueOf(licence));
        licensableWork = registerText(RIGHTS, "matrix work 2", article(Math.abs(UUID.randomUUID().hashCode())));
        awaitWork(RIGHTS, licensableWork, "REGISTERED");
        // A capture of the first work's text published by pixel-studio, and the infringement claimed on it.
        String text = as(RIGHTS).get("/api/works/" + work + "/content").then().statusCode(200).extract().asString();
        long capture = json(RIGHTS).body(Map.of("text", text, "format", "plain", "publisher", OTHER_RIGHTS_ORG)).post("/api/captures").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(as(RIGHTS).get("/api/captures/"
                + capture).then().extract().path("anchoring.phase")));
        fixtures.put("captureId", String.valueOf(capture));
        long infringement = json(RIGHTS).body(Map.of("captureId", capture, "workId", work, "use", "FULL_REPRINT", "channel", "ONLINE",
                "territory", "CN", "claim", "matrix claim")).post("/api/infringements").then().statusCode(202).extract().jsonPath().getLong("id");
        fixtures.put("infringementId", String.valueOf(infringement));
        // A finished bulk upload of the rights manager's (uploads are their uploader's).
        String uploadId = as(RIGHTS).multiPart("files", "matrix.txt", article(Math.abs(UUID.randomUUID().hashCode()))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain").multiPart("authors", "matrix")
                .post("/api/works/uploads").then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "READY".equals(as(RIGHTS)
                .get("/api/works/uploads/" + uploadId).then().extract().path("state")));
        fixtures.put("uploadId", uploadId);
        return fixtures;
    }

    private static Map<String, Object> grant(long work, String licensee) {
        return Map.of("workId", work, "licensee", licensee, "uses", List.of("EXCERPT"), "channels", List.of("ONLINE"), "territory", "CN",
                "validFrom", Instant.now().minus(Duration.ofDays(1)).toString(), "terms", "matrix terms");
    }

    @Override
    protected Map<String, String> sampleBodies() {
        var bodies = new HashMap<>(super.sampleBodies());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            bodies.put("POST /api/works", json.writeValueAsString(textWork("matrix", article(Math.abs(UUID.randomUUID().hashCode())))));
            bodies.put("POST /api/works/bulk", json.writeValueAsString(Map.of("works",
                    List.of(textWork("matrix bulk", article(Math.abs(UUID.randomUUID().hashCode())))))));
            bodies.put("POST /api/licences", json.writeValueAsString(grant(licensableWork, "nova-manufacturing")));
            bodies.put("POST /api/matches", json.writeValueAsString(Map.of("text", article(1), "format", "plain")));
            bodies.put("POST /api/matches/bulk", json.writeValueAsString(Map.of("items", List.of(Map.of("ref", "matrix", "text", article(1)),
                    Map.of("ref", "matrix html", "html", "<p>" + article(2) + "</p>")))));
            // To the holder itself: refused (422) after authorisation and tenancy, so the fixture work stays daily-news's.
            bodies.put("POST /api/works/{workId}/transfer", json.writeValueAsString(Map.of("toOrganisation", RIGHTS_ORG)));
            bodies.put("POST /api/matches/hashes", json.writeValueAsString(Map.of("pdq",
                    List.of("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        bodies.put("POST /api/licences/{licenceId}/revoke", "{}");
        try {
            bodies.put("POST /api/captures", json.writeValueAsString(Map.of("text", article(2), "format", "plain")));
            bodies.put("POST /api/captures/url", json.writeValueAsString(Map.of("url", SITE.url("/matrix.html"))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return bodies;
    }

    @Override
    protected java.util.Set<String> stateDependent() {
        return java.util.Set.of(
                // The as-of answer needs its query (work, licensee, use, channel, territory): without it, 400 naming them.
                "GET /api/licences/check",
                // Revoked once by the owning organisation's call; again, 409.
                "POST /api/licences/{licenceId}/revoke",
                // The fixture's capture is claimed already (409 again); its report is 409 until the report's record is anchored.
                "POST /api/infringements", "GET /api/infringements/{infringementId}/report",
                // A transfer of the fixture work would take it from the other operations: its body names the holder itself (422).
                "POST /api/works/{workId}/transfer");
    }

    /** The look-up of registrations is public (no security requirement in the API document, answered without a token); the other new operations are not. */
    @Test
    void theLookUpOfRegistrationsIsPublicAndTheNewOperationsAreNot() {
        var paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                .<String, Map<String, Map<String, Object>>>getMap("paths");
        var publicOperations = List.of("get /api/public/works/{contentDigest}", "post /api/public/works/lookup",
                "post /api/public/works/lookup/files");
        for (String op : publicOperations) {
            String[] parts = op.split(" ");
            assertThat(paths.get(parts[1])).as(op).containsKey(parts[0]);
            assertThat(paths.get(parts[1]).get(parts[0])).as(op).doesNotContainKey("security");
        }
        for (String op : List.of("post /api/works/{workId}/transfer", "get /api/works/{workId}/transfers", "post /api/matches/bulk")) {
            String[] parts = op.split(" ");
            assertThat(paths.get(parts[1]).get(parts[0])).as(op).containsKey("security");
        }
        given().get("/api/public/works/" + registeredDigest).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("text", article(3), "format", "plain"))
                .post("/api/public/works/lookup").then().statusCode(200);
        given().multiPart("file", "a.txt", article(4).getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/public/works/lookup/files").then().statusCode(200);
        given().get("/verify/works").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("items", List.of()))
                .post("/api/matches/bulk").then().statusCode(401);
    }
}
