package org.alliancechain.odr;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.alliancechain.testsupport.Tokens;

/**
 * The steps of an arbitration case over the HTTP API, as the demo users take them: alice
 * (acme-trading) files against nova-manufacturing before hz-arbitration, clerk.hz accepts, arb.hz
 * decides, bob answers for nova. Shared by the end-to-end, security and browser tests.
 */
public final class OdrFlow {

    public static final String CLAIMANT = "alice";
    public static final String RESPONDENT = "bob";
    public static final String CLERK = "clerk.hz";
    public static final String ARBITRATOR = "arb.hz";
    public static final String COMMISSION = "hz-arbitration";
    public static final String CLAIMANT_ORG = "acme-trading";
    public static final String RESPONDENT_ORG = "nova-manufacturing";

    private OdrFlow() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user));
    }

    /** Asserts a problem+json answer with this status and no stack trace in it; returns the response for more checks. */
    public static io.restassured.response.Response problem(io.restassured.response.Response response, int status) {
        response.then().statusCode(status).contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(status));
        org.assertj.core.api.Assertions.assertThat(response.asString()).doesNotContain("Exception").doesNotContain("\tat ");
        return response;
    }

    /** How many evidence items the claimant sees in the case. */
    public static int evidenceCount(long caseId) {
        return as(CLAIMANT).get("/api/cases/" + caseId + "/evidence").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    public static String filing(String title) {
        return """
                {"title": "%s", "commission": "hz-arbitration", "respondent": "nova-manufacturing",
                 "claim": "支付货款 Payment of the price of goods delivered under contract AC-2026-17, with interest",
                 "amount": 128000.50, "currency": "CNY", "agreementReference": "Contract AC-2026-17, clause 14 (arbitration)"}
                """.formatted(title);
    }

    /** Files a case with documents as alice; returns the case as the API answered (201). */
    public static JsonPath file(String title, Map<String, byte[]> documents) {
        var request = as(CLAIMANT).multiPart(new io.restassured.builder.MultiPartSpecBuilder(filing(title)).controlName("case")
                .mimeType("application/json").charset(java.nio.charset.StandardCharsets.UTF_8).build());
        for (var d : documents.entrySet()) {
            request = request.multiPart("documents", d.getKey(), d.getValue(), "application/octet-stream");
        }
        return request.post("/api/cases").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath fileWithoutDocuments(String title) {
        return as(CLAIMANT).contentType(ContentType.JSON).body(filing(title)).post("/api/cases").then().statusCode(201).extract().jsonPath();
    }

    /** The clerk accepts with a sole arbitrator (default deadlines). */
    public static JsonPath accept(long caseId) {
        return as(CLERK).contentType(ContentType.JSON).body("{\"tribunal\": {\"arbitrators\": [\"arb.hz\"]}}")
                .post("/api/cases/" + caseId + "/acceptance").then().statusCode(200).extract().jsonPath();
    }

    public static List<Map<String, Object>> upload(String user, long caseId, Map<String, byte[]> files, int expectedStatus) {
        var request = as(user);
        for (var f : files.entrySet()) {
            request = request.multiPart("files", f.getKey(), f.getValue(), "application/octet-stream");
        }
        var response = request.post("/api/cases/" + caseId + "/evidence").then().statusCode(expectedStatus).extract();
        return expectedStatus == 201 ? response.jsonPath().getList("$") : List.of();
    }

    public static void draftAndIssue(long caseId) {
        as(ARBITRATOR).contentType(ContentType.JSON).body("""
                {"decision": "被申请人向申请人支付货款人民币128,000.50元。The respondent shall pay the claimant CNY 128,000.50.",
                 "reasoning": "The goods were delivered and accepted (C-1, C-2); the respondent's answer does not dispute delivery."}
                """).put("/api/cases/" + caseId + "/award").then().statusCode(200);
        as(ARBITRATOR).post("/api/cases/" + caseId + "/award/issue").then().statusCode(200);
    }

    /** Waits until every chain write and notarisation of the case's timeline is confirmed. */
    public static void awaitTimelineConfirmed(long caseId) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<String> states = as(CLERK).get("/api/cases/" + caseId + "/timeline").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.chainStatus != null }.chainStatus", String.class);
            if (states.contains("FAILED")) {
                throw new AssertionError("a chain write of case " + caseId + " failed: "
                        + as(CLERK).get("/api/cases/" + caseId + "/timeline").asString());
            }
            return states.stream().allMatch("CONFIRMED"::equals);
        });
    }

    // ---- files ----

    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] png(int seed) {
        var image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(seed % 16, seed / 16 % 16, 0xff0000 + seed);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A Linux executable's first bytes: what a disguised file looks like inside. */
    public static byte[] elf() {
        byte[] b = new byte[256];
        b[0] = 0x7f;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = 2;
        b[5] = 1;
        b[6] = 1;
        return b;
    }
}
