package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import org.alliancechain.chain.api.ChainTxStatus;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** The relay's database steps, each one short transaction. Signing happens under the nonce lock. */
@ApplicationScoped
public class RelayStore {

    private final EntityManager em;
    private final ChainConfig config;

    RelayStore(EntityManager em, ChainConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * Takes the signer's nonce row under a lock, gives the oldest pending writes contiguous nonces,
     * signs them and stores raw transaction and hash — all before anything is broadcast.
     */
    @Transactional
    public List<ChainTransaction> signPending(Credentials signer, long chainId, LongSupplier nodeNonce) {
        String address = signer.getAddress();
        long next = lockNextNonce(address, nodeNonce);
        @SuppressWarnings("unchecked")
        List<ChainTransaction> pending = em.createNativeQuery("""
                select * from chain_transaction
                 where status = 'PENDING' and signer = :signer
                 order by id limit :limit for update skip locked""", ChainTransaction.class)
                .setParameter("signer", address)
                .setParameter("limit", config.relay().batchSize())
                .getResultList();
        if (pending.isEmpty()) {
            return pending;
        }
        var now = Instant.now();
        for (var tx : pending) {
            var raw = RawTransaction.createTransaction(BigInteger.valueOf(next),
                    BigInteger.valueOf(config.relay().gasPrice()), BigInteger.valueOf(config.relay().gasLimit()),
                    tx.toAddress, BigInteger.ZERO, Numeric.toHexString(tx.callData));
            byte[] signed = TransactionEncoder.signMessage(raw, chainId, signer);
            tx.nonce = next++;
            tx.rawTx = signed;
            tx.txHash = Numeric.toHexString(Hash.sha3(signed));
            tx.status = ChainTxStatus.SUBMITTED;
            tx.submittedAt = now;
        }
        em.createNativeQuery("update chain_nonce set next_nonce = :next where signer = :signer")
                .setParameter("next", next)
                .setParameter("signer", address)
                .executeUpdate();
        return pending;
    }

    private long lockNextNonce(String address, LongSupplier nodeNonce) {
        var found = em.createNativeQuery("select next_nonce from chain_nonce where signer = :signer for update")
                .setParameter("signer", address)
                .getResultList();
        if (!found.isEmpty()) {
            return ((Number) found.getFirst()).longValue();
        }
        // First use of this key: start from the node's pending count; a concurrent first use loses the insert.
        em.createNativeQuery("insert into chain_nonce (signer, next_nonce) values (:signer, :nonce) on conflict do nothing")
                .setParameter("signer", address)
                .setParameter("nonce", nodeNonce.getAsLong())
                .executeUpdate();
        return ((Number) em.createNativeQuery("select next_nonce from chain_nonce where signer = :signer for update")
                .setParameter("signer", address)
                .getSingleResult()).longValue();
    }

    @Transactional
    public List<ChainTransaction> submitted(int limit) {
        return ChainTransaction.<ChainTransaction>find("status = ?1 order by id", ChainTxStatus.SUBMITTED)
                .page(0, limit).list();
    }

    @Transactional
    public void markBroadcast(long id) {
        ChainTransaction tx = ChainTransaction.findById(id);
        tx.broadcasts++;
        tx.lastBroadcastAt = Instant.now();
    }

    @Transactional
    public void markMined(long id, boolean success, long blockNumber, String failureReason) {
        ChainTransaction tx = ChainTransaction.findById(id);
        if (tx.status != ChainTxStatus.SUBMITTED) {
            return;
        }
        tx.status = success ? ChainTxStatus.CONFIRMED : ChainTxStatus.FAILED;
        tx.blockNumber = blockNumber;
        tx.failureReason = failureReason;
        tx.confirmedAt = Instant.now();
    }
}
