package org.alliancechain.copyright.monitoring;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/** A crawler's output searched in one request: each item answered in its place, an unreadable one with its own problem. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class BulkMatchesTest {

    private static Map<String, Object> item(String ref, String field, Object value) {
        var item = new HashMap<String, Object>();
        item.put("ref", ref);
        item.put(field, value);
        return item;
    }

    @Test
    void every_item_is_searched_and_an_unreadable_one_fails_alone_naming_its_field() {
        String text = article(8301) + article(8302).substring(15);
        long textWork = registerText(RIGHTS, "批量监测 8301", text);
        awaitWork(RIGHTS, textWork, "REGISTERED");
        byte[] photo = fixture("modifications/sharpen-a-little.jpg");
        long imageWork = as(OTHER_RIGHTS).multiPart("file", "sharp.jpg", photo, "image/jpeg").multiPart("title", "锐化").multiPart("authors", "王五")
                .post("/api/works/files").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitWork(OTHER_RIGHTS, imageWork, "REGISTERED");

        var items = new ArrayList<Object>();
        items.add(item("https://copycat.example/a", "text", text.substring(0, text.length() / 2)));
        items.add(item("https://copycat.example/b", "html", "<html><body><script>fetch('http://198.51.100.1/')</script><p>"
                + text.substring(text.length() / 3) + "</p></body></html>"));
        items.add(item("https://copycat.example/c.jpg", "imageBase64", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(photo)));
        items.add(item("bad-base64", "imageBase64", "not base64!"));
        items.add(item("disguised", "imageBase64", Base64.getEncoder().encodeToString("<html>not an image</html>".getBytes(StandardCharsets.UTF_8))));
        var both = item("both", "text", text);
        both.put("html", "<p>" + text + "</p>");
        items.add(both);
        items.add(item("short", "text", "太短"));
        items.add(null);
        items.add(item("unrelated", "text", "今天天气晴朗，气温二十度，适合外出散步。市民在公园里放风筝、打太极，孩子们在草地上奔跑嬉戏，一派春意盎然的景象。"));

        var answer = json(MONITOR).body(Map.of("items", items)).post("/api/matches/bulk").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("items")).isEqualTo(9);
        assertThat(answer.getInt("searched")).isEqualTo(4);
        assertThat(answer.getInt("refused")).isEqualTo(5);
        assertThat(answer.getList("results.index", Integer.class)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(answer.getString("results[0].ref")).isEqualTo("https://copycat.example/a");
        // Each answer as POST /api/matches gives it.
        assertThat(answer.getList("results[0].result.matches.workId", Long.class)).contains(textWork);
        assertThat(answer.getString("results[0].result.matches.find { it.workId == " + textWork + " }.band")).isEqualTo("MATCH");
        assertThat(answer.getList("results[0].result.matches.find { it.workId == " + textWork + " }.passages")).isNotEmpty();
        assertThat(answer.getList("results[1].result.matches.workId", Long.class)).contains(textWork);
        assertThat(answer.getString("results[2].result.kind")).isEqualTo("IMAGE");
        assertThat(answer.getList("results[2].result.matches.workId", Long.class)).contains(imageWork);
        assertThat(answer.getList("results[8].result.matches.workId", Long.class)).doesNotContain(textWork, imageWork);
        for (int i : List.of(0, 1, 2, 8)) {
            assertThat(answer.getMap("results[" + i + "].error")).as("item %d", i).isNull();
        }
        // The unreadable ones: their status and the field, named within the request.
        assertError(answer, 3, 422, "items[3].imageBase64");
        assertError(answer, 4, 415, "items[4].imageBase64");
        assertError(answer, 5, 422, "items[5]");
        assertError(answer, 6, 422, "items[6].text");
        assertError(answer, 7, 422, "items[7]");
        assertThat(answer.getString("results[5].error.detail")).contains("exactly one of text, html or imageBase64");
    }

    private static void assertError(io.restassured.path.json.JsonPath answer, int index, int status, String field) {
        assertThat(answer.getMap("results[" + index + "].result")).as("item %d", index).isNull();
        assertThat(answer.getInt("results[" + index + "].error.status")).as("item %d", index).isEqualTo(status);
        assertThat(answer.getString("results[" + index + "].error.errors[0].field")).as("item %d", index).isEqualTo(field);
    }

    @Test
    void the_request_as_a_whole_is_refused_only_when_empty_or_too_large() {
        json(MONITOR).body(Map.of("items", List.of())).post("/api/matches/bulk").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("items"));
        var many = new ArrayList<Object>();
        for (int i = 0; i < 501; i++) {
            many.add(item("r" + i, "text", "x"));
        }
        json(MONITOR).body(Map.of("items", many)).post("/api/matches/bulk").then().statusCode(413)
                .body("errors[0].field", equalTo("items"));
        json(LICENSEE).body(Map.of("items", List.of(item("r", "text", "x")))).post("/api/matches/bulk").then().statusCode(403);
        // More screenshots to read than one request may ask for.
        var screenshots = new ArrayList<Object>();
        for (int i = 0; i < 21; i++) {
            var shot = item("s" + i, "imageBase64", "x");
            shot.put("readText", true);
            screenshots.add(shot);
        }
        json(MONITOR).body(Map.of("items", screenshots)).post("/api/matches/bulk").then().statusCode(413)
                .body("errors[0].field", equalTo("items")).body("detail", org.hamcrest.Matchers.containsString("max-bulk-screenshots"));
    }

    /** A text or HTML item asked to be read as a screenshot is that item's 422 naming readText; the others are searched. */
    @Test
    void a_text_item_is_never_read_as_a_screenshot() {
        var notAnImage = item("https://news.example/1.txt", "text", article(8451));
        notAnImage.put("readText", true);
        var page = item("https://news.example/2.html", "html", "<html><body><p>" + article(8452) + "</p></body></html>");
        page.put("readText", true);
        var answer = json(MONITOR).body(Map.of("items", List.of(notAnImage, item("https://news.example/3.txt", "text", article(8453)), page)))
                .post("/api/matches/bulk").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("refused")).isEqualTo(2);
        assertThat(answer.getInt("results[0].error.status")).isEqualTo(422);
        assertThat(answer.getString("results[0].error.errors[0].field")).isEqualTo("items[0].readText");
        assertThat(answer.getString("results[1].result.kind")).isEqualTo("TEXT");
        assertThat(answer.getString("results[2].error.errors[0].field")).isEqualTo("items[2].readText");
    }

    @Test
    void a_crawled_screenshot_of_an_article_is_read_and_found_by_its_text() throws Exception {
        org.alliancechain.testsupport.TestTools.assume(org.alliancechain.testsupport.TestTools.TESSERACT, "reading a screenshot's text");
        String text = article(8401) + article(8402).substring(15);
        long work = registerText(RIGHTS, "截图批量 8401", text);
        awaitWork(RIGHTS, work, "REGISTERED");
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(screenshot(text.substring(text.length() / 4, text.length() * 3 / 4)), "png", out);
        var shot = item("https://weibo.example/1.png", "imageBase64", Base64.getEncoder().encodeToString(out.toByteArray()));
        shot.put("readText", true);
        var plain = item("https://weibo.example/1.png#as-image", "imageBase64", Base64.getEncoder().encodeToString(out.toByteArray()));
        var answer = json(MONITOR).body(Map.of("items", List.of(shot, plain))).post("/api/matches/bulk").then().statusCode(200).extract()
                .jsonPath();
        assertThat(answer.getString("results[0].result.kind")).isEqualTo("TEXT_IN_IMAGE");
        assertThat(answer.getString("results[0].result.recognisedText")).isNotBlank();
        assertThat(answer.getList("results[0].result.matches.workId", Long.class)).contains(work);
        assertThat(answer.getString("results[1].result.kind")).isEqualTo("IMAGE");
        assertThat(answer.getList("results[1].result.matches.workId", Long.class)).doesNotContain(work);
    }
}
