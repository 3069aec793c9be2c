package org.alliancechain.einvoice.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.einvoice.tax.Cents;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invoices in InvoiceRegistry, signed by the seller. A bulk issuance goes as {@code issueBatch}
 * transactions of many invoices each (a refused item is reported by an event, the others stand);
 * a single one as {@code issue}, which reverts with the reason.
 */
@ApplicationScoped
public class InvoiceChain {

    private static final byte[] CNY = "CNY".getBytes(StandardCharsets.US_ASCII);

    private final ChainPort chain;
    private final String registry;

    InvoiceChain(ChainPort chain, @ConfigProperty(name = "chain.contracts.invoice-registry") String registry) {
        this.chain = chain;
        this.registry = registry;
    }

    public String registry() {
        return registry;
    }

    /** keccak256(abi.encodePacked(uint8 kind, string number)), as InvoiceRegistry.invoiceIdOf computes it. */
    public static byte[] invoiceId(InvoiceKind kind, String number) {
        return ChainIds.invoiceId(kind.chainCode(), number);
    }

    /** keccak256(abi.encodePacked(uint256[] cents)) over the amounts of the lines a red-letter may offset. */
    public static byte[] linesDigest(List<BigInteger> lineCents) {
        return ChainIds.keccak256OfWords(lineCents);
    }

    /** Queues one invoice's issuance after {@code after} (the issuer's last authorisation change), signed by the seller. */
    public long issue(Invoice invoice, List<BigInteger> lineCents, Long after) {
        var call = ContractCall.of(registry, "issue(bytes32,uint8,bytes32,bytes32,uint256,bytes3,uint32,bytes32)",
                invoice.chainInvoiceId, BigInteger.valueOf(invoice.kind.chainCode()), invoice.record.digestBytes(),
                ChainIds.memberId(invoice.buyer), Cents.of(invoice.total), currency(invoice), date(invoice), linesDigest(lineCents))
                .withPurpose("invoice-issued");
        return after == null ? chain.submit(invoice.seller, call) : chain.submitAfter(after, invoice.seller, call);
    }

    /**
     * Queues the invoices of one seller as {@code issueBatch} calls of at most {@code perTransaction}
     * each; returns, per invoice in order, the outbox id of the call that carries it.
     */
    public long[] issueAll(String seller, List<Invoice> invoices, List<List<BigInteger>> lineCents, int perTransaction, Long after) {
        long[] ids = new long[invoices.size()];
        for (int from = 0; from < invoices.size(); from += perTransaction) {
            int to = Math.min(invoices.size(), from + perTransaction);
            var chainIds = new ArrayList<byte[]>(to - from);
            var kinds = new ArrayList<BigInteger>(to - from);
            var digests = new ArrayList<byte[]>(to - from);
            var buyers = new ArrayList<byte[]>(to - from);
            var totals = new ArrayList<BigInteger>(to - from);
            var currencies = new ArrayList<byte[]>(to - from);
            var dates = new ArrayList<BigInteger>(to - from);
            var lines = new ArrayList<byte[]>(to - from);
            for (int i = from; i < to; i++) {
                var invoice = invoices.get(i);
                chainIds.add(invoice.chainInvoiceId);
                kinds.add(BigInteger.valueOf(invoice.kind.chainCode()));
                digests.add(invoice.record.digestBytes());
                buyers.add(ChainIds.memberId(invoice.buyer));
                totals.add(Cents.of(invoice.total));
                currencies.add(currency(invoice));
                dates.add(date(invoice));
                lines.add(linesDigest(lineCents.get(i)));
            }
            var call = ContractCall.of(registry, "issueBatch(bytes32[],uint8[],bytes32[],bytes32[],uint256[],bytes3[],uint32[],bytes32[])",
                    chainIds, kinds, digests, buyers, totals, currencies, dates, lines).withPurpose("invoices-issued");
            long id = after == null ? chain.submit(seller, call) : chain.submitAfter(after, seller, call);
            for (int i = from; i < to; i++) {
                ids[i] = id;
            }
        }
        return ids;
    }

    /**
     * Queues the red invoice offsetting {@code blue}, signed by the blue invoice's seller, after
     * {@code after} (the blue invoice's issuance or its last red-letter): the blue lines' amounts and
     * the red magnitudes per line, in cents, as InvoiceRegistry.redLetter checks them.
     */
    public long redLetter(Invoice blue, Invoice red, List<BigInteger> blueLineCents, List<BigInteger> redLineCents, long after) {
        var call = ContractCall.of(registry, "redLetter(bytes32,bytes32,bytes32,uint32,uint256[],uint256[])",
                blue.chainInvoiceId, red.chainInvoiceId, red.record.digestBytes(), date(red), blueLineCents, redLineCents)
                .withPurpose("invoice-red-lettered");
        return chain.submitAfter(after, blue.seller, call);
    }

    private static byte[] currency(Invoice invoice) {
        return "CNY".equals(invoice.currency) ? CNY : invoice.currency.getBytes(StandardCharsets.US_ASCII);
    }

    private static BigInteger date(Invoice invoice) {
        var d = invoice.issueDate;
        return BigInteger.valueOf(d.getYear() * 10_000L + d.getMonthValue() * 100L + d.getDayOfMonth());
    }
}
