package org.alliancechain.supplyfinance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.supplyfinance.invoices.InvoiceFact;
import org.alliancechain.testsupport.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The steps of the supply-finance story, one method each. Invoices come from the chain as they do in
 * production: the tax bureau authorises the seller in InvoiceRegistry and the seller issues there
 * (signed with their keys, which this service's test custody holds), then this service's indexer
 * projects them.
 */
public final class SupplyFinanceFlow {

    public static final String CORE = "core.nova";
    public static final String CORE_ORG = "nova-manufacturing";
    public static final String SUPPLIER = "supplier.acme";
    public static final String SUPPLIER_ORG = "acme-trading";
    public static final String TIER2 = "supplier.pixel";
    public static final String TIER2_ORG = "pixel-studio";
    public static final String BANK = "bank.blue";

    private SupplyFinanceFlow() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user));
    }

    public static RequestSpecification json(String user) {
        return as(user).contentType(ContentType.JSON);
    }

    /** The service's chain clock: on-chain deadlines are dated by the chain's time, which tests may move ahead. */
    public static org.alliancechain.service.chain.ChainClock clock() {
        return io.quarkus.arc.Arc.container().instance(org.alliancechain.service.chain.ChainClock.class).get();
    }

    public static java.time.Instant chainNow() {
        return clock().now();
    }

    public static LocalDate chainToday() {
        return clock().today();
    }

    /**
     * Tomorrow by the chain's clock, with at least three hours of today left: a certificate maturing then
     * still takes an offer that expires in an hour (an offer must expire before the maturity day begins).
     * Late in the chain's day the chain is first moved to just after midnight, so a test never depends on
     * the hour it runs at.
     */
    public static LocalDate chainTomorrowWithTimeLeftToday() {
        var now = chainNow().atZone(java.time.ZoneId.of("Asia/Shanghai"));
        var midnight = now.toLocalDate().plusDays(1).atStartOfDay(now.getZone());
        if (Duration.between(now, midnight).compareTo(Duration.ofHours(3)) < 0) {
            advanceChainTime(Duration.between(now, midnight).plusMinutes(5));
        }
        return chainToday().plusDays(1);
    }

    /**
     * Moves the shared test chain's clock forward (it never goes back: every later test sees the chain
     * ahead of the wall clock) and lets the service see it at once.
     */
    public static void advanceChainTime(Duration by) {
        org.alliancechain.testsupport.ChainProbe.advanceTime(org.alliancechain.testsupport.SuiteTestResource.stack().contracts(), by);
        clock().resync();
    }

    private static String invoiceRegistry() {
        return ConfigProvider.getConfig().getValue("chain.contracts.invoice-registry", String.class);
    }

    private static ChainPort chain() {
        return io.quarkus.arc.Arc.container().instance(ChainPort.class).get();
    }

    /** The tax bureau authorises the seller as an issuer of both 数电 kinds (once; a repeat is refused by the chain and ignored). */
    public static void authoriseIssuer(String seller) {
        long tx = QuarkusTransaction.requiringNew().call(() -> chain().submit("tax-bureau", ContractCall.of(invoiceRegistry(),
                "authoriseIssuer(bytes32,bytes32,uint8,uint256)", ChainIds.memberId(seller), ChainIds.keccak256("tax id of " + seller),
                BigInteger.valueOf(6), BigInteger.valueOf(1_000_000_000_000L)).withPurpose("test-issuer-authorised")));
        var written = awaitWritten(tx);
        if (written.status() != ChainTxStatus.CONFIRMED) {
            System.out.println("authorising " + seller + " as an issuer: " + written + " (authorised before?)");
        }
    }

    private static org.alliancechain.chain.api.ChainTxView awaitWritten(long tx) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> chain().status(tx).map(s -> s.status() == ChainTxStatus.CONFIRMED || s.status() == ChainTxStatus.FAILED).orElse(false)));
        return QuarkusTransaction.requiringNew().call(() -> chain().status(tx).orElseThrow());
    }

    /** A fresh random 20-digit number of this year's Beijing series. */
    public static String newNumber() {
        return (LocalDate.now().getYear() % 100) + "110" + String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
    }

    /** The seller issues a 数电 special invoice to the buyer in InvoiceRegistry; returns its number once this service projected it. */
    public static String issueInvoice(String seller, String buyer, long totalCents) {
        String number = newNumber();
        byte[] id = ChainIds.invoiceId(1, number);
        long tx = QuarkusTransaction.requiringNew().call(() -> chain().submit(seller, ContractCall.of(invoiceRegistry(),
                "issue(bytes32,uint8,bytes32,bytes32,uint256,bytes3,uint32,bytes32)", id, BigInteger.ONE, ChainIds.keccak256("record " + number),
                ChainIds.memberId(buyer), BigInteger.valueOf(totalCents), "CNY".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                BigInteger.valueOf(Integer.parseInt(LocalDate.now().toString().replace("-", ""))), ChainIds.keccak256("lines " + number))
                .withPurpose("test-invoice-issued")));
        var written = awaitWritten(tx);
        if (written.status() != ChainTxStatus.CONFIRMED) {
            throw new AssertionError("issuing invoice " + number + " failed on chain: " + written);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> InvoiceFact.byId(id).isPresent()));
        return number;
    }

    /** The buyer reimburses an invoice in InvoiceRegistry (as an expense system would); returns once this service projected it. */
    public static void reimburseOnChain(String buyer, String number) {
        byte[] id = ChainIds.invoiceId(1, number);
        long tx = QuarkusTransaction.requiringNew().call(() -> chain().submit(buyer, ContractCall.of(invoiceRegistry(), "reimburse(bytes32)", id)
                .withPurpose("test-invoice-reimbursed")));
        var written = awaitWritten(tx);
        if (written.status() != ChainTxStatus.CONFIRMED) {
            throw new AssertionError("reimbursing invoice " + number + " failed on chain: " + written);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> InvoiceFact.byId(id).map(f -> f.reimbursed).orElse(false)));
    }

    public static String confirmBody(String supplier, String face, LocalDate maturity, boolean longTenor, String... invoiceNumbers) {
        var invoices = new StringBuilder();
        for (String n : invoiceNumbers) {
            invoices.append(invoices.isEmpty() ? "" : ", ").append("{\"kind\": \"DIGITAL_SPECIAL\", \"number\": \"").append(n).append("\"}");
        }
        return "{\"supplier\": \"" + supplier + "\", \"face\": " + face + ", \"maturity\": \"" + maturity + "\", \"longTenor\": " + longTenor
                + ", \"poNumber\": \"PO-2026-0815\", \"invoices\": [" + invoices + "]}";
    }

    /** Waits until the certificate's confirmation was mined and projected; returns its status. */
    public static String awaitStatus(long certificateId, String user, String... expected) {
        var statuses = java.util.List.of(expected);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                statuses.contains(as(user).get("/api/certificates/" + certificateId).then().statusCode(200).extract().<String>path("status")));
        return as(user).get("/api/certificates/" + certificateId).then().extract().path("status");
    }
}
