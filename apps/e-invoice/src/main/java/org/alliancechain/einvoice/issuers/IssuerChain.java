package org.alliancechain.einvoice.issuers;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.einvoice.tax.Cents;
import org.alliancechain.evidence.HashAlgorithm;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An issuer's authorisation in InvoiceRegistry, signed by its bureau. Each change follows the
 * issuer's previous one, so the chain sees a suspension after the authorisation it suspends.
 */
@ApplicationScoped
public class IssuerChain {

    private final ChainPort chain;
    private final String registry;

    IssuerChain(ChainPort chain, @ConfigProperty(name = "chain.contracts.invoice-registry") String registry) {
        this.chain = chain;
        this.registry = registry;
    }

    /** What the chain keeps of a tax id: SHA-256 of its 18 characters (the code itself stays off chain). */
    public static byte[] taxIdDigest(String taxId) {
        return HashAlgorithm.SHA256.digest(taxId.getBytes(StandardCharsets.US_ASCII));
    }

    public long authorise(Issuer issuer, String taxId) {
        return step(issuer, call("authoriseIssuer(bytes32,bytes32,uint8,uint256)", "issuer-authorised",
                ChainIds.memberId(issuer.organisation), taxIdDigest(taxId), BigInteger.valueOf(issuer.kinds), Cents.of(issuer.quota)));
    }

    public long setLimits(Issuer issuer) {
        return step(issuer, call("setIssuerLimits(bytes32,uint8,uint256)", "issuer-limits-changed",
                ChainIds.memberId(issuer.organisation), BigInteger.valueOf(issuer.kinds), Cents.of(issuer.quota)));
    }

    public long suspend(Issuer issuer, String reason) {
        return step(issuer, call("suspendIssuer(bytes32,bytes32)", "issuer-suspended", ChainIds.memberId(issuer.organisation),
                HashAlgorithm.SHA256.digest(reason.getBytes(StandardCharsets.UTF_8))));
    }

    public long reinstate(Issuer issuer) {
        return step(issuer, call("reinstateIssuer(bytes32)", "issuer-reinstated", ChainIds.memberId(issuer.organisation)));
    }

    private ContractCall call(String function, String purpose, Object... arguments) {
        return ContractCall.of(registry, function, arguments).withPurpose(purpose);
    }

    private long step(Issuer issuer, ContractCall call) {
        long id = issuer.lastChainTxId == null ? chain.submit(issuer.bureau, call) : chain.submitAfter(issuer.lastChainTxId, issuer.bureau, call);
        issuer.lastChainTxId = id;
        return id;
    }
}
