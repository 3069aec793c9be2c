package org.alliancechain.copyright.infringement;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.copyright.capture.TestArchives;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.service.arbitration.ArbitrationFilings;
import org.alliancechain.service.chain.ChainClock;
import org.alliancechain.service.evidence.EvidenceConfig;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.pdf.PdfChecks;
import org.junit.jupiter.api.Test;

/**
 * A monitor captures a rewritten copy; the rights holder claims it in one step: the licence registry's
 * answer as of the capture's block, the signed forensics report, and the case filed on chain against the
 * publisher, citing the work's registration and the anchoring of the capture and of the report.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class InfringementTest {

    @Inject
    ChainReader chain;

    @Inject
    DevPki pki;

    @Inject
    EvidenceConfig evidence;

    @Inject
    ArbitrationFilings filings;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    /**
     * The earlier of the chain's time and the wall clock: licences are dated by the chain, a use by the time-stamp
     * authority's clock, and the shared test chain runs ahead of the wall clock once other tests moved it (ADR 0020).
     */
    private static Instant earlierClock() {
        Instant chain = io.quarkus.arc.Arc.container().instance(ChainClock.class).get().now();
        Instant wall = Instant.now();
        return chain.isBefore(wall) ? chain : wall;
    }

    /** A monitor's capture of a text, anchored; {@code publisher} null: published outside the consortium, or not known yet. */
    private static JsonPath capture(String text, String publisher) {
        var body = new HashMap<String, Object>(Map.of("text", text, "format", "plain", "sourceUrl", "https://copycat.example/a/1"));
        if (publisher != null) {
            body.put("publisher", publisher);
        }
        long id = json(MONITOR).body(body).post("/api/captures").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "CONFIRMED".equals(as(MONITOR)
                .get("/api/captures/" + id).then().statusCode(200).extract().path("anchoring.phase")));
        return as(MONITOR).get("/api/captures/" + id).then().extract().jsonPath();
    }

    private static Map<String, Object> claim(long captureId, long workId, String publisher) {
        var body = new HashMap<String, Object>();
        body.put("captureId", captureId);
        body.put("workId", workId);
        body.put("publisher", publisher);
        body.put("use", "FULL_REPRINT");
        body.put("channel", "ONLINE");
        body.put("territory", "CN");
        body.put("claim", "被申请人未经许可在其网站全文转载申请人的新闻作品，请求停止侵权并赔偿损失。The respondent reprinted our article online without a licence.");
        return body;
    }

    private static Map<String, Object> licence(long workId, String licensee, Instant from) {
        return Map.of("workId", workId, "licensee", licensee, "uses", List.of("FULL_REPRINT"), "channels", List.of("ONLINE"), "territory", "CN",
                "validFrom", from.toString(), "terms", "全文转载授权 Full reprint online.");
    }

    @Test
    void a_copy_no_licence_covered_goes_to_arbitration_with_its_report_and_a_licensed_one_does_not() throws Exception {
        String original = article(9001) + article(9002);
        long workId = registerText(RIGHTS, "原创 9001", original);
        awaitWork(RIGHTS, workId, "REGISTERED");
        String copy = "转载：" + original.substring(0, original.length() * 3 / 4).replace("专家表示", "有专家说");

        // nova-manufacturing holds a licence for full reprints online: its copy is licensed, nothing to claim.
        json(RIGHTS).body(licence(workId, "nova-manufacturing", earlierClock().minus(Duration.ofDays(10)))).post("/api/licences").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> as(RIGHTS).get("/api/licences?as=licensor").then().extract().jsonPath()
                .getList("findAll { it.workId == " + workId + " && it.status == 'GRANTED' }").size() == 1);
        var licensedCopy = capture(copy + " nova", "nova-manufacturing");
        json(RIGHTS).body(claim(licensedCopy.getLong("id"), workId, "nova-manufacturing")).post("/api/infringements").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("covered nova-manufacturing"));

        // pixel-studio had none when its copy was captured; a licence granted afterwards, back-dated over the use, changes nothing.
        var captured = capture(copy, OTHER_RIGHTS_ORG);
        assertThat(captured.getList("matches.workId", Long.class)).contains(workId);
        long captureId = captured.getLong("id");
        json(RIGHTS).body(licence(workId, OTHER_RIGHTS_ORG, earlierClock().minus(Duration.ofDays(30)))).post("/api/licences").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> as(RIGHTS).get("/api/licences?as=licensor").then().extract().jsonPath()
                .getList("findAll { it.workId == " + workId + " && it.licensee == '" + OTHER_RIGHTS_ORG + "' && it.status == 'GRANTED' }")
                .size() == 1);
        var prepared = json(RIGHTS).body(claim(captureId, workId, OTHER_RIGHTS_ORG)).post("/api/infringements").then().statusCode(202)
                .extract().jsonPath();
        assertThat(prepared.getBoolean("licensed")).isFalse();
        long id = prepared.getLong("id");
        String caseNumber = prepared.getString("caseNumber");
        assertThat(caseNumber).isEqualTo("copyright/C" + captureId + "-W" + workId);
        // The same claim again is refused.
        json(RIGHTS).body(claim(captureId, workId, OTHER_RIGHTS_ORG)).post("/api/infringements").then().statusCode(409);

        // FILED once CaseRegistry confirmed the filing
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> "FILED".equals(as(RIGHTS)
                .get("/api/infringements/" + id).then().extract().path("status")));
        var filed = as(RIGHTS).get("/api/infringements/" + id).then().extract().jsonPath();
        assertThat(filed.getString("filing.phase")).isEqualTo("CONFIRMED");
        assertThat(filed.getInt("citations")).isEqualTo(3);

        // On chain: the case against pixel-studio with the commission, citing three events (ODR projects it from there).
        var events = chain.eventsOf("CaseRegistry", ArbitrationFilings.caseId(caseNumber));
        assertThat(events.stream().map(e -> e.event()).toList()).contains("CaseFiled").filteredOn("CaseEvidenceCited"::equals).hasSize(3);
        var filedEvent = events.stream().filter(e -> e.event().equals("CaseFiled")).findFirst().orElseThrow();
        assertThat(filedEvent.arguments().stream().filter(a -> a.name().equals("respondent")).findFirst().orElseThrow().text())
                .isEqualTo("0x" + java.util.HexFormat.of().formatHex(org.alliancechain.chain.api.ChainIds.memberId(OTHER_RIGHTS_ORG)));
        // the case's hash is the report's record digest: the report is bound to the case, and found by it at /verify
        assertThat(filedEvent.arguments().stream().filter(a -> a.name().equals("caseHash")).findFirst().orElseThrow().text())
                .isEqualTo("0x" + filed.getString("recordDigest"));

        // The signed report: valid for EU DSS and veraPDF, names the licence answer, prints the copy, verifiable publicly.
        byte[] pdf = as(RIGHTS).get("/api/infringements/" + id + "/report").then().statusCode(200).contentType("application/pdf").extract()
                .asByteArray();
        String text = PdfChecks.text(pdf);
        assertThat(text).contains(caseNumber).contains("LicenceRegistry.licenceAt").contains(captured.getString("sha256"));
        String crlUrl = evidence.publicUrl() + "/pki/root.crl";
        var dss = PdfChecks.dss(pdf, new PdfChecks.Trust(List.of(pki.rootCertificate(), pki.tsaRootCertificate()),
                Map.of(crlUrl, pki.crl(), DevPki.tsaCrlUrl(crlUrl), pki.tsaCrl())));
        assertThat(dss.indication()).as("DSS: %s %s", dss.subIndication(), dss.errors())
                .isEqualTo(eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
        assertThat(PdfChecks.pdfA3bFailures(pdf)).as("veraPDF").isEmpty();
        RestAssured.given().get("/verify?digest=" + filed.getString("recordDigest")).then().statusCode(200).body(containsString(caseNumber));
        // Another organisation sees none of it.
        as(OTHER_RIGHTS).get("/api/infringements/" + id).then().statusCode(404);
        as(OTHER_RIGHTS).get("/api/captures/" + captureId).then().statusCode(404);
    }

    @Test
    void a_copy_captured_in_a_web_archive_goes_to_arbitration_and_its_report_names_the_archives_url_and_date() throws Exception {
        String original = article(9401) + article(9402);
        long workId = registerText(RIGHTS, "原创 9401", original);
        awaitWork(RIGHTS, workId, "REGISTERED");
        String url = "https://copycat.example/a/9401.html";
        Instant crawled = Instant.parse("2026-11-28T09:15:30Z");
        byte[] warc = TestArchives.warc(true, crawled, TestArchives.Page.html("https://copycat.example/", TestArchives.htmlOf("首页", "要闻")),
                TestArchives.Page.html(url, TestArchives.htmlOf("转载", "转载：" + original.substring(0, original.length() * 3 / 4))));
        long captureId = as(MONITOR).multiPart("file", "copycat.warc.gz", warc, "application/octet-stream").multiPart("sourceUrl", url)
                .multiPart("publisher", OTHER_RIGHTS_ORG).post("/api/captures/files").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "CONFIRMED".equals(as(MONITOR)
                .get("/api/captures/" + captureId).then().statusCode(200).extract().path("anchoring.phase")));
        var captured = as(MONITOR).get("/api/captures/" + captureId).then().extract().jsonPath();
        assertThat(captured.getList("matches.workId", Long.class)).contains(workId);
        assertThat(captured.getString("sha256")).isEqualTo(org.alliancechain.evidence.HashAlgorithm.SHA256.hex(warc));

        long id = json(RIGHTS).body(claim(captureId, workId, OTHER_RIGHTS_ORG)).post("/api/infringements").then().statusCode(202).extract()
                .jsonPath().getLong("id");
        // FILED once CaseRegistry confirmed the filing
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> "FILED".equals(as(RIGHTS)
                .get("/api/infringements/" + id).then().extract().path("status")));
        var filed = as(RIGHTS).get("/api/infringements/" + id).then().extract().jsonPath();
        assertThat(filed.getString("filing.phase")).isEqualTo("CONFIRMED");
        assertThat(chain.eventsOf("CaseRegistry", ArbitrationFilings.caseId(filed.getString("caseNumber"))).stream().map(e -> e.event()))
                .contains("CaseFiled");

        // The report names the archive's page, its WARC-Date and its record, and prints the page's text (not the archive's bytes).
        byte[] pdf = as(RIGHTS).get("/api/infringements/" + id + "/report").then().statusCode(200).contentType("application/pdf").extract()
                .asByteArray();
        String text = PdfChecks.text(pdf);
        String joined = text.replaceAll("\\s+", "");
        assertThat(joined).contains(url).contains("2026-11-28T09:15:30Z").contains(captured.getString("archive.recordId"))
                .contains(captured.getString("sha256"));
        assertThat(text).contains("转载");
        assertThat(PdfChecks.pdfA3bFailures(pdf)).as("veraPDF").isEmpty();
    }

    /**
     * An article reposted as a screenshot: captured with readText, the text read in the image is what matched; the claim
     * goes to arbitration like any other, and the report says the passages quote the recognised text and prints it.
     */
    @Test
    void a_screenshot_of_an_article_captured_with_its_text_read_goes_to_arbitration() throws Exception {
        org.alliancechain.testsupport.TestTools.assume(org.alliancechain.testsupport.TestTools.TESSERACT, "reading a screenshot's text");
        String original = article(9501) + article(9502).substring(10);
        long workId = registerText(RIGHTS, "原创 9501", original);
        String excerpt = original.substring(original.length() / 3, original.length() * 2 / 3);
        byte[] screenshot = png(screenshot(excerpt));
        awaitWork(RIGHTS, workId, "REGISTERED");

        // A text copy is not read as a screenshot: refused naming the field, nothing captured.
        int before = as(MONITOR).get("/api/captures").then().statusCode(200).extract().jsonPath().getList("id").size();
        as(MONITOR).multiPart("file", "copy.txt", excerpt.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain")
                .multiPart("readText", "true").post("/api/captures/files").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("readText"));
        assertThat(as(MONITOR).get("/api/captures").then().extract().jsonPath().getList("id")).hasSize(before);
        // A publisher that is no member: refused naming it, nothing captured.
        as(MONITOR).multiPart("file", "weibo-9501.png", screenshot, "image/png").multiPart("readText", "true")
                .multiPart("publisher", "no-such-member").post("/api/captures/files").then().statusCode(422)
                .body("errors[0].field", equalTo("publisher"));
        assertThat(as(MONITOR).get("/api/captures").then().extract().jsonPath().getList("id")).hasSize(before);

        long captureId = as(MONITOR).multiPart("file", "weibo-9501.png", screenshot, "image/png").multiPart("readText", "true")
                .multiPart("sourceUrl", "https://weibo.example/p/9501").multiPart("publisher", OTHER_RIGHTS_ORG).post("/api/captures/files")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "CONFIRMED".equals(as(MONITOR)
                .get("/api/captures/" + captureId).then().statusCode(200).extract().path("anchoring.phase")));
        var captured = as(MONITOR).get("/api/captures/" + captureId).then().extract().jsonPath();
        assertThat(captured.getString("kind")).isEqualTo("IMAGE");
        assertThat(captured.getString("sha256")).isEqualTo(org.alliancechain.evidence.HashAlgorithm.SHA256.hex(screenshot));
        String recognised = captured.getString("recognisedText");
        assertThat(recognised).isNotBlank();
        assertThat(captured.getList("matches.workId", Long.class)).contains(workId);
        assertThat(captured.getList("matches.find { it.workId == " + workId + " }.passages", Map.class)).isNotEmpty();

        long id = json(RIGHTS).body(claim(captureId, workId, OTHER_RIGHTS_ORG)).post("/api/infringements").then().statusCode(202).extract()
                .jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> "FILED".equals(as(RIGHTS)
                .get("/api/infringements/" + id).then().extract().path("status")));
        assertThat(as(RIGHTS).get("/api/infringements/" + id).then().extract().jsonPath().getString("filing.phase")).isEqualTo("CONFIRMED");

        byte[] pdf = as(RIGHTS).get("/api/infringements/" + id + "/report").then().statusCode(200).contentType("application/pdf").extract()
                .asByteArray();
        String text = PdfChecks.text(pdf);
        String joined = text.replaceAll("\\s+", "");
        assertThat(joined).contains("ascreenshotofatext").contains(org.alliancechain.evidence.HashAlgorithm.SHA256.hex(
                recognised.getBytes(java.nio.charset.StandardCharsets.UTF_8))).contains(captured.getString("sha256"));
        // the recognised text printed in the report: a run of it as read
        String run = recognised.replaceAll("\\s+", "");
        assertThat(joined).contains(run.substring(run.length() / 2, run.length() / 2 + 12));
        assertThat(PdfChecks.pdfA3bFailures(pdf)).as("veraPDF").isEmpty();
    }

    /**
     * A claim the consortium does not take ends REFUSED with the reason and holds up no other claim: here its case number is
     * on chain already (as after a database restored from an older backup, or filed by someone who guessed the number). The
     * claim made after it is filed all the same, and the refused capture, claimed again, is filed under a number of its own.
     */
    @Test
    void a_claim_the_chain_refuses_ends_refused_holds_up_no_other_and_can_be_claimed_again() {
        String original = article(9601) + article(9602);
        long workId = registerText(RIGHTS, "原创 9601", original);
        awaitWork(RIGHTS, workId, "REGISTERED");
        String copy = "转载：" + original.substring(0, original.length() * 3 / 4);
        long blocked = capture(copy, OTHER_RIGHTS_ORG).getLong("id");
        long next = capture(copy + " 又一次 again", OTHER_RIGHTS_ORG).getLong("id");
        String taken = ArbitrationFilings.caseNumber("copyright", "C" + blocked + "-W" + workId);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            org.alliancechain.copyright.works.Work work = org.alliancechain.copyright.works.Work.findById(workId);
            filings.file(RIGHTS_ORG, new org.alliancechain.service.arbitration.ArbitrationFiling(taken, filings.defaultCommission().orElseThrow(),
                    OTHER_RIGHTS_ORG, org.alliancechain.evidence.HashAlgorithm.SHA256.digest(new byte[] {1}),
                    List.of(new org.alliancechain.service.arbitration.CitedEvent(work.registeredTx, work.registeredLog))));
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !chain.eventsOf("CaseRegistry", ArbitrationFilings.caseId(taken)).isEmpty());

        long refused = json(RIGHTS).body(claim(blocked, workId, OTHER_RIGHTS_ORG)).post("/api/infringements").then().statusCode(202).extract()
                .jsonPath().getLong("id");
        long after = json(RIGHTS).body(claim(next, workId, OTHER_RIGHTS_ORG)).post("/api/infringements").then().statusCode(202).extract()
                .jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> "REFUSED".equals(as(RIGHTS)
                .get("/api/infringements/" + refused).then().extract().path("status")));
        var view = as(RIGHTS).get("/api/infringements/" + refused).then().extract().jsonPath();
        assertThat(view.getString("refusal")).contains(taken).contains("already filed");
        assertThat(view.getString("statusLabel")).contains("not filed");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> "FILED".equals(as(RIGHTS)
                .get("/api/infringements/" + after).then().extract().path("status")));
        assertThat(as(RIGHTS).get("/api/infringements/" + after).then().extract().jsonPath().getString("filing.phase")).isEqualTo("CONFIRMED");

        // Claimed again: a case number of its own, filed; a claim still open is not made twice.
        var again = json(RIGHTS).body(claim(blocked, workId, OTHER_RIGHTS_ORG)).post("/api/infringements").then().statusCode(202).extract()
                .jsonPath();
        assertThat(again.getString("caseNumber")).isEqualTo(taken + "-2");
        json(RIGHTS).body(claim(blocked, workId, OTHER_RIGHTS_ORG)).post("/api/infringements").then().statusCode(409)
                .body("detail", containsString(taken + "-2"));
        long againId = again.getLong("id");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> "FILED".equals(as(RIGHTS)
                .get("/api/infringements/" + againId).then().extract().path("status")));
        assertThat(chain.eventsOf("CaseRegistry", ArbitrationFilings.caseId(taken + "-2")).stream().map(e -> e.event())).contains("CaseFiled");
    }

    /**
     * A database restored from a backup taken after a claim's case reached the chain but before the claim's row said so: the
     * claim finds its own case (its claimant, its report's record digest as the case hash) and is FILED, not refused.
     */
    @Test
    void a_claim_whose_case_is_on_chain_already_as_it_filed_it_is_filed_not_refused() {
        String original = article(9701) + article(9702);
        long workId = registerText(RIGHTS, "原创 9701", original);
        awaitWork(RIGHTS, workId, "REGISTERED");
        long captureId = capture("转载：" + original.substring(0, original.length() * 2 / 3), OTHER_RIGHTS_ORG).getLong("id");
        scheduler.pause(InfringementFiler.IDENTITY);
        try {
            var prepared = json(RIGHTS).body(claim(captureId, workId, OTHER_RIGHTS_ORG)).post("/api/infringements").then().statusCode(202)
                    .extract().jsonPath();
            String caseNumber = prepared.getString("caseNumber");
            byte[] recordDigest = java.util.HexFormat.of().parseHex(prepared.getString("recordDigest"));
            // the case as the claim itself files it (the same claimant, respondent, commission and case hash)
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                org.alliancechain.copyright.works.Work work = org.alliancechain.copyright.works.Work.findById(workId);
                filings.file(RIGHTS_ORG, new org.alliancechain.service.arbitration.ArbitrationFiling(caseNumber,
                        filings.defaultCommission().orElseThrow(), OTHER_RIGHTS_ORG, recordDigest,
                        List.of(new org.alliancechain.service.arbitration.CitedEvent(work.registeredTx, work.registeredLog))));
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> !chain.eventsOf("CaseRegistry", ArbitrationFilings.caseId(caseNumber)).isEmpty());
        } finally {
            scheduler.resume(InfringementFiler.IDENTITY);
        }
        long id = as(RIGHTS).get("/api/infringements").then().extract().jsonPath().getLong("find { it.captureId == " + captureId + " }.id");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> !"PREPARED".equals(as(RIGHTS)
                .get("/api/infringements/" + id).then().extract().path("status")));
        var view = as(RIGHTS).get("/api/infringements/" + id).then().extract().jsonPath();
        assertThat(view.getString("status")).as("refusal: %s", view.getString("refusal")).isEqualTo("FILED");
        assertThat(view.getString("refusal")).isNull();
    }

    @Test
    void claims_that_cannot_hold_are_refused_naming_the_field() {
        long workId = registerText(RIGHTS, "原创 9101", article(9101));
        awaitWork(RIGHTS, workId, "REGISTERED");
        long otherWork = registerText(RIGHTS, "无关 9102", "完全不同的内容：本市今日举行马拉松比赛，数万名跑者参加，赛道沿江而设，沿途观众热情助威，比赛秩序井然。" + 9102);
        awaitWork(RIGHTS, otherWork, "REGISTERED");
        long captureId = capture(article(9101), OTHER_RIGHTS_ORG).getLong("id");
        long unnamed = capture(article(9101) + " ", null).getLong("id");
        // A work the capture did not match.
        json(RIGHTS).body(claim(captureId, otherWork, OTHER_RIGHTS_ORG)).post("/api/infringements").then().statusCode(422)
                .body("errors[0].field", equalTo("workId"));
        // Another respondent than the publisher the capture's record names: the licence check and the report are about that one.
        json(RIGHTS).body(claim(captureId, workId, "nova-manufacturing")).post("/api/infringements").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("publisher"))
                .body("detail", containsString("names " + OTHER_RIGHTS_ORG));
        // A capture naming no publisher: the claim names it. Against oneself; a non-member; none at all.
        json(RIGHTS).body(claim(unnamed, workId, RIGHTS_ORG)).post("/api/infringements").then().statusCode(422)
                .body("errors[0].field", equalTo("respondent"));
        json(RIGHTS).body(claim(unnamed, workId, "nobody-here")).post("/api/infringements").then().statusCode(422);
        json(RIGHTS).body(claim(unnamed, workId, " ")).post("/api/infringements").then().statusCode(422)
                .body("errors[0].field", equalTo("publisher"));
        // Worldwide as the place of use.
        var worldwide = claim(captureId, workId, OTHER_RIGHTS_ORG);
        worldwide.put("territory", "*");
        json(RIGHTS).body(worldwide).post("/api/infringements").then().statusCode(422).body("errors[0].field", equalTo("territory"));
        // Another organisation's capture or work: 404.
        json(OTHER_RIGHTS).body(claim(captureId, workId, RIGHTS_ORG)).post("/api/infringements").then().statusCode(404);
        // A capture naming a publisher that is not a member.
        json(MONITOR).body(Map.of("text", article(9101), "format", "plain", "publisher", "no-such-member")).post("/api/captures").then()
                .statusCode(422).body("errors[0].field", equalTo("publisher"));
    }
}
