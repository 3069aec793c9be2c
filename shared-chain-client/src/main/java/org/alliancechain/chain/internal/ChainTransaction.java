package org.alliancechain.chain.internal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ChainTxView;

/** Read model of one outbox row (the relay writes it with plain JDBC, in batches). */
@Entity
@Table(name = "chain_transaction")
public class ChainTransaction extends PanacheEntityBase {

    @Id
    public Long id;

    public String purpose;

    public String signer;

    @Column(name = "to_address")
    public String toAddress;

    @Enumerated(EnumType.STRING)
    public ChainTxStatus status;

    public Long nonce;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "block_number")
    public Long blockNumber;

    @Column(name = "failure_reason")
    public String failureReason;

    public int broadcasts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public ChainTxView view() {
        return new ChainTxView(id, purpose, status, txHash, blockNumber, failureReason, createdAt, confirmedAt);
    }
}
