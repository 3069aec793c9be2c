package org.alliancechain.supplyfinance.financing;

import org.alliancechain.supplyfinance.SupplyFinanceFlow;
import static org.alliancechain.supplyfinance.SupplyFinanceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alliancechain.service.numbering.YearlySequences;
import org.alliancechain.supplyfinance.calendar.BusinessCalendar;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A supplier finances part of its certificate: any bank may quote, the price is the domain's
 * discount formula computed on chain, accepting a quote pledges the invoices behind the certificate
 * in the same transaction, and the bank's payment makes the financed value the bank's part.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class FinancingTest {

    static final String OTHER_BANK = "bank.river";

    @Inject
    BusinessCalendar calendar;

    @BeforeAll
    static void issuers() {
        authoriseIssuer(SUPPLIER_ORG);
    }

    /** Amounts read as BigDecimal: a float cannot hold 394513.33. */
    static JsonPath financing(String user, long id) {
        return new JsonPath(as(user).get("/api/financings/" + id).then().statusCode(200).extract().asString())
                .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static void awaitFinancing(long id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> status.equals(financing(SUPPLIER, id).getString("status")));
    }

    static String quoteBody(String rate, String fee, LocalDate discountDate) {
        return "{\"annualRate\": " + rate + ", \"fee\": " + fee + ", \"recourse\": false, \"discountDate\": \"" + discountDate
                + "\", \"validUntil\": \"" + SupplyFinanceFlow.chainNow().plusSeconds(3_600) + "\"}";
    }

    @Test
    void aSupplierFinancesPartOfItsCertificateAtTheBestQuoteAndTheInvoicesArePledged() {
        LocalDate maturity = SupplyFinanceFlow.chainToday().plusMonths(3);
        String first = issueInvoice(SUPPLIER_ORG, CORE_ORG, 600_000_00L);
        String second = issueInvoice(SUPPLIER_ORG, CORE_ORG, 500_000_00L);
        long certificate = json(CORE).body(confirmBody(SUPPLIER_ORG, "1000000.00", maturity, false, first, second)).post("/api/certificates")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(certificate, CORE, "OUTSTANDING");
        long root = as(SUPPLIER).get("/api/certificates/" + certificate).then().extract().jsonPath().getLong("parts[0].partId");

        long id = json(SUPPLIER).body("{\"partId\": " + root + ", \"value\": 400000.00}").post("/api/financings").then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().jsonPath().getLong("id");
        awaitFinancing(id, "REQUESTED");
        // Any bank sees the open request; another supplier does not. A second request on the locked part is refused.
        assertThat(as(BANK).get("/api/financings").then().statusCode(200).extract().jsonPath().getList("id", Long.class)).contains(id);
        financing(OTHER_BANK, id);
        as(TIER2).get("/api/financings/" + id).then().statusCode(404);
        json(SUPPLIER).body("{\"partId\": " + root + ", \"value\": 1.00}").post("/api/financings").then().statusCode(409);

        LocalDate today = SupplyFinanceFlow.chainToday();
        json(BANK).body(quoteBody("3.90", "1500.00", today)).post("/api/financings/" + id + "/quotes").then().statusCode(202);
        json(OTHER_BANK).body(quoteBody("4.20", "0.00", today)).post("/api/financings/" + id + "/quotes").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                financing(SUPPLIER, id).getList("quotes.status", String.class).equals(List.of("OFFERED", "OFFERED")));
        var quotes = financing(SUPPLIER, id);
        // The chain's price equals the domain formula as this service computes it, with the maturity rolled to a business day.
        var expected = new DiscountPricing(calendar).price(400_000_00L, 390, 1_500_00L, today, maturity);
        assertThat(quotes.getString("quotes[0].paymentDate")).isEqualTo(expected.paymentDate().toString());
        assertThat(new BigDecimal(quotes.getString("quotes[0].interest"))).isEqualByComparingTo(BigDecimal.valueOf(expected.interestFen(), 2));
        assertThat(new BigDecimal(quotes.getString("quotes[0].proceeds"))).isEqualByComparingTo(BigDecimal.valueOf(expected.proceedsFen(), 2));
        assertThat(quotes.getLong("quotes[0].days")).isEqualTo(expected.days());

        long blueQuote = quotes.getLong("quotes[0].id");
        as(BANK).post("/api/financings/" + id + "/quotes/" + blueQuote + "/accept").then().statusCode(403);
        as(SUPPLIER).post("/api/financings/" + id + "/quotes/" + blueQuote + "/accept").then().statusCode(202);
        awaitFinancing(id, "ACCEPTED");
        var accepted = financing(SUPPLIER, id);
        assertThat(accepted.getString("bank")).isEqualTo("blue-bank");
        assertThat(accepted.getList("quotes.status", String.class)).containsExactly("ACCEPTED", "VOID");
        // The value is pledged on the certificate's invoices, in order: the first invoice covers it.
        assertThat(accepted.getList("pledged.invoiceNumber", String.class)).containsExactly(first);
        assertThat(accepted.getList("pledged.amount").stream().map(Object::toString)).containsExactly("400000.00");
        // The other bank no longer sees it; only the accepted bank records the payment.
        as(OTHER_BANK).get("/api/financings/" + id).then().statusCode(404);
        json(OTHER_BANK).body("{\"paymentReference\": \"x\", \"crcRegistration\": \"y\"}").post("/api/financings/" + id + "/payment")
                .then().statusCode(404);
        json(BANK).body("{\"paymentReference\": \"BLUE-2026-000123\", \"crcRegistration\": \"04512345000123456789\"}")
                .post("/api/financings/" + id + "/payment").then().statusCode(202);
        awaitFinancing(id, "PAID");
        long bankPart = financing(SUPPLIER, id).getLong("bankPartId");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> as(CORE).get("/api/certificates/" + certificate)
                .then().extract().jsonPath().getList("parts", Map.class).stream()
                .anyMatch(p -> ((Number) p.get("partId")).longValue() == bankPart && "FINANCED".equals(p.get("state"))));
        var parts = as(CORE).get("/api/certificates/" + certificate).then().extract().jsonPath();
        assertThat(parts.getString("parts.find { it.partId == " + bankPart + " }.holder")).isEqualTo("blue-bank");
        assertThat(parts.getFloat("parts.find { it.partId == " + bankPart + " }.value")).isEqualTo(400000.00f);
        assertThat(parts.getFloat("parts.find { it.partId == " + root + " }.value")).isEqualTo(600000.00f);
        assertThat(parts.getList("history.kind", String.class)).contains("FINANCING_REQUESTED", "QUOTE_ACCEPTED", "FINANCED");
        // The bank's part is the bank's: the supplier cannot finance or move it.
        json(SUPPLIER).body("{\"partId\": " + bankPart + ", \"value\": 1.00}").post("/api/financings").then().statusCode(404);
        // An invoice that backs the certificate cannot back another one.
        json(CORE).body(confirmBody(SUPPLIER_ORG, "1.00", maturity, false, first)).post("/api/certificates").then().statusCode(409);

        // Goods came back: the seller needs a partial red-letter on the pledged invoice, and only the financing bank can consent.
        String consent = "{\"invoiceNumber\": \"" + first + "\", \"amount\": 50000.00}";
        json(SUPPLIER).body(consent).post("/api/financings/" + id + "/red-letter-consents").then().statusCode(403);
        json(OTHER_BANK).body(consent).post("/api/financings/" + id + "/red-letter-consents").then().statusCode(404);
        json(BANK).body("{\"invoiceNumber\": \"" + second + "\", \"amount\": 1.00}").post("/api/financings/" + id + "/red-letter-consents")
                .then().statusCode(422).body("detail", containsString("at most what this financing pledges"));
        json(BANK).body("{\"invoiceNumber\": \"" + first + "\", \"amount\": 400000.01}").post("/api/financings/" + id + "/red-letter-consents")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("amount"));
        json(BANK).body(consent).post("/api/financings/" + id + "/red-letter-consents").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> as(CORE).get("/api/certificates/" + certificate)
                .then().extract().jsonPath().getList("history.kind", String.class).contains("RED_LETTER_CONSENTED"));
        var reduced = as(CORE).get("/api/certificates/" + certificate).then().extract().jsonPath();
        assertThat(reduced.getFloat("reducedByRedLetters")).isEqualTo(50000.00f);
        assertThat(reduced.getFloat("parts.find { it.partId == " + bankPart + " }.value")).isEqualTo(350000.00f);
        assertThat(financing(BANK, id).getList("pledged.amount").stream().map(Object::toString)).containsExactly("350000.00");
        assertThat(financing(BANK, id).getString("redConsented")).isEqualTo("50000.00");
    }

    @Test
    void badQuotesAndRequestsAreRefusedWithTheReason() {
        LocalDate maturity = SupplyFinanceFlow.chainToday().plusMonths(2);
        long certificate = json(CORE).body(confirmBody(SUPPLIER_ORG, "1000.00", maturity, false, issueInvoice(SUPPLIER_ORG, CORE_ORG, 1_000_00L)))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(certificate, CORE, "OUTSTANDING");
        long root = as(SUPPLIER).get("/api/certificates/" + certificate).then().extract().jsonPath().getLong("parts[0].partId");
        json(SUPPLIER).body("{\"partId\": " + root + ", \"value\": 1000.01}").post("/api/financings").then().statusCode(422);
        long id = json(SUPPLIER).body("{\"partId\": " + root + ", \"value\": 500.00}").post("/api/financings").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        awaitFinancing(id, "REQUESTED");
        LocalDate today = SupplyFinanceFlow.chainToday();
        json(SUPPLIER).body(quoteBody("3.90", "0.00", today)).post("/api/financings/" + id + "/quotes").then().statusCode(403);
        json(BANK).body(quoteBody("3.905", "0.00", today)).post("/api/financings/" + id + "/quotes").then().statusCode(422)
                .contentType("application/problem+json");
        json(BANK).body(quoteBody("3.90", "0.00", today.minusDays(1))).post("/api/financings/" + id + "/quotes").then().statusCode(422);
        json(BANK).body(quoteBody("3.90", "500.00", today)).post("/api/financings/" + id + "/quotes").then().statusCode(422);
        json(BANK).body(quoteBody("0", "0.00", today)).post("/api/financings/" + id + "/quotes").then().statusCode(400);
        assertThat(financing(SUPPLIER, id).getList("quotes")).isEmpty();
        // The holder withdraws: the part is free again.
        as(SUPPLIER).post("/api/financings/" + id + "/withdraw").then().statusCode(202);
        awaitFinancing(id, "WITHDRAWN");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(as(SUPPLIER).get("/api/certificates/" + certificate).then().extract()
                .jsonPath().getString("parts[0].state")));
    }

    @Test
    void aCertificateWhoseInvoiceWasReimbursedIsNotFinancedAndNothingIsQueued() {
        String invoice = issueInvoice(SUPPLIER_ORG, CORE_ORG, 2_000_00L);
        long certificate = json(CORE).body(confirmBody(SUPPLIER_ORG, "2000.00", SupplyFinanceFlow.chainToday().plusMonths(2), false, invoice))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(certificate, CORE, "OUTSTANDING");
        long root = as(SUPPLIER).get("/api/certificates/" + certificate).then().extract().jsonPath().getLong("parts[0].partId");
        // The buyer's expense system reimburses the invoice (backing a certificate does not pledge it): financing it is refused.
        reimburseOnChain(CORE_ORG, invoice);
        int before = as(SUPPLIER).get("/api/financings").then().extract().jsonPath().getList("id").size();
        json(SUPPLIER).body("{\"partId\": " + root + ", \"value\": 1000.00}").post("/api/financings").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("invoice " + invoice))
                .body("detail", containsString("reimbursed"));
        assertThat(as(SUPPLIER).get("/api/financings").then().extract().jsonPath().getList("id")).hasSize(before);
    }
}
