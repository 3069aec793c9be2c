package org.alliancechain.supplyfinance.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ContractCall;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settlement and default in ReceivableRegistry, one method per contract function. */
@ApplicationScoped
public class SettlementChain {

    /** ReceivableRegistry settles this many parts per transaction (SETTLE_BATCH). */
    static final int PARTS_PER_TRANSACTION = 100;

    private final ChainPort chain;
    private final String registry;

    SettlementChain(ChainPort chain, @ConfigProperty(name = "chain.contracts.receivable-registry") String registry) {
        this.chain = chain;
        this.registry = registry;
    }

    /** The core enterprise records its payment: every part is settled to its holder (the first hundred in this transaction). */
    long recordSettlement(String core, byte[] confirmationId, byte[] paymentProofDigest) {
        return chain.submit(core, ContractCall.of(registry, "recordSettlement(bytes32,bytes32)", confirmationId, paymentProofDigest)
                .withPurpose("settlement-recorded"));
    }

    /** Settles more parts of a certificate being settled (anyone may; this service does, with its own key). */
    long settleParts(byte[] confirmationId) {
        return chain.submit(ContractCall.of(registry, "settleParts(bytes32,uint256)", confirmationId, BigInteger.valueOf(PARTS_PER_TRANSACTION))
                .withPurpose("settlement-parts"));
    }

    /** Marks an unpaid certificate overdue after its payment date and the grace days (anyone may; this service does). */
    long markOverdue(byte[] confirmationId) {
        return chain.submit(ContractCall.of(registry, "markOverdue(bytes32)", confirmationId).withPurpose("certificate-overdue"));
    }
}
