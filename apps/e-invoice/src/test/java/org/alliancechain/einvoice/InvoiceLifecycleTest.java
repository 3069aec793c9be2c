package org.alliancechain.einvoice;

import static io.restassured.RestAssured.given;
import static org.alliancechain.einvoice.EInvoiceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.restassured.path.json.JsonPath;
import org.alliancechain.testsupport.ChainProbe;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The e-invoice story over the API, against Keycloak, PostgreSQL and anvil. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class InvoiceLifecycleTest {

    @BeforeEach
    void issuers() {
        ensureIssuers();
    }

    @Test
    void anInvoiceIssuedByAnAuthorisedIssuerReachesTheBuyerWithExactTaxAndIsHeldByTheChain() {
        var issued = issueToNova("服务器 Server", "3", "4197.17");
        long id = issued.getLong("id");
        assertThat(issued.getString("number")).matches("\\d{2}111\\d{15}").startsWith(String.valueOf(java.time.Year.now().getValue()).substring(2) + "11");
        // 3 × 4197.17 = 12591.51; 13 % → 1636.8963 → 1636.90
        assertThat(new BigDecimal(issued.getString("totalExclTax"))).isEqualByComparingTo("12591.51");
        assertThat(new BigDecimal(issued.getString("totalTax"))).isEqualByComparingTo("1636.90");
        assertThat(new BigDecimal(issued.getString("total"))).isEqualByComparingTo("14228.41");
        assertThat(issued.getString("state")).isEqualTo("PENDING");

        var confirmed = awaitIssued(id);
        assertThat(confirmed.getString("chain.transactionHash")).startsWith("0x");
        assertThat(confirmed.getString("buyer.organisation")).isEqualTo(BUYER_ORG);

        var received = as(BUYER_RECEIVER).get("/api/invoices?side=received").then().statusCode(200).extract().jsonPath();
        assertThat(received.getList("id", Long.class)).contains(id);
        assertThat(as(BUYER_RECEIVER).get("/api/invoices/" + id).then().statusCode(200).extract().<String>path("yourSide")).isEqualTo("BUYER");
        // A third company sees nothing of it.
        as(OUTSIDER_FINANCE).get("/api/invoices/" + id).then().statusCode(404);
        assertThat(as(OUTSIDER_FINANCE).get("/api/invoices?side=received").then().statusCode(200).extract().jsonPath().getList("id", Long.class))
                .doesNotContain(id);
    }

    @Test
    void inBulkTheChainDecidesEachInvoiceOnceAndTheLaterOrganisationIsToldByWhom() {
        var a = awaitIssued(issueToNova("会议服务 Conference", "1", "410.00").getLong("id"));
        var b = awaitIssued(issueToNova("会议服务 Conference", "2", "205.00").getLong("id"));
        var c = awaitIssued(issueToNova("会议服务 Conference", "3", "150.00").getLong("id"));
        // nova's expense run presents all three (and a number that matches nothing); pixel's presents b too, at the same time
        var unknown = new java.util.HashMap<>(presented(a, "EXP-BULK-X"));
        unknown.put("number", "0".repeat(20));
        var novaRun = json(BUYER_APPROVER).body(Map.of("invoices", List.of(presented(a, "EXP-BULK-1"), presented(b, "EXP-BULK-2"),
                presented(c, "EXP-BULK-3"), unknown))).post("/api/reimbursements/bulk").then().statusCode(200).extract().jsonPath();
        var pixelRun = json(OUTSIDER_FINANCE).body(Map.of("invoices", List.of(presented(b, "PX-BULK-2"))))
                .post("/api/reimbursements/bulk").then().statusCode(200).extract().jsonPath();
        assertThat(novaRun.getList("status", String.class)).containsExactly("PENDING", "PENDING", "PENDING", "REFUSED");
        assertThat(novaRun.getString("[3].refusal")).contains("no invoice matches");
        var novaClaims = novaRun.getList("claimId", Long.class).subList(0, 3);
        var decided = novaClaims.stream().map(id -> awaitDecided(BUYER_APPROVER, id)).toList();
        // b went to whichever transaction the chain took first; a and c are nova's
        assertThat(decided.get(0).getString("status")).isEqualTo("ACCEPTED");
        assertThat(decided.get(2).getString("status")).isEqualTo("ACCEPTED");
        if (pixelRun.getString("[0].status").equals("REFUSED")) {
            // nova's decision was known here already (anvil mines at once in the tests): refused at once, naming nova
            assertThat(pixelRun.getString("[0].refusal")).contains("already reimbursed by " + BUYER_ORG);
            assertThat(decided.get(1).getString("status")).isEqualTo("ACCEPTED");
        } else {
            var pixelDecided = awaitDecided(OUTSIDER_FINANCE, pixelRun.getLong("[0].claimId"));
            if (decided.get(1).getString("status").equals("ACCEPTED")) {
                assertThat(pixelDecided.getString("status")).isEqualTo("REFUSED");
                assertThat(pixelDecided.getString("refusal")).isEqualTo("ALREADY_REIMBURSED");
                assertThat(pixelDecided.getString("holder")).isEqualTo(BUYER_ORG);
            } else {
                assertThat(pixelDecided.getString("status")).isEqualTo("ACCEPTED");
                assertThat(decided.get(1).getString("refusal")).isEqualTo("ALREADY_REIMBURSED");
                assertThat(decided.get(1).getString("holder")).isEqualTo(OUTSIDER_ORG);
            }
        }
        // each claim carries its chain transaction (written once with the claim, not set afterwards)
        assertThat(decided.get(0).getString("chain.transactionHash")).startsWith("0x");
        assertThat(as(BUYER_RECEIVER).get("/api/invoices/" + a.getLong("id")).then().extract().<String>path("marks.reimbursedBy"))
                .isEqualTo(BUYER_ORG);
    }

    @Test
    void aSecondRunPresentingAnInvoiceStillPendingOnChainIsRefusedAtOnce() {
        var invoice = awaitIssued(issueToNova("印刷服务 Printing", "1", "88.00").getLong("id"));
        var contracts = SuiteTestResource.stack().contracts();
        // Mining paused: nova's first claim stays pending on chain while its second run presents the invoice again.
        ChainProbe.rpc(contracts, "evm_setAutomine", "false");
        JsonPath first;
        JsonPath second;
        try {
            first = json(BUYER_APPROVER).body(Map.of("invoices", List.of(presented(invoice, "EXP-RUN-1"))))
                    .post("/api/reimbursements/bulk").then().statusCode(200).extract().jsonPath();
            second = json(BUYER_APPROVER).body(Map.of("invoices", List.of(presented(invoice, "EXP-RUN-2"))))
                    .post("/api/reimbursements/bulk").then().statusCode(200).extract().jsonPath();
        } finally {
            ChainProbe.rpc(contracts, "evm_setAutomine", "true");
        }
        assertThat(first.getString("[0].status")).isEqualTo("PENDING");
        assertThat(second.getString("[0].status")).isEqualTo("REFUSED");
        assertThat(second.getString("[0].refusal")).isEqualTo("your organisation already asked to reimburse invoice " + invoice.getString("number"));
        assertThat(awaitDecided(BUYER_APPROVER, first.getLong("[0].claimId")).getString("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void anInvoiceIsReimbursedOnceAcrossTheConsortiumAndTheSecondOrganisationIsToldByWhomAndWhen() {
        var invoice = awaitIssued(issueToNova("差旅服务 Travel service", "1", "880.00").getLong("id"));
        // Both organisations present the same invoice before either decision is known here: the chain decides.
        var first = json(BUYER_APPROVER).body(presented(invoice, "EXP-N-1")).post("/api/reimbursements").then().statusCode(202).extract().jsonPath();
        var second = json(OUTSIDER_FINANCE).body(presented(invoice, "EXP-P-1")).post("/api/reimbursements");
        var decidedFirst = awaitDecided(BUYER_APPROVER, first.getLong("id"));
        assertThat(decidedFirst.getString("status")).isEqualTo("ACCEPTED");
        if (second.statusCode() == 202) {
            var decidedSecond = awaitDecided(OUTSIDER_FINANCE, second.jsonPath().getLong("id"));
            assertThat(decidedSecond.getString("status")).isEqualTo("REFUSED");
            assertThat(decidedSecond.getString("refusal")).isEqualTo("ALREADY_REIMBURSED");
            assertThat(decidedSecond.getString("holder")).isEqualTo(BUYER_ORG);
            assertThat(decidedSecond.getString("holderAt")).isNotNull();
        } else {
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.jsonPath().getString("detail")).contains(BUYER_ORG);
        }
        // Once known here, a further attempt is refused at once, naming the member and the time.
        var third = json(SELLER_APPROVER).body(presented(invoice, "EXP-A-1")).post("/api/reimbursements");
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(third.contentType()).startsWith("application/problem+json");
        assertThat(third.jsonPath().getString("detail")).contains("already reimbursed by " + BUYER_ORG).contains(" on ");
        // The invoice's own parties see the mark; the public sees only that it was reimbursed.
        assertThat(as(BUYER_RECEIVER).get("/api/invoices/" + invoice.getLong("id")).then().extract().<String>path("marks.reimbursedBy"))
                .isEqualTo(BUYER_ORG);
        var check = given().queryParam("number", invoice.getString("number")).queryParam("issueDate", invoice.getString("issueDate"))
                .queryParam("total", invoice.getString("total")).get("/api/public/invoices/verification").then().statusCode(200).extract();
        assertThat(check.jsonPath().getBoolean("reimbursed")).isTrue();
        assertThat(check.asString()).doesNotContain(BUYER_ORG).doesNotContain(SELLER_ORG).doesNotContain(NOVA_TAX_ID);
    }

    @Test
    void aReimbursementTakenBackOnChainFreesTheInvoiceForAnotherOrganisation() {
        var invoice = awaitIssued(issueToNova("会议服务 Conference service", "1", "640.00").getLong("id"));
        long claim = json(BUYER_APPROVER).body(presented(invoice, "EXP-N-R1")).post("/api/reimbursements").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        assertThat(awaitDecided(BUYER_APPROVER, claim).getString("status")).isEqualTo("ACCEPTED");

        // Refused at the edge: no reason, a receiver (not an approver), another organisation (404), an unknown claim.
        json(BUYER_APPROVER).body(Map.of("reason", " ")).post("/api/claims/" + claim + "/reversal").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("reason"));
        json(BUYER_RECEIVER).body(Map.of("reason", "报销单作废 Expense report withdrawn")).post("/api/claims/" + claim + "/reversal")
                .then().statusCode(403);
        json(OUTSIDER_FINANCE).body(Map.of("reason", "x")).post("/api/claims/" + claim + "/reversal").then().statusCode(404);
        json(BUYER_APPROVER).body(Map.of("reason", "x")).post("/api/claims/" + Long.MAX_VALUE + "/reversal").then().statusCode(404);

        var asked = json(BUYER_APPROVER).body(Map.of("reason", "报销单作废 Expense report withdrawn")).post("/api/claims/" + claim + "/reversal")
                .then().statusCode(202).extract().jsonPath();
        assertThat(asked.getString("reversalReason")).isEqualTo("报销单作废 Expense report withdrawn");
        json(BUYER_APPROVER).body(Map.of("reason", "again")).post("/api/claims/" + claim + "/reversal").then().statusCode(409);
        await().atMost(Duration.ofSeconds(60)).until(() -> "REVERSED".equals(as(BUYER_APPROVER).get("/api/claims/" + claim).then()
                .extract().path("status")));
        assertThat(as(BUYER_APPROVER).get("/api/claims/" + claim).then().extract().jsonPath().getString("reversal.phase")).isEqualTo("CONFIRMED");
        assertThat(as(BUYER_RECEIVER).get("/api/invoices/" + invoice.getLong("id")).then().extract().<String>path("marks.reimbursedBy")).isNull();

        // Free again: another organisation's reimbursement is accepted by the chain; a REVERSED claim is not taken back twice.
        long elsewhere = json(OUTSIDER_FINANCE).body(presented(invoice, "EXP-P-R1")).post("/api/reimbursements").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        assertThat(awaitDecided(OUTSIDER_FINANCE, elsewhere).getString("status")).isEqualTo("ACCEPTED");
        json(BUYER_APPROVER).body(Map.of("reason", "again")).post("/api/claims/" + claim + "/reversal").then().statusCode(409);
    }

    @Test
    void aBookingTakenBackLeavesTheInvoiceFreeToBookAgain() {
        var invoice = awaitIssued(issueToNova("办公用品 Office supplies", "4", "25.00").getLong("id"));
        long claim = json(BUYER_RECEIVER).body(Map.of("mark", "BOOKED_DEDUCTIBLE")).post("/api/invoices/" + invoice.getLong("id") + "/booking")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        assertThat(awaitDecided(BUYER_RECEIVER, claim).getString("status")).isEqualTo("ACCEPTED");
        json(BUYER_RECEIVER).body(Map.of("reason", "入账科目错误 Booked to the wrong account")).post("/api/claims/" + claim + "/reversal")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "REVERSED".equals(as(BUYER_RECEIVER).get("/api/claims/" + claim).then()
                .extract().path("status")));
        assertThat(as(BUYER_RECEIVER).get("/api/invoices/" + invoice.getLong("id")).then().extract().<String>path("marks.bookedBy")).isNull();
        long again = json(BUYER_RECEIVER).body(Map.of("mark", "BOOKED_NON_DEDUCTIBLE")).post("/api/invoices/" + invoice.getLong("id") + "/booking")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        assertThat(awaitDecided(BUYER_RECEIVER, again).getString("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void theBuyerBooksAnInvoiceOnceAndAnotherOrganisationCannotReimburseIt() {
        var invoice = awaitIssued(issueToNova("原材料 Raw material", "10", "12.50").getLong("id"));
        long claim = json(BUYER_RECEIVER).body(Map.of("mark", "BOOKED_DEDUCTIBLE")).post("/api/invoices/" + invoice.getLong("id") + "/booking")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        assertThat(awaitDecided(BUYER_RECEIVER, claim).getString("status")).isEqualTo("ACCEPTED");
        json(BUYER_RECEIVER).body(Map.of("mark", "BOOKED_NON_DEDUCTIBLE")).post("/api/invoices/" + invoice.getLong("id") + "/booking")
                .then().statusCode(409);
        // The seller is not the buyer: it may not book the invoice it issued.
        json(SELLER).body(Map.of("mark", "BOOKED_DEDUCTIBLE")).post("/api/invoices/" + invoice.getLong("id") + "/booking").then().statusCode(403);
        var elsewhere = json(OUTSIDER_FINANCE).body(presented(invoice, "EXP-P-2")).post("/api/reimbursements");
        assertThat(elsewhere.statusCode()).isEqualTo(409);
        assertThat(elsewhere.jsonPath().getString("detail")).contains("booked by another organisation");
    }

    @Test
    void thePublicCheckAnswersTheStateWithoutLoginAndAWrongTotalMatchesNothing() {
        var invoice = awaitIssued(issueToNova("咨询服务 Consulting", "2", "1000.00").getLong("id"));
        var answer = given().queryParam("number", invoice.getString("number")).queryParam("issueDate", invoice.getString("issueDate"))
                .queryParam("total", invoice.getString("total")).get("/api/public/invoices/verification").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getBoolean("found")).isTrue();
        assertThat(answer.getString("state")).isEqualTo("ISSUED");
        assertThat(answer.getString("redLetter")).isEqualTo("NONE");
        assertThat(new BigDecimal(answer.getString("remaining"))).isEqualByComparingTo(invoice.getString("total"));
        assertThat(answer.getString("recordDigest")).isEqualTo(invoice.getString("recordDigest"));
        assertThat(answer.getString("transactionHash")).isEqualTo(invoice.getString("chain.transactionHash"));
        var wrong = given().queryParam("number", invoice.getString("number")).queryParam("issueDate", invoice.getString("issueDate"))
                .queryParam("total", "1.00").get("/api/public/invoices/verification").then().statusCode(200).extract().jsonPath();
        assertThat(wrong.getBoolean("found")).isFalse();
        assertThat(wrong.getString("state")).isNull();
        given().queryParam("number", "123").queryParam("issueDate", invoice.getString("issueDate")).queryParam("total", "1.00")
                .get("/api/public/invoices/verification").then().statusCode(400).contentType("application/problem+json");
        // A date, an amount or a kind that is none: 400 naming it (JAX-RS alone would answer 404 naming nothing).
        for (var wrongValue : java.util.List.of(java.util.Map.entry("issueDate", "2026-13-01"), java.util.Map.entry("total", "1,00"),
                java.util.Map.entry("kind", "PURPLE"))) {
            var params = new java.util.HashMap<String, Object>(java.util.Map.of("number", invoice.getString("number"), "issueDate",
                    invoice.getString("issueDate"), "total", invoice.getString("total")));
            params.put(wrongValue.getKey(), wrongValue.getValue());
            given().queryParams(params).get("/api/public/invoices/verification").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo(wrongValue.getKey()))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("alliancechain")));
        }
    }

    @Test
    void aSuspendedIssuerIsRefusedUntilReinstated() {
        long novaIssuer = as(OFFICER).get("/api/issuers").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.organisation == '" + BUYER_ORG + "' }.id");
        json(OFFICER).body(Map.of("reason", "税务稽查 Tax audit in progress")).post("/api/issuers/" + novaIssuer + "/suspension").then().statusCode(200);
        try {
            var refused = json(BUYER_ISSUER).body(invoice(ACME_TAX_ID, "零件 Parts", "1", "10.00")).post("/api/invoices");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.jsonPath().getString("detail")).contains("suspended").contains("Tax audit");
            // The other bureau does not see Beijing's issuers.
            as(OTHER_BUREAU_OFFICER).get("/api/issuers/" + novaIssuer).then().statusCode(404);
        } finally {
            as(OFFICER).delete("/api/issuers/" + novaIssuer + "/suspension").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(as(OFFICER).get("/api/issuers/" + novaIssuer).then()
                .extract().path("chain.phase")));
        long id = json(BUYER_ISSUER).body(invoice(ACME_TAX_ID, "零件 Parts", "1", "10.00")).post("/api/invoices").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "ISSUED".equals(as(BUYER_ISSUER).get("/api/invoices/" + id).then().extract().path("state")));
    }

    @Test
    void theQuotaIsPerMonthOfTheChainAndANewMonthStartsAtZero() {
        long novaIssuer = as(OFFICER).get("/api/issuers").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.organisation == '" + BUYER_ORG + "' }.id");
        var before = as(OFFICER).get("/api/issuers/" + novaIssuer).then().statusCode(200).extract().jsonPath();
        String period = before.getString("quotaPeriod");
        assertThat(period).matches("\\d{4}-\\d{2}");
        var used = new java.math.BigDecimal(before.getString("used"));
        setQuota(novaIssuer, used.add(new java.math.BigDecimal("20.00")).toPlainString());
        try {
            // 11.30 each (10.00 at 13 %): one fits in what is left of this month's quota, the second does not
            long first = json(BUYER_ISSUER).body(invoice(ACME_TAX_ID, "额度 Quota", "1", "10.00")).post("/api/invoices").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            var refused = json(BUYER_ISSUER).body(invoice(ACME_TAX_ID, "额度 Quota", "1", "10.00")).post("/api/invoices");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.jsonPath().getString("detail")).contains("quota for " + period).contains("8.70 of");
            awaitIssued(BUYER_ISSUER, first);

            // the chain's next month (InvoiceRegistry counts months by block time): a fresh quota, here and on chain
            org.alliancechain.testsupport.ChainProbe.advanceTime(org.alliancechain.testsupport.SuiteTestResource.stack().contracts(),
                    Duration.ofDays(32));
            await().atMost(Duration.ofSeconds(30)).until(() -> !period.equals(as(OFFICER).get("/api/issuers/" + novaIssuer).then()
                    .extract().path("quotaPeriod")));
            assertThat(as(OFFICER).get("/api/issuers/" + novaIssuer).then().extract().jsonPath().getString("used")).isIn("0", "0.00", "0.0");
            long second = json(BUYER_ISSUER).body(invoice(ACME_TAX_ID, "额度 Quota", "1", "10.00")).post("/api/invoices").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            awaitIssued(BUYER_ISSUER, second);
            assertThat(new java.math.BigDecimal(as(OFFICER).get("/api/issuers/" + novaIssuer).then().extract().jsonPath().getString("used")))
                    .isEqualByComparingTo("11.30");
        } finally {
            setQuota(novaIssuer, "100000000.00");
        }
    }

    private static void setQuota(long issuerId, String quota) {
        json(OFFICER).body(Map.of("kinds", java.util.List.of("DIGITAL_SPECIAL", "DIGITAL_ORDINARY"), "quota", quota))
                .put("/api/issuers/" + issuerId + "/limits").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(as(OFFICER).get("/api/issuers/" + issuerId).then()
                .extract().path("chain.phase")));
    }

    @Test
    void aBulkIssuanceOfThreeHundredInvoicesIsRecordedInBatchesAndEachIsConfirmed() {
        var invoices = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 300; i++) {
            invoices.add(invoice(NOVA_TAX_ID, "批量商品 Bulk item " + i, String.valueOf(1 + i % 7), (100 + i) + ".25"));
        }
        var issued = json(SELLER).body(Map.of("invoices", invoices)).post("/api/invoices/bulk").then().statusCode(201).extract().jsonPath();
        assertThat(issued.getInt("count")).isEqualTo(300);
        List<Long> ids = issued.getList("invoices.id", Long.class);
        List<String> numbers = issued.getList("invoices.number", String.class);
        assertThat(numbers).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var states = new HashMap<Long, String>();
            for (int page = 0; page < 6; page++) {
                var list = as(SELLER).get("/api/invoices?side=issued&page=" + page).then().statusCode(200).extract().jsonPath();
                var pageIds = list.getList("id", Long.class);
                var pageStates = list.getList("state", String.class);
                for (int i = 0; i < pageIds.size(); i++) {
                    states.put(pageIds.get(i), pageStates.get(i));
                }
            }
            return ids.stream().allMatch(id -> "ISSUED".equals(states.get(id)));
        });
        // The rows went in as one statement: each one reads back whole, ids distinct, and its record is the one on chain.
        assertThat(ids).doesNotHaveDuplicates();
        var stored = as(SELLER).get("/api/invoices/" + ids.get(7)).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getString("number")).isEqualTo(numbers.get(7));
        assertThat(stored.getString("note")).isEqualTo("合同 Contract AC-2026-17");
        assertThat(stored.getString("lines[0].name")).isEqualTo("批量商品 Bulk item 7");
        // 1 × 107.25 = 107.25; 13 % → 13.9425 → 13.94
        assertThat(new BigDecimal(stored.getString("totalTax"))).isEqualByComparingTo("13.94");
        assertThat(new BigDecimal(stored.getString("total"))).isEqualByComparingTo("121.19");
        assertThat(stored.getString("buyer.organisation")).isEqualTo(BUYER_ORG);
        assertThat(stored.getString("issuedBy")).isNotBlank();
        assertThat(stored.getString("issuedAt")).isNotBlank();
        var check = given().queryParam("number", stored.getString("number")).queryParam("issueDate", stored.getString("issueDate"))
                .queryParam("total", stored.getString("total")).get("/api/public/invoices/verification").then().statusCode(200).extract().jsonPath();
        assertThat(check.getBoolean("found")).isTrue();
        assertThat(check.getString("recordDigest")).isEqualTo(stored.getString("recordDigest")).matches("[0-9a-f]{64}");
    }
}
