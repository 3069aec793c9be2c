package org.alliancechain.einvoice.reimbursement;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.einvoice.invoices.Invoice;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bookings and reimbursements in InvoiceRegistry, signed by the claiming member. Reimbursements go
 * as {@code reimburseBatch} — even one alone — so a refusal comes back as an event naming the member
 * that reimbursed first and when, not as a bare revert.
 */
@ApplicationScoped
public class ClaimChain {

    private final ChainPort chain;
    private final String registry;

    ClaimChain(ChainPort chain, @ConfigProperty(name = "chain.contracts.invoice-registry") String registry) {
        this.chain = chain;
        this.registry = registry;
    }

    public String registry() {
        return registry;
    }

    /** The buyer's booking, after the invoice's issuance. */
    public long book(Invoice invoice, String organisation, Claim.Kind mark) {
        var call = ContractCall.of(registry, "book(bytes32,uint8)", invoice.chainInvoiceId, BigInteger.valueOf(mark.bookingMark()))
                .withPurpose("invoice-booked");
        return invoice.chainTxId == null ? chain.submit(organisation, call) : chain.submitAfter(invoice.chainTxId, organisation, call);
    }

    /** One reimbursement, after the invoice's issuance. */
    public long reimburse(Invoice invoice, String organisation) {
        var call = batch(List.of(invoice.chainInvoiceId));
        return invoice.chainTxId == null ? chain.submit(organisation, call) : chain.submitAfter(invoice.chainTxId, organisation, call);
    }

    /** Reimbursements of invoices already confirmed on chain, {@code perTransaction} a call; the outbox id per invoice. */
    public long[] reimburseAll(String organisation, List<Invoice> invoices, int perTransaction) {
        long[] ids = new long[invoices.size()];
        for (int from = 0; from < invoices.size(); from += perTransaction) {
            int to = Math.min(invoices.size(), from + perTransaction);
            long id = chain.submit(organisation, batch(invoices.subList(from, to).stream().map(i -> i.chainInvoiceId).toList()));
            java.util.Arrays.fill(ids, from, to, id);
        }
        return ids;
    }

    /**
     * Takes the organisation's booking ({@code unbook}) or reimbursement ({@code reverseReimbursement}) back, with the
     * SHA-256 of the reason; after the claim's own write, so the chain sees them in order.
     */
    public long reverse(Invoice invoice, String organisation, Claim claim, String reason) {
        byte[] reasonHash = org.alliancechain.evidence.HashAlgorithm.SHA256.digest(reason.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var call = claim.kind == Claim.Kind.REIMBURSEMENT
                ? ContractCall.of(registry, "reverseReimbursement(bytes32,bytes32)", invoice.chainInvoiceId, reasonHash).withPurpose("reimbursement-reversed")
                : ContractCall.of(registry, "unbook(bytes32,bytes32)", invoice.chainInvoiceId, reasonHash).withPurpose("invoice-unbooked");
        return claim.chainTxId == null ? chain.submit(organisation, call) : chain.submitAfter(claim.chainTxId, organisation, call);
    }

    private ContractCall batch(List<byte[]> invoiceIds) {
        return ContractCall.of(registry, "reimburseBatch(bytes32[])", invoiceIds).withPurpose("invoices-reimbursed");
    }
}
