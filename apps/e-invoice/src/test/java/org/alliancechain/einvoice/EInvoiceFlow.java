package org.alliancechain.einvoice;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.alliancechain.einvoice.tax.UnifiedSocialCreditCode;
import org.alliancechain.testsupport.Tokens;

/**
 * The steps of the e-invoice flows over the HTTP API as the demo users take them: the Beijing tax
 * bureau's officer registers acme-trading, nova-manufacturing and pixel-studio and authorises the
 * first two to issue; acme issues to nova; nova's receiver books, its approver reimburses.
 * Shared by the story, bad-input, security and browser tests; every step is idempotent across test
 * classes that share the stack's database.
 */
public final class EInvoiceFlow {

    public static final String OFFICER = "tax.officer";
    public static final String OTHER_BUREAU_OFFICER = "tax.officer2";
    public static final String SELLER = "issuer.acme";
    public static final String SELLER_ORG = "acme-trading";
    public static final String BUYER_ISSUER = "issuer.nova";
    public static final String BUYER_ORG = "nova-manufacturing";
    public static final String BUYER_RECEIVER = "receiver.nova";
    public static final String BUYER_APPROVER = "approver.nova";
    public static final String SELLER_APPROVER = "approver.acme";
    public static final String OUTSIDER_FINANCE = "finance.pixel";
    public static final String OUTSIDER_ORG = "pixel-studio";

    /** Valid unified social credit codes of the demo companies, all registered in Beijing (province 11). */
    public static final String ACME_TAX_ID = UnifiedSocialCreditCode.withCheckCharacter("91110108MA0000001").value();
    public static final String NOVA_TAX_ID = UnifiedSocialCreditCode.withCheckCharacter("91110105MA0000002").value();
    public static final String PIXEL_TAX_ID = UnifiedSocialCreditCode.withCheckCharacter("91110106MA0000003").value();

    private EInvoiceFlow() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user));
    }

    public static RequestSpecification json(String user) {
        return as(user).contentType(ContentType.JSON);
    }

    /** Registers the three companies and authorises acme and nova (both kinds, a large quota); waits until InvoiceRegistry confirms. */
    public static synchronized void ensureIssuers() {
        var registered = as(OFFICER).get("/api/taxpayers").then().statusCode(200).extract().jsonPath().getList("organisation", String.class);
        for (var company : List.of(List.of(SELLER_ORG, ACME_TAX_ID, "北京艾克米贸易有限公司 Acme Trading Co., Ltd."),
                List.of(BUYER_ORG, NOVA_TAX_ID, "北京诺瓦制造有限公司 Nova Manufacturing Co., Ltd."),
                List.of(OUTSIDER_ORG, PIXEL_TAX_ID, "北京像素工作室 Pixel Studio"))) {
            if (!registered.contains(company.get(0))) {
                json(OFFICER).body(Map.of("organisation", company.get(0), "taxId", company.get(1), "name", company.get(2)))
                        .post("/api/taxpayers").then().statusCode(201);
            }
        }
        var issuers = as(OFFICER).get("/api/issuers").then().statusCode(200).extract().jsonPath().getList("organisation", String.class);
        for (String org : List.of(SELLER_ORG, BUYER_ORG)) {
            if (!issuers.contains(org)) {
                json(OFFICER).body(Map.of("organisation", org, "kinds", List.of("DIGITAL_SPECIAL", "DIGITAL_ORDINARY"), "quota", "100000000.00"))
                        .post("/api/issuers").then().statusCode(201);
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> as(OFFICER).get("/api/issuers").then()
                .statusCode(200).extract().jsonPath().getList("chain.phase", String.class).stream().allMatch("CONFIRMED"::equals));
    }

    /** A one-line standard-rated invoice body: {@code quantity} × {@code price} at 13 %. */
    public static Map<String, Object> invoice(String buyerTaxId, String name, String quantity, String price) {
        return Map.of("kind", "DIGITAL_SPECIAL", "buyerTaxId", buyerTaxId, "note", "合同 Contract AC-2026-17",
                "lines", List.of(Map.of("name", name, "unit", "台", "quantity", quantity, "unitPrice", price, "rate", "0.13")));
    }

    /** acme issues one invoice to nova; returns the API's answer (201). */
    public static JsonPath issueToNova(String name, String quantity, String price) {
        return json(SELLER).body(invoice(NOVA_TAX_ID, name, quantity, price)).post("/api/invoices").then().statusCode(201).extract().jsonPath();
    }

    /** Waits until the invoice is confirmed on chain (as its seller sees it); returns it. */
    public static JsonPath awaitIssued(long invoiceId) {
        return awaitIssued(SELLER, invoiceId);
    }

    /** Waits until the invoice is confirmed on chain, as {@code user} (of its seller or buyer) sees it; returns it. */
    public static JsonPath awaitIssued(String user, long invoiceId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String state = as(user).get("/api/invoices/" + invoiceId).then().statusCode(200).extract().path("state");
            if ("REFUSED".equals(state)) {
                throw new AssertionError("invoice " + invoiceId + " refused: " + as(user).get("/api/invoices/" + invoiceId).asString());
            }
            return "ISSUED".equals(state);
        });
        return as(user).get("/api/invoices/" + invoiceId).then().extract().jsonPath();
    }

    /** The body of a reimbursement of an invoice as presented with an expense claim. */
    public static Map<String, Object> presented(JsonPath invoice, String reference) {
        return Map.of("kind", invoice.getString("kind"), "number", invoice.getString("number"), "issueDate", invoice.getString("issueDate"),
                "total", invoice.getString("total"), "reference", reference);
    }

    /** Waits until a claim is decided by the chain; returns it. */
    public static JsonPath awaitDecided(String user, long claimId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> !"PENDING".equals(
                as(user).get("/api/claims/" + claimId).then().statusCode(200).extract().path("status")));
        return as(user).get("/api/claims/" + claimId).then().extract().jsonPath();
    }
}
