package org.alliancechain.copyright.works;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/**
 * Registering works in bulk from uploaded files, as a job with progress and a report per file: a ZIP of texts, HTML and
 * images beside a loose file; a work whose content was registered before and an image too flat to fingerprint are
 * refused on their rows while the others are registered on chain; the job is its uploader's organisation's only.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class WorkUploadTest {

    @Test
    void theFilesOfAnUploadBecomeWorksWithProgressAndARowEachInTheReport() throws Exception {
        int seed = Math.abs(UUID.randomUUID().hashCode() % 1_000_000);
        String registeredBefore = article(seed);
        long earlier = registerText(RIGHTS, "registered before the upload", registeredBefore);
        awaitWork(RIGHTS, earlier, "REGISTERED");

        byte[] zip = zip(Map.of(
                "news/a-text.txt", article(seed + 1).getBytes(StandardCharsets.UTF_8),
                "news/b-page.html", ("<html><head><title>b</title></head><body><article><p>" + article(seed + 2)
                        + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8),
                "photos/c-photo.png", texturedPng(seed),
                "news/d-again.txt", registeredBefore.getBytes(StandardCharsets.UTF_8),
                "photos/e-flat.png", flatPng(java.awt.Color.GRAY),
                "photos/g-flat.png", flatPng(java.awt.Color.ORANGE)));
        var started = as(RIGHTS).multiPart("files", "batch.zip", zip, "application/zip")
                .multiPart("files", "f-loose.txt", article(seed + 3).getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("authors", "张三 Zhang San\n李四 Li Si", "text/plain; charset=UTF-8")
                .post("/api/works/uploads").then().statusCode(202).extract().jsonPath();
        String id = started.getString("id");
        assertThat(started.getInt("total")).isEqualTo(7);
        assertThat(started.getString("state")).isIn("QUEUED", "RUNNING", "READY");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() ->
                "READY".equals(as(RIGHTS).get("/api/works/uploads/" + id).then().statusCode(200).extract().path("state")));
        var done = as(RIGHTS).get("/api/works/uploads/" + id).then().extract().jsonPath();
        assertThat(done.getInt("done")).isEqualTo(7);
        assertThat(done.getInt("percent")).isEqualTo(100);
        assertThat(as(RIGHTS).get("/api/works/uploads").then().statusCode(200).extract().jsonPath().getList("id")).contains(id);

        var report = as(RIGHTS).get("/api/works/uploads/" + id + "/report").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = report.getList("$");
        assertThat(rows).hasSize(7);
        var byFile = new java.util.HashMap<String, Map<String, Object>>();
        rows.forEach(r -> byFile.put((String) r.get("file"), r));
        assertThat(byFile.keySet()).contains("batch.zip › news/a-text.txt", "batch.zip › photos/e-flat.png", "f-loose.txt");
        var again = byFile.get("batch.zip › news/d-again.txt");
        assertThat(again.get("status")).isEqualTo("REFUSED");
        assertThat((String) again.get("problem")).contains("registered by your organisation (work " + earlier + ")");
        // Two images too flat to fingerprint (fingerprinted on every core, refused together): each refused on its row.
        for (String file : List.of("batch.zip › photos/e-flat.png", "batch.zip › photos/g-flat.png")) {
            var flat = byFile.get(file);
            assertThat(flat.get("status")).as(file).isEqualTo("REFUSED");
            assertThat((String) flat.get("problem")).as(file).contains("too flat");
        }

        for (String file : List.of("batch.zip › news/a-text.txt", "batch.zip › news/b-page.html", "batch.zip › photos/c-photo.png", "f-loose.txt")) {
            var row = byFile.get(file);
            assertThat(row.get("status")).as(file).isEqualTo("REGISTERING");
            long workId = ((Number) row.get("workId")).longValue();
            JsonPath work = awaitWork(RIGHTS, workId, "REGISTERED");
            assertThat(work.getString("contentDigest")).isEqualTo(row.get("contentDigest"));
            assertThat(work.getList("authors")).containsExactly("张三 Zhang San", "李四 Li Si");
        }
        assertThat(work(RIGHTS, ((Number) byFile.get("batch.zip › news/a-text.txt").get("workId")).longValue()).getString("title"))
                .isEqualTo("a-text");
        assertThat(work(RIGHTS, ((Number) byFile.get("batch.zip › photos/c-photo.png").get("workId")).longValue()).getString("kind"))
                .isEqualTo("IMAGE");

        // Another organisation's rights manager does not see the upload.
        as(OTHER_RIGHTS).get("/api/works/uploads/" + id).then().statusCode(404).contentType("application/problem+json");
        as(OTHER_RIGHTS).get("/api/works/uploads/" + id + "/report").then().statusCode(404);
    }

    @Test
    void anUploadThatCannotBeReadIsRefusedWholeNamingTheField() {
        // Text named as an image: disguised (415), nothing started.
        as(RIGHTS).multiPart("files", "photo.png", article(7).getBytes(StandardCharsets.UTF_8), "image/png")
                .multiPart("authors", "张三").post("/api/works/uploads").then().statusCode(415).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("files"));
        // No authors.
        as(RIGHTS).multiPart("files", "a.txt", article(8).getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/works/uploads").then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("authors"));
        // No file at all.
        as(RIGHTS).multiPart("authors", "张三").post("/api/works/uploads").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("files"));
        // Not a rights manager.
        as(MONITOR).multiPart("files", "a.txt", article(9).getBytes(StandardCharsets.UTF_8), "text/plain").multiPart("authors", "张三")
                .post("/api/works/uploads").then().statusCode(403);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A picture of its own: coloured ellipses from a seed (PDQ finds it detailed enough). */
    private static byte[] texturedPng(int seed) throws Exception {
        var random = new Random(seed);
        var image = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        for (int i = 0; i < 60; i++) {
            g.setColor(new java.awt.Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(random.nextInt(320) - 40, random.nextInt(240) - 40, 20 + random.nextInt(120), 20 + random.nextInt(120));
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] flatPng(java.awt.Color colour) throws Exception {
        var image = new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 200, 200);
        g.dispose();
        var out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
