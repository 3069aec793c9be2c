package org.alliancechain.copyright.capture;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alliancechain.copyright.capture.TestArchives.Page;
import org.alliancechain.copyright.infringement.Capture;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcReader;

/**
 * Web captures through the API: a WARC or WACZ uploaded, or a URL the service fetches itself from a site served on
 * loopback; and every kind of bad archive or URL refused as problem details naming the field, with nothing stored.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class WebCaptureTest {

    static final Instant DATE = Instant.parse("2026-11-28T09:15:30Z");
    static final String URL = "https://copycat.example/news/2026/1128.html";

    static LoopbackSite site;

    @BeforeAll
    static void serve() {
        site = LoopbackSite.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static long storedCaptures() {
        return QuarkusTransaction.requiringNew().call(() -> Capture.count());
    }

    private static ValidatableResponse upload(String name, byte[] archive, String sourceUrl) {
        var request = as(MONITOR).multiPart("file", name, archive, "application/octet-stream").multiPart("publisher", OTHER_RIGHTS_ORG);
        if (sourceUrl != null) {
            request = request.multiPart("sourceUrl", sourceUrl);
        }
        return request.post("/api/captures/files").then();
    }

    private static ValidatableResponse fetch(String url) {
        return json(MONITOR).body(Map.of("url", url, "publisher", OTHER_RIGHTS_ORG)).post("/api/captures/url").then();
    }

    private static long registered(int n) {
        long workId = registerText(RIGHTS, "原创 " + n, article(n));
        awaitWork(RIGHTS, workId, "REGISTERED");
        return workId;
    }

    @Test
    void an_uploaded_warc_or_wacz_is_kept_whole_and_the_page_it_holds_for_the_url_is_matched() {
        long workId = registered(9301);
        byte[] warc = TestArchives.warc(true, DATE, Page.html("https://copycat.example/", TestArchives.htmlOf("首页", "今日要闻")),
                Page.html(URL, TestArchives.htmlOf("转载", "转载：" + article(9301))),
                new Page("https://copycat.example/logo.png", 200, "image/png", new byte[] {1, 2, 3}, Map.of()));
        var captured = upload("copycat.warc.gz", warc, URL).statusCode(201).extract().jsonPath();
        assertThat(captured.getString("kind")).isEqualTo("TEXT");
        assertThat(captured.getString("mediaType")).isEqualTo("application/warc");
        assertThat(captured.getString("sha256")).as("the archive's digest is the capture's").isEqualTo(HashAlgorithm.SHA256.hex(warc));
        assertThat(captured.getString("sourceUrl")).isEqualTo(URL);
        assertThat(captured.getString("archive.url")).isEqualTo(URL);
        assertThat(Instant.parse(captured.getString("archive.capturedAt"))).isEqualTo(DATE);
        assertThat(captured.getString("archive.recordId")).startsWith("urn:uuid:");
        assertThat(captured.getString("archive.recordDigest")).startsWith("sha256:");
        assertThat(captured.getList("matches.workId", Long.class)).contains(workId);
        as(MONITOR).get("/api/captures/" + captured.getLong("id")).then().statusCode(200).body("archive.url", equalTo(URL));
        as(OTHER_RIGHTS).get("/api/captures/" + captured.getLong("id")).then().statusCode(404);

        // A WACZ listing one page: the URL may be left out.
        byte[] wacz = TestArchives.wacz(warc, List.of(URL), Map.of());
        var fromWacz = upload("copycat.wacz", wacz, null).statusCode(201).extract().jsonPath();
        assertThat(fromWacz.getString("mediaType")).isEqualTo("application/wacz");
        assertThat(fromWacz.getString("sha256")).isEqualTo(HashAlgorithm.SHA256.hex(wacz));
        assertThat(fromWacz.getString("archive.url")).isEqualTo(URL);
        assertThat(fromWacz.getList("matches.workId", Long.class)).contains(workId);
    }

    @Test
    void a_url_is_fetched_into_a_warc_of_each_request_and_response_redirects_included() throws Exception {
        long workId = registered(9302);
        site.redirect("/old/9302", "/news/9302.html").html("/news/9302.html", TestArchives.htmlOf("转载", "转载：" + article(9302)));
        var captured = fetch(site.url("/old/9302")).statusCode(201).extract().jsonPath();
        assertThat(captured.getString("archive.requestedUrl")).isEqualTo(site.url("/old/9302"));
        assertThat(captured.getString("archive.url")).isEqualTo(site.url("/news/9302.html"));
        assertThat(captured.getString("archive.ipAddress")).isEqualTo("127.0.0.1");
        assertThat(captured.getString("mediaType")).isEqualTo("application/warc");
        assertThat(captured.getList("matches.workId", Long.class)).contains(workId);

        byte[] stored = QuarkusTransaction.requiringNew().call(() -> Capture.<Capture>findById(captured.getLong("id")).content);
        assertThat(HashAlgorithm.SHA256.hex(stored)).isEqualTo(captured.getString("sha256"));
        var types = new ArrayList<String>();
        var targets = new ArrayList<String>();
        try (var reader = new WarcReader(new ByteArrayInputStream(stored))) {
            for (var record : reader) {
                types.add(record.type());
                if (record instanceof org.netpreserve.jwarc.WarcResponse response) {
                    targets.add(response.target() + " " + response.http().status());
                }
            }
        }
        assertThat(types).containsExactly("warcinfo", "request", "response", "request", "response");
        assertThat(targets).containsExactly(site.url("/old/9302") + " 302", site.url("/news/9302.html") + " 200");
    }

    /**
     * A screenshot of an article posted as an image at a URL: fetched into a WARC and, with readText, matched by the text
     * read in it; readText on a page that is HTML is refused naming it, nothing stored.
     */
    @Test
    void a_url_of_a_screenshot_is_captured_with_its_text_read_and_an_html_page_is_not_read_as_one() {
        org.alliancechain.testsupport.TestTools.assume(org.alliancechain.testsupport.TestTools.TESSERACT, "reading a screenshot's text");
        long workId = registered(9304);
        String article = article(9304);
        site.page("/img/9304.png", 200, "image/png", png(screenshot(article.substring(article.length() / 4, article.length() * 3 / 4))))
                .html("/news/9304.html", TestArchives.htmlOf("转载", "转载：" + article));
        var captured = json(MONITOR).body(Map.of("url", site.url("/img/9304.png"), "publisher", OTHER_RIGHTS_ORG, "readText", true))
                .post("/api/captures/url").then().statusCode(201).extract().jsonPath();
        assertThat(captured.getString("kind")).isEqualTo("IMAGE");
        assertThat(captured.getString("archive.payloadMediaType")).isEqualTo("image/png");
        assertThat(captured.getString("recognisedText")).isNotBlank();
        assertThat(captured.getList("matches.workId", Long.class)).contains(workId);

        long before = storedCaptures();
        refused(json(MONITOR).body(Map.of("url", site.url("/news/9304.html"), "readText", true)).post("/api/captures/url").then(), 422,
                "readText", "only an image is read");
        assertThat(storedCaptures()).isEqualTo(before);
    }

    @Test
    void damaged_or_bomb_archives_are_refused_naming_the_file_and_nothing_is_stored() throws Exception {
        long before = storedCaptures();
        byte[] warc = TestArchives.warc(true, DATE, Page.html(URL, TestArchives.htmlOf("转载", article(9303))),
                Page.html("https://copycat.example/2.html", TestArchives.htmlOf("二", article(9304))));
        // Truncated.
        refused(upload("cut.warc.gz", Arrays.copyOf(warc, warc.length * 2 / 3), URL), 422, "file", "truncated");
        // A gzip bomb: 6 MB of zeros in a few KB.
        byte[] zeros = TestArchives.warc(true, DATE, new Page(URL, 200, "text/plain", new byte[6 * 1024 * 1024], Map.of()));
        refused(upload("zeros.warc.gz", zeros, URL), 413, "file", "gzip bomb");
        // Beyond the expanded size (8 MB in the tests) at an ordinary ratio.
        byte[] noise = new byte[8_600_000];
        new Random(3).nextBytes(noise);
        refused(upload("big.warc.gz", TestArchives.warc(true, DATE, new Page(URL, 200, "application/octet-stream", noise, Map.of())), URL),
                413, "file", "copyright.capture.max-expanded-size");
        // WACZ: a zip bomb, too many entries, a path leaving the archive.
        refused(upload("bomb.wacz", TestArchives.wacz(warc, List.of(URL), Map.of("pages/extra.txt", new byte[4 * 1024 * 1024])), URL),
                422, "file", "refused");
        var many = new HashMap<String, byte[]>();
        for (int i = 0; i < 120; i++) {
            many.put("pages/p" + i + ".txt", new byte[] {'x'});
        }
        refused(upload("many.wacz", TestArchives.wacz(warc, List.of(URL), many), URL), 422, "file", "refused");
        refused(upload("escape.wacz", TestArchives.wacz(warc, List.of(URL), Map.of("../../etc/cron.d/evil", "x".getBytes())), URL),
                422, "file", "refused");
        // No record for the URL; a response that is not 200.
        refused(upload("copycat.warc.gz", warc, "https://copycat.example/elsewhere.html"), 422, "sourceUrl", "no response record");
        byte[] notFound = TestArchives.warc(true, DATE, new Page(URL, 404, "text/html", "<p>gone</p>".getBytes(StandardCharsets.UTF_8), Map.of()));
        refused(upload("gone.warc.gz", notFound, URL), 422, "sourceUrl", "404");
        // Several pages and none named.
        refused(upload("two.warc.gz", warc, null), 422, "sourceUrl", "name the URL");
        assertThat(storedCaptures()).isEqualTo(before);
    }

    @Test
    void urls_the_service_may_not_or_cannot_capture_are_refused_naming_the_url_and_nothing_is_stored() {
        long before = storedCaptures();
        site.page("/gone", 404, "text/html", "<p>gone</p>".getBytes(StandardCharsets.UTF_8))
                .page("/big", 200, "text/html", ("<p>" + "大".repeat(700_000) + "</p>").getBytes(StandardCharsets.UTF_8))
                .slow("/slow", Duration.ofSeconds(6))
                .redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/")
                .redirect("/loop", "/loop")
                .redirect("/to-long", "/news/" + "a".repeat(2_100) + ".html");
        refused(fetch("ftp://127.0.0.1/news.html"), 422, "url", "only http and https");
        refused(fetch("http://127.0.0.1:70000/news.html"), 422, "url", "port 70000");
        refused(fetch(site.url("/to-long")), 422, "url", "at most 2000 characters");
        refused(fetch("file:///etc/passwd"), 422, "url", "only http and https");
        refused(fetch("http://10.0.0.1/news.html"), 422, "url", "copyright.capture.allowed-networks");
        refused(fetch("http://[::1]:" + site.port() + "/gone"), 422, "url", "copyright.capture.allowed-networks");
        refused(fetch(site.url("/to-metadata")), 422, "url", "169.254.169.254");
        refused(fetch(site.url("/loop")), 422, "url", "redirects more than");
        refused(fetch(site.url("/gone")), 422, "url", "404");
        refused(fetch(site.url("/big")), 413, "url", "copyright.capture.max-bytes");
        refused(fetch(site.url("/slow")), 504, "url", "copyright.capture.timeout");
        refused(fetch(site.url("/nothing-here")), 422, "url", "404");
        assertThat(storedCaptures()).isEqualTo(before);
    }

    private static void refused(ValidatableResponse response, int status, String field, String reason) {
        response.statusCode(status).contentType("application/problem+json").body("errors[0].field", equalTo(field))
                .body("detail", containsString(reason));
    }
}
