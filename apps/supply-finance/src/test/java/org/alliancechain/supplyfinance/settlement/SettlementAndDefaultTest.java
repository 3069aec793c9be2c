package org.alliancechain.supplyfinance.settlement;

import static org.alliancechain.supplyfinance.SupplyFinanceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settlement at maturity and default, on the shared test chain whose clock these tests move forward
 * (it never goes back; every test dates on-chain deadlines by the chain's time): the core enterprise
 * pays exactly what is due and every holder's part is settled; a certificate left unpaid past its
 * payment date and the grace days is marked overdue by the service without anyone asking, counts
 * against the core enterprise in the disclosure every member sees, and paying it cures it.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class SettlementAndDefaultTest {

    /** The other core enterprise of the demo consortium: the suspension test makes it default, so nova's record stays usable. */
    static final String OTHER_CORE = "core.acme";

    @BeforeAll
    static void issuers() {
        authoriseIssuer(SUPPLIER_ORG);
        authoriseIssuer(CORE_ORG);
    }

    /** A certificate maturing tomorrow (chain time), confirmed on chain. */
    static long maturingTomorrow(long faceCents) {
        return maturingTomorrow(CORE, CORE_ORG, SUPPLIER_ORG, faceCents);
    }

    static long maturingTomorrow(String coreUser, String core, String supplier, long faceCents) {
        String invoice = issueInvoice(supplier, core, faceCents);
        long id = json(coreUser).body(confirmBody(supplier, yuan(faceCents), chainTomorrowWithTimeLeftToday(), false, invoice))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(id, coreUser, "OUTSTANDING");
        return id;
    }

    static String yuan(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    static JsonPath certificate(long id) {
        return as(CORE).get("/api/certificates/" + id).then().statusCode(200).extract().jsonPath();
    }

    static String payBody(long id, String amount) {
        return "{\"certificateId\": " + id + ", \"amount\": " + amount + ", \"paymentReference\": \"CNAPS-" + id + "\"}";
    }

    /** Moves the chain past the certificate's payment date and the grace days: from then on it may be marked overdue. */
    static void pastGraceOf(long id) {
        LocalDate paymentDate = LocalDate.parse(certificate(id).getString("paymentDate"));
        long days = java.time.temporal.ChronoUnit.DAYS.between(chainToday(), paymentDate.plusDays(4));
        if (days > 0) {
            advanceChainTime(Duration.ofDays(days).plusHours(1));
        }
    }

    @Test
    void theCoreEnterprisePaysAtMaturityAndEveryHolderIsSettled() {
        long id = maturingTomorrow(500_000_00L);
        long root = certificate(id).getLong("parts[0].partId");
        // The tier-1 supplier passes ¥200,000 down to its own supplier, who accepts: two holders at maturity.
        json(SUPPLIER).body("{\"value\": 200000.00, \"recipient\": \"" + TIER2_ORG + "\", \"expiresAt\": \"" + chainNow().plusSeconds(3_600) + "\"}")
                .post("/api/parts/" + root + "/offer").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> certificate(id).getList("parts.state").contains("PENDING"));
        long offered = certificate(id).getList("parts", Map.class).stream().filter(p -> "PENDING".equals(p.get("state")))
                .mapToLong(p -> ((Number) p.get("partId")).longValue()).findFirst().orElseThrow();
        as(TIER2).post("/api/parts/" + offered + "/accept").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "ACTIVE".equals(certificate(id).getString("parts.find { it.partId == " + offered + " }.state")));

        // Before maturity: not yet; a supplier or a bank never pays; another organisation's certificate is 404.
        json(CORE).body(payBody(id, "500000.00")).post("/api/settlements").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("matures on"));
        json(SUPPLIER).body(payBody(id, "500000.00")).post("/api/settlements").then().statusCode(403);
        json(BANK).body(payBody(id, "500000.00")).post("/api/settlements").then().statusCode(403);
        // acme-trading is a core enterprise too, but here it is the supplier: it sees the certificate and still cannot pay it.
        json(OTHER_CORE).body(payBody(id, "500000.00")).post("/api/settlements").then().statusCode(403)
                .body("detail", containsString("only the core enterprise"));
        // The calendar shows it falling due tomorrow, to the core and to the tier-2 holder (with its holding).
        var due = as(CORE).get("/api/settlements/calendar").then().statusCode(200).extract().jsonPath();
        assertThat(due.getList("findAll { it.certificateId == " + id + " }.daysToPayment", Integer.class)).hasSize(1);
        var tier2Due = as(TIER2).get("/api/settlements/calendar").then().statusCode(200).extract().jsonPath();
        assertThat(tier2Due.getFloat("find { it.certificateId == " + id + " }.yourHolding")).isEqualTo(200000.00f);

        advanceChainTime(Duration.ofDays(1).plusHours(1));
        // More or less than is due: refused, naming the amount; nothing queued.
        json(CORE).body(payBody(id, "500000.01")).post("/api/settlements").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("amount"))
                .body("detail", containsString("more than is due"));
        json(CORE).body(payBody(id, "1.00")).post("/api/settlements").then().statusCode(422).body("detail", containsString("less than is due"));
        json(CORE).body(payBody(id, "500000.00")).post("/api/settlements").then().statusCode(202);
        json(CORE).body(payBody(id, "500000.00")).post("/api/settlements").then().statusCode(409);

        awaitStatus(id, CORE, "SETTLED");
        var settled = certificate(id);
        assertThat(settled.getFloat("settled")).isEqualTo(500000.00f);
        assertThat(settled.getList("parts.state")).containsOnly("SETTLED");
        List<Map<String, Object>> history = settled.getList("history");
        assertThat(history).extracting(h -> h.get("kind")).contains("PAID", "CERTIFICATE_SETTLED");
        assertThat(history.stream().filter(h -> "PART_SETTLED".equals(h.get("kind"))).map(h -> h.get("actor") + " " + h.get("amount")))
                .containsExactlyInAnyOrder(SUPPLIER_ORG + " 300000.0", TIER2_ORG + " 200000.0");
        // Settled: no second payment, and it leaves the calendar.
        json(CORE).body(payBody(id, "500000.00")).post("/api/settlements").then().statusCode(409).body("detail", containsString("nothing to pay"));
        assertThat(as(CORE).get("/api/settlements/calendar").then().extract().jsonPath().getList("certificateId", Long.class)).doesNotContain(id);
    }

    @Test
    void anUnpaidCertificateBecomesOverdueIsDisclosedAndPayingCuresIt() {
        long id = maturingTomorrow(80_000_00L);
        long before = overdueEvents(CORE_ORG);
        pastGraceOf(id);
        // Nobody asks: the service marks it overdue on chain once the grace days passed.
        awaitStatus(id, CORE, "OVERDUE");
        var overdue = certificate(id);
        assertThat(overdue.getList("parts.state")).containsOnly("OVERDUE");
        assertThat(overdue.getList("history.kind")).contains("OVERDUE");
        // Every member sees the core enterprise's record, a bank as well as a supplier.
        var record = as(BANK).get("/api/disclosures/overdue").then().statusCode(200).extract().jsonPath();
        assertThat(record.getLong("find { it.core == '" + CORE_ORG + "' }.events")).isEqualTo(before + 1);
        assertThat(record.getList("find { it.core == '" + CORE_ORG + "' }.recent.certificateNumber")).contains(overdue.getString("number"));
        assertThat(record.getFloat("find { it.core == '" + CORE_ORG + "' }.overdueBalance")).isGreaterThanOrEqualTo(80000.00f);

        // Paid late: settled, the event stays on record but is cured and the balance goes.
        json(CORE).body(payBody(id, "80000.00")).post("/api/settlements").then().statusCode(202);
        awaitStatus(id, CORE, "SETTLED");
        var after = as(SUPPLIER).get("/api/disclosures/overdue").then().statusCode(200).extract().jsonPath();
        assertThat(after.getLong("find { it.core == '" + CORE_ORG + "' }.events")).isEqualTo(before + 1);
        assertThat(after.getString("find { it.core == '" + CORE_ORG + "' }.recent.find { it.certificateNumber == '" + overdue.getString("number")
                + "' }.curedAt")).isNotNull();
        assertThat(certificate(id).getList("history.detail")).anyMatch(d -> d != null && d.toString().contains("paid late"));
    }

    @Test
    void threeOverdueCertificatesInSixMonthsStopNewConfirmationsUntilPaid() {
        // acme-trading as the core enterprise, nova-manufacturing its supplier (an issuer of both 数电 kinds in every test run).
        long[] ids = {maturingTomorrow(OTHER_CORE, SUPPLIER_ORG, CORE_ORG, 1_000_00L), maturingTomorrow(OTHER_CORE, SUPPLIER_ORG, CORE_ORG, 2_000_00L),
                maturingTomorrow(OTHER_CORE, SUPPLIER_ORG, CORE_ORG, 3_000_00L)};
        LocalDate paymentDate = LocalDate.parse(as(OTHER_CORE).get("/api/certificates/" + ids[2]).then().extract().path("paymentDate"));
        long days = java.time.temporal.ChronoUnit.DAYS.between(chainToday(), paymentDate.plusDays(4));
        if (days > 0) {
            advanceChainTime(Duration.ofDays(days).plusHours(1));
        }
        for (long id : ids) {
            awaitStatus(id, OTHER_CORE, "OVERDUE");
        }
        var record = as(BANK).get("/api/disclosures/overdue").then().statusCode(200).extract().jsonPath();
        assertThat(record.getLong("find { it.core == '" + SUPPLIER_ORG + "' }.eventsInSixMonths")).isGreaterThanOrEqualTo(3);
        assertThat(record.getBoolean("find { it.core == '" + SUPPLIER_ORG + "' }.suspended")).isTrue();
        String invoice = issueInvoice(CORE_ORG, SUPPLIER_ORG, 10_000_00L);
        json(OTHER_CORE).body(confirmBody(CORE_ORG, "10000.00", chainToday().plusMonths(2), false, invoice)).post("/api/certificates").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("refuses new confirmations"));
        // Paid: the events stay on record, the balance goes and confirmations are accepted again.
        long[] faces = {1_000_00L, 2_000_00L, 3_000_00L};
        for (int i = 0; i < ids.length; i++) {
            json(OTHER_CORE).body(payBody(ids[i], yuan(faces[i]))).post("/api/settlements").then().statusCode(202);
        }
        for (long id : ids) {
            awaitStatus(id, OTHER_CORE, "SETTLED");
        }
        var after = as(BANK).get("/api/disclosures/overdue").then().extract().jsonPath();
        assertThat(after.getBoolean("find { it.core == '" + SUPPLIER_ORG + "' }.suspended")).isFalse();
        assertThat(after.getFloat("find { it.core == '" + SUPPLIER_ORG + "' }.overdueBalance")).isZero();
        json(OTHER_CORE).body(confirmBody(CORE_ORG, "10000.00", chainToday().plusMonths(2), false, invoice)).post("/api/certificates").then()
                .statusCode(201);
    }

    @Test
    void theHolderOfAnOverduePartTakesItToArbitrationInOneStepWithTheCertificatesHistoryAsEvidence() {
        long id = maturingTomorrow(120_000_00L);
        long root = certificate(id).getLong("parts[0].partId");
        json(SUPPLIER).body("{\"value\": 20000.00, \"recipient\": \"" + TIER2_ORG + "\", \"expiresAt\": \"" + chainNow().plusSeconds(3_600) + "\"}")
                .post("/api/parts/" + root + "/offer").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> certificate(id).getList("parts.state").contains("PENDING"));
        long tier2 = certificate(id).getList("parts", Map.class).stream().filter(p -> "PENDING".equals(p.get("state")))
                .mapToLong(p -> ((Number) p.get("partId")).longValue()).findFirst().orElseThrow();
        as(TIER2).post("/api/parts/" + tier2 + "/accept").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "ACTIVE".equals(certificate(id).getString("parts.find { it.partId == " + tier2 + " }.state")));
        String claim = "{\"partId\": " + tier2 + ", \"claim\": \"pixel-studio claims the ¥20,000.00 nova-manufacturing left unpaid.\"}";
        // Not overdue yet: refused with the reason; another holder's part is 404; a claim is needed.
        json(TIER2).body(claim).post("/api/arbitrations").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("overdue"));
        json(SUPPLIER).body(claim).post("/api/arbitrations").then().statusCode(404);
        json(TIER2).body("{\"partId\": " + tier2 + ", \"claim\": \"  \"}").post("/api/arbitrations").then().statusCode(400);
        json(CORE).body(claim).post("/api/arbitrations").then().statusCode(403);

        pastGraceOf(id);
        awaitStatus(id, CORE, "OVERDUE");
        var filed = json(TIER2).body(claim).post("/api/arbitrations").then().statusCode(201).extract().jsonPath();
        assertThat(filed.getString("respondent")).isEqualTo(CORE_ORG);
        assertThat(filed.getString("commission")).isEqualTo("hz-arbitration");
        assertThat(filed.getString("caseNumber")).isEqualTo("supply-finance/" + certificate(id).getString("number") + "/part-" + tier2);
        // Cited: the invoice's issuance, the confirmation, the offer and its acceptance, the overdue marking (at least).
        assertThat(filed.getInt("citations")).isGreaterThanOrEqualTo(5);
        json(TIER2).body(claim).post("/api/arbitrations").then().statusCode(409).body("detail", containsString("already in arbitration"));

        await().atMost(Duration.ofSeconds(60)).until(() -> "IN_ARBITRATION".equals(certificate(id).getString("parts.find { it.partId == " + tier2 + " }.state")));
        assertThat(certificate(id).getList("history.kind")).contains("IN_ARBITRATION");
        // The part's state comes from the indexer (the event is in a block); each transaction's phase from the relay's
        // receipt, which may settle a moment later: wait for both, do not race them.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var cases = as(CORE).get("/api/arbitrations").then().statusCode(200).extract().jsonPath();
            assertThat(cases.getString("find { it.partId == " + tier2 + " }.filing.phase")).isEqualTo("CONFIRMED");
            assertThat(cases.getString("find { it.partId == " + tier2 + " }.partMarked.phase")).isEqualTo("CONFIRMED");
        });
        // On chain: the case filed by pixel-studio against nova-manufacturing, every citation an event of this certificate's history.
        var reader = io.quarkus.arc.Arc.container().instance(org.alliancechain.chain.api.ChainReader.class).get();
        byte[] caseId = java.util.HexFormat.of().parseHex(filed.getString("caseId").substring(2));
        var events = reader.eventsOf("CaseRegistry", caseId);
        assertThat(events).extracting(org.alliancechain.chain.api.ContractEvent::event).contains("CaseFiled");
        assertThat(events.stream().filter(e -> e.event().equals("CaseEvidenceCited")).count()).isEqualTo(filed.getInt("citations"));

        // A bank looking at any request of this supplier on this core enterprise sees the dispute on file (from CaseRegistry).
        await().atMost(Duration.ofSeconds(60)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.quarkus.arc.Arc.container().instance(org.alliancechain.supplyfinance.risk.RiskSignals.class).get().of(TIER2_ORG, CORE_ORG))
                .disputesBySupplier() >= 1);
        var signals = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.quarkus.arc.Arc.container().instance(org.alliancechain.supplyfinance.risk.RiskSignals.class).get().of(TIER2_ORG, CORE_ORG));
        assertThat(signals.disputesAgainstCore()).isGreaterThanOrEqualTo(1);
        assertThat(signals.coreOverdueEvents()).isGreaterThanOrEqualTo(1);
        assertThat(signals.level()).isEqualTo("HIGH"); // an unpaid overdue balance
        // The operator sees it in the platform's figures; nobody else may.
        var overview = as("operator").get("/api/overview").then().statusCode(200).extract().jsonPath();
        assertThat(overview.getLong("overdue")).isGreaterThanOrEqualTo(1);
        assertThat(overview.getLong("byCore.find { it.core == '" + CORE_ORG + "' }.overdue")).isGreaterThanOrEqualTo(1);
        as(CORE).get("/api/overview").then().statusCode(403);
        as(BANK).get("/api/overview").then().statusCode(403);

        // The award is paid: the core enterprise settles, and the record's balance goes (nova's record stays usable for other tests).
        json(CORE).body(payBody(id, "120000.00")).post("/api/settlements").then().statusCode(202);
        awaitStatus(id, CORE, "SETTLED");
    }

    static long overdueEvents(String core) {
        var all = as(CORE).get("/api/disclosures/overdue").then().statusCode(200).extract().jsonPath();
        Object events = all.get("find { it.core == '" + core + "' }.events");
        return events == null ? 0 : ((Number) events).longValue();
    }
}
