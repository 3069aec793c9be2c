package org.alliancechain.einvoice;

import static org.alliancechain.einvoice.EInvoiceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.einvoice.tax.UnifiedSocialCreditCode;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear problem+json naming the field, with the right status, and nothing is stored. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class InvoiceBadInputTest {

    @BeforeEach
    void issuers() {
        ensureIssuers();
    }

    private static int issuedCount() {
        int count = 0;
        for (int page = 0; ; page++) {
            int n = as(SELLER).get("/api/invoices?side=issued&page=" + page).then().statusCode(200).extract().jsonPath().getList("id").size();
            count += n;
            if (n < 100) {
                return count;
            }
        }
    }

    /** Posts an invoice as acme; asserts a problem with this status whose errors name {@code field}; returns the answer. */
    private static Response refused(Object body, int status, String field) {
        var response = json(SELLER).body(body).post("/api/invoices");
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("org.alliancechain").doesNotContain("\tat ");
        if (field != null) {
            assertThat(response.jsonPath().getList("errors.field", String.class)).as(response.asString()).contains(field);
        }
        return response;
    }

    private static Map<String, Object> withLine(String buyer, Map<String, Object> line) {
        return Map.of("kind", "DIGITAL_SPECIAL", "buyerTaxId", buyer, "lines", List.of(line));
    }

    @Test
    void invalidOrUnknownTaxIdsAreRefusedNamingTheBuyer() {
        String broken = NOVA_TAX_ID.substring(0, 17) + (NOVA_TAX_ID.charAt(17) == '0' ? '1' : '0');
        assertThat(refused(invoice(broken, "x", "1", "1"), 422, "buyerTaxId").jsonPath().getString("detail")).containsIgnoringCase("check");
        refused(invoice("12345", "x", "1", "1"), 422, "buyerTaxId");
        // A valid code no member is registered with: the buyer must be a member.
        String stranger = UnifiedSocialCreditCode.withCheckCharacter("91110108MA0000999").value();
        assertThat(refused(invoice(stranger, "x", "1", "1"), 422, "buyerTaxId").jsonPath().getString("detail")).contains("no member");
        // Issuing to oneself.
        refused(invoice(ACME_TAX_ID, "x", "1", "1"), 422, "buyerTaxId");
    }

    @Test
    void amountsThatBreakTheRulesAreRefusedNamingLineAndField() {
        int before = issuedCount();
        var line = new HashMap<String, Object>(Map.of("name", "x", "quantity", "-2", "unitPrice", "10", "rate", "0.13"));
        refused(withLine(NOVA_TAX_ID, line), 422, "lines[0].quantity");
        line = new HashMap<>(Map.of("name", "x", "quantity", "1", "unitPrice", "10", "rate", "0.07"));
        assertThat(refused(withLine(NOVA_TAX_ID, line), 422, "lines[0].rate").asString()).contains("0.07");
        // A caller's tax 0.07 away from amount × rate: beyond the ±0.06 tolerance.
        line = new HashMap<>(Map.of("name", "x", "quantity", "1", "unitPrice", "100", "rate", "0.13", "taxAmount", "13.07"));
        refused(withLine(NOVA_TAX_ID, line), 422, "lines[0].taxAmount");
        // Within it: accepted.
        line = new HashMap<>(Map.of("name", "x", "quantity", "1", "unitPrice", "100", "rate", "0.13", "taxAmount", "13.06"));
        json(SELLER).body(withLine(NOVA_TAX_ID, line)).post("/api/invoices").then().statusCode(201);
        // Exempt without a reason.
        line = new HashMap<>(Map.of("name", "x", "quantity", "1", "unitPrice", "100", "treatment", "EXEMPT"));
        refused(withLine(NOVA_TAX_ID, line), 422, "lines[0].exemptionReason");
        // More than two decimals in an amount, an unknown kind, a malformed number.
        line = new HashMap<>(Map.of("name", "x", "amount", "10.001", "rate", "0.13"));
        refused(withLine(NOVA_TAX_ID, line), 400, "lines[0].amount");
        refused(Map.of("kind", "PAPER", "buyerTaxId", NOVA_TAX_ID, "lines", List.of(Map.of("name", "x", "amount", "1", "rate", "0.13"))), 400, null);
        refused(Map.of("kind", "DIGITAL_SPECIAL", "buyerTaxId", NOVA_TAX_ID, "lines", List.of(Map.of("name", "x", "amount", "abc"))), 400, null);
        refused(Map.of("kind", "LEGACY", "buyerTaxId", NOVA_TAX_ID, "lines", List.of(Map.of("name", "x", "amount", "1", "rate", "0.13"))), 422, "kind");
        assertThat(issuedCount()).isEqualTo(before + 1);
    }

    @Test
    void oneBadInvoiceInABulkRequestRefusesAllNamingItsRowAndNothingIsStored() {
        int before = issuedCount();
        var invoices = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 5; i++) {
            invoices.add(invoice(NOVA_TAX_ID, "item " + i, "1", "10"));
        }
        invoices.set(3, withLine(NOVA_TAX_ID, Map.of("name", "bad", "quantity", "1", "unitPrice", "10", "rate", "0.2")));
        var response = json(SELLER).body(Map.of("invoices", invoices)).post("/api/invoices/bulk");
        response.then().statusCode(422).contentType("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).containsExactly("invoices[3].lines[0].rate");
        assertThat(issuedCount()).isEqualTo(before);
    }

    @Test
    void aTaxOfficerCannotRegisterATaxpayerOfAnotherProvinceOrWithABrokenCode() {
        // A Guangdong code (44…) at the Beijing bureau.
        String guangdong = UnifiedSocialCreditCode.withCheckCharacter("91440300MA0000004").value();
        var response = json(OFFICER).body(Map.of("organisation", "daily-news", "taxId", guangdong, "name", "Daily News")).post("/api/taxpayers");
        response.then().statusCode(422).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("taxId");
        json(OFFICER).body(Map.of("organisation", "daily-news", "taxId", "91110108MA000000X", "name", "Daily News")).post("/api/taxpayers")
                .then().statusCode(422);
        // Not a member.
        json(OFFICER).body(Map.of("organisation", "no-such-org", "taxId", UnifiedSocialCreditCode.withCheckCharacter("91110108MA0000005").value(),
                "name", "Nobody")).post("/api/taxpayers").then().statusCode(422);
        // An issuer cannot register anyone.
        json(SELLER).body(Map.of("organisation", "daily-news", "taxId", guangdong, "name", "x")).post("/api/taxpayers").then().statusCode(403);
    }

    @Test
    void aReimbursementThatMatchesNoInvoiceIsNotFoundAndAMalformedOneIsNamed() {
        json(BUYER_APPROVER).body(Map.of("kind", "DIGITAL_SPECIAL", "number", "9".repeat(20), "issueDate", "2026-01-01", "total", "1.00"))
                .post("/api/reimbursements").then().statusCode(404).contentType("application/problem+json");
        var bad = json(BUYER_APPROVER).body(Map.of("kind", "DIGITAL_SPECIAL", "number", "123", "issueDate", "2026-01-01", "total", "1.00"))
                .post("/api/reimbursements");
        bad.then().statusCode(400).contentType("application/problem+json");
        assertThat(bad.jsonPath().getList("errors.field", String.class)).contains("number");
    }
}
