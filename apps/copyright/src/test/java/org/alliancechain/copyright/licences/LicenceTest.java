package org.alliancechain.copyright.licences;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.service.chain.ChainClock;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/** Licences granted and revoked on chain, and LicenceRegistry's answer "as of" a block. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class LicenceTest {

    private static Instant chainNow() {
        return io.quarkus.arc.Arc.container().instance(ChainClock.class).get().now();
    }

    private static Map<String, Object> grant(long workId, String licensee, Instant from, Instant until) {
        var body = new HashMap<String, Object>();
        body.put("workId", workId);
        body.put("licensee", licensee);
        body.put("uses", List.of("EXCERPT", "IMAGE_REUSE"));
        body.put("channels", List.of("ONLINE"));
        body.put("territory", "CN");
        body.put("validFrom", from.toString());
        if (until != null) {
            body.put("validUntil", until.toString());
        }
        body.put("terms", "摘编授权：可在网络渠道摘编不超过 30% 的内容，须注明出处。Excerpts online, at most 30 %, with attribution.");
        return body;
    }

    private static JsonPath awaitLicence(long id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> status.equals(as(RIGHTS)
                .get("/api/licences/" + id).then().statusCode(200).extract().path("status")));
        return as(RIGHTS).get("/api/licences/" + id).then().extract().jsonPath();
    }

    private static JsonPath check(String digest, String use, String territory, Instant time, Long block) {
        var request = as(MONITOR).queryParam("work", digest).queryParam("licensee", LICENSEE_ORG).queryParam("use", use)
                .queryParam("channel", "ONLINE").queryParam("territory", territory).queryParam("time", time.toString());
        if (block != null) {
            request = request.queryParam("block", block);
        }
        return request.get("/api/licences/check").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_licence_answers_as_of_any_block_and_a_revocation_changes_only_later_answers() {
        long workId = registerText(RIGHTS, "授权作品", article(4001));
        String digest = awaitWork(RIGHTS, workId, "REGISTERED").getString("contentDigest");
        Instant now = chainNow();
        long id = json(RIGHTS).body(grant(workId, LICENSEE_ORG, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))))
                .post("/api/licences").then().statusCode(202).extract().jsonPath().getLong("id");
        var licence = awaitLicence(id, "GRANTED");
        long grantedBlock = licence.getLong("grantedBlock");
        // The licensee sees it among its licences; another rights holder does not.
        assertThat(as(LICENSEE).get("/api/licences").then().statusCode(200).extract().jsonPath().getList("id", Long.class)).contains(id);
        as(OTHER_RIGHTS).get("/api/licences/" + id).then().statusCode(404);

        assertThat(check(digest, "EXCERPT", "CN-BJ", now, null).getBoolean("licensed")).isTrue();
        assertThat(check(digest, "EXCERPT", "CN-BJ", now, null).getLong("licence")).isEqualTo(id);
        assertThat(check(digest, "FULL_REPRINT", "CN", now, null).getBoolean("licensed")).as("a use not granted").isFalse();
        assertThat(check(digest, "EXCERPT", "HK", now, null).getBoolean("licensed")).as("outside the territory").isFalse();
        assertThat(check(digest, "EXCERPT", "CN", now.plus(Duration.ofDays(31)), null).getBoolean("licensed")).as("after the period").isFalse();
        assertThat(check(digest, "EXCERPT", "CN", now, grantedBlock - 1).getBoolean("licensed")).as("before the grant was recorded").isFalse();

        // Revoked from now on: later answers say no for times after it, the answer as of the grant's block stays yes.
        json(RIGHTS).body("{}").post("/api/licences/" + id + "/revoke").then().statusCode(202);
        var revoked = awaitLicence(id, "REVOKED");
        Instant after = Instant.parse(revoked.getString("revokedEffectiveAt")).plusSeconds(60);
        assertThat(check(digest, "EXCERPT", "CN", after, null).getBoolean("licensed")).isFalse();
        assertThat(check(digest, "EXCERPT", "CN", after, grantedBlock).getBoolean("licensed")).isTrue();
        assertThat(check(digest, "EXCERPT", "CN", now.minusSeconds(30), null).getBoolean("licensed")).as("before the revocation took effect")
                .isTrue();
        json(RIGHTS).body("{}").post("/api/licences/" + id + "/revoke").then().statusCode(409);
    }

    @Test
    void licences_the_registry_would_refuse_are_refused_naming_the_field() {
        long workId = registerText(RIGHTS, "授权作品 2", article(4002));
        awaitWork(RIGHTS, workId, "REGISTERED");
        Instant now = chainNow();
        long first = json(RIGHTS).body(grant(workId, LICENSEE_ORG, now, null)).post("/api/licences").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        // Overlapping: same work, licensee, a shared use and channel, an overlapping period and territory.
        json(RIGHTS).body(grant(workId, LICENSEE_ORG, now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(9)))).post("/api/licences")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("L-" + first));
        // Inverted period, own organisation, not a member, another organisation's work.
        json(RIGHTS).body(grant(workId, "nova-manufacturing", now, now.minusSeconds(60))).post("/api/licences").then().statusCode(422)
                .body("errors[0].field", equalTo("validUntil"));
        json(RIGHTS).body(grant(workId, RIGHTS_ORG, now, null)).post("/api/licences").then().statusCode(422)
                .body("errors[0].field", equalTo("licensee"));
        json(RIGHTS).body(grant(workId, "no-such-member", now, null)).post("/api/licences").then().statusCode(422)
                .body("errors[0].field", equalTo("licensee"));
        json(OTHER_RIGHTS).body(grant(workId, LICENSEE_ORG, now, null)).post("/api/licences").then().statusCode(404);
        // The as-of question without its parts: 400 naming each query parameter.
        as(MONITOR).get("/api/licences/check").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("work", "licensee", "use", "channel", "territory"));
        // Values of the wrong kind: 400 naming the parameter (JAX-RS itself would answer 404 naming nothing); a time the chain's
        // unsigned seconds cannot hold, 422 before anything is recorded.
        String digest = as(RIGHTS).get("/api/works/" + workId).then().extract().path("contentDigest");
        var query = new java.util.HashMap<String, Object>(Map.of("work", digest, "licensee", LICENSEE_ORG, "use", "FULL_REPRINT",
                "channel", "ONLINE", "territory", "CN"));
        for (var wrong : List.of(Map.entry("use", "full_reprint"), Map.entry("channel", "TV"), Map.entry("block", "abc"),
                Map.entry("time", "1960-01-01T00:00:00Z"))) {
            var params = new java.util.HashMap<>(query);
            params.put(wrong.getKey(), wrong.getValue());
            as(MONITOR).queryParams(params).get("/api/licences/check").then().statusCode(wrong.getKey().equals("time") ? 422 : 400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(wrong.getKey())).body("detail", org.hamcrest.Matchers.not(containsString("alliancechain")));
        }
        json(RIGHTS).body(grant(workId, "nova-manufacturing", Instant.parse("1969-06-01T00:00:00Z"), null)).post("/api/licences").then()
                .statusCode(422).body("errors[0].field", equalTo("validFrom"));
        json(RIGHTS).body(grant(workId, "nova-manufacturing", now, Instant.parse("+300000-01-01T00:00:00Z"))).post("/api/licences").then()
                .statusCode(422).body("errors[0].field", equalTo("validUntil"));
        // Bad territory, no uses.
        var bad = grant(workId, "nova-manufacturing", now, null);
        bad.put("territory", "China");
        json(RIGHTS).body(bad).post("/api/licences").then().statusCode(422).body("errors[0].field", equalTo("territory"));
        bad.put("territory", "CN");
        bad.put("uses", List.of());
        json(RIGHTS).body(bad).post("/api/licences").then().statusCode(400).contentType("application/problem+json");
        // A revocation back-dated before the chain's time.
        awaitLicence(first, "GRANTED");
        json(RIGHTS).body(Map.of("effectiveAt", now.minus(Duration.ofDays(2)).toString())).post("/api/licences/" + first + "/revoke").then()
                .statusCode(422).body("errors[0].field", equalTo("effectiveAt"));
    }
}
