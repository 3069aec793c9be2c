package org.alliancechain.einvoice;

import static io.restassured.RestAssured.given;
import static org.alliancechain.einvoice.EInvoiceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A red-letter of an invoice pledged to a financing: refused until the financier consents on chain
 * (ReceivableRegistry.consentToRedLetter → InvoiceRegistry.consentToRed), then allowed for at most the
 * consented amount that red invoices and open forms do not use yet, and the red invoice goes through
 * on chain within the consent; beyond it the service refuses as the chain would.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class PledgedRedLetterTest {

    @BeforeEach
    void issuers() {
        ensureIssuers();
    }

    private static JsonPath invoice(long id) {
        return as(SELLER).get("/api/invoices/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** A mark's amount (the API writes amounts as JSON numbers). */
    private static BigDecimal mark(long id, String field) {
        return new BigDecimal(invoice(id).getString("marks." + field));
    }

    private static boolean markIs(long id, String field, String amount) {
        String value = invoice(id).getString("marks." + field);
        return value != null && new BigDecimal(value).compareTo(new BigDecimal(amount)) == 0;
    }

    private static Map<String, Object> partial(long blueId, String quantity) {
        return Map.of("blueInvoiceId", blueId, "reason", "02", "lines", List.of(Map.of("blueLine", 0, "quantity", quantity)));
    }

    private static Map<String, Object> byAmount(long blueId, String amountInclTax) {
        return Map.of("blueInvoiceId", blueId, "reason", "04", "lines", List.of(Map.of("blueLine", 0, "amount", amountInclTax, "taxInclusive", true)));
    }

    private static void assertRefused(Response answer, String field, String... detail) {
        answer.then().statusCode(409).contentType("application/problem+json");
        assertThat(answer.jsonPath().getList("errors.field", String.class)).containsExactly(field);
        assertThat(answer.jsonPath().getString("detail")).contains(detail).doesNotContain(FinancingOnChain.BANK).doesNotContain("Exception");
    }

    private static BigDecimal remainingOnChain(JsonPath blue) {
        return new BigDecimal(given().queryParam("number", blue.getString("number")).queryParam("issueDate", blue.getString("issueDate"))
                .queryParam("total", blue.getString("total")).get("/api/public/invoices/verification").then().statusCode(200)
                .extract().jsonPath().getString("remaining"));
    }

    @Test
    void aPledgedInvoiceIsOffsetOnlyWithinWhatTheFinancierConsentedTo() {
        // acme → nova: 10 × 10,000.00 at 13 % = 113,000.00, not booked by nova.
        long id = issueToNova("生产设备 Production equipment", "10", "10000.00").getLong("id");
        var blue = awaitIssued(id);
        byte[] chainId = ChainIds.invoiceId(1, blue.getString("number"));

        // nova confirms a certificate of 100,000.00 on it to acme, blue-bank finances all of it and pays: the invoice is pledged.
        var financing = FinancingOnChain.financeAndPay(chainId, 100_000_00L);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> invoice(id).getBoolean("marks.pledged"));
        assertThat(mark(id, "redConsented")).isEqualByComparingTo("0.00");
        assertThat(as(BUYER_RECEIVER).get("/api/invoices/" + id).then().statusCode(200).extract().jsonPath().getMap("marks"))
                .as("the buyer learns that it is pledged, never to whom").doesNotContainValue(FinancingOnChain.BANK);

        // Without the financier's consent neither side can start a form.
        assertRefused(json(SELLER).body(partial(id, "1")).post("/api/red-letter-forms"), "blueInvoiceId", "has not consented");
        assertRefused(json(BUYER_RECEIVER).body(partial(id, "1")).post("/api/red-letter-forms"), "blueInvoiceId", "has not consented");

        // The bank consents to 20,000.00 (its part is reduced by that much on chain).
        FinancingOnChain.consentToRedLetter(financing, chainId, 20_000_00L);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> markIs(id, "redConsented", "20000.00"));
        assertThat(mark(id, "redConsentLeft")).isEqualByComparingTo("20000.00");

        // A full red (113,000.00) is more than the consent, named by its own field.
        assertRefused(json(SELLER).body(Map.of("blueInvoiceId", id, "reason", "01", "fullRed", true)).post("/api/red-letter-forms"),
                "fullRed", "20000.00");
        // One unit (11,300.00) is within the consent; a second one while the first form is open is not (8,700.00 left).
        // Pledged, the invoice needs the buyer's confirmation although nova has not booked it (02, not 01).
        var form = json(SELLER).body(partial(id, "1")).post("/api/red-letter-forms").then().statusCode(201).extract().jsonPath();
        assertThat(form.getString("state")).isEqualTo("02");
        assertRefused(json(SELLER).body(partial(id, "1")).post("/api/red-letter-forms"), "lines", "20000.00", "8700.00");

        // nova confirms: the red invoice is issued for acme and InvoiceRegistry accepts it within the consent.
        var confirmed = as(BUYER_RECEIVER).post("/api/red-letter-forms/" + form.getLong("id") + "/confirmation").then().statusCode(200)
                .extract().jsonPath();
        assertThat(confirmed.getString("state")).isEqualTo("04");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "CONFIRMED".equals(
                as(SELLER).get("/api/red-letter-forms/" + form.getLong("id")).then().statusCode(200).extract().path("redChain.phase")));
        await().atMost(Duration.ofSeconds(30)).until(() -> remainingOnChain(blue).compareTo(new BigDecimal("101700.00")) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> markIs(id, "redConsentLeft", "8700.00"));
        assertThat(mark(id, "redConsented")).isEqualByComparingTo("20000.00");
        long redId = as(SELLER).get("/api/red-letter-forms/" + form.getLong("id")).then().extract().jsonPath().getLong("redInvoiceId");
        assertThat(as(BUYER_RECEIVER).get("/api/invoices/" + redId).then().statusCode(200).extract().<String>path("state")).isEqualTo("RED_INVOICE");

        // Above what is left of the consent: refused, by either side.
        assertRefused(json(SELLER).body(byAmount(id, "9000.00")).post("/api/red-letter-forms"), "lines", "20000.00", "8700.00");
        assertRefused(json(BUYER_RECEIVER).body(byAmount(id, "9000.00")).post("/api/red-letter-forms"), "lines", "8700.00");

        // The buyer may start one too (pledged); an open form holds its amount; withdrawing it frees it again.
        var held = json(BUYER_RECEIVER).body(byAmount(id, "8000.00")).post("/api/red-letter-forms").then().statusCode(201).extract().jsonPath();
        assertRefused(json(SELLER).body(byAmount(id, "1000.00")).post("/api/red-letter-forms"), "lines", "700.00");
        json(BUYER_RECEIVER).body(Map.of("note", "撤回 Withdrawn")).post("/api/red-letter-forms/" + held.getLong("id") + "/withdrawal")
                .then().statusCode(200);
        var within = json(SELLER).body(byAmount(id, "1000.00")).post("/api/red-letter-forms").then().statusCode(201).extract().jsonPath();
        assertThat(within.getString("state")).isEqualTo("02");
    }
}
