package org.alliancechain.copyright;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.alliancechain.testsupport.Tokens;

/** The steps of the copyright story, one method each, as the rights managers, licensees and monitors take them. */
public final class CopyrightFlow {

    public static final String RIGHTS = "rights.daily";
    public static final String RIGHTS_ORG = "daily-news";
    public static final String OTHER_RIGHTS = "rights.pixel";
    public static final String OTHER_RIGHTS_ORG = "pixel-studio";
    public static final String LICENSEE = "licensee.acme";
    public static final String LICENSEE_ORG = "acme-trading";
    public static final String MONITOR = "monitor.daily";

    /** The PDQ authors' test photographs (../shared/fixtures/pdq). */
    public static final Path PDQ_FIXTURES = Path.of("../../../shared/fixtures/pdq");

    private CopyrightFlow() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user));
    }

    public static RequestSpecification json(String user) {
        return as(user).contentType(ContentType.JSON);
    }

    /** A text work's request body. */
    public static Map<String, Object> textWork(String title, String text) {
        return Map.of("title", title, "authors", List.of("张三 Zhang San"), "format", "plain", "text", text,
                "publishedAt", "2026-11-30T08:00:00Z", "url", "https://daily-news.example/" + Math.abs(title.hashCode()));
    }

    /** Registers a text work as the user; returns its id (202, PENDING). */
    public static long registerText(String user, String title, String text) {
        return json(user).body(textWork(title, text)).post("/api/works").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    public static JsonPath work(String user, long id) {
        return as(user).get("/api/works/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until WorkRegistry's decision is projected; returns the work. */
    public static JsonPath awaitWork(String user, long id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> status.equals(work(user, id).getString("status")));
        return work(user, id);
    }

    /** Waits until WorkRegistry decided (registered or refused); returns the work. */
    public static JsonPath awaitDecided(String user, long id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> !"PENDING".equals(work(user, id).getString("status")));
        return work(user, id);
    }

    public static byte[] fixture(String relative) {
        try {
            return Files.readAllBytes(PDQ_FIXTURES.resolve(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A news article long enough to fingerprint, varied by {@code n} so each call gives other content. */
    public static String article(int n) {
        return "新华社北京" + n + "日电 国家版权局等四部门今日联合启动打击网络侵权盗版专项行动，重点整治新闻作品转载、短视频、网络文学等领域的侵权行为。"
                + "行动期间将加强对网站平台的版权监管，对未经许可转载新闻作品的行为依法查处。第" + n + "号通报指出，部分自媒体账号通过洗稿方式"
                + "改写原创新闻，情节严重的将移送司法机关。专家表示，区块链存证与相似度检测相结合，可以为权利人维权提供可靠证据。编号" + n + "。";
    }
}
