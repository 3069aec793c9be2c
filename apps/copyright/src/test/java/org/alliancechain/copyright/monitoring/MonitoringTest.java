package org.alliancechain.copyright.monitoring;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.ibm.icu.text.Transliterator;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/** A monitor submits suspected copies; the registered works they copy are found, with passages or the orientation. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class MonitoringTest {

    private static JsonPath search(String text, String format) {
        return json(MONITOR).body(Map.of("text", text, "format", format)).post("/api/matches").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_rewritten_excerpt_in_traditional_script_inside_a_web_page_is_found_with_its_passages() {
        String original = article(7001) + article(7002).substring(10) + article(7003).substring(20);
        long id = registerText(RIGHTS, "原创报道 7001", original);
        // The copy: the middle half, converted to Traditional characters, a few words changed, inside a page with a script.
        String excerpt = original.substring(original.length() / 4, original.length() * 3 / 4).replace("专家表示", "业内人士认为");
        String traditional = Transliterator.getInstance("Simplified-Traditional").transliterate(excerpt);
        String page = "<html><head><script>document.write('x');fetch('http://198.51.100.1/')</script><title>轉載</title></head><body>"
                + "<nav>首頁 | 新聞</nav><article><h1>轉載文章</h1><p>" + traditional + "</p></article></body></html>";
        var result = search(page, "html");
        var match = result.getList("matches", Map.class).stream().filter(m -> ((Number) m.get("workId")).longValue() == id).findFirst();
        assertThat(match).as("the original among %s", result.getList("matches.workId")).isPresent();
        assertThat(match.get().get("band")).isEqualTo("MATCH");
        assertThat(match.get().get("yours")).as("monitor.daily works for daily-news, the holder").isEqualTo(true);
        assertThat(match.get().get("holder")).isEqualTo(RIGHTS_ORG);
        var passages = result.getList("matches.find { it.workId == " + id + " }.passages", Map.class);
        assertThat(passages).isNotEmpty();
        // Quoted from the sources: the copy's passage in Traditional characters, the work's in Simplified.
        assertThat(passages.stream().map(p -> (String) p.get("workQuote")).anyMatch(q -> original.contains(q))).isTrue();
        assertThat(passages.stream().map(p -> (String) p.get("copyQuote")).anyMatch(q -> page.contains(q))).isTrue();
        // An unrelated text matches nothing of it.
        assertThat(search("今天天气晴朗，气温二十度，适合外出散步。市民在公园里放风筝、打太极，孩子们在草地上奔跑嬉戏，一派春意盎然的景象。", "plain")
                .getList("matches.workId")).doesNotContain((int) id, id);
    }

    /**
     * An article reposted as a screenshot (a common way copies spread on social media): with readText the text Tesseract
     * reads in it is searched on the text path and finds the article with its passages; as a plain image it is not.
     */
    @Test
    void a_screenshot_of_a_rewritten_excerpt_is_read_and_found_by_its_text() throws Exception {
        org.alliancechain.testsupport.TestTools.assume(org.alliancechain.testsupport.TestTools.TESSERACT, "reading a screenshot's text");
        String original = article(7101) + article(7102).substring(10);
        long id = registerText(RIGHTS, "截图转载 7101", original);
        String excerpt = original.substring(original.length() / 3, original.length() * 2 / 3).replace("专家表示", "业内人士认为");
        byte[] screenshot = png(screenshot(excerpt));
        awaitWork(RIGHTS, id, "REGISTERED");

        var read = as(MONITOR).multiPart("file", "weibo.png", screenshot, "image/png").multiPart("readText", "true")
                .post("/api/matches/files").then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("kind")).isEqualTo("TEXT_IN_IMAGE");
        assertThat(read.getString("copyDigest")).isEqualTo(org.alliancechain.evidence.HashAlgorithm.SHA256.hex(screenshot));
        String recognised = read.getString("recognisedText");
        String stripped = recognised.replaceAll("\\s", "");
        long tens = java.util.stream.IntStream.range(0, excerpt.length() / 10).filter(k -> stripped.contains(excerpt.substring(k * 10, k * 10 + 10)))
                .count();
        System.out.printf("screenshot read: %d of %d ten-character runs of the excerpt verbatim%n", tens, excerpt.length() / 10);
        assertThat(tens).as("ten-character runs of the excerpt read verbatim").isPositive();
        var match = read.getList("matches", Map.class).stream().filter(m -> ((Number) m.get("workId")).longValue() == id).findFirst();
        assertThat(match).as("the article among %s", read.getList("matches.workId")).isPresent();
        assertThat(match.get().get("band")).isEqualTo("MATCH");
        var passages = read.getList("matches.find { it.workId == " + id + " }.passages", Map.class);
        assertThat(passages).isNotEmpty();
        assertThat(passages.stream().map(p -> (String) p.get("workQuote")).anyMatch(original::contains)).isTrue();

        // As an image, the same file is compared by PDQ: the article is not an image work.
        var asImage = as(MONITOR).multiPart("file", "weibo.png", screenshot, "image/png").post("/api/matches/files").then()
                .statusCode(200).extract().jsonPath();
        assertThat(asImage.getString("kind")).isEqualTo("IMAGE");
        assertThat(asImage.getList("matches.workId", Long.class)).doesNotContain(id);
        // Not an image with readText: refused by its content, as always.
        as(MONITOR).multiPart("file", "x.png", "<svg/>".getBytes(), "image/png").multiPart("readText", "true")
                .post("/api/matches/files").then().statusCode(415);
    }

    /** A text file is compared as a text: asked to be read as a screenshot, it is refused naming readText, as a capture is. */
    @Test
    void a_text_file_is_never_read_as_a_screenshot() {
        as(MONITOR).multiPart("file", "article.txt", article(7201).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .multiPart("readText", "true").post("/api/matches/files").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("readText"))
                .body("detail", org.hamcrest.Matchers.containsString("text/plain"));
        // Without it, the same file is searched.
        as(MONITOR).multiPart("file", "article.txt", article(7201).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .post("/api/matches/files").then().statusCode(200).body("kind", org.hamcrest.Matchers.equalTo("TEXT"));
        // A text file as a work's: UTF-8, at most copyright.works.max-text-characters (a UTF-16 file is not read as garbage).
        byte[] utf16 = ("\uFEFF" + article(7201)).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        as(MONITOR).multiPart("file", "article.txt", utf16, "text/plain").post("/api/matches/files").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("file"))
                .body("detail", org.hamcrest.Matchers.containsString("not UTF-8"));
        byte[] huge = "新闻".repeat(600_001).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        as(MONITOR).multiPart("file", "huge.txt", huge, "text/plain").post("/api/matches/files").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("file"))
                .body("detail", org.hamcrest.Matchers.containsString("copyright.works.max-text-characters"));
    }

    @Test
    void a_rotated_and_a_cropped_copy_of_a_registered_photo_are_found() throws Exception {
        byte[] photo = fixture("dihedral/bridge-1-original.jpg");
        long id = as(OTHER_RIGHTS).multiPart("file", "bridge.jpg", photo, "image/jpeg").multiPart("title", "桥").multiPart("authors", "王五")
                .post("/api/works/files").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitWork(OTHER_RIGHTS, id, "REGISTERED");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
        var rotated = search(png(rotate90(image)));
        assertThat(rotated.getList("matches.workId", Long.class)).contains(id);
        assertThat(rotated.getString("matches.find { it.workId == " + id + " }.orientation")).startsWith("ROTATE");
        var cropped = search(png(image.getSubimage(image.getWidth() / 20, 0, image.getWidth() * 19 / 20, image.getHeight())));
        assertThat(cropped.getList("matches.workId", Long.class)).contains(id);
        // found by its regions, verified on their geometry
        assertThat(cropped.getString("matches.find { it.workId == " + id + " }.orientation")).isEqualTo("CROP");
        assertThat(cropped.getInt("matches.find { it.workId == " + id + " }.matchedRegions")).isGreaterThanOrEqualTo(2);
        // The photograph as a news site serves it: a lossy WebP, 800 pixels wide.
        var webp = as(MONITOR).multiPart("file", "suspect.webp", resource("webp/bridge-lossy-q75.webp"), "image/webp")
                .post("/api/matches/files").then().statusCode(200).extract().jsonPath();
        assertThat(webp.getList("matches.workId", Long.class)).contains(id);
        assertThat(webp.getString("matches.find { it.workId == " + id + " }.orientation")).isEqualTo("ORIGINAL");
        // Not an image: refused by its content.
        as(MONITOR).multiPart("file", "x.png", "<svg/>".getBytes(), "image/png").post("/api/matches/files").then().statusCode(415)
                .body("detail", containsString("x.png"));
    }

    @Test
    void a_crawler_looks_up_the_pdq_hashes_it_computed_itself() throws Exception {
        // the photograph as a PNG: other bytes than the JPEG another test registers
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(fixture("dihedral/bridge-1-original.jpg")));
        long id = as(OTHER_RIGHTS).multiPart("file", "bridge.png", png(image), "image/png").multiPart("title", "桥 hash").multiPart("authors", "王五")
                .post("/api/works/files").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitWork(OTHER_RIGHTS, id, "REGISTERED");
        var half = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        half.createGraphics().drawImage(image, 0, 0, half.getWidth(), half.getHeight(), null);
        String copy = org.alliancechain.copyright.fingerprint.image.Pdq.hash(half).toHex();
        String rotated = org.alliancechain.copyright.fingerprint.image.Pdq.hash(rotate90(image)).toHex();
        String unrelated = "0".repeat(32) + "f".repeat(32);
        var answer = json(MONITOR).body(Map.of("pdq", java.util.List.of(copy.toUpperCase(), rotated, unrelated))).post("/api/matches/hashes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.pdq")).containsExactly(copy, rotated, unrelated);
        assertThat(answer.getList("results[0].matches.workId", Long.class)).contains(id);
        assertThat(answer.getInt("results[0].matches.find { it.workId == " + id + " }.pdqDistance")).isLessThanOrEqualTo(31);
        assertThat(answer.getString("results[0].matches.find { it.workId == " + id + " }.holder")).isEqualTo(OTHER_RIGHTS_ORG);
        // compared as given: the rotated copy's hash is another hash (a crawler sends the orientations it wants found)
        assertThat(answer.getList("results[1].matches.workId", Long.class)).doesNotContain(id);
        assertThat(answer.getList("results[2].matches")).isEmpty();
        // a malformed hash is named by its position; more than 100 are refused
        json(MONITOR).body(Map.of("pdq", java.util.List.of(copy, "xyz"))).post("/api/matches/hashes").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("pdq[1]"));
        json(MONITOR).body(Map.of("pdq", java.util.Collections.nCopies(101, copy))).post("/api/matches/hashes").then().statusCode(400)
                .body("errors[0].field", containsString("pdq"));
        json(MONITOR).body(Map.of("pdq", java.util.List.of())).post("/api/matches/hashes").then().statusCode(400);
    }

    private static JsonPath search(byte[] image) {
        return as(MONITOR).multiPart("file", "suspect.png", image, "image/png").post("/api/matches/files").then().statusCode(200).extract()
                .jsonPath();
    }

    private static BufferedImage rotate90(BufferedImage in) {
        var transform = new AffineTransform();
        transform.translate(in.getHeight(), 0);
        transform.rotate(Math.PI / 2);
        var out = new BufferedImage(in.getHeight(), in.getWidth(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.drawImage(in, transform, null);
        g.dispose();
        return out;
    }
}
