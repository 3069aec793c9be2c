package org.alliancechain.odr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.alliancechain.service.identity.VerifiedTokens;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.ServiceBaselineTest;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrArbitrationServiceTest extends ServiceBaselineTest {

    static final AppUnderTest APP = new AppUnderTest("alice", "acme-trading", "nora", "odr_arbitration");

    @Inject
    VerifiedTokens verifiedTokens;

    @Override
    protected AppUnderTest app() {
        return APP;
    }

    /** Shared code, tested once here: the security matrix shows expired and forged tokens still refused. */
    @Test
    void aRememberedBearerTokenStillNamesItsOwnCallerAndNoOther() {
        String[] users = {authorisedUser(), otherOrganisationUser(), userWithoutRole()};
        long hitsBefore = verifiedTokens.hitsAndMisses()[0];
        for (int round = 0; round < 3; round++) {
            for (String user : users) {
                given().auth().oauth2(Tokens.accessToken(user)).get("/api/me").then().statusCode(200)
                        .body("user", equalTo(user));
            }
        }
        assertThat(verifiedTokens.size()).as("bearer tokens remembered after verification").isGreaterThanOrEqualTo(users.length);
        assertThat(verifiedTokens.hitsAndMisses()[0] - hitsBefore).as("the later rounds answered from memory (hits, misses: %s)", java.util.Arrays.toString(verifiedTokens.hitsAndMisses()))
                .isGreaterThanOrEqualTo(2L * users.length);
    }

    /**
     * Shared code, tested once here: single registrations asked for at the same moment are done together (one
     * transaction, one token) — and still each is its caller's own: its own id and row, its own record digest under a
     * time-stamp that covers it, anchored under its own organisation's key, hidden from the other organisation.
     */
    @Test
    void registrationsAtTheSameMomentAreDoneTogetherAndEachStaysItsCallersOwn() throws Exception {
        String label = "together " + java.util.UUID.randomUUID();
        String[] users = {authorisedUser(), otherOrganisationUser()};
        String[] tokens = {Tokens.accessToken(users[0]), Tokens.accessToken(users[1])};
        String[] organisations = {authorisedOrganisation(),
                given().auth().oauth2(tokens[1]).get("/api/me").then().statusCode(200).extract().path("organisation")};
        assertThat(organisations[1]).isNotEqualTo(organisations[0]);
        int each = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2 * each);
        var start = new java.util.concurrent.CountDownLatch(1);
        var created = new java.util.ArrayList<java.util.concurrent.Future<io.restassured.path.json.JsonPath>>();
        for (int i = 0; i < 2 * each; i++) {
            String token = tokens[i % 2];
            String body = "{\"sha256\":\"" + org.alliancechain.evidence.HashAlgorithm.SHA256.hex((label + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    + "\",\"label\":\"" + label + " " + i + "\"}";
            created.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(token).contentType(io.restassured.http.ContentType.JSON).body(body)
                        .post("/api/notarisations").then().statusCode(202).extract().jsonPath();
            }));
        }
        start.countDown();
        var ids = new java.util.HashMap<Long, Integer>();
        for (int i = 0; i < created.size(); i++) {
            var json = created.get(i).get();
            assertThat(json.getString("label")).isEqualTo(label + " " + i);
            assertThat(json.getString("createdBy")).isEqualTo(users[i % 2]);
            ids.put(json.getLong("id"), i);
        }
        pool.shutdown();
        assertThat(ids).as("one id each").hasSize(2 * each);

        var db = SuiteTestResource.stack().database();
        int evidenceRecords = 0;
        var tokenOwners = new java.util.HashMap<Long, String>();
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(database()), db.user(), db.password());
             var s = c.prepareStatement("""
                     select n.id, n.label, n.organisation, n.record_digest, n.timestamp_token, t.token, n.timestamp_token_id from notarisation n
                       left join timestamp_token t on t.id = n.timestamp_token_id where n.label like ?""")) {
            s.setString(1, label + " %");
            var rows = s.executeQuery();
            int count = 0;
            while (rows.next()) {
                count++;
                int i = ids.get(rows.getLong("id"));
                assertThat(rows.getString("label")).as("row %d is its request's", rows.getLong("id")).isEqualTo(label + " " + i);
                byte[] stamp = rows.getBytes("timestamp_token");
                byte[] token = rows.getBytes("token");
                if (token != null) {
                    // a token shared with others stored once (V1104): the row keeps the bytes before it; only one organisation's
                    // records share a token (each organisation's are stamped apart, then anchored under its key)
                    String organisation = rows.getString("organisation");
                    assertThat(tokenOwners.computeIfAbsent(rows.getLong("timestamp_token_id"), t -> organisation)).isEqualTo(organisation);
                    stamp = java.util.Arrays.copyOf(stamp, stamp.length + token.length);
                    System.arraycopy(token, 0, stamp, stamp.length - token.length, token.length);
                }
                assertThat(org.alliancechain.evidence.tsa.ArchiveTimeStamps.covers(org.alliancechain.evidence.HashAlgorithm.SHA256, stamp,
                        java.util.HexFormat.of().parseHex(rows.getString("record_digest")))).as("its stamp covers its digest").isTrue();
                if (org.alliancechain.evidence.tsa.ArchiveTimeStamps.isEvidenceRecord(stamp)) {
                    evidenceRecords++;
                }
            }
            assertThat(count).isEqualTo(2 * each);
        }
        assertThat(evidenceRecords).as("stamps shared with others asked for at the same moment").isPositive();

        for (var entry : ids.entrySet()) {
            String owner = tokens[entry.getValue() % 2];
            String other = tokens[1 - entry.getValue() % 2];
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                    .untilAsserted(() -> given().auth().oauth2(owner).get("/api/notarisations/" + entry.getKey()).then().statusCode(200)
                            .body("chain.status", equalTo("CONFIRMED")));
            String batch = given().auth().oauth2(owner).get("/api/notarisations/" + entry.getKey()).then().extract().path("chain.proof.batchId");
            assertThat(org.alliancechain.testsupport.ChainProbe.anchoringMember(SuiteTestResource.stack().contracts(), batch))
                    .as("anchored under its own organisation's key")
                    .isEqualTo(java.util.HexFormat.of().formatHex(org.alliancechain.localstack.ConsortiumBootstrap.memberId(
                            organisations[entry.getValue() % 2])));
            given().auth().oauth2(other).get("/api/notarisations/" + entry.getKey()).then().statusCode(404);
        }
    }
}
