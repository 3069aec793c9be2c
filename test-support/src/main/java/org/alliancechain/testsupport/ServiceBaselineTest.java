package org.alliancechain.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.alliancechain.localstack.ConsortiumBootstrap;
import org.junit.jupiter.api.Test;

/**
 * What every app service must do, run by each app's {@code @QuarkusTest} subclass against the real
 * Keycloak, PostgreSQL and anvil of {@link SuiteTestResource}.
 */
public abstract class ServiceBaselineTest extends AppTest {

    protected String database() {
        return app().database();
    }

    @Test
    void healthIsUpAndTheChainGroupSeesNodeAndContracts() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/group/chain").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].data.AnchorRegistry", not(containsString("no code")));
    }

    @Test
    void openApiDocumentsTheApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/me"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/notarisations"));
    }

    @Test
    void meDescribesTheCallerFromARealToken() {
        given().auth().oauth2(Tokens.accessToken(authorisedUser()))
                .get("/api/me").then().statusCode(200)
                .body("user", equalTo(authorisedUser()))
                .body("organisation", equalTo(authorisedOrganisation()))
                .body("roles.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        problem(given().get("/api/me"), 401).header("WWW-Authenticate", containsString("Bearer"));
        problem(given().contentType(ContentType.JSON).body(validRequest("x")).post("/api/notarisations"), 401);
    }

    @Test
    void aForgedTokenIs401() {
        String token = Tokens.accessToken(authorisedUser());
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        problem(given().auth().oauth2(tampered).get("/api/me"), 401);
    }

    @Test
    void theWrongRoleIs403ProblemJson() {
        problem(given().auth().oauth2(Tokens.accessToken(userWithoutRole()))
                .contentType(ContentType.JSON).body(validRequest("no role")).post("/api/notarisations"), 403);
    }

    @Test
    void malformedJsonIs400ProblemJsonWithoutAStackTrace() {
        problem(given().auth().oauth2(Tokens.accessToken(authorisedUser()))
                .contentType(ContentType.JSON).body("{\"sha256\": ").post("/api/notarisations"), 400)
                .body("detail", containsString("Malformed JSON"));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsNamedByItsJsonPointerAndNoJavaClass() {
        problem(given().auth().oauth2(Tokens.accessToken(authorisedUser()))
                .contentType(ContentType.JSON).body("{\"sha256\": {\"x\": 1}, \"label\": [\"a\"]}").post("/api/notarisations"), 400)
                .body("detail", org.hamcrest.Matchers.startsWith("Malformed JSON at /sha256: expected a string"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.anyOf(containsString("org."), containsString("java."),
                        containsString("$"), containsString("NotarisationRequest"), containsString("`"))))
                .body("errors.field", hasItem("sha256"));
    }

    @Test
    void invalidFieldsAre400WithEachViolation() {
        problem(given().auth().oauth2(Tokens.accessToken(authorisedUser()))
                .contentType(ContentType.JSON).body("{\"sha256\":\"xyz\",\"label\":\"\"}").post("/api/notarisations"), 400)
                .body("errors.field", hasItem("sha256"))
                .body("errors.field", hasItem("label"));
    }

    @Test
    void anUnknownPathIs404ProblemJson() {
        problem(given().auth().oauth2(Tokens.accessToken(authorisedUser())).get("/api/no-such-thing"), 404);
    }

    @Test
    void aNotarisationIsStoredAnchoredOnChainAndHiddenFromOtherOrganisations() throws Exception {
        String label = "contract " + UUID.randomUUID();
        var created = given().auth().oauth2(Tokens.accessToken(authorisedUser()))
                .contentType(ContentType.JSON).body(validRequest(label))
                .post("/api/notarisations")
                .then().statusCode(202)
                .header("Location", containsString("/api/notarisations/"))
                .body("organisation", equalTo(authorisedOrganisation()))
                .body("chain.status", equalTo("BATCHING"))
                .extract().jsonPath();
        long id = created.getLong("id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Tokens.accessToken(authorisedUser()))
                        .get("/api/notarisations/" + id).then().statusCode(200)
                        .body("chain.status", equalTo("CONFIRMED")));

        var proof = given().auth().oauth2(Tokens.accessToken(authorisedUser()))
                .get("/api/notarisations/" + id).then().statusCode(200).extract().jsonPath();
        var auditPath = proof.getList("chain.proof.auditPath", String.class).stream().map(HexFormat.of()::parseHex).toList();
        byte[] root = HexFormat.of().parseHex(proof.getString("chain.proof.root"));
        assertThat(proof.getString("chain.proof.itemDigest")).as("the record digest is what was anchored")
                .isEqualTo(proof.getString("recordDigest"));
        assertThat(ThirdPartyProofCheck.verify(HexFormat.of().parseHex(proof.getString("recordDigest")), proof.getLong("chain.proof.leafIndex"),
                proof.getLong("chain.proof.treeSize"), auditPath, root)).as("the audit path leads to the root").isTrue();
        assertThat(ChainProbe.anchoredRoot(SuiteTestResource.stack().contracts(), proof.getString("chain.proof.batchId")))
                .as("the root anchored on chain, read directly from the node").isEqualTo(proof.getString("chain.proof.root"));
        assertThat(ChainProbe.anchoringMember(SuiteTestResource.stack().contracts(), proof.getString("chain.proof.batchId")))
                .as("anchored by the caller's organisation's own account, not the service's")
                .isEqualTo(HexFormat.of().formatHex(ConsortiumBootstrap.memberId(authorisedOrganisation())));
        assertThat(rowsWithLabel(label)).as("row in PostgreSQL").isEqualTo(1);

        problem(given().auth().oauth2(Tokens.accessToken(otherOrganisationUser()))
                .get("/api/notarisations/" + id), 404);
    }

    /**
     * Clients that speak HTTP/2 (java.net.http upgrades a plain connection to h2c; ./run's demo client is one) get their
     * JSON read too: reading small bodies ahead on the I/O thread once answered every such request 500.
     */
    @Test
    void aJsonPostOverHttp2IsReadLikeOneOverHttp11() throws Exception {
        String label = "h2c " + UUID.randomUUID();
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        var base = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/notarisations");
        for (int attempt = 0; attempt < 2; attempt++) { // the first request upgrades the connection, the second is HTTP/2 from the start
            var response = client.send(java.net.http.HttpRequest.newBuilder(base)
                    .header("Authorization", "Bearer " + Tokens.accessToken(authorisedUser()))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(validRequest(label + " " + attempt))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s: %s", response.version(), response.body()).isEqualTo(202);
            assertThat(response.body()).contains(label + " " + attempt);
            if (attempt == 1) {
                assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
            }
        }
    }

    @Test
    void bulkNotarisationRegistersEveryHashInOrderOrNone() throws Exception {
        String label = "bulk " + UUID.randomUUID();
        var created = given().auth().oauth2(Tokens.accessToken(authorisedUser())).contentType(ContentType.JSON)
                .body("[" + validRequest(label + " 0") + "," + validRequest(label + " 1") + "," + validRequest(label + " 2") + "]")
                .post("/api/notarisations/bulk")
                .then().statusCode(202)
                .body("label", org.hamcrest.Matchers.contains(label + " 0", label + " 1", label + " 2"))
                .body("organisation", org.hamcrest.Matchers.everyItem(equalTo(authorisedOrganisation())))
                .body("chain.status", org.hamcrest.Matchers.everyItem(equalTo("BATCHING")))
                .extract().jsonPath();
        long last = created.getLong("[2].id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Tokens.accessToken(authorisedUser())).get("/api/notarisations/" + last)
                        .then().statusCode(200).body("chain.status", equalTo("CONFIRMED"))
                        .body("recordDigest", equalTo(created.getString("[2].recordDigest")))
                        .body("chain.proof.itemDigest", equalTo(created.getString("[2].recordDigest"))));
        problem(given().auth().oauth2(Tokens.accessToken(otherOrganisationUser())).get("/api/notarisations/" + last), 404);

        // The three records share one time-stamp token; each certificate carries its own RFC 4998 path to it and verifies.
        byte[] pdf = given().auth().oauth2(Tokens.accessToken(authorisedUser())).get("/api/notarisations/" + last + "/certificate")
                .then().statusCode(200).extract().asByteArray();
        given().contentType("application/pdf").body(pdf).post("/api/verify").then().statusCode(200)
                .body("verdict", equalTo("VALID"))
                .body("checks.find { it.id == 'record.timestamp' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.id == 'record.timestamp' }.detail", containsString("RFC 4998"));
        // Their token is stored once (shared-service's V1104): each row keeps its evidence record's bytes before it and the
        // token's id; the certificate above, whose time-stamp check passed, was made from the joined bytes.
        var db = SuiteTestResource.stack().database();
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(database()), db.user(), db.password());
             var s = c.prepareStatement("""
                     select n.timestamp_token, t.token, n.timestamp_token_id from notarisation n
                       left join timestamp_token t on t.id = n.timestamp_token_id where n.label like ? order by n.id""")) {
            s.setString(1, label + " %");
            var rows = s.executeQuery();
            var tokenIds = new java.util.HashSet<Long>();
            int count = 0;
            while (rows.next()) {
                count++;
                byte[] before = rows.getBytes(1);
                byte[] token = rows.getBytes(2);
                assertThat(token).as("row %d names a stored token", count).isNotNull();
                tokenIds.add(rows.getLong(3));
                assertThat(before.length).as("the row keeps only its evidence record's path").isLessThan(600);
                assertThat(token.length).as("the token: the authority's signature and certificates").isGreaterThan(1000);
            }
            assertThat(count).isEqualTo(3);
            assertThat(tokenIds).as("one token for the request").hasSize(1);
        }

        // One bad item refuses the whole request, naming the item; nothing of it is stored.
        String refused = "bulk refused " + UUID.randomUUID();
        problem(given().auth().oauth2(Tokens.accessToken(authorisedUser())).contentType(ContentType.JSON)
                .body("[" + validRequest(refused) + ",{\"sha256\":\"xyz\",\"label\":\"" + refused + "\"}]")
                .post("/api/notarisations/bulk"), 400)
                .body("errors.field", hasItem("[1].sha256"));
        assertThat(rowsWithLabel(refused)).isZero();
        problem(given().auth().oauth2(Tokens.accessToken(authorisedUser())).contentType(ContentType.JSON).body("[]")
                .post("/api/notarisations/bulk"), 400).body("errors.field", hasItem("body"));
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(1001, validRequest(refused))) + "]";
        problem(given().auth().oauth2(Tokens.accessToken(authorisedUser())).contentType(ContentType.JSON).body(tooMany)
                .post("/api/notarisations/bulk"), 400).body("detail", containsString("1 to 1000"));
        assertThat(rowsWithLabel(refused)).isZero();
        problem(given().contentType(ContentType.JSON).body("[" + validRequest("x") + "]").post("/api/notarisations/bulk"), 401);
    }

    @Test
    void aConfirmedNotarisationHasASignedCertificateThatAnyoneCanVerify() throws Exception {
        String label = "certificate " + UUID.randomUUID();
        long id = given().auth().oauth2(Tokens.accessToken(authorisedUser())).contentType(ContentType.JSON).body(validRequest(label))
                .post("/api/notarisations").then().statusCode(202).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Tokens.accessToken(authorisedUser())).get("/api/notarisations/" + id)
                        .then().statusCode(200).body("chain.status", equalTo("CONFIRMED")));

        byte[] pdf = given().auth().oauth2(Tokens.accessToken(authorisedUser())).get("/api/notarisations/" + id + "/certificate?level=B-LT")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        problem(given().auth().oauth2(Tokens.accessToken(otherOrganisationUser())).get("/api/notarisations/" + id + "/certificate"), 404);
        problem(given().auth().oauth2(Tokens.accessToken(authorisedUser())).get("/api/notarisations/" + id + "/certificate?level=X"), 400);

        // Public: no token. The certificate alone, then with the original (the label's bytes were hashed).
        given().contentType("application/pdf").body(pdf).post("/api/verify").then().statusCode(200)
                .body("verdict", equalTo("VALID"))
                .body("summary.level", equalTo("PAdES-BASELINE-LT"))
                .body("checks.find { it.id == 'proof.on-chain-root' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.id == 'record.timestamp' }.outcome", equalTo("PASSED"));
        given().multiPart("certificate", "certificate.pdf", pdf, "application/pdf")
                .multiPart("file", "original.txt", label.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .post("/api/verify").then().statusCode(200).body("verdict", equalTo("VALID"))
                .body("checks.find { it.id == 'record.original-file' }.outcome", equalTo("PASSED"));
        given().multiPart("certificate", "certificate.pdf", pdf, "application/pdf")
                .multiPart("file", "original.txt", "another file".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .post("/api/verify").then().statusCode(200).body("verdict", equalTo("INVALID"));

        // The page behind the certificate's QR code, and the page where a visitor drops the certificate.
        String digest = given().auth().oauth2(Tokens.accessToken(authorisedUser())).get("/api/notarisations/" + id)
                .then().extract().path("recordDigest");
        given().get("/verify?digest=" + digest).then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("证据核验 · Evidence verification")).body(containsString(label)).body(containsString("CONFIRMED"));
        given().get("/verify?digest=" + "0".repeat(64)).then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("Not found"));
        given().multiPart("certificate", "certificate.pdf", pdf, "application/pdf").post("/verify")
                .then().statusCode(200).contentType(ContentType.HTML).body(containsString("id=\"verdict\">VALID"));
        given().multiPart("certificate", "notes.txt", "not a pdf".getBytes(), "text/plain").post("/verify")
                .then().statusCode(415).contentType(ContentType.HTML).body(containsString("not a PDF"));
        // A file dropped alone: which registered records hold its SHA-256.
        given().multiPart("file", "original.txt", label.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain").post("/verify")
                .then().statusCode(200).contentType(ContentType.HTML).body(containsString("File registered"))
                .body(containsString(label)).body(containsString(digest));
        given().multiPart("file", "other.txt", ("never registered " + label).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .post("/verify").then().statusCode(404).contentType(ContentType.HTML).body(containsString("has registered no file"));
        given().multiPart("nothing", "x").post("/verify").then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("neither a certificate nor a file"));
    }

    @Test
    void verificationRefusesWhatIsNotACertificateWithProblemJson() throws Exception {
        problem(given().contentType("application/pdf").body("hello".getBytes()).post("/api/verify"), 415)
                .body("detail", containsString("not a PDF"));
        problem(given().contentType("text/plain").body("hello").post("/api/verify"), 415);
        problem(given().contentType("application/pdf").body("%PDF-1.7\n garbage".getBytes()).post("/api/verify"), 422)
                .body("detail", containsString("damaged"));
        problem(given().contentType("application/pdf").body(encryptedPdf()).post("/api/verify"), 422)
                .body("detail", containsString("encrypted"));
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(), 0, huge, 0, 5);
        problem(given().contentType("application/pdf").body(huge).post("/api/verify"), 413)
                .body("detail", containsString("limit of 20 MB"));
        problem(given().multiPart("file", "x.txt", "x".getBytes(), "text/plain").post("/api/verify"), 400)
                .body("detail", containsString("no 'certificate' part"));
    }

    @Test
    void theTimeStampingAuthorityAnswersRfc3161RequestsFromMembers() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("evidence".getBytes());
        var request = new org.bouncycastle.tsp.TimeStampRequestGenerator();
        request.setCertReq(true);
        var query = request.generate(org.bouncycastle.tsp.TSPAlgorithms.SHA256, digest, java.math.BigInteger.valueOf(42));
        byte[] reply = given().auth().oauth2(Tokens.accessToken(authorisedUser())).contentType("application/timestamp-query")
                .body(query.getEncoded()).post("/tsa").then().statusCode(200).contentType("application/timestamp-reply")
                .extract().asByteArray();
        var response = new org.bouncycastle.tsp.TimeStampResponse(reply);
        response.validate(query);
        var roots = given().get("/pki/roots.pem").then().statusCode(200).extract().asString();
        var tsaRoot = java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificates(new java.io.ByteArrayInputStream(roots.getBytes())).stream()
                .map(c -> (java.security.cert.X509Certificate) c)
                .filter(c -> c.getSubjectX500Principal().getName().contains("TSA Root")).findFirst().orElseThrow();
        var token = response.getTimeStampToken();
        var tsa = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(((org.bouncycastle.cert.X509CertificateHolder)
                        token.getCertificates().getMatches(token.getSID()).iterator().next()).getEncoded()));
        tsa.verify(tsaRoot.getPublicKey());
        token.validate(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder().build(tsa));

        problem(given().contentType("application/timestamp-query").body(query.getEncoded()).post("/tsa"), 401);
        var crl = given().get("/pki/root.crl").then().statusCode(200).contentType("application/pkix-crl").extract().asByteArray();
        assertThat(java.security.cert.CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(crl))).isNotNull();
    }

    private static byte[] encryptedPdf() throws Exception {
        // A one-page AES-256 encrypted PDF written by hand would be long; iText is on every app's classpath via shared-evidence.
        var out = new java.io.ByteArrayOutputStream();
        var properties = new com.itextpdf.kernel.pdf.WriterProperties().setStandardEncryption("u".getBytes(), "o".getBytes(),
                com.itextpdf.kernel.pdf.EncryptionConstants.ALLOW_PRINTING, com.itextpdf.kernel.pdf.EncryptionConstants.ENCRYPTION_AES_256);
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfWriter(out, properties))) {
            document.addNewPage();
        }
        return out.toByteArray();
    }

    private long rowsWithLabel(String label) throws Exception {
        var db = SuiteTestResource.stack().database();
        try (var c = DriverManager.getConnection(db.jdbcUrl(database()), db.user(), db.password());
             var s = c.prepareStatement("select count(*) from notarisation where label = ?")) {
            s.setString(1, label);
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    protected static String validRequest(String label) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "{\"sha256\":\"" + HexFormat.of().formatHex(digest) + "\",\"label\":\"" + label + "\"}";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body(not(containsString("\tat ")))
                .body(not(containsString("Exception")));
    }
}
