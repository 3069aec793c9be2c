package org.alliancechain.supplyfinance;

import static org.alliancechain.supplyfinance.SupplyFinanceFlow.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.SecurityMatrixTest;
import org.alliancechain.testsupport.SuiteTestResource;

/**
 * Every endpoint of the service × no token / no role / other organisation / own organisation, and
 * token attacks. The fixture: a certificate nova-manufacturing (core enterprise) confirmed to
 * acme-trading; the outsider is pixel-studio's supplier.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class SupplyFinanceSecurityTest extends SecurityMatrixTest {

    private static volatile String confirmBody;
    private static volatile String offerBody;
    private static volatile long fixtureRoot;
    /** The root part of a second certificate, for the request the owning organisation makes (the first one's parts are busy). */
    private static volatile long secondRoot;
    /** The invoice behind the fixture certificate, pledged by the fixture financing. */
    private static volatile String fixtureInvoice;
    private static volatile long fixtureCertificate;

    @Override
    protected AppUnderTest app() {
        return SupplyFinanceServiceTest.APP;
    }

    @Override
    protected Map<String, String> fixtures() {
        var fixtures = new HashMap<>(super.fixtures());
        authoriseIssuer(SUPPLIER_ORG);
        LocalDate maturity = SupplyFinanceFlow.chainToday().plusMonths(2);
        fixtureInvoice = issueInvoice(SUPPLIER_ORG, CORE_ORG, 100_00L);
        long id = json(CORE).body(SupplyFinanceFlow.confirmBody(SUPPLIER_ORG, "100.00", maturity, false, fixtureInvoice))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(id, CORE, "OUTSTANDING");
        fixtures.put("certificateId", String.valueOf(id));
        fixtureCertificate = id;
        fixtures.put("partId", String.valueOf(as(CORE).get("/api/certificates/" + id).then().extract().jsonPath().getLong("parts[0].partId")));
        // Its payable confirmation, signed once the confirmation is on chain (documents/).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() -> !as(CORE).get("/api/certificates/" + id
                + "/documents").then().statusCode(200).extract().jsonPath().getList("id").isEmpty());
        fixtures.put("documentId", String.valueOf(as(CORE).get("/api/certificates/" + id + "/documents").then().extract().jsonPath().getLong("[0].id")));
        // A financing of 50.00 of it, quoted and paid by blue-bank (river-bank, another bank, no longer sees it).
        long root = Long.parseLong(fixtures.get("partId"));
        fixtureRoot = root;
        long financing = json(SUPPLIER).body("{\"partId\": " + root + ", \"value\": 50.00}").post("/api/financings").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        awaitFinancing(financing, "REQUESTED");
        json(BANK).body("{\"annualRate\": 3.90, \"fee\": 0, \"recourse\": true, \"discountDate\": \"" + org.alliancechain.supplyfinance.SupplyFinanceFlow.chainToday() + "\", \"validUntil\": \"" + org.alliancechain.supplyfinance.SupplyFinanceFlow.chainNow().plusSeconds(3_600)
                + "\"}").post("/api/financings/" + financing + "/quotes").then().statusCode(202);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> "OFFERED".equals(as(SUPPLIER)
                .get("/api/financings/" + financing).then().extract().path("quotes[0].status")));
        long quote = as(SUPPLIER).get("/api/financings/" + financing).then().extract().jsonPath().getLong("quotes[0].id");
        as(SUPPLIER).post("/api/financings/" + financing + "/quotes/" + quote + "/accept").then().statusCode(202);
        awaitFinancing(financing, "ACCEPTED");
        json(BANK).body("{\"paymentReference\": \"BLUE-1\", \"crcRegistration\": \"CRC-1\"}").post("/api/financings/" + financing + "/payment")
                .then().statusCode(202);
        awaitFinancing(financing, "PAID");
        fixtures.put("financingId", String.valueOf(financing));
        long second = json(CORE).body(SupplyFinanceFlow.confirmBody(SUPPLIER_ORG, "20.00", maturity, false, issueInvoice(SUPPLIER_ORG, CORE_ORG, 20_00L)))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(second, CORE, "OUTSTANDING");
        secondRoot = as(CORE).get("/api/certificates/" + second).then().extract().jsonPath().getLong("parts[0].partId");
        fixtures.put("quoteId", String.valueOf(quote));
        // Offered to a member other than the outsider (supplier.pixel), which would otherwise become a party of the fixture mid-run.
        offerBody = "{\"value\": 1.00, \"recipient\": \"daily-news\", \"expiresAt\": \"" + org.alliancechain.supplyfinance.SupplyFinanceFlow.chainNow().plusSeconds(86_400) + "\"}";
        confirmBody = SupplyFinanceFlow.confirmBody(SUPPLIER_ORG, "50.00", maturity, false, issueInvoice(SUPPLIER_ORG, CORE_ORG, 50_00L));
        return fixtures;
    }

    @Override
    protected Map<String, String> sampleBodies() {
        var bodies = new HashMap<>(super.sampleBodies());
        bodies.put("POST /api/certificates", confirmBody);
        bodies.put("POST /api/parts/{partId}/split", "{\"value\": 1.00}");
        bodies.put("POST /api/parts/{partId}/offer", offerBody);
        bodies.put("POST /api/financings", "{\"partId\": " + secondRoot + ", \"value\": 1.00}");
        bodies.put("POST /api/financings/{financingId}/quotes", "{\"annualRate\": 3.90, \"fee\": 0, \"recourse\": true, \"discountDate\": \""
                + org.alliancechain.supplyfinance.SupplyFinanceFlow.chainToday() + "\", \"validUntil\": \""
                + org.alliancechain.supplyfinance.SupplyFinanceFlow.chainNow().plusSeconds(3_600) + "\"}");
        // A red-letter consent of one fen on the fixture's pledged invoice (the bank's part shrinks by as much).
        bodies.put("POST /api/financings/{financingId}/red-letter-consents", "{\"invoiceNumber\": \"" + fixtureInvoice + "\", \"amount\": 0.01}");
        // The fixture certificate is not matured: the core enterprise's payment is 409 (SettlementAndDefaultTest pays matured ones).
        bodies.put("POST /api/settlements", "{\"certificateId\": " + fixtureCertificate + ", \"amount\": 100.00, "
                + "\"paymentReference\": \"CNAPS-1\"}");
        bodies.put("POST /api/parts/bulk", "{\"operations\": [{\"action\": \"split\", \"partId\": " + fixtureRoot + ", \"value\": 0.01}]}");
        bodies.put("POST /api/arbitrations", "{\"partId\": " + fixtureRoot + ", \"claim\": \"unpaid\"}");
        bodies.put("POST /api/financings/{financingId}/payment", "{\"paymentReference\": \"BLUE-2\", \"crcRegistration\": \"CRC-2\"}");
        return bodies;
    }

    /** Answering an offer needs one: on the fixture's root part (held, not offered) the holder's call is 409. */
    @Override
    protected java.util.Set<String> stateDependent() {
        return java.util.Set.of(
                // A document's evidence package is 409 until its record is anchored.
                "GET /api/certificates/{certificateId}/documents/{documentId}/package",
                "POST /api/parts/{partId}/accept", "POST /api/parts/{partId}/reject", "POST /api/parts/{partId}/withdraw",
                // The fixture financing is paid: quoting, accepting, paying or withdrawing it again is 409.
                "POST /api/financings/{financingId}/quotes", "POST /api/financings/{financingId}/quotes/{quoteId}/accept",
                "POST /api/financings/{financingId}/payment", "POST /api/financings/{financingId}/withdraw",
                "POST /api/settlements",
                // The fixture part is not overdue: filing it for arbitration is 409 (SettlementAndDefaultTest files an overdue one).
                "POST /api/arbitrations");
    }

    @Override
    protected String authorisedUserFor(String operation, List<String> roles) {
        if (roles.equals(List.of("core-enterprise"))) {
            return CORE;
        }
        if (roles.equals(List.of("operator"))) {
            return "operator";
        }
        return roles.equals(List.of("bank")) ? BANK : super.authorisedUserFor(operation, roles);
    }

    /** For a bank's steps, another bank: once a financing is paid, only the bank that financed it sees it. */
    @Override
    protected String otherOrganisationUserFor(String operation, List<String> roles) {
        return roles.equals(List.of("bank")) ? "bank.river" : super.otherOrganisationUserFor(operation, roles);
    }

    private static void awaitFinancing(long id, String status) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(300))
                .until(() -> status.equals(as(SUPPLIER).get("/api/financings/" + id).then().extract().path("status")));
    }
}
