package org.alliancechain.copyright.works;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.tsa.ArchiveTimeStamps;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.pdf.PdfChecks;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Rights managers register texts and images; the chain decides who registered a content first. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class WorkRegistrationTest {

    @Inject
    ChainPort chain;

    @Inject
    org.alliancechain.evidence.pki.DevPki pki;

    @Inject
    org.alliancechain.service.evidence.EvidenceConfig evidence;

    @ConfigProperty(name = "chain.contracts.work-registry")
    String workRegistry;

    @Test
    void a_text_work_is_fingerprinted_registered_on_chain_and_certified() throws Exception {
        String text = article(1001);
        long id = registerText(RIGHTS, "专项行动 1001", text);
        var work = awaitWork(RIGHTS, id, "REGISTERED");
        assertThat(work.getString("contentDigest")).isEqualTo(HashAlgorithm.SHA256.hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(work.getString("fingerprintDigest")).hasSize(64);
        assertThat(work.getString("iscc")).startsWith("ISCC:");
        assertThat(work.getLong("registeredBlock")).isPositive();
        // The row keeps the fingerprint record after its header, the header once in cr_fingerprint_header: together
        // they are the record that was digested and anchored.
        var stored = storedFingerprint(id);
        assertThat(stored.header()).as("a text names its header").isNotNull();
        assertThat(new String(stored.header(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ACTF");
        assertThat(stored.body()).hasSizeLessThan(stored.record().length - 900);
        assertThat(HashAlgorithm.SHA256.hex(stored.record())).isEqualTo(work.getString("fingerprintDigest"));
        assertThat(org.alliancechain.copyright.fingerprint.text.TextFingerprint.fromBytes(stored.record()).isccCode())
                .isEqualTo(work.getString("iscc"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) Work.getEntityManager()
                .createNativeQuery("select count(*) from cr_fingerprint_header").getSingleResult()).longValue()))
                .as("one header per extractor (plain text, HTML), stored at start").isEqualTo(2L);
        assertThat(work.getString("holder")).isEqualTo(RIGHTS_ORG);
        // The registration certificate, once the record is anchored: the record names the digests; the public verifier finds it.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> as(RIGHTS).get("/api/works/" + id + "/certificate")
                .statusCode() == 200);
        byte[] pdf = as(RIGHTS).get("/api/works/" + id + "/certificate").then().statusCode(200).contentType("application/pdf").extract()
                .asByteArray();
        String pdfText = PdfChecks.text(pdf);
        assertThat(pdfText).contains(work.getString("contentDigest")).contains("W-" + id);
        // Checked by others: EU DSS validates the PAdES B-T signature, veraPDF the PDF/A-3b form.
        String crlUrl = evidence.publicUrl() + "/pki/root.crl";
        var dss = PdfChecks.dss(pdf, new PdfChecks.Trust(List.of(pki.rootCertificate(), pki.tsaRootCertificate()),
                Map.of(crlUrl, pki.crl(), org.alliancechain.evidence.pki.DevPki.tsaCrlUrl(crlUrl), pki.tsaCrl())));
        assertThat(dss.indication()).as("DSS: %s %s", dss.subIndication(), dss.errors())
                .isEqualTo(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
        assertThat(dss.signedBy()).contains(RIGHTS_ORG);
        assertThat(PdfChecks.pdfA3bFailures(pdf)).as("veraPDF").isEmpty();
        RestAssured.given().get("/verify?digest=" + work.getString("recordDigest")).then().statusCode(200).body(containsString("W-" + id));
        // Its content comes back exactly as registered; another organisation does not see the work.
        assertThat(as(RIGHTS).get("/api/works/" + id + "/content").then().statusCode(200).extract().asString()).isEqualTo(text);
        as(OTHER_RIGHTS).get("/api/works/" + id).then().statusCode(404);
    }

    @Test
    void the_same_content_again_is_refused_naming_the_member_that_registered_it() {
        String text = article(1002);
        long id = registerText(RIGHTS, "专项行动 1002", text);
        json(OTHER_RIGHTS).body(textWork("抄来的", text)).post("/api/works").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(RIGHTS_ORG))
                .body("errors[0].field", equalTo("work.content"));
        json(RIGHTS).body(textWork("again", text)).post("/api/works").then().statusCode(409)
                .body("detail", containsString("work " + id));
    }

    @Test
    void the_same_new_content_sent_at_the_same_moment_is_registered_once_and_refused_for_the_others() throws Exception {
        // Eight requests race past the look-up for registered content; the unique index decides: one row, seven clear 409s.
        String text = article(1004);
        var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
        var problems = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                String who = i % 2 == 0 ? RIGHTS : OTHER_RIGHTS;
                var request = json(who).body(textWork("同时 " + i, text));
                pool.submit(() -> {
                    start.await();
                    var response = request.post("/api/works");
                    statuses.add(response.statusCode());
                    if (response.statusCode() == 409) {
                        problems.add(response.contentType().startsWith("application/problem+json") + " "
                                + response.jsonPath().getString("errors[0].field"));
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(statuses).as("one registered, the others refused, none failed").containsOnly(202, 409).hasSize(8);
        assertThat(statuses.stream().filter(s -> s == 202).count()).isEqualTo(1);
        assertThat(problems).hasSize(7).allMatch(p -> p.equals("true work.content"));
        long rows = QuarkusTransaction.requiringNew().call(() -> Work.count("contentDigest", HashAlgorithm.SHA256.digest(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void content_registered_first_through_another_service_is_refused_by_the_chain() {
        String text = article(1003);
        byte[] digest = HashAlgorithm.SHA256.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // pixel-studio registers the same bytes directly in WorkRegistry (as another member's own service would).
        long tx = QuarkusTransaction.requiringNew().call(() -> chain.submit(OTHER_RIGHTS_ORG, ContractCall.of(workRegistry,
                "registerWork(bytes32,bytes32,bytes32)", digest, HashAlgorithm.SHA256.digest(new byte[] {1}),
                HashAlgorithm.SHA256.digest(new byte[] {2}))));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> chain.status(tx).orElseThrow().status().name()
                .equals("CONFIRMED"));
        long id = registerText(RIGHTS, "专项行动 1003", text);
        var work = awaitDecided(RIGHTS, id);
        assertThat(work.getString("status")).as(work.prettify()).isEqualTo("REFUSED");
        assertThat(work.getString("firstHolder")).isEqualTo(OTHER_RIGHTS_ORG);
        as(RIGHTS).get("/api/works/" + id + "/certificate").then().statusCode(409).body("detail", containsString(OTHER_RIGHTS_ORG));
        // A refused work does not hold the content here: submitted again it is accepted, and the chain refuses it again. Each
        // refused row keeps its own place in the unique content index (refused_as, computed from status: its id once refused, 0
        // while pending or registered).
        long again = registerText(RIGHTS, "专项行动 1003 again", text);
        assertThat(awaitDecided(RIGHTS, again).getString("status")).isEqualTo("REFUSED");
        List<?> refusedAs = QuarkusTransaction.requiringNew().call(() -> Work.getEntityManager().createNativeQuery(
                "select refused_as - id from cr_work where content_digest = ?1").setParameter(1, digest).getResultList());
        assertThat(refusedAs).hasSize(2).allMatch(d -> ((Number) d).longValue() == 0);
    }

    @Test
    void works_are_registered_in_bulk_and_a_repeated_one_refuses_the_request_naming_it() {
        var works = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 120; i++) {
            works.add(textWork("批量 " + i, article(20_000 + i)));
        }
        long[] updatesBefore = workUpdates();
        var ids = json(RIGHTS).body(Map.of("works", works)).post("/api/works/bulk").then().statusCode(202).extract().jsonPath()
                .getList("id", Long.class);
        assertThat(ids).hasSize(120);
        awaitWork(RIGHTS, ids.getLast(), "REGISTERED");
        awaitWork(RIGHTS, ids.getFirst(), "REGISTERED");
        // WorkLedger's REGISTERED update touches no indexed column and finds room on the page (V5061): PostgreSQL updates the
        // rows in place (HOT) instead of adding an entry to each index per work. Statistics reach the view within seconds.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            long[] now = workUpdates();
            assertThat(now[0] - updatesBefore[0]).as("cr_work rows updated").isGreaterThanOrEqualTo(120);
            assertThat(now[1] - updatesBefore[1]).as("of them HOT (in place, no index touched)").isGreaterThanOrEqualTo(120);
        });
        // One time-stamp token for the request's 120 works, stored once (TimeStampTokens): each row keeps its evidence record's bytes
        // before the token; joined again, each record covers its own digest under the token.
        List<Object[]> stamps = QuarkusTransaction.requiringNew().call(() -> Work.getEntityManager().createNativeQuery("""
                select w.timestamp_token, t.token, w.record_digest, t.id from cr_work w join timestamp_token t on t.id = w.timestamp_token_id
                 where w.id = any(?1)""").setParameter(1, ids.toArray(Long[]::new)).getResultList());
        assertThat(stamps).hasSize(120);
        assertThat(stamps.stream().map(r -> ((Number) r[3]).longValue()).distinct()).hasSize(1);
        for (Object[] row : stamps) {
            byte[] before = (byte[]) row[0];
            byte[] token = (byte[]) row[1];
            assertThat(before.length).as("the record without its token").isLessThan(600);
            byte[] joined = java.util.Arrays.copyOf(before, before.length + token.length);
            System.arraycopy(token, 0, joined, before.length, token.length);
            assertThat(ArchiveTimeStamps.covers(HashAlgorithm.SHA256, joined, java.util.HexFormat.of().parseHex((String) row[2]))).isTrue();
        }
        // The certificate carries the joined record's token, and the public look-up names the token's time.
        long bulkWork = ids.get(7);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> as(RIGHTS).get("/api/works/" + bulkWork + "/certificate")
                .statusCode() == 200);
        byte[] token = (byte[]) stamps.getFirst()[1];
        Instant stampedAt = ArchiveTimeStamps.token(token).getTimeStampInfo().getGenTime().toInstant();
        String digest = as(RIGHTS).get("/api/works/" + bulkWork).then().statusCode(200).extract().jsonPath().getString("contentDigest");
        RestAssured.given().get("/api/public/works/" + digest).then().statusCode(200)
                .body("registrations[0].registeredAt", equalTo(stampedAt.toString()));
        var repeated = List.of(textWork("a", article(30_001)), textWork("b", article(30_002)), textWork("c", article(30_001)));
        json(RIGHTS).body(Map.of("works", repeated)).post("/api/works/bulk").then().statusCode(409)
                .body("errors[0].field", equalTo("works[2].content")).body("detail", containsString("works[0]"));
        // Works that cannot be fingerprinted refuse the request, each named in order, and nothing of the request is stored.
        var tooShort = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 64; i++) {
            tooShort.add(textWork("短 " + i, i == 17 || i == 41 ? "！！ 短讯 ——" + i : article(31_000 + i)));
        }
        json(RIGHTS).body(Map.of("works", tooShort)).post("/api/works/bulk").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.contains("works[17].text", "works[41].text"))
                .body("detail", containsString("2 works cannot be fingerprinted")).body("errors[1].message", containsString("needed to fingerprint"));
        json(RIGHTS).body(Map.of("works", tooShort.subList(0, 17))).post("/api/works/bulk").then().statusCode(202);
    }

    @Test
    void an_image_is_registered_from_its_file_and_bad_files_are_refused_before_storage() {
        byte[] photo = fixture("modifications/high-saturation.jpg");
        long id = as(RIGHTS).multiPart("file", "bridge.jpg", photo, "image/jpeg").multiPart("title", "桥 Bridge")
                .multiPart("authors", "李四 Li Si").post("/api/works/files").then().statusCode(202).extract().jsonPath().getLong("id");
        var work = awaitWork(RIGHTS, id, "REGISTERED");
        assertThat(work.getString("kind")).isEqualTo("IMAGE");
        assertThat(work.getString("mediaType")).isEqualTo("image/jpeg");
        var stored = storedFingerprint(id);
        assertThat(stored.header()).as("an image's record has no shared header: kept whole").isNull();
        assertThat(HashAlgorithm.SHA256.hex(stored.body())).isEqualTo(work.getString("fingerprintDigest"));
        // A WebP (lossless, 256 pixels wide), as a news site publishes it.
        long webp = as(RIGHTS).multiPart("file", "bridge-small.webp", resource("webp/bridge-lossless-256.webp"), "image/webp")
                .multiPart("title", "小桥 Small bridge").multiPart("authors", "李四 Li Si").post("/api/works/files").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        var webpWork = awaitWork(RIGHTS, webp, "REGISTERED");
        assertThat(webpWork.getString("kind")).isEqualTo("IMAGE");
        assertThat(webpWork.getString("mediaType")).isEqualTo("image/webp");
        long before = count();
        // A text file named .jpg: disguised.
        as(RIGHTS).multiPart("file", "photo.jpg", "not an image at all".getBytes(), "image/jpeg").multiPart("title", "x")
                .multiPart("authors", "x").post("/api/works/files").then().statusCode(415).contentType("application/problem+json");
        // A flat grey image: nothing to fingerprint (PDQ quality too low).
        as(RIGHTS).multiPart("file", "grey.png", flatPng(), "image/png").multiPart("title", "grey").multiPart("authors", "x")
                .post("/api/works/files").then().statusCode(422).contentType("application/problem+json").body("detail", containsString("quality"));
        // No authors.
        as(RIGHTS).multiPart("file", "bridge2.jpg", fixture("modifications/blur-a-lot.jpg"), "image/jpeg").multiPart("title", "t")
                .post("/api/works/files").then().statusCode(422).body("errors[0].field", equalTo("authors"));
        // An empty text, a huge one.
        json(RIGHTS).body(textWork("empty", " ")).post("/api/works").then().statusCode(400);
        json(RIGHTS).body(textWork("short", "太短")).post("/api/works").then().statusCode(422).contentType("application/problem+json");
        assertThat(count()).isEqualTo(before);
    }

    private static long count() {
        return QuarkusTransaction.requiringNew().call(() -> Work.count());
    }

    private static byte[] flatPng() {
        try {
            var image = new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(java.awt.Color.GRAY);
            g.fillRect(0, 0, 200, 200);
            g.dispose();
            var out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the API allows, the database holds (twenty long authors); what neither the database nor a record can hold is 422 naming it. */
    @Test
    void fields_at_their_limits_are_kept_and_beyond_them_refused_naming_them() {
        var authors = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            authors.add(("作者 Author " + i + " ").repeat(12).substring(0, 100));
        }
        var many = new java.util.HashMap<String, Object>(textWork("二十位作者 Twenty authors", article(20_500)));
        many.put("authors", authors);
        long id = json(RIGHTS).body(many).post("/api/works").then().statusCode(202).extract().jsonPath().getLong("id");
        assertThat(awaitWork(RIGHTS, id, "REGISTERED").getList("authors", String.class)).isEqualTo(authors);

        var cases = Map.<String, Object>of("publishedAt", "+300000-01-01T00:00:00Z", "authors", List.of("甲\n乙"));
        for (var c : cases.entrySet()) {
            var body = new java.util.HashMap<String, Object>(textWork("越界 Out of range", article(20_501)));
            body.put(c.getKey(), c.getValue());
            json(RIGHTS).body(body).post("/api/works").then().statusCode(org.hamcrest.Matchers.oneOf(400, 422))
                    .contentType("application/problem+json").body("errors[0].field", containsString(c.getKey()));
        }
        as(RIGHTS).multiPart("file", "a.txt", article(20_502).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .multiPart("title", "t").multiPart("authors", "甲").multiPart("publishedAt", "+10000-01-01T00:00:00Z").post("/api/works/files")
                .then().statusCode(422).body("errors[0].field", equalTo("publishedAt"));
        // A page beyond any list: 400 naming it, not an offset that wraps around.
        as(RIGHTS).get("/api/works?page=4294968&size=500").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
        as(RIGHTS).get("/api/works?page=two").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page")).body("detail", containsString("a whole number"));
    }

    /** A work's stored fingerprint: its header (null for a row holding the whole record), the row's bytes, both together. */
    private record StoredFingerprint(byte[] header, byte[] body) {
        byte[] record() {
            if (header == null) {
                return body;
            }
            byte[] all = java.util.Arrays.copyOf(header, header.length + body.length);
            System.arraycopy(body, 0, all, header.length, body.length);
            return all;
        }
    }

    private static StoredFingerprint storedFingerprint(long id) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) Work.getEntityManager().createNativeQuery(
                "select h.header, w.fingerprint from cr_work w left join cr_fingerprint_header h on h.id = w.fingerprint_header where w.id = ?1")
                .setParameter(1, id).getSingleResult());
        return new StoredFingerprint((byte[]) row[0], (byte[]) row[1]);
    }

    /** cr_work's rows updated and of them HOT, as PostgreSQL's statistics say now (a new transaction: a fresh snapshot). */
    private static long[] workUpdates() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) Work.getEntityManager().createNativeQuery(
                "select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relname = 'cr_work'").getSingleResult());
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }
}
