package org.alliancechain.odr.cases;

import static org.alliancechain.odr.OdrFlow.ARBITRATOR;
import static org.alliancechain.odr.OdrFlow.CLAIMANT;
import static org.alliancechain.odr.OdrFlow.CLERK;
import static org.alliancechain.odr.OdrFlow.RESPONDENT;
import static org.alliancechain.odr.OdrFlow.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.odr.OdrFlow;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/**
 * A whole case over the API against the real Keycloak, PostgreSQL and anvil: filed with documents
 * by the claimant, accepted by the clerk with a sole arbitrator, evidence from the respondent in a
 * ZIP archive, cross-examination, answer, award issued and served, opened by the claimant, closed —
 * and every step recorded in CaseRegistry as the chain sees it.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrCaseFlowTest {

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    ChainReader chain;

    @Test
    void aCaseFromFilingToClosing() throws Exception {
        var documents = new LinkedHashMap<String, byte[]>();
        documents.put("合同 contract.pdf", OdrFlow.pdf("contract AC-2026-17"));
        documents.put("delivery-note.png", OdrFlow.png(1));
        var filed = OdrFlow.file("货款纠纷 Unpaid delivery", documents);
        long id = filed.getLong("id");
        String number = filed.getString("caseNumber");
        assertThat(number).matches("HZ-ARBITRATION-\\d{4}-\\d{6}");
        assertThat(filed.getString("status.code")).isEqualTo("FILED");
        assertThat(filed.getString("yourSide")).isEqualTo("CLAIMANT");

        var evidence = as(CLAIMANT).get("/api/cases/" + id + "/evidence").then().statusCode(200).extract().jsonPath();
        assertThat(evidence.getList("number", String.class)).containsExactly("C-1", "C-2");
        assertThat(evidence.getList("mediaType", String.class)).containsExactly("application/pdf", "image/png");
        assertThat(evidence.getString("[0].sha256")).isEqualTo(HashAlgorithm.SHA256.hex(documents.get("合同 contract.pdf")));
        assertThat(evidence.getString("[0].sm3")).isEqualTo(HashAlgorithm.SM3.hex(documents.get("合同 contract.pdf")));
        assertThat(evidence.getList("timeStamped", Boolean.class)).containsOnly(true);

        // The respondent and the commission see the case; the clerk accepts with a sole arbitrator.
        as(RESPONDENT).get("/api/cases/" + id).then().statusCode(200).body("yourSide", equalTo("RESPONDENT"));
        var accepted = OdrFlow.accept(id);
        assertThat(accepted.getString("status.code")).isEqualTo("EVIDENCE");
        assertThat(accepted.getString("tribunal")).isEqualTo("SOLE");
        assertThat(accepted.getList("deadlines.kind", String.class)).containsExactlyInAnyOrder("ANSWER", "EVIDENCE", "AWARD");

        // The respondent's evidence, as a ZIP archive with a folder: one item per file.
        var archive = OdrFlow.zip(Map.of("证据/payment-record.pdf", OdrFlow.pdf("bank record"), "证据/photo.png", OdrFlow.png(2)));
        var items = OdrFlow.upload(RESPONDENT, id, Map.of("respondent-evidence.zip", archive), 201);
        assertThat(items).extracting(i -> i.get("number")).containsExactlyInAnyOrder("R-1", "R-2");
        assertThat(items).extracting(i -> (String) i.get("source")).allMatch(s -> s.contains("respondent-evidence.zip"));
        assertThat(items).extracting(i -> (String) i.get("fileName")).allMatch(n -> n.startsWith("证据/"));

        // Cross-examination of the claimant's C-1 by the respondent, and the respondent's answer.
        long c1 = evidence.getLong("[0].id");
        as(RESPONDENT).contentType(ContentType.JSON).body("""
                {"authenticity": "ADMITTED", "legality": "ADMITTED", "relevance": "DISPUTED",
                 "opinion": "合同真实，但与本案付款期限无关。The contract is genuine but does not fix the payment date."}
                """).post("/api/cases/" + id + "/evidence/" + c1 + "/comments").then().statusCode(201).body("organisation", equalTo("nova-manufacturing"));
        as(CLAIMANT).get("/api/cases/" + id + "/evidence/" + c1 + "/comments").then().statusCode(200)
                .body("[0].relevance", equalTo("DISPUTED"));
        as(RESPONDENT).contentType(ContentType.JSON).body("{\"text\": \"Delivery is not disputed; the amount is.\"}")
                .post("/api/cases/" + id + "/answer").then().statusCode(200).body("answer.by", equalTo(RESPONDENT));

        // The evidence is anchored: each item's certificate can be issued and verifies.
        OdrFlow.awaitTimelineConfirmed(id);
        byte[] certificate = as(RESPONDENT).get("/api/cases/" + id + "/evidence/" + c1 + "/certificate").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        io.restassured.RestAssured.given().contentType("application/pdf").body(certificate).post("/api/verify").then().statusCode(200)
                .body("verdict", equalTo("VALID"))
                .body("checks.find { it.id == 'record.timestamp' }.outcome", equalTo("PASSED"))
                .body("checks.find { it.id == 'record.timestamp' }.detail", org.hamcrest.Matchers.containsString("RFC 4998"));
        // C-1 and C-2, filed together, share one time-stamp token stored once (V2030): each row keeps its evidence record's
        // bytes before the token; the certificate above was made from the joined bytes.
        var db = SuiteTestResource.stack().database();
        try (var connection = java.sql.DriverManager.getConnection(db.jdbcUrl("odr_arbitration"), db.user(), db.password());
             var select = connection.prepareStatement("""
                     select e.number, length(e.timestamp_token), e.timestamp_token_id, length(t.token) from odr_evidence e
                       join timestamp_token t on t.id = e.timestamp_token_id where e.case_id = ? and e.side = 'CLAIMANT' order by e.number""")) {
            select.setLong(1, id);
            var rows = select.executeQuery();
            var tokens = new java.util.HashSet<Long>();
            var numbers = new java.util.ArrayList<String>();
            while (rows.next()) {
                numbers.add(rows.getString(1));
                assertThat(rows.getInt(2)).as("%s keeps only its record's path", rows.getString(1)).isLessThan(600);
                assertThat(rows.getInt(4)).as("the shared token").isGreaterThan(1000);
                tokens.add(rows.getLong(3));
            }
            assertThat(numbers).containsExactly("C-1", "C-2");
            assertThat(tokens).hasSize(1);
        }
        // The item's evidence package checks offline with nothing but the chain's RPC URL (./verify-evidence).
        byte[] pkg = as(CLAIMANT).get("/api/cases/" + id + "/evidence/" + c1 + "/package").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Path pkgFile = Files.write(Files.createTempFile("odr-package-", ".zip"), pkg);
        var report = new java.io.ByteArrayOutputStream();
        int verdict = org.alliancechain.evidence.pkg.OfflineVerifier.run(new String[] {"--rpc",
                SuiteTestResource.stack().anvil().orElseThrow().rpcUrl(), pkgFile.toString()}, new java.io.PrintStream(report, true,
                StandardCharsets.UTF_8), new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(verdict).as(report.toString(StandardCharsets.UTF_8)).isZero();
        Files.delete(pkgFile);
        // The case's export: the evidence list and one package per anchored item.
        byte[] export = as(CLERK).get("/api/cases/" + id + "/evidence/export").then().statusCode(200).contentType("application/zip")
                .extract().asByteArray();
        var entries = new java.util.LinkedHashMap<String, byte[]>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(export), StandardCharsets.UTF_8)) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).contains("evidence-list.csv", "packages/C-1.zip", "packages/C-2.zip", "packages/R-1.zip");
        String list = new String(entries.get("evidence-list.csv"), StandardCharsets.UTF_8);
        assertThat(list.lines().count()).isEqualTo(1 + 2 + items.size());
        assertThat(list).contains("\"C-1\"").contains("CONFIRMED").contains("contract.pdf").contains("证据/payment-record.pdf");
        assertThat(entries).containsKey("evidence-list.pdf");
        // The same export built in the background, with progress, for whoever started it.
        var started = as(CLERK).post("/api/cases/" + id + "/evidence/exports").then().statusCode(202)
                .header("Location", containsString("/evidence/exports/")).extract().jsonPath();
        assertThat(started.getInt("total")).isEqualTo(items.size() + 2);
        String exportId = started.getString("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "READY".equals(
                as(CLERK).get("/api/cases/" + id + "/evidence/exports/" + exportId).then().statusCode(200).extract().path("state")));
        as(CLERK).get("/api/cases/" + id + "/evidence/exports/" + exportId).then().body("percent", equalTo(100))
                .body("done", equalTo(items.size() + 2));
        byte[] background = as(CLERK).get("/api/cases/" + id + "/evidence/exports/" + exportId + "/file").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        var backgroundEntries = new java.util.ArrayList<String>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(background), StandardCharsets.UTF_8)) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                backgroundEntries.add(e.getName());
            }
        }
        assertThat(backgroundEntries).containsExactlyInAnyOrderElementsOf(entries.keySet());
        as(CLAIMANT).get("/api/cases/" + id + "/evidence/exports/" + exportId).then().statusCode(404); // another user's export
        as(CLAIMANT).get("/api/cases/" + id + "/evidence/exports/" + exportId + "/file").then().statusCode(404);
        // The evidence list as a signed PDF: signed by the caller's organisation, its data embedded.
        byte[] listPdf = as(CLAIMANT).get("/api/cases/" + id + "/evidence/list").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(listPdf)))) {
            var signatures = new com.itextpdf.signatures.SignatureUtil(document);
            assertThat(signatures.getSignatureNames()).hasSize(1);
            var pkcs7 = signatures.readSignatureData(signatures.getSignatureNames().getFirst());
            assertThat(pkcs7.verifySignatureIntegrityAndAuthenticity()).isTrue();
            assertThat(pkcs7.getTimeStampTokenInfo()).as("B-T: the signature is time-stamped").isNotNull();
            assertThat(pkcs7.getSigningCertificate().getSubjectX500Principal().getName()).contains("O=" + OdrFlow.CLAIMANT_ORG);
            assertThat(com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(document.getFirstPage()))
                    .contains("证据清单").contains("C-1").contains("R-1");
        }
        var embedded = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                org.alliancechain.evidence.verify.CertificateVerifier.embeddedFiles(listPdf).get("evidence-list.json"));
        assertThat(embedded.path("items")).hasSize(items.size() + 2);
        assertThat(embedded.path("items").get(0).path("sha256").asText()).isEqualTo(HashAlgorithm.SHA256.hex(documents.get("合同 contract.pdf")));
        byte[] content = as(CLERK).get("/api/cases/" + id + "/evidence/" + c1 + "/content").then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''")).extract().asByteArray();
        assertThat(content).isEqualTo(documents.get("合同 contract.pdf"));

        // The award: issued from the evidence period (documents-only hearing), served on both parties.
        OdrFlow.draftAndIssue(id);
        as(CLAIMANT).get("/api/cases/" + id).then().statusCode(200).body("status.code", equalTo("AWARDED"));
        OdrFlow.awaitTimelineConfirmed(id);
        byte[] award = as(CLAIMANT).get("/api/cases/" + id + "/award/pdf").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        io.restassured.RestAssured.given().contentType("application/pdf").body(award).post("/api/verify").then().statusCode(200)
                .body("verdict", equalTo("VALID")).body("summary.recordTitle", containsString(number));
        Files.createDirectories(java.nio.file.Path.of("target", "documents"));
        Files.write(java.nio.file.Path.of("target", "documents", "award.pdf"), award);
        // The award PDF carries the award in full — reasons and decision — and embeds that text, whose hash the signed record attests.
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(new java.io.ByteArrayInputStream(award)))) {
            assertThat(com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(document.getFirstPage()))
                    .contains("裁决书全文").contains("Facts and reasons").contains("The goods were delivered and accepted")
                    .contains("The respondent shall pay the claimant CNY 128,000.50");
        }
        var awardFiles = org.alliancechain.evidence.verify.CertificateVerifier.embeddedFiles(award);
        String awardText = awardFiles.keySet().stream().filter(n -> n.endsWith(".txt")).findFirst().orElseThrow();
        var awardRecord = new com.fasterxml.jackson.databind.ObjectMapper().readTree(awardFiles.get("record.json"));
        assertThat(HashAlgorithm.SHA256.hex(awardFiles.get(awardText))).isEqualTo(awardRecord.path("file").path("sha256").asText());
        var awardView = as(CLERK).get("/api/cases/" + id + "/award").then().statusCode(200).extract().jsonPath();
        assertThat(awardView.getString("status")).isEqualTo("ISSUED");
        assertThat(awardView.getString("chainStatus")).isEqualTo("CONFIRMED");

        as(CLERK).post("/api/cases/" + id + "/closure").then().statusCode(200).body("status.code", equalTo("CLOSED"));
        OdrFlow.awaitTimelineConfirmed(id);

        // The chain holds the same story: the case's events in CaseRegistry, in order.
        byte[] caseId = HEX.parseHex(accepted.getString("chain.caseId").substring(2));
        var events = chain.eventsOf("CaseRegistry", caseId);
        String claimantId = ChainIds.hex(ChainIds.memberId(OdrFlow.CLAIMANT_ORG));
        String respondentId = ChainIds.hex(ChainIds.memberId(OdrFlow.RESPONDENT_ORG));
        var filing = events.getFirst();
        assertThat(filing.event()).isEqualTo("CaseFiled");
        assertThat(filing.text("claimant")).isEqualTo(claimantId);
        assertThat(filing.text("commission")).isEqualTo(ChainIds.hex(ChainIds.memberId(OdrFlow.COMMISSION)));
        assertThat(filing.text("respondent")).isEqualTo(respondentId);
        assertThat(filing.text("caseHash")).isEqualTo("0x" + filed.getString("chain.caseHash"));
        var steps = events.stream().filter(e -> e.event().equals("CaseStatusChanged")).toList();
        assertThat(steps).extracting(e -> e.number("to").intValue()).as("Filed, Accepted, Evidence, Hearing, Awarded, Closed")
                .containsExactly(1, 2, 4, 5, 6, 7);
        assertThat(steps.get(4).text("dataHash")).as("the award's hash").isEqualTo("0x" + awardView.getString("recordDigest"));
        assertThat(events.stream().filter(e -> e.event().equals("AwardServed")).map(e -> e.text("party") + "/" + e.number("kind")))
                .as("made available to both, opened by the claimant only")
                .containsExactlyInAnyOrder(claimantId + "/0", respondentId + "/0", claimantId + "/1");
        assertThat(events).extracting(e -> e.blockNumber() * 100_000 + e.logIndex()).isSorted();
        var chainTimeline = as(RESPONDENT).get("/api/cases/" + id + "/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(filing.transactionHash()).isEqualTo(chainTimeline.getString("find { it.step == 'FILED' }.transactionHash"));

        var timeline = as(RESPONDENT).get("/api/cases/" + id + "/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("step", String.class)).containsSubsequence("FILED", "ACCEPTED", "TRIBUNAL_FORMED",
                "EVIDENCE_OPENED", "EVIDENCE_SUBMITTED", "EVIDENCE_COMMENTED", "ANSWERED", "AWARD_DRAFTED", "HEARING_OPENED",
                "AWARD_ISSUED", "AWARD_MADE_AVAILABLE", "AWARD_OPENED", "CLOSED");
        List<String> withTx = timeline.getList("findAll { it.transactionHash != null }.step", String.class);
        assertThat(withTx).contains("FILED", "ACCEPTED", "AWARD_ISSUED", "CLOSED");
        assertThat(timeline.getList("english", String.class)).contains("Case filed", "Award opened");
        assertThat(timeline.getList("chinese", String.class)).contains("提交仲裁申请", "结案");
    }

    @Test
    void aPanelOfThreeDecidesByMajority() {
        long id = OdrFlow.fileWithoutDocuments("Panel case").getLong("id");
        as(CLERK).contentType(ContentType.JSON)
                .body("{\"tribunal\": {\"arbitrators\": [\"arb2.hz\", \"arb.hz\", \"arb3.hz\"], \"presiding\": \"arb.hz\"}}")
                .post("/api/cases/" + id + "/acceptance").then().statusCode(200).body("tribunal", equalTo("PANEL"))
                .body("arbitrators.find { it.presiding }.username", equalTo("arb.hz"));
        as("arb2.hz").contentType(ContentType.JSON).body("{\"decision\": \"x\", \"reasoning\": \"y\"}")
                .put("/api/cases/" + id + "/award").then().statusCode(403);
        as(ARBITRATOR).contentType(ContentType.JSON).body("{\"decision\": \"Claim dismissed.\", \"reasoning\": \"No evidence.\"}")
                .put("/api/cases/" + id + "/award").then().statusCode(200).body("status", equalTo("DRAFT"));
        as("arb2.hz").contentType(ContentType.JSON).body("{\"approve\": false, \"note\": \"I dissent.\"}")
                .post("/api/cases/" + id + "/award/votes").then().statusCode(200);
        as(ARBITRATOR).post("/api/cases/" + id + "/award/issue").then().statusCode(409)
                .body("detail", containsString("1 of 3"));
        as(CLAIMANT).get("/api/cases/" + id + "/award").then().statusCode(404);
        as("arb3.hz").contentType(ContentType.JSON).body("{\"approve\": true}")
                .post("/api/cases/" + id + "/award/votes").then().statusCode(200);
        as(ARBITRATOR).post("/api/cases/" + id + "/award/issue").then().statusCode(200).body("status", equalTo("ISSUED"))
                .body("votes.size()", equalTo(2));
        as(CLAIMANT).get("/api/cases/" + id + "/award").then().statusCode(200).body("decision", equalTo("Claim dismissed."));
        OdrFlow.awaitTimelineConfirmed(id);
    }

    @Test
    void aWithdrawnCaseIsWithdrawnOnChain() {
        long id = OdrFlow.fileWithoutDocuments("Settled case").getLong("id");
        OdrFlow.accept(id);
        as(RESPONDENT).contentType(ContentType.JSON).body("{\"reason\": \"not mine\"}")
                .post("/api/cases/" + id + "/withdrawal").then().statusCode(403);
        as(CLAIMANT).contentType(ContentType.JSON).body("{\"reason\": \"和解 Settled between the parties\"}")
                .post("/api/cases/" + id + "/withdrawal").then().statusCode(200).body("status.code", equalTo("WITHDRAWN"));
        OdrFlow.awaitTimelineConfirmed(id);
        as(CLAIMANT).contentType(ContentType.JSON).body("{\"reason\": \"again\"}")
                .post("/api/cases/" + id + "/withdrawal").then().statusCode(409);
    }
}
