package org.alliancechain.einvoice;

import static org.alliancechain.einvoice.EInvoiceFlow.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.SecurityMatrixTest;
import org.alliancechain.testsupport.SuiteTestResource;

/**
 * Every endpoint of the service × no token / no role / other organisation / own organisation, and
 * token attacks. The fixtures: an invoice acme-trading issued to nova-manufacturing, nova's claim to
 * reimburse it, and pixel-studio as an issuer of the Beijing bureau (its suspension is probed);
 * outsiders are pixel-studio's finance user (for invoices and claims) and the Guangdong bureau's
 * officer (for the Beijing bureau's taxpayers and issuers).
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class EInvoiceSecurityTest extends SecurityMatrixTest {

    @Override
    protected AppUnderTest app() {
        return EInvoiceServiceTest.APP;
    }

    /** The fixture invoice as an expense claim presents it (set with the fixtures, read by the sample bodies). */
    private static volatile String presentedFixture;
    private static volatile long fixtureInvoiceId;

    @Override
    protected Map<String, String> fixtures() {
        var fixtures = new HashMap<>(super.fixtures());
        ensureIssuers();
        var issuers = as(OFFICER).get("/api/issuers").then().statusCode(200).extract().jsonPath();
        if (!issuers.getList("organisation", String.class).contains(OUTSIDER_ORG)) {
            json(OFFICER).body(Map.of("organisation", OUTSIDER_ORG, "kinds", List.of("DIGITAL_ORDINARY"), "quota", "1000.00"))
                    .post("/api/issuers").then().statusCode(201);
        }
        long pixelIssuer = as(OFFICER).get("/api/issuers").then().extract().jsonPath()
                .getLong("find { it.organisation == '" + OUTSIDER_ORG + "' }.id");
        var invoice = awaitIssued(issueToNova("矩阵测试 Matrix item", "1", "99.00").getLong("id"));
        long claim = json(BUYER_APPROVER).body(presented(invoice, "EXP-MATRIX")).post("/api/reimbursements").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        awaitDecided(BUYER_APPROVER, claim);
        // A red-letter form on it: reimbursed, so acme's form awaits nova's confirmation (02).
        long formId = json(SELLER).body(Map.of("blueInvoiceId", invoice.getLong("id"), "reason", "01", "fullRed", true))
                .post("/api/red-letter-forms").then().statusCode(201).extract().jsonPath().getLong("id");
        fixtures.put("formId", String.valueOf(formId));
        // A finished upload of acme's (uploads belong to the organisation that made them).
        String table = "reference,buyerTaxId,name,quantity,unitPrice,rate\nM-1," + NOVA_TAX_ID + ",矩阵 Matrix,1,10,0.13\n";
        String uploadId = as(SELLER).multiPart("files", "matrix.csv", table.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                .post("/api/invoices/uploads").then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "READY".equals(as(SELLER)
                .get("/api/invoices/uploads/" + uploadId).then().extract().path("state")));
        fixtures.put("uploadId", uploadId);
        fixtures.put("invoiceId", invoice.getString("id"));
        fixtures.put("claimId", String.valueOf(claim));
        fixtures.put("issuerId", String.valueOf(pixelIssuer));
        fixtures.put("number", invoice.getString("number"));
        fixtureInvoiceId = invoice.getLong("id");
        presentedFixture = "{\"kind\": \"" + invoice.getString("kind") + "\", \"number\": \"" + invoice.getString("number")
                + "\", \"issueDate\": \"" + invoice.getString("issueDate") + "\", \"total\": " + invoice.getString("total") + "}";
        return fixtures;
    }

    @Override
    protected Map<String, String> sampleBodies() {
        var bodies = new HashMap<>(super.sampleBodies());
        String invoice = "{\"kind\": \"DIGITAL_ORDINARY\", \"buyerTaxId\": \"" + NOVA_TAX_ID + "\", \"lines\": [{\"name\": \"矩阵 Matrix\", "
                + "\"quantity\": 1, \"unitPrice\": 10, \"rate\": 0.06}]}";
        bodies.put("POST /api/invoices", invoice);
        bodies.put("POST /api/invoices/bulk", "{\"invoices\": [" + invoice + ", " + invoice + "]}");
        bodies.put("POST /api/taxpayers", "{\"organisation\": \"" + OUTSIDER_ORG + "\", \"taxId\": \"" + PIXEL_TAX_ID + "\", \"name\": \"Pixel\"}");
        bodies.put("POST /api/issuers", "{\"organisation\": \"" + OUTSIDER_ORG + "\", \"kinds\": [\"DIGITAL_ORDINARY\"], \"quota\": 1000}");
        bodies.put("PUT /api/issuers/{issuerId}/limits", "{\"kinds\": [\"DIGITAL_ORDINARY\"], \"quota\": 2000}");
        bodies.put("POST /api/issuers/{issuerId}/suspension", "{\"reason\": \"矩阵 matrix probe\"}");
        bodies.put("POST /api/invoices/{invoiceId}/booking", "{\"mark\": \"BOOKED_DEDUCTIBLE\"}");
        // The fixture invoice, already reimbursed by nova: the owner's call passes authorisation and is refused as a duplicate (409).
        bodies.put("POST /api/reimbursements", presentedFixture);
        bodies.put("POST /api/claims/{claimId}/reversal", "{\"reason\": \"矩阵 matrix probe\"}");
        bodies.put("POST /api/reimbursements/bulk", "{\"invoices\": [{\"kind\": \"DIGITAL_SPECIAL\", \"number\": \"" + "0".repeat(20)
                + "\", \"issueDate\": \"2026-01-01\", \"total\": 1}]}");
        bodies.put("POST /api/red-letter-forms", "{\"blueInvoiceId\": " + fixtureInvoiceId + ", \"reason\": \"02\", \"fullRed\": true}");
        bodies.put("POST /api/red-letter-forms/{formId}/refusal", "{\"note\": \"matrix\"}");
        bodies.put("POST /api/red-letter-forms/{formId}/withdrawal", "{\"note\": \"matrix\"}");
        bodies.put("POST /api/red-letter-forms/{formId}/abnormal", "{\"note\": \"matrix\"}");
        return bodies;
    }

    /** Steps that depend on what was done before: registered, authorised, suspended, booked, or no such invoice to reimburse. */
    @Override
    protected Set<String> stateDependent() {
        return Set.of("POST /api/taxpayers", "POST /api/issuers", "POST /api/issuers/{issuerId}/suspension",
                "DELETE /api/issuers/{issuerId}/suspension", "POST /api/invoices/{invoiceId}/booking", "POST /api/reimbursements", "POST /api/claims/{claimId}/reversal",
                "POST /api/red-letter-forms", "POST /api/red-letter-forms/{formId}/confirmation", "POST /api/red-letter-forms/{formId}/refusal",
                "POST /api/red-letter-forms/{formId}/withdrawal", "POST /api/red-letter-forms/{formId}/abnormal");
    }

    @Override
    protected String authorisedUserFor(String operation, List<String> roles) {
        if (operation.contains("/notarisations")) {
            return authorisedUser();
        }
        if (roles.contains("tax-officer")) {
            return OFFICER;
        }
        if (operation.endsWith("/confirmation") || operation.endsWith("/refusal")) {
            return BUYER_RECEIVER;
        }
        if (operation.endsWith("/booking")) {
            return BUYER_RECEIVER;
        }
        if (operation.contains("/reimbursements") || operation.contains("/claims")) {
            return BUYER_APPROVER;
        }
        return SELLER;
    }

    @Override
    protected String otherOrganisationUserFor(String operation, List<String> roles) {
        if (operation.contains("/notarisations")) {
            return otherOrganisationUser();
        }
        return roles.contains("tax-officer") ? OTHER_BUREAU_OFFICER : OUTSIDER_FINANCE;
    }
}
