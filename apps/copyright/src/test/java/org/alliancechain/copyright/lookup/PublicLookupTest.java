package org.alliancechain.copyright.lookup;

import static io.restassured.RestAssured.given;
import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.ibm.icu.text.Transliterator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.testsupport.SuiteTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Anyone asks whether a text or an image is registered, and learns the registration record only. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class PublicLookupTest {

    @Inject
    ChainPort chain;

    @ConfigProperty(name = "chain.contracts.work-registry")
    String workRegistry;

    private static JsonPath lookUp(String text, String format) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text, "format", format)).post("/api/public/works/lookup").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void a_registered_text_is_found_by_its_digest_and_by_a_near_copy_with_its_registration_record_only() {
        String title = "未公开的标题 8201";
        String text = article(8201) + article(8202).substring(12);
        long id = registerText(RIGHTS, title, text);
        var work = awaitWork(RIGHTS, id, "REGISTERED");
        String digest = work.getString("contentDigest");

        var byDigest = given().get("/api/public/works/" + digest.toUpperCase()).then().statusCode(200).extract();
        var record = byDigest.jsonPath();
        assertThat(record.getString("kind")).isEqualTo("DIGEST");
        assertThat(record.getList("registrations")).hasSize(1);
        assertThat(record.getLong("registrations[0].workId")).isEqualTo(id);
        assertThat(record.getString("registrations[0].work")).isEqualTo("W-" + id);
        assertThat(record.getString("registrations[0].contentDigest")).isEqualTo(digest);
        assertThat(record.getString("registrations[0].holder")).isEqualTo(RIGHTS_ORG);
        assertThat(record.getLong("registrations[0].block")).isEqualTo(work.getLong("registeredBlock"));
        assertThat(record.getString("registrations[0].transaction")).isEqualTo(work.getString("registeredTransaction"));
        assertThat(record.getString("registrations[0].registeredAt")).isNotBlank();
        assertThat(record.getString("registrations[0].certificate")).endsWith("/verify?digest=" + work.getString("recordDigest"));
        assertThat(record.getString("registrations[0].match")).isEqualTo("exact");
        // Nothing but the record: no title, authors, content, licences or scores.
        assertThat(byDigest.asString()).doesNotContain(title).doesNotContain("张三").doesNotContain(text.substring(40, 60))
                .doesNotContain("score").doesNotContain("passages").doesNotContain("licen");

        // The same text sent: exact; a rewritten excerpt in Traditional characters inside a web page: near.
        var exact = lookUp(text, "plain");
        assertThat(exact.getString("digest")).isEqualTo(digest);
        assertThat(exact.getLong("registrations[0].workId")).isEqualTo(id);
        assertThat(exact.getString("registrations[0].match")).isEqualTo("exact");
        String excerpt = text.substring(text.length() / 4, text.length() * 3 / 4).replace("专家表示", "业内人士认为");
        String page = "<html><head><script>fetch('http://198.51.100.1/')</script></head><body><article><p>"
                + Transliterator.getInstance("Simplified-Traditional").transliterate(excerpt) + "</p></article></body></html>";
        var near = given().contentType(ContentType.JSON).body(Map.of("text", page, "format", "html")).post("/api/public/works/lookup")
                .then().statusCode(200).extract();
        assertThat(near.jsonPath().getString("registrations.find { it.workId == " + id + " }.match")).isEqualTo("near");
        assertThat(near.asString()).doesNotContain(title).doesNotContain("passages").doesNotContain("Quote");
        assertThat(lookUp("今天天气晴朗，气温二十度，适合外出散步。市民在公园里放风筝、打太极，孩子们在草地上奔跑嬉戏，一派春意盎然的景象。", "plain")
                .getList("registrations")).isEmpty();

        // The page, in Chinese and English, linked from the public verifier.
        given().get("/verify").then().statusCode(200).body(containsString("href=\"/verify/works\""));
        given().get("/verify/works?digest=" + digest).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("W-" + id)).body(containsString(RIGHTS_ORG)).body(containsString("完全相同 exact"))
                .body(containsString("/verify?digest=" + work.getString("recordDigest")));
        assertThat(given().get("/verify/works?digest=" + digest).asString()).doesNotContain(title);
        given().multiPart("text", page, "text/plain; charset=UTF-8").multiPart("format", "html").post("/verify/works").then().statusCode(200)
                .body(containsString("近似 near")).body(containsString("W-" + id));
        given().get("/verify/works?digest=" + "0".repeat(64)).then().statusCode(404).body(containsString("未找到已登记作品"));
        given().get("/verify/works?digest=xyz").then().statusCode(400).body(containsString("64"));
    }

    @Test
    void only_works_workregistry_holds_are_answered_and_bad_queries_are_refused() {
        // daily-news's submission of content pixel-studio registered first directly in WorkRegistry is refused: not a registration of ours.
        String text = article(8203);
        byte[] digest = HashAlgorithm.SHA256.digest(text.getBytes(StandardCharsets.UTF_8));
        long tx = QuarkusTransaction.requiringNew().call(() -> chain.submit(OTHER_RIGHTS_ORG, ContractCall.of(workRegistry,
                "registerWork(bytes32,bytes32,bytes32)", digest, HashAlgorithm.SHA256.digest(new byte[] {3}),
                HashAlgorithm.SHA256.digest(new byte[] {4}))));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> chain.status(tx).orElseThrow().status().name()
                .equals("CONFIRMED"));
        long id = registerText(RIGHTS, "先被他人登记 8203", text);
        assertThat(awaitDecided(RIGHTS, id).getString("status")).isEqualTo("REFUSED");
        given().get("/api/public/works/" + HashAlgorithm.SHA256.hex(text.getBytes(StandardCharsets.UTF_8))).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no registered work"));
        assertThat(lookUp(text, "plain").getList("registrations.workId")).doesNotContain((int) id, id);

        given().get("/api/public/works/not-a-digest").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("text", "太短", "format", "plain")).post("/api/public/works/lookup").then()
                .statusCode(422).body("errors[0].field", equalTo("text"));
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(200_001), "format", "plain")).post("/api/public/works/lookup")
                .then().statusCode(413).body("errors[0].field", equalTo("text"));
        given().multiPart("file", "photo.jpg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "image/jpeg")
                .post("/api/public/works/lookup/files").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void an_image_is_found_exactly_and_resized() {
        byte[] photo = fixture("modifications/square-512x512.jpg");
        long id = as(RIGHTS).multiPart("file", "square.jpg", photo, "image/jpeg").multiPart("title", "未公开图片").multiPart("authors", "李四")
                .post("/api/works/files").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitWork(RIGHTS, id, "REGISTERED");
        var exact = given().multiPart("file", "square.jpg", photo, "image/jpeg").post("/api/public/works/lookup/files").then().statusCode(200)
                .extract().jsonPath();
        assertThat(exact.getString("kind")).isEqualTo("IMAGE");
        assertThat(exact.getLong("registrations[0].workId")).isEqualTo(id);
        assertThat(exact.getString("registrations[0].match")).isEqualTo("exact");
        var smaller = given().multiPart("file", "small.jpg", fixture("modifications/square-256x256.jpg"), "image/jpeg")
                .post("/api/public/works/lookup/files").then().statusCode(200).extract().jsonPath();
        assertThat(smaller.getString("registrations.find { it.workId == " + id + " }.match")).isEqualTo("near");
    }
}
