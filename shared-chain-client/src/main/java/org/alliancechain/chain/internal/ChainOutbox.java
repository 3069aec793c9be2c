package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ChainTxView;
import org.alliancechain.contracts.generated.AnchorRegistry;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/** {@link ChainPort} backed by the outbox table: submitting is an insert in the caller's transaction. */
@ApplicationScoped
public class ChainOutbox implements ChainPort {

    private final ChainConfig config;
    private final Credentials signer;

    ChainOutbox(ChainConfig config, Credentials signer) {
        this.config = config;
        this.signer = signer;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long submitAnchor(byte[] batchId, byte[] root, int leafCount) {
        requireWord("batchId", batchId);
        requireWord("root", root);
        if (leafCount < 1) {
            throw new IllegalArgumentException("leafCount must be at least 1");
        }
        var call = new Function(AnchorRegistry.FUNC_ANCHOR,
                List.of(new Bytes32(batchId), new Bytes32(root), new Uint32(leafCount)), List.of());
        return enqueue("anchor", config.contracts().anchorRegistry(), FunctionEncoder.encode(call));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ChainTxView> status(long chainTxId) {
        return ChainTransaction.<ChainTransaction>findByIdOptional(chainTxId).map(ChainTransaction::view);
    }

    private long enqueue(String purpose, String to, String encodedCall) {
        var tx = new ChainTransaction();
        tx.purpose = purpose;
        tx.signer = signer.getAddress();
        tx.toAddress = to;
        tx.callData = Numeric.hexStringToByteArray(encodedCall);
        tx.status = ChainTxStatus.PENDING;
        tx.createdAt = Instant.now();
        tx.persist();
        return tx.id;
    }

    private static void requireWord(String name, byte[] value) {
        if (value == null || value.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes");
        }
    }
}
