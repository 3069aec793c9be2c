package org.alliancechain.supplyfinance.receivables;

import org.alliancechain.supplyfinance.SupplyFinanceFlow;
import static org.alliancechain.supplyfinance.SupplyFinanceFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A certificate goes down the supply chain: the tier-1 supplier offers part of it to its own
 * supplier, who accepts; an offer that is rejected, withdrawn or left to expire returns to the
 * member that made it — not to the root holder — and the values always add up to the face.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class TieredTransferTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource db;

    static final String TIER3_ORG = "daily-news";

    @BeforeAll
    static void issuers() {
        authoriseIssuer(SUPPLIER_ORG);
    }

    private static long confirmed(long faceCents) {
        String invoice = issueInvoice(SUPPLIER_ORG, CORE_ORG, faceCents);
        long id = json(CORE).body(confirmBody(SUPPLIER_ORG, String.valueOf(faceCents / 100) + ".00", SupplyFinanceFlow.chainToday().plusMonths(3), false, invoice))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(id, CORE, "OUTSTANDING");
        return id;
    }

    private static JsonPath certificate(long id) {
        return as(CORE).get("/api/certificates/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the certificate's parts satisfy the condition; returns them. */
    private static List<Map<String, Object>> partsWhen(long id, Predicate<List<Map<String, Object>>> condition) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> condition.test(certificate(id).getList("parts")));
        return certificate(id).getList("parts");
    }

    private static Map<String, Object> part(List<Map<String, Object>> parts, Predicate<Map<String, Object>> which) {
        return parts.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("no such part among " + parts));
    }

    private static float total(List<Map<String, Object>> parts) {
        return (float) parts.stream().filter(p -> !List.of("SETTLED", "MERGED").contains(p.get("state")))
                .mapToDouble(p -> ((Number) p.get("value")).doubleValue()).sum();
    }

    private static String offerBody(String value, String recipient, Instant expiresAt) {
        return "{\"value\": " + value + ", \"recipient\": \"" + recipient + "\", \"expiresAt\": \"" + expiresAt + "\"}";
    }

    @Test
    void aTierOneSupplierPassesPartOfItsCertificateToItsOwnSupplier() {
        long id = confirmed(1_000_000_00L);
        long root = certificate(id).getLong("parts[0].partId");
        json(SUPPLIER).body(offerBody("300000.00", TIER2_ORG, SupplyFinanceFlow.chainNow().plusSeconds(86_400))).post("/api/parts/" + root + "/offer")
                .then().statusCode(202);
        var parts = partsWhen(id, ps -> ps.stream().anyMatch(p -> "PENDING".equals(p.get("state"))));
        long offered = ((Number) part(parts, p -> "PENDING".equals(p.get("state"))).get("partId")).longValue();
        assertThat(part(parts, p -> "PENDING".equals(p.get("state")))).containsEntry("recipient", TIER2_ORG).containsEntry("depth", 1);
        // The tier-2 supplier sees the offer in its wallet and the certificate; another member sees neither.
        assertThat(as(TIER2).get("/api/parts").then().statusCode(200).extract().jsonPath().getList("partId", Long.class)).contains(offered);
        as(TIER2).get("/api/certificates/" + id).then().statusCode(200);
        as(BANK).get("/api/certificates/" + id).then().statusCode(404);
        // Only the recipient accepts; then the part is its own.
        as(SUPPLIER).post("/api/parts/" + offered + "/accept").then().statusCode(403);
        as(TIER2).post("/api/parts/" + offered + "/accept").then().statusCode(202);
        parts = partsWhen(id, ps -> ps.stream().anyMatch(p -> ((Number) p.get("partId")).longValue() == offered && "ACTIVE".equals(p.get("state"))));
        assertThat(part(parts, p -> ((Number) p.get("partId")).longValue() == offered)).containsEntry("holder", TIER2_ORG)
                .containsEntry("value", 300000.00f).containsEntry("parentId", (int) root);
        assertThat(part(parts, p -> ((Number) p.get("partId")).longValue() == root)).containsEntry("value", 700000.00f);
        assertThat(total(parts)).isEqualTo(1000000.00f);
        assertThat(certificate(id).getList("history.kind", String.class)).containsSubsequence("CONFIRMED", "OFFERED", "ACCEPTED");

        // The tier-1 supplier splits what it kept; the tier-2 one offers on to tier 3, which rejects: the value returns to tier 2.
        json(SUPPLIER).body("{\"value\": 100000.00}").post("/api/parts/" + root + "/split").then().statusCode(202);
        json(TIER2).body(offerBody("50000.00", TIER3_ORG, SupplyFinanceFlow.chainNow().plusSeconds(3_600))).post("/api/parts/" + offered + "/offer")
                .then().statusCode(202);
        parts = partsWhen(id, ps -> ps.size() == 4);
        long tier3Offer = ((Number) part(parts, p -> "PENDING".equals(p.get("state"))).get("partId")).longValue();
        assertThat(part(parts, p -> "PENDING".equals(p.get("state")))).containsEntry("depth", 2).containsEntry("splitter", TIER2_ORG);
        as(TIER2).post("/api/parts/" + tier3Offer + "/reject").then().statusCode(403);
        // The tier-3 supplier's own user sees the offer in its wallet and the certificate it comes from.
        assertThat(as("supplier.daily").get("/api/parts").then().statusCode(200).extract().jsonPath().getList("partId", Long.class)).contains(tier3Offer);
        as("supplier.daily").get("/api/certificates/" + id).then().statusCode(200);
        as(TIER2).post("/api/parts/" + tier3Offer + "/withdraw").then().statusCode(202);
        parts = partsWhen(id, ps -> ps.stream().noneMatch(p -> "PENDING".equals(p.get("state"))));
        assertThat(part(parts, p -> ((Number) p.get("partId")).longValue() == offered)).containsEntry("value", 300000.00f);
        assertThat(part(parts, p -> ((Number) p.get("partId")).longValue() == root)).containsEntry("value", 600000.00f);
        assertThat(total(parts)).isEqualTo(1000000.00f);
    }

    @Test
    void anOfferLeftUnansweredReturnsToTheMemberThatMadeItNotToTheRoot() {
        long id = confirmed(10_000_00L);
        long root = certificate(id).getLong("parts[0].partId");
        json(SUPPLIER).body(offerBody("4000.00", TIER2_ORG, SupplyFinanceFlow.chainNow().plusSeconds(86_400))).post("/api/parts/" + root + "/offer")
                .then().statusCode(202);
        long tier2 = ((Number) part(partsWhen(id, ps -> ps.stream().anyMatch(p -> "PENDING".equals(p.get("state")))),
                p -> "PENDING".equals(p.get("state"))).get("partId")).longValue();
        as(TIER2).post("/api/parts/" + tier2 + "/accept").then().statusCode(202);
        partsWhen(id, ps -> ps.stream().anyMatch(p -> ((Number) p.get("partId")).longValue() == tier2 && "ACTIVE".equals(p.get("state"))));
        json(TIER2).body(offerBody("1000.00", TIER3_ORG, SupplyFinanceFlow.chainNow().plusSeconds(6))).post("/api/parts/" + tier2 + "/offer")
                .then().statusCode(202);
        partsWhen(id, ps -> ps.size() == 3 && ps.stream().anyMatch(p -> "PENDING".equals(p.get("state"))));
        // Nobody answers: once expired, this service returns it (ReceivableRegistry.expireOffer) to tier 2.
        var parts = partsWhen(id, ps -> ps.size() == 3 && ps.stream().noneMatch(p -> "PENDING".equals(p.get("state"))));
        assertThat(part(parts, p -> ((Number) p.get("partId")).longValue() == tier2)).containsEntry("value", 4000.00f);
        assertThat(part(parts, p -> ((Number) p.get("partId")).longValue() == root)).containsEntry("value", 6000.00f);
        assertThat(certificate(id).getList("history.kind", String.class)).contains("EXPIRED");
    }

    @Test
    void badStepsAreRefusedWithTheReason() {
        long id = confirmed(1_000_00L);
        long root = certificate(id).getLong("parts[0].partId");
        json(SUPPLIER).body("{\"value\": 0}").post("/api/parts/" + root + "/split").then().statusCode(400);
        json(SUPPLIER).body("{\"value\": 1000.01}").post("/api/parts/" + root + "/split").then().statusCode(422)
                .contentType("application/problem+json");
        json(SUPPLIER).body(offerBody("1.00", SUPPLIER_ORG, SupplyFinanceFlow.chainNow().plusSeconds(60))).post("/api/parts/" + root + "/offer").then()
                .statusCode(422);
        json(SUPPLIER).body(offerBody("1.00", "no-such-member", SupplyFinanceFlow.chainNow().plusSeconds(60))).post("/api/parts/" + root + "/offer").then()
                .statusCode(422);
        json(SUPPLIER).body(offerBody("1.00", TIER2_ORG, SupplyFinanceFlow.chainNow().minusSeconds(60))).post("/api/parts/" + root + "/offer").then()
                .statusCode(422);
        json(SUPPLIER).body(offerBody("1.00", TIER2_ORG, SupplyFinanceFlow.chainNow().plus(Duration.ofDays(31)))).post("/api/parts/" + root + "/offer").then()
                .statusCode(422);
        // Another organisation's part does not exist for it.
        json(TIER2).body("{\"value\": 1.00}").post("/api/parts/" + root + "/split").then().statusCode(404);
        // Nothing moved.
        assertThat(certificate(id).getList("parts")).hasSize(1);
    }

    @Test
    void manyStepsGoInOneRequestAndARefusedOneRefusesThemAll() {
        long id = confirmed(10_000_00L);
        long root = certificate(id).getLong("parts[0].partId");
        String expiry = SupplyFinanceFlow.chainNow().plusSeconds(86_400).toString();
        // The third split asks for more than the first two left: refused, named, nothing queued.
        var refused = json(SUPPLIER).body("{\"operations\": [{\"action\": \"split\", \"partId\": " + root + ", \"value\": 4000.00}, "
                + "{\"action\": \"split\", \"partId\": " + root + ", \"value\": 4000.00}, {\"action\": \"split\", \"partId\": " + root
                + ", \"value\": 4000.00}]}").post("/api/parts/bulk").then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(refused.getList("errors.field", String.class)).containsExactly("operations[2].value");
        assertThat(refused.getString("detail")).contains("left after the earlier steps");
        json(SUPPLIER).body("{\"operations\": [{\"action\": \"fly\", \"partId\": " + root + "}]}").post("/api/parts/bulk").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("operations[0].action"));
        json(TIER2).body("{\"operations\": [{\"action\": \"split\", \"partId\": " + root + ", \"value\": 1.00}]}").post("/api/parts/bulk").then()
                .statusCode(404);
        json(SUPPLIER).body("{\"operations\": []}").post("/api/parts/bulk").then().statusCode(400);
        // Two splits and an offer of the root's rest in one request: all queued, in order, in one batchSteps transaction.
        long batchesBefore = stepBatches();
        json(SUPPLIER).body("{\"operations\": [{\"action\": \"split\", \"partId\": " + root + ", \"value\": 3000.00}, "
                + "{\"action\": \"split\", \"partId\": " + root + ", \"value\": 2000.00}, {\"action\": \"offer\", \"partId\": " + root
                + ", \"value\": 5000.00, \"recipient\": \"" + TIER2_ORG + "\", \"expiresAt\": \"" + expiry + "\"}]}")
                .post("/api/parts/bulk").then().statusCode(202).body("queued", org.hamcrest.Matchers.equalTo(3));
        var parts = partsWhen(id, ps -> ps.size() == 4 && ps.stream().anyMatch(p -> "PENDING".equals(p.get("state"))));
        assertThat(parts).extracting(p -> p.get("value")).containsExactlyInAnyOrder(0.0f, 3000.00f, 2000.00f, 5000.00f);
        assertThat(total(parts)).isEqualTo(10000.00f);
        await().atMost(Duration.ofSeconds(30)).until(() -> stepBatches() == batchesBefore + 1);
    }

    /** The ReceivableRegistry.batchSteps transactions the relay confirmed. */
    private long stepBatches() {
        try (var c = db.getConnection(); var q = c.prepareStatement("select count(*) from chain_transaction where purpose = 'part-steps' and status = 'CONFIRMED'");
             var rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
