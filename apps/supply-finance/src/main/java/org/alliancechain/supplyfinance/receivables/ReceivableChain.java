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

    public long split(String holder, long partId, long valueCents) {
        return chain.submit(holder, ContractCall.of(registry, "split(uint256,uint256)", BigInteger.valueOf(partId), BigInteger.valueOf(valueCents))
                .withPurpose("part-split"));
    }

    public long offer(String holder, long partId, long valueCents, String recipient, long expiresAtEpochSecond) {
        return chain.submit(holder, ContractCall.of(registry, "offer(uint256,uint256,address,uint64)", BigInteger.valueOf(partId),
                BigInteger.valueOf(valueCents), accountOf(recipient), BigInteger.valueOf(expiresAtEpochSecond)).withPurpose("part-offered"));
    }

    /** accept, reject (recipient) or withdraw (splitter) an offer. Writes on one part by one organisation keep their order by its key's nonces. */
    public long closeOffer(String organisation, String step, long pendingPartId) {
        return chain.submit(organisation, ContractCall.of(registry, step + "Offer(uint256)", BigInteger.valueOf(pendingPartId))
                .withPurpose("offer-" + step));
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
