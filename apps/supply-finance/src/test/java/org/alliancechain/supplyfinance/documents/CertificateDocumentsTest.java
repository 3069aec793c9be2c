package org.alliancechain.supplyfinance.documents;

import static org.alliancechain.supplyfinance.SupplyFinanceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.service.evidence.EvidenceConfig;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.pdf.PdfChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A certificate's signed documents, each made once its chain fact lands, on the real stack: checked
 * by EU DSS (every signature, under the suite's PKI) and veraPDF (PDF/A-3b), the same bytes on every
 * download, 404 for an organisation that may not see the certificate, found on the public
 * verification page by its QR digest and its file, and its evidence package valid offline.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class CertificateDocumentsTest {

    static final String OUTSIDER = "bank.river";

    @Inject
    DevPki pki;

    @Inject
    EvidenceConfig evidence;

    @Inject
    DocumentIssuance issuance;

    @BeforeAll
    static void issuers() {
        authoriseIssuer(SUPPLIER_ORG);
    }

    private PdfChecks.Trust trust() {
        String crlUrl = evidence.publicUrl() + "/pki/root.crl";
        return new PdfChecks.Trust(List.of(pki.rootCertificate(), pki.tsaRootCertificate()),
                Map.of(crlUrl, pki.crl(), DevPki.tsaCrlUrl(crlUrl), pki.tsaCrl()));
    }

    static JsonPath certificate(long id) {
        return as(CORE).get("/api/certificates/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits for the certificate's document of a kind (as the user sees the list); returns its entry. */
    static Map<String, Object> awaitDocument(long certificateId, String user, String kind) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> as(user)
                .get("/api/certificates/" + certificateId + "/documents").then().statusCode(200).extract().jsonPath()
                .getList("kind", String.class).contains(kind));
        return as(user).get("/api/certificates/" + certificateId + "/documents").then().extract().jsonPath()
                .<Map<String, Object>>getList("").stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }

    static byte[] download(long certificateId, Object documentId, String user) {
        var response = as(user).get("/api/certificates/" + certificateId + "/documents/" + documentId).then().statusCode(200)
                .contentType("application/pdf").extract();
        byte[] pdf = response.asByteArray();
        assertThat(response.header("ETag")).contains(HashAlgorithm.SHA256.hex(pdf));
        return pdf;
    }

    /** One valid PAdES B-T signature per signer, in order, and PDF/A-3b. */
    private void assertSignedBy(byte[] pdf, String... organisations) throws Exception {
        var signatures = PdfChecks.dssEach(pdf, trust());
        assertThat(signatures).hasSize(organisations.length);
        for (int i = 0; i < organisations.length; i++) {
            var dss = signatures.get(i);
            assertThat(dss.indication()).as("DSS, signature %d: %s %s", i + 1, dss.subIndication(), dss.errors()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(dss.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        }
        assertThat(signatures.stream().map(PdfChecks.Dss::signedBy).toList()).allSatisfy(s -> assertThat(s).isNotBlank());
        for (String organisation : organisations) {
            assertThat(signatures).anySatisfy(s -> assertThat(s.signedBy()).contains(organisation));
        }
        assertThat(PdfChecks.pdfA3bFailures(pdf)).as("veraPDF").isEmpty();
    }

    /** The embedded facts hash to the digest in the QR code, and the public page finds the document by it and by the file. */
    private static void assertVerifiable(byte[] pdf, Map<String, Object> document, String number) throws Exception {
        byte[] facts = PdfChecks.embeddedFiles(pdf).get(DocumentPdf.FACTS_FILE);
        assertThat(facts).isNotNull();
        assertThat(HashAlgorithm.SHA256.hex(facts)).isEqualTo(document.get("factsDigest"));
        assertThat(PdfChecks.text(pdf)).contains(number).contains((String) document.get("factsDigest"));
        RestAssured.given().get("/verify?digest=" + document.get("factsDigest")).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(number));
        RestAssured.given().get("/verify?digest=" + document.get("recordDigest")).then().statusCode(200);
        RestAssured.given().multiPart("file", "document.pdf", pdf, "application/pdf").post("/verify").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(number));
    }

    @Test
    void theConfirmationEachTransferAndTheFinancingAgreementAreSignedVerifiableAndTheSameOnEveryDownload() throws Exception {
        String first = issueInvoice(SUPPLIER_ORG, CORE_ORG, 600_000_00L);
        String second = issueInvoice(SUPPLIER_ORG, CORE_ORG, 500_000_00L);
        long id = json(CORE).body(confirmBody(SUPPLIER_ORG, "1000000.00", chainToday().plusMonths(3), false, first, second))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(id, CORE, "OUTSTANDING");
        String number = certificate(id).getString("number");

        // The payable confirmation, signed by the core enterprise; the supplier gets the same bytes as the core.
        var confirmation = awaitDocument(id, SUPPLIER, "PAYABLE_CONFIRMATION");
        assertThat(confirmation.get("signedBy")).isEqualTo(List.of(CORE_ORG));
        byte[] pdf = download(id, confirmation.get("id"), SUPPLIER);
        assertThat(download(id, confirmation.get("id"), CORE)).isEqualTo(pdf);
        assertSignedBy(pdf, CORE_ORG);
        String text = PdfChecks.text(pdf);
        assertThat(text).contains("应付账款确认书").contains("Payable confirmation").contains(number + "-C").contains(first).contains(second)
                .contains("¥1000000.00").contains("壹佰万圆整").contains(CORE_ORG).contains(SUPPLIER_ORG)
                .contains(certificate(id).getString("history[0].transactionHash"));
        assertVerifiable(pdf, confirmation, number + "-C");
        // An organisation that may not see the certificate learns nothing of its documents.
        as(OUTSIDER).get("/api/certificates/" + id + "/documents").then().statusCode(404);
        as(OUTSIDER).get("/api/certificates/" + id + "/documents/" + confirmation.get("id")).then().statusCode(404);
        as(TIER2).get("/api/certificates/" + id + "/documents/" + confirmation.get("id")).then().statusCode(404);
        as(CORE).get("/api/certificates/" + id + "/documents/" + Long.MAX_VALUE).then().statusCode(404);

        // A transfer down to tier 2, accepted: the notice signed by the transferor, with the tier and the amount.
        long root = certificate(id).getLong("parts[0].partId");
        json(SUPPLIER).body("{\"value\": 300000.00, \"recipient\": \"" + TIER2_ORG + "\", \"expiresAt\": \"" + chainNow().plusSeconds(86_400) + "\"}")
                .post("/api/parts/" + root + "/offer").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> certificate(id).getList("parts.state").contains("PENDING"));
        long offered = certificate(id).getList("parts", Map.class).stream().filter(p -> "PENDING".equals(p.get("state")))
                .mapToLong(p -> ((Number) p.get("partId")).longValue()).findFirst().orElseThrow();
        as(TIER2).post("/api/parts/" + offered + "/accept").then().statusCode(202);
        var transfer = awaitDocument(id, TIER2, "TRANSFER");
        assertThat(transfer.get("number")).isEqualTo(number + "-T" + offered);
        byte[] transferPdf = download(id, transfer.get("id"), TIER2);
        assertThat(download(id, transfer.get("id"), SUPPLIER)).isEqualTo(transferPdf);
        assertSignedBy(transferPdf, SUPPLIER_ORG);
        assertThat(PdfChecks.text(transferPdf)).contains("债权转让通知及签收单").contains("¥300000.00").contains("叁拾万圆整")
                .contains("tier 2").contains(TIER2_ORG).contains(SUPPLIER_ORG);
        assertVerifiable(transferPdf, transfer, number + "-T" + offered);

        // A financing paid by blue-bank: the agreement signed by the bank, then by the holder, both signatures valid.
        long financing = json(SUPPLIER).body("{\"partId\": " + root + ", \"value\": 400000.00}").post("/api/financings").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        awaitFinancing(financing, "REQUESTED");
        json(BANK).body("{\"annualRate\": 3.90, \"fee\": 1500.00, \"recourse\": true, \"discountDate\": \"" + chainToday() + "\", \"validUntil\": \""
                + chainNow().plusSeconds(3_600) + "\"}").post("/api/financings/" + financing + "/quotes").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "OFFERED".equals(as(SUPPLIER).get("/api/financings/" + financing).then().extract()
                .path("quotes[0].status")));
        var quote = as(SUPPLIER).get("/api/financings/" + financing).then().extract().jsonPath();
        as(SUPPLIER).post("/api/financings/" + financing + "/quotes/" + quote.getLong("quotes[0].id") + "/accept").then().statusCode(202);
        awaitFinancing(financing, "ACCEPTED");
        json(BANK).body("{\"paymentReference\": \"BLUE-2026-000777\", \"crcRegistration\": \"04512345000777\"}")
                .post("/api/financings/" + financing + "/payment").then().statusCode(202);
        awaitFinancing(financing, "PAID");
        var agreement = awaitDocument(id, SUPPLIER, "FINANCING_AGREEMENT");
        assertThat(agreement.get("signedBy")).isEqualTo(List.of("blue-bank", SUPPLIER_ORG));
        byte[] agreementPdf = download(id, agreement.get("id"), BANK);
        assertThat(download(id, agreement.get("id"), SUPPLIER)).isEqualTo(agreementPdf);
        assertSignedBy(agreementPdf, "blue-bank", SUPPLIER_ORG);
        String terms = PdfChecks.text(agreementPdf);
        assertThat(terms).contains("保理融资协议").contains("3.90 %").contains("¥400000.00").contains("BLUE-2026-000777").contains(first)
                .contains("有追索权 with recourse").contains("实付金额").contains("04512345000777");
        assertVerifiable(agreementPdf, agreement, number + "-F" + financing);

        // Made once per fact: making the documents again adds none.
        long documents = QuarkusTransaction.requiringNew().call(() -> ChainDocument.count("certificateId", id));
        issuance.issuePending();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ChainDocument.count("certificateId", id))).isEqualTo(documents).isEqualTo(3L);

        // Offline: the confirmation's evidence package (once its record is anchored) checks with nothing but the chain's RPC URL.
        String packageUrl = "/api/certificates/" + id + "/documents/" + confirmation.get("id") + "/package";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> as(SUPPLIER).get(packageUrl).statusCode() == 200);
        byte[] pkg = as(SUPPLIER).get(packageUrl).then().statusCode(200).contentType("application/zip").extract().asByteArray();
        var file = Files.write(Files.createTempFile("sf-document-", ".zip"), pkg);
        var report = new java.io.ByteArrayOutputStream();
        int verdict = org.alliancechain.evidence.pkg.OfflineVerifier.run(new String[] {"--rpc", SuiteTestResource.stack().anvil().orElseThrow().rpcUrl(),
                file.toString()}, new java.io.PrintStream(report, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Files.delete(file);
        assertThat(verdict).as(report.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void theSettlementStatementNamesEveryHolderAndWhatEachWasPaid() throws Exception {
        String invoice = issueInvoice(SUPPLIER_ORG, CORE_ORG, 500_000_00L);
        long id = json(CORE).body(confirmBody(SUPPLIER_ORG, "500000.00", chainTomorrowWithTimeLeftToday(), false, invoice))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(id, CORE, "OUTSTANDING");
        String number = certificate(id).getString("number");
        long root = certificate(id).getLong("parts[0].partId");
        json(SUPPLIER).body("{\"value\": 200000.00, \"recipient\": \"" + TIER2_ORG + "\", \"expiresAt\": \"" + chainNow().plusSeconds(3_600) + "\"}")
                .post("/api/parts/" + root + "/offer").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> certificate(id).getList("parts.state").contains("PENDING"));
        long offered = certificate(id).getList("parts", Map.class).stream().filter(p -> "PENDING".equals(p.get("state")))
                .mapToLong(p -> ((Number) p.get("partId")).longValue()).findFirst().orElseThrow();
        as(TIER2).post("/api/parts/" + offered + "/accept").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "ACTIVE".equals(certificate(id).getString("parts.find { it.partId == " + offered + " }.state")));

        advanceChainTime(Duration.ofDays(1).plusHours(1));
        json(CORE).body("{\"certificateId\": " + id + ", \"amount\": 500000.00, \"paymentReference\": \"CNAPS-" + id + "\"}")
                .post("/api/settlements").then().statusCode(202);
        awaitStatus(id, CORE, "SETTLED");

        var statement = awaitDocument(id, TIER2, "SETTLEMENT_STATEMENT");
        assertThat(statement.get("signedBy")).isEqualTo(List.of(CORE_ORG));
        byte[] pdf = download(id, statement.get("id"), TIER2);
        assertThat(download(id, statement.get("id"), CORE)).isEqualTo(pdf);
        assertSignedBy(pdf, CORE_ORG);
        assertThat(PdfChecks.text(pdf)).contains("兑付清分单").contains(number + "-S").contains(SUPPLIER_ORG).contains(TIER2_ORG)
                .contains("¥300000.00").contains("¥200000.00").contains("¥500000.00").contains("伍拾万圆整");
        assertVerifiable(pdf, statement, number + "-S");
        as(OUTSIDER).get("/api/certificates/" + id + "/documents/" + statement.get("id")).then().statusCode(404);
        // Every fact of this certificate has its document: confirmation, transfer, settlement.
        assertThat(as(CORE).get("/api/certificates/" + id + "/documents").then().extract().jsonPath().getList("kind", String.class))
                .containsExactly("PAYABLE_CONFIRMATION", "TRANSFER", "SETTLEMENT_STATEMENT");
    }

    private static void awaitFinancing(long id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> status.equals(as(SUPPLIER).get("/api/financings/" + id).then().extract().path("status")));
    }
}
