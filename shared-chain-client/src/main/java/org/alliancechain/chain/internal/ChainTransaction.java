package org.alliancechain.chain.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ChainTxView;

/** One chain write in the outbox; its raw transaction is stored before it is ever broadcast. */
@Entity
@Table(name = "chain_transaction")
public class ChainTransaction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public String signer;

    @Column(name = "to_address", nullable = false)
    public String toAddress;

    @Column(name = "call_data", nullable = false)
    public byte[] callData;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChainTxStatus status;

    public Long nonce;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "raw_tx")
    public byte[] rawTx;

    @Column(name = "block_number")
    public Long blockNumber;

    @Column(name = "failure_reason")
    public String failureReason;

    public int broadcasts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "last_broadcast_at")
    public Instant lastBroadcastAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public ChainTxView view() {
        return new ChainTxView(id, purpose, status, txHash, blockNumber, failureReason, createdAt, confirmedAt);
    }
}
