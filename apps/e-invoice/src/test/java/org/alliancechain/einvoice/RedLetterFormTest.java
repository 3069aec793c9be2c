package org.alliancechain.einvoice;

import static io.restassured.RestAssured.given;
import static org.alliancechain.einvoice.EInvoiceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Red-letter forms: who may start when, two-party confirmation within 72 h, partial red by line, the remaining amount on chain. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class RedLetterFormTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void issuers() {
        ensureIssuers();
    }

    /** acme → nova: 4 × 1000.00 at 13 % (4520.00) and a 6 % service of 1060.00 incl. tax (5580.00 in all). */
    private static JsonPath twoLineInvoice() {
        var body = Map.of("kind", "DIGITAL_SPECIAL", "buyerTaxId", NOVA_TAX_ID, "lines", List.of(
                Map.of("name", "设备 Equipment", "unit", "台", "quantity", "4", "unitPrice", "1000.00", "rate", "0.13"),
                Map.of("name", "安装服务 Installation", "amount", "1060.00", "taxInclusive", true, "rate", "0.06")));
        long id = json(SELLER).body(body).post("/api/invoices").then().statusCode(201).extract().jsonPath().getLong("id");
        return awaitIssued(id);
    }

    private static Map<String, Object> partial(long blueId, int line, String quantity) {
        return Map.of("blueInvoiceId", blueId, "reason", "02", "lines", List.of(Map.of("blueLine", line, "quantity", quantity)));
    }

    private static JsonPath awaitRedConfirmed(String user, long formId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "CONFIRMED".equals(
                as(user).get("/api/red-letter-forms/" + formId).then().statusCode(200).extract().path("redChain.phase")));
        return as(user).get("/api/red-letter-forms/" + formId).then().extract().jsonPath();
    }

    private static BigDecimal remainingOnChain(JsonPath blue) {
        return new BigDecimal(given().queryParam("number", blue.getString("number")).queryParam("issueDate", blue.getString("issueDate"))
                .queryParam("total", blue.getString("total")).get("/api/public/invoices/verification").then().statusCode(200)
                .extract().jsonPath().getString("remaining"));
    }

    @Test
    void theSellerOffsetsAnInvoiceItsBuyerHasNotBookedAtOnceAndTheChainLowersWhatIsLeft() {
        var blue = twoLineInvoice();
        assertThat(new BigDecimal(blue.getString("total"))).isEqualByComparingTo("5580.00");
        var form = json(SELLER).body(partial(blue.getLong("id"), 0, "1")).post("/api/red-letter-forms").then().statusCode(201).extract().jsonPath();
        assertThat(form.getString("state")).isEqualTo("01");
        assertThat(new BigDecimal(form.getString("redTotal"))).isEqualByComparingTo("-1130.00");
        var confirmed = awaitRedConfirmed(SELLER, form.getLong("id"));
        assertThat(confirmed.getString("redNumber")).hasSize(20);
        await().atMost(Duration.ofSeconds(30)).until(() -> remainingOnChain(blue).compareTo(new BigDecimal("4450.00")) == 0);
        var red = as(BUYER_RECEIVER).get("/api/invoices/" + confirmed.getLong("redInvoiceId")).then().statusCode(200).extract().jsonPath();
        assertThat(red.getString("state")).isEqualTo("RED_INVOICE");
        assertThat(new BigDecimal(red.getString("total"))).isEqualByComparingTo("-1130.00");
        // No red of a red.
        var again = json(SELLER).body(Map.of("blueInvoiceId", red.getLong("id"), "reason", "01", "fullRed", true)).post("/api/red-letter-forms");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("detail")).contains("never offset");
        // More than is left of the line: 4 units were sold, 1 is offset, 4 more cannot be.
        var tooMuch = json(SELLER).body(partial(blue.getLong("id"), 0, "4")).post("/api/red-letter-forms");
        tooMuch.then().statusCode(422).contentType("application/problem+json");
        assertThat(tooMuch.jsonPath().getList("errors.field", String.class)).contains("lines[0].quantity");
        // The buyer may not start one on an invoice it has not booked.
        json(BUYER_RECEIVER).body(partial(blue.getLong("id"), 0, "1")).post("/api/red-letter-forms").then().statusCode(403);
        // A third company does not see the invoice at all.
        json(OUTSIDER_FINANCE).body(partial(blue.getLong("id"), 0, "1")).post("/api/red-letter-forms").then().statusCode(404);
    }

    @Test
    void onceTheBuyerBookedItBothPartiesMustConfirmAndThePartialRedIsIssuedOnConfirmation() {
        var blue = twoLineInvoice();
        long booking = json(BUYER_RECEIVER).body(Map.of("mark", "BOOKED_DEDUCTIBLE")).post("/api/invoices/" + blue.getLong("id") + "/booking")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        assertThat(awaitDecided(BUYER_RECEIVER, booking).getString("status")).isEqualTo("ACCEPTED");

        var form = json(SELLER).body(partial(blue.getLong("id"), 0, "2")).post("/api/red-letter-forms").then().statusCode(201).extract().jsonPath();
        assertThat(form.getString("state")).isEqualTo("02");
        assertThat(form.getString("confirmBy")).isNotNull();
        // The initiator cannot confirm its own form; an open form counts against what is left.
        as(SELLER).post("/api/red-letter-forms/" + form.getLong("id") + "/confirmation").then().statusCode(403);
        json(SELLER).body(partial(blue.getLong("id"), 0, "3")).post("/api/red-letter-forms").then().statusCode(422);
        assertThat(as(BUYER_RECEIVER).get("/api/red-letter-forms").then().statusCode(200).extract().jsonPath().getList("id", Long.class))
                .contains(form.getLong("id"));

        var confirmed = as(BUYER_RECEIVER).post("/api/red-letter-forms/" + form.getLong("id") + "/confirmation").then().statusCode(200)
                .extract().jsonPath();
        assertThat(confirmed.getString("state")).isEqualTo("04");
        awaitRedConfirmed(BUYER_RECEIVER, form.getLong("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> remainingOnChain(blue).compareTo(new BigDecimal("3320.00")) == 0);
        var check = given().queryParam("number", blue.getString("number")).queryParam("issueDate", blue.getString("issueDate"))
                .queryParam("total", blue.getString("total")).get("/api/public/invoices/verification").then().extract().jsonPath();
        assertThat(check.getString("redLetter")).isEqualTo("PARTIAL");
        assertThat(check.getString("state")).isEqualTo("PARTLY_RED_LETTERED");

        // The buyer may start one now; the seller refuses it (06); a withdrawn one is void (08).
        var byBuyer = json(BUYER_RECEIVER).body(Map.of("blueInvoiceId", blue.getLong("id"), "reason", "04", "buyerDeducted", true,
                "lines", List.of(Map.of("blueLine", 1, "amount", "100.00")))).post("/api/red-letter-forms").then().statusCode(201).extract().jsonPath();
        assertThat(byBuyer.getString("state")).isEqualTo("03");
        assertThat(json(SELLER).body(Map.of("note", "折让未达成 No allowance agreed")).post("/api/red-letter-forms/" + byBuyer.getLong("id") + "/refusal")
                .then().statusCode(200).extract().<String>path("state")).isEqualTo("06");
        var withdrawn = json(SELLER).body(partial(blue.getLong("id"), 0, "1")).post("/api/red-letter-forms").then().statusCode(201).extract().jsonPath();
        json(BUYER_RECEIVER).body("{}").post("/api/red-letter-forms/" + withdrawn.getLong("id") + "/withdrawal").then().statusCode(403);
        assertThat(json(SELLER).body("{}").post("/api/red-letter-forms/" + withdrawn.getLong("id") + "/withdrawal").then().statusCode(200)
                .extract().<String>path("state")).isEqualTo("08");
    }

    @Test
    void aFormNotConfirmedWithinSeventyTwoHoursIsVoid() {
        var blue = twoLineInvoice();
        long booking = json(BUYER_RECEIVER).body(Map.of("mark", "BOOKED_NON_DEDUCTIBLE")).post("/api/invoices/" + blue.getLong("id") + "/booking")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        awaitDecided(BUYER_RECEIVER, booking);
        long formId = json(SELLER).body(Map.of("blueInvoiceId", blue.getLong("id"), "reason", "01",
                "lines", List.of(Map.of("blueLine", 1, "amount", "100.00")))).post("/api/red-letter-forms").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // 72 hours pass.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update einv_red_form set confirm_by = ?1 where id = ?2")
                .setParameter(1, Instant.now().minusSeconds(1)).setParameter(2, formId).executeUpdate());
        var late = as(BUYER_RECEIVER).post("/api/red-letter-forms/" + formId + "/confirmation");
        late.then().statusCode(409).contentType("application/problem+json");
        assertThat(late.jsonPath().getString("detail")).contains("void");
        assertThat(as(SELLER).get("/api/red-letter-forms/" + formId).then().extract().<String>path("state")).isEqualTo("07");
        assertThat(remainingOnChain(blue)).isEqualByComparingTo("5580.00");
    }

    @Test
    void theSellersTaxBureauVoidsAnOpenFormAsAnAbnormalVoucher() {
        var blue = twoLineInvoice();
        long booking = json(BUYER_RECEIVER).body(Map.of("mark", "BOOKED_DEDUCTIBLE")).post("/api/invoices/" + blue.getLong("id") + "/booking")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        awaitDecided(BUYER_RECEIVER, booking);
        long formId = json(SELLER).body(partial(blue.getLong("id"), 0, "1")).post("/api/red-letter-forms").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(as(OFFICER).get("/api/red-letter-forms").then().statusCode(200).extract().jsonPath().getList("id", Long.class)).contains(formId);
        // Another province's bureau does not see it; the parties cannot use the bureau's step.
        json(OTHER_BUREAU_OFFICER).body(Map.of("note", "x")).post("/api/red-letter-forms/" + formId + "/abnormal").then().statusCode(404);
        json(SELLER).body(Map.of("note", "x")).post("/api/red-letter-forms/" + formId + "/abnormal").then().statusCode(403);
        assertThat(json(OFFICER).body(Map.of("note", "稽查发现异常 Irregular transaction found in an audit"))
                .post("/api/red-letter-forms/" + formId + "/abnormal").then().statusCode(200).extract().<String>path("state")).isEqualTo("10");
        as(BUYER_RECEIVER).post("/api/red-letter-forms/" + formId + "/confirmation").then().statusCode(409);
    }
}
