package org.alliancechain.supplyfinance.financing;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Financing in ReceivableRegistry and quotes in FinancingQuotes, one method per contract function, signed by the acting organisation. */
@ApplicationScoped
public class FinancingChain {

    /** IFinancingQuotes.Quote, as the ABI encodes it. */
    static final String QUOTE_TUPLE = "(bytes32,bytes32,uint32,bool,uint32,uint32,uint32,uint64,uint256,uint256,uint256,uint256,bytes32)";

    private static final byte[] ZERO = new byte[32];

    private final ChainPort chain;
    private final String registry;
    private final String quotes;

    FinancingChain(ChainPort chain, @ConfigProperty(name = "chain.contracts.receivable-registry") String registry,
                   @ConfigProperty(name = "chain.contracts.financing-quotes") String quotes) {
        this.chain = chain;
        this.registry = registry;
        this.quotes = quotes;
    }

    String registry() {
        return registry;
    }

    String quotes() {
        return quotes;
    }

    long request(String holder, byte[] financingId, long partId, long valueCents) {
        return chain.submit(holder, ContractCall.of(registry, "requestFinancing(bytes32,uint256,uint256)", financingId,
                BigInteger.valueOf(partId), BigInteger.valueOf(valueCents)).withPurpose("financing-requested"));
    }

    long withdraw(String holder, byte[] financingId) {
        return chain.submit(holder, ContractCall.of(registry, "withdrawFinancingRequest(bytes32)", financingId).withPurpose("financing-withdrawn"));
    }

    /** The bank's quote; the chain fills in the bank, payment day, interest, proceeds and hash. */
    long quote(String bank, byte[] financingId, int annualRateBp, boolean recourse, long discountDay, long maturityDay, long validUntil,
               long faceCents, long feeCents, byte[] nonce) {
        List<Object> terms = List.of(financingId, ZERO, BigInteger.valueOf(annualRateBp), recourse, BigInteger.valueOf(discountDay),
                BigInteger.valueOf(maturityDay), BigInteger.ZERO, BigInteger.valueOf(validUntil), BigInteger.valueOf(faceCents), BigInteger.ZERO,
                BigInteger.valueOf(feeCents), BigInteger.ZERO, ZERO);
        return chain.submit(bank, ContractCall.of(quotes, "quote(" + QUOTE_TUPLE + ",bytes32)", terms, nonce).withPurpose("financing-quoted"));
    }

    long accept(String holder, byte[] quoteId, byte[] quoteHash) {
        return chain.submit(holder, ContractCall.of(registry, "acceptQuote(bytes32,bytes32)", quoteId, quoteHash).withPurpose("quote-accepted"));
    }

    long recordPayment(String bank, byte[] financingId, byte[] paymentProofDigest, byte[] crcRegistrationDigest) {
        return chain.submit(bank, ContractCall.of(registry, "recordPayment(bytes32,bytes32,bytes32)", financingId, paymentProofDigest,
                crcRegistrationDigest).withPurpose("financing-paid"));
    }

    /** The bank consents to a red-letter on an invoice its financing pledged: its part shrinks by the amount. */
    long consentToRedLetter(String bank, byte[] financingId, byte[] invoiceId, long amountCents) {
        return chain.submit(bank, ContractCall.of(registry, "consentToRedLetter(bytes32,bytes32,uint256)", financingId, invoiceId,
                BigInteger.valueOf(amountCents)).withPurpose("red-letter-consented"));
    }

    /** keccak256(abi.encode(bytes32 bank, bytes32 financingId, bytes32 nonce)), as FinancingQuotes names a quote. */
    static byte[] quoteId(String bank, byte[] financingId, byte[] nonce) {
        byte[] encoded = new byte[96];
        System.arraycopy(ChainIds.memberId(bank), 0, encoded, 0, 32);
        System.arraycopy(financingId, 0, encoded, 32, 32);
        System.arraycopy(nonce, 0, encoded, 64, 32);
        return ChainIds.keccak256(encoded);
    }
}
