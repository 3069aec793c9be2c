package org.alliancechain.supplyfinance.receivables;

import org.alliancechain.supplyfinance.SupplyFinanceFlow;
import static org.alliancechain.supplyfinance.SupplyFinanceFlow.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A core enterprise confirms payables against the invoices its supplier issued it; the chain mints the root part to the supplier. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class PayableConfirmationTest {

    static LocalDate inThreeMonths() {
        return SupplyFinanceFlow.chainToday().plusMonths(3);
    }

    @BeforeAll
    static void issuers() {
        authoriseIssuer(SUPPLIER_ORG);
    }

    @Test
    void aConfirmedPayableBecomesTheSuppliersRootPartOnChain() {
        String first = issueInvoice(SUPPLIER_ORG, CORE_ORG, 600_000_00L);
        String second = issueInvoice(SUPPLIER_ORG, CORE_ORG, 500_000_00L);
        long id = json(CORE).body(confirmBody(SUPPLIER_ORG, "1000000.00", inThreeMonths(), false, first, second))
                .post("/api/certificates").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("number", startsWith("RC-")).body("invoices.number", hasItem(first))
                .extract().jsonPath().getLong("id");
        awaitStatus(id, CORE, "OUTSTANDING");
        as(SUPPLIER).get("/api/certificates/" + id).then().statusCode(200)
                .body("face", equalTo(1000000.00f))
                .body("parts.size()", equalTo(1))
                .body("parts[0].holder", equalTo(SUPPLIER_ORG))
                .body("parts[0].value", equalTo(1000000.00f))
                .body("parts[0].state", equalTo("ACTIVE"))
                .body("history[0].kind", equalTo("CONFIRMED"))
                .body("history[0].transactionHash", startsWith("0x"));
        as(SUPPLIER).get("/api/certificates").then().statusCode(200).body("id", hasItem((int) id));
        // Another organisation learns nothing of it.
        as(TIER2).get("/api/certificates/" + id).then().statusCode(404);
        // The same invoice backs one certificate only.
        json(CORE).body(confirmBody(SUPPLIER_ORG, "1.00", inThreeMonths(), false, first)).post("/api/certificates").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("already backs certificate"));
    }

    @Test
    void refusalsNameTheField() {
        String invoice = issueInvoice(SUPPLIER_ORG, CORE_ORG, 1_000_00L);
        problem(confirmBody(SUPPLIER_ORG, "1.00", SupplyFinanceFlow.chainToday(), false, invoice), 422, "maturity", "after today");
        problem(confirmBody(SUPPLIER_ORG, "1.00", SupplyFinanceFlow.chainToday().plusMonths(13), true, invoice), 422, "maturity", "at most one year");
        problem(confirmBody(SUPPLIER_ORG, "1.00", SupplyFinanceFlow.chainToday().plusMonths(7), false, invoice), 422, "longTenor", "long tenor");
        problem(confirmBody(SUPPLIER_ORG, "1000.01", inThreeMonths(), false, invoice), 422, "face", "leave ¥1000.00");
        problem(confirmBody(CORE_ORG, "1.00", inThreeMonths(), false, invoice), 422, "supplier", "itself");
        problem(confirmBody(SUPPLIER_ORG, "1.00", inThreeMonths(), false, newNumber()), 422, "invoices[0].number", "invoice registry");
        problem(confirmBody(SUPPLIER_ORG, "1.00", inThreeMonths(), false, invoice, invoice), 422, "invoices[1].number", "named twice");
        problem(confirmBody(TIER2_ORG, "1.00", inThreeMonths(), false, invoice), 422, "invoices[0].number", "not issued by pixel-studio");
        problem(confirmBody(SUPPLIER_ORG, "0.00", inThreeMonths(), false, invoice), 400, "face", "at least 0.01");
        // A supplier may not confirm, whatever the body.
        json(SUPPLIER).body(confirmBody(CORE_ORG, "1.00", inThreeMonths(), false, invoice)).post("/api/certificates").then().statusCode(403);
    }

    private static void problem(String body, int status, String field, String reason) {
        var answer = json(CORE).body(body).post("/api/certificates").then().statusCode(status).contentType("application/problem+json")
                .extract().response();
        org.assertj.core.api.Assertions.assertThat(answer.jsonPath().getList("errors.field", String.class)).as(answer.asString()).contains(field);
        org.assertj.core.api.Assertions.assertThat(answer.asString()).contains(reason).doesNotContain("org.alliancechain");
    }
}
