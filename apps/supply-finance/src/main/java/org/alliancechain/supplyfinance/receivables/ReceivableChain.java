package org.alliancechain.supplyfinance.receivables;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Certificates and their parts in ReceivableRegistry, one method per contract function, each signed
 * by the acting organisation's key (the operator's key never moves a part). Days are unix day numbers
 * of the date in China Standard Time, as the registry counts them.
 */
@ApplicationScoped
public class ReceivableChain {

    /**
     * Part steps per {@code batchSteps} transaction: an offer costs up to ~260,000 gas, so 32 stay under the relay's
     * 10,000,000 gas limit (application.properties).
     */
    static final int STEPS_PER_TRANSACTION = 32;

    private final ChainPort chain;
    private final String registry;

    ReceivableChain(ChainPort chain, @ConfigProperty(name = "chain.contracts.receivable-registry") String registry) {
        this.chain = chain;
        this.registry = registry;
    }

    public String registry() {
        return registry;
    }

    /** The account the service signs with for an organisation: the holder of its parts on chain. */
    public String accountOf(String organisation) {
        return chain.accountOf(organisation);
    }

    public java.util.Optional<String> organisationOf(String account) {
        return chain.organisationOf(account);
    }

    /** Whether a queued write was refused by the chain (or dropped as never valid). */
    public boolean failed(Long chainTxId) {
        return chainTxId != null && chain.status(chainTxId).map(s -> s.status() == org.alliancechain.chain.api.ChainTxStatus.FAILED).orElse(false);
    }

    public static BigInteger day(LocalDate date) {
        return BigInteger.valueOf(date.toEpochDay());
    }

    /** The core enterprise confirms: the root part is minted to the supplier's account. */
    public long confirm(ReceivableCertificate c, List<byte[]> invoiceIds) {
        var call = ContractCall.of(registry, "confirm(bytes32,address,uint256,uint32,bool,bytes32[],bytes32)",
                c.confirmationId, accountOf(c.supplier), BigInteger.valueOf(c.faceCents), day(c.maturity), c.longTenor, invoiceIds,
                c.record.digestBytes()).withPurpose("payable-confirmed");
        return chain.submit(c.core, call);
    }

    /** Queues one write signed by {@code organisation}'s key. */
    public long submit(String organisation, ContractCall call) {
        return chain.submit(organisation, call);
    }

    /**
     * Queues part steps of one organisation in as few transactions as it takes: {@link #STEPS_PER_TRANSACTION} per
     * {@code batchSteps} call (all or nothing on chain, applied in order), a lone step as its own call. Returns each
     * step's transaction, in the steps' order.
     */
    public long[] submitSteps(String organisation, List<ContractCall> steps) {
        long[] txIds = new long[steps.size()];
        for (int from = 0; from < steps.size(); from += STEPS_PER_TRANSACTION) {
            var chunk = steps.subList(from, Math.min(steps.size(), from + STEPS_PER_TRANSACTION));
            long txId = chunk.size() == 1 ? chain.submit(organisation, chunk.getFirst())
                    : chain.submit(organisation, ContractCall.of(registry, "batchSteps(bytes[])", List.copyOf(chunk)).withPurpose("part-steps"));
            java.util.Arrays.fill(txIds, from, from + chunk.size(), txId);
        }
        return txIds;
    }

    public ContractCall split(long partId, long valueCents) {
        return ContractCall.of(registry, "split(uint256,uint256)", BigInteger.valueOf(partId), BigInteger.valueOf(valueCents))
                .withPurpose("part-split");
    }

    public ContractCall offer(long partId, long valueCents, String recipient, long expiresAtEpochSecond) {
        return ContractCall.of(registry, "offer(uint256,uint256,address,uint64)", BigInteger.valueOf(partId),
                BigInteger.valueOf(valueCents), accountOf(recipient), BigInteger.valueOf(expiresAtEpochSecond)).withPurpose("part-offered");
    }

    /** accept, reject (recipient) or withdraw (splitter) an offer. Writes on one part by one organisation keep their order by its key's nonces. */
    public ContractCall closeOffer(String step, long pendingPartId) {
        return ContractCall.of(registry, step + "Offer(uint256)", BigInteger.valueOf(pendingPartId)).withPurpose("offer-" + step);
    }

    /** Returns an expired offer to its splitter, signed with this service's own key (anyone may). */
    public long expireOffer(long pendingPartId) {
        return chain.submit(ContractCall.of(registry, "expireOffer(uint256)", BigInteger.valueOf(pendingPartId)).withPurpose("offer-expire"));
    }

    /** The holder of an overdue part records the arbitration case it filed over it; sent once the filing is confirmed. */
    public long markInArbitration(String holder, long partId, byte[] caseId, long afterFiling) {
        return chain.submitAfter(afterFiling, holder, ContractCall.of(registry, "markInArbitration(uint256,bytes32)", BigInteger.valueOf(partId), caseId)
                .withPurpose("part-in-arbitration"));
    }
}
