package org.alliancechain.einvoice;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.testsupport.ChainProbe;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Supply-finance's side of a pledged invoice, driven on chain as its organisations would through
 * supply-finance (this service's test custody holds a key of every demo organisation, ADR 0006; the
 * local stack gives nova-manufacturing CORE_ENTERPRISE and blue-bank FINANCIER): the core enterprise
 * confirms a receivable certificate on invoices it bought, the supplier asks for financing, the bank
 * quotes in FinancingQuotes, the supplier accepts (ReceivableRegistry pledges the invoices in
 * InvoiceRegistry), the bank pays, and may then consent to a red-letter of a pledged invoice.
 * Every write goes through the ChainPort outbox; reads (the root part, the quote's hash) go to the node.
 */
final class FinancingOnChain {

    static final String CORE = "nova-manufacturing";
    static final String SUPPLIER = "acme-trading";
    static final String BANK = "blue-bank";

    /** IFinancingQuotes.Quote as the ABI encodes it. */
    private static final String QUOTE_TUPLE = "(bytes32,bytes32,uint32,bool,uint32,uint32,uint32,uint64,uint256,uint256,uint256,uint256,bytes32)";

    /** A financing paid by the bank: its id (in ReceivableRegistry) and the certificate's confirmation id (the pledge's financing id in InvoiceRegistry). */
    record Financing(byte[] financingId, byte[] confirmationId) {
    }

    private FinancingOnChain() {
    }

    private static String contract(String key) {
        return ConfigProvider.getConfig().getValue("chain.contracts." + key, String.class);
    }

    private static ChainPort chain() {
        return io.quarkus.arc.Arc.container().instance(ChainPort.class).get();
    }

    private static byte[] random32() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static byte[] word(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] word = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, word, 32 - length, length);
        return word;
    }

    /** Submits one call as an organisation and waits until the chain mined it; fails the test if the chain refused it. */
    static void write(String organisation, ContractCall call) {
        long tx = QuarkusTransaction.requiringNew().call(() -> chain().submit(organisation, call));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                chain().status(tx).map(s -> s.status() == ChainTxStatus.CONFIRMED || s.status() == ChainTxStatus.FAILED).orElse(false)));
        var written = QuarkusTransaction.requiringNew().call(() -> chain().status(tx).orElseThrow());
        if (written.status() != ChainTxStatus.CONFIRMED) {
            throw new AssertionError(call.purpose() + " as " + organisation + " failed on chain: " + written);
        }
    }

    private static BigInteger read(String contractKey, String function, byte[] id, int word) {
        return ChainProbe.viewWord(ConfigProvider.getConfig().getValue("chain.rpc-url", String.class), contract(contractKey), function, id, word);
    }

    /**
     * nova confirms a certificate of {@code faceCents} to acme on the invoice, acme asks for
     * financing of all of it, blue-bank quotes, acme accepts (the invoice is pledged), blue-bank pays.
     */
    static Financing financeAndPay(byte[] invoiceId, long faceCents) {
        String registry = contract("receivable-registry");
        // dated by the chain's clock, which other tests move ahead of this one (ChainProbe.advanceTime)
        var contracts = org.alliancechain.testsupport.SuiteTestResource.stack().contracts();
        LocalDate today = org.alliancechain.testsupport.ChainProbe.chainToday(contracts);
        Instant now = org.alliancechain.testsupport.ChainProbe.chainTime(contracts);
        long maturityDay = today.plusMonths(3).toEpochDay();
        byte[] confirmationId = random32();
        write(CORE, ContractCall.of(registry, "confirm(bytes32,address,uint256,uint32,bool,bytes32[],bytes32)", confirmationId,
                QuarkusTransaction.requiringNew().call(() -> chain().accountOf(SUPPLIER)), BigInteger.valueOf(faceCents),
                BigInteger.valueOf(maturityDay), false, List.of(invoiceId), ChainIds.keccak256("undertaking and PO of a test certificate"))
                .withPurpose("test-payable-confirmed"));
        BigInteger rootPart = read("receivable-registry", "certificateOf", confirmationId, 4);

        byte[] financingId = random32();
        write(SUPPLIER, ContractCall.of(registry, "requestFinancing(bytes32,uint256,uint256)", financingId, rootPart, BigInteger.valueOf(faceCents))
                .withPurpose("test-financing-requested"));

        byte[] nonce = random32();
        List<Object> terms = List.of(financingId, new byte[32], BigInteger.valueOf(390), false, BigInteger.valueOf(today.toEpochDay()),
                BigInteger.valueOf(maturityDay), BigInteger.ZERO, BigInteger.valueOf(now.plusSeconds(3_600).getEpochSecond()),
                BigInteger.valueOf(faceCents), BigInteger.ZERO, BigInteger.valueOf(1_500_00), BigInteger.ZERO, new byte[32]);
        write(BANK, ContractCall.of(contract("financing-quotes"), "quote(" + QUOTE_TUPLE + ",bytes32)", terms, nonce).withPurpose("test-financing-quoted"));
        byte[] encoded = new byte[96];
        System.arraycopy(ChainIds.memberId(BANK), 0, encoded, 0, 32);
        System.arraycopy(financingId, 0, encoded, 32, 32);
        System.arraycopy(nonce, 0, encoded, 64, 32);
        byte[] quoteId = ChainIds.keccak256(encoded);
        byte[] quoteHash = word(read("financing-quotes", "quoteOf", quoteId, 12));

        write(SUPPLIER, ContractCall.of(registry, "acceptQuote(bytes32,bytes32)", quoteId, quoteHash).withPurpose("test-quote-accepted"));
        write(BANK, ContractCall.of(registry, "recordPayment(bytes32,bytes32,bytes32)", financingId, ChainIds.keccak256("payment proof"),
                ChainIds.keccak256("CRC registration")).withPurpose("test-financing-paid"));
        return new Financing(financingId, confirmationId);
    }

    /** The bank consents to a red-letter of {@code amountCents} of the pledged invoice (ReceivableRegistry → InvoiceRegistry.consentToRed). */
    static void consentToRedLetter(Financing financing, byte[] invoiceId, long amountCents) {
        write(BANK, ContractCall.of(contract("receivable-registry"), "consentToRedLetter(bytes32,bytes32,uint256)", financing.financingId(),
                invoiceId, BigInteger.valueOf(amountCents)).withPurpose("test-red-letter-consented"));
    }
}
