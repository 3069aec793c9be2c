package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainTxView;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.chain.api.NotarisationView;
import org.alliancechain.chain.custody.TransactionSigner;
import org.web3j.utils.Numeric;

/** {@link ChainPort} backed by the outbox tables: submitting is an insert in the caller's transaction. */
@ApplicationScoped
public class ChainOutbox implements ChainPort {

    private final DataSource dataSource;
    private final Signers signers;
    private final NotarisationBatches batches;
    private final ChainConfig config;
    private final NodeInfo node;

    ChainOutbox(DataSource dataSource, Signers signers, NotarisationBatches batches, ChainConfig config, NodeInfo node) {
        this.dataSource = dataSource;
        this.signers = signers;
        this.batches = batches;
        this.config = config;
        this.node = node;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long submit(String organisation, ContractCall call) {
        return submit(signers.forOrganisation(organisation), call);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long submit(ContractCall call) {
        return submit(signers.serviceKey(), call, null);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long submitAfter(long previous, String organisation, ContractCall call) {
        return submit(signers.forOrganisation(organisation), call, previous);
    }

    @Override
    public String accountOf(String organisation) {
        return signers.forOrganisation(organisation).address().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public java.util.Set<String> organisations() {
        return signers.organisations();
    }

    @Override
    public Optional<String> organisationOf(String account) {
        return signers.organisationOf(account);
    }

    private long submit(TransactionSigner signer, ContractCall call) {
        return submit(signer, call, null);
    }

    private long submit(TransactionSigner signer, ContractCall call, Long after) {
        byte[] data = Numeric.hexStringToByteArray(AbiCodec.encode(call));
        return OutboxSql.insertTransaction(dataSource, call.purpose(), signer.address(), call.contract().toLowerCase(), data, after);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long notarise(String organisation, byte[] itemDigest) {
        return notariseAll(signers.forOrganisation(organisation), List.of(itemDigest))[0];
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long notarise(byte[] itemDigest) {
        return notariseAll(signers.serviceKey(), List.of(itemDigest))[0];
    }

    /** Queues many items of one organisation in one statement (bulk registration). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long[] notariseAll(String organisation, List<byte[]> itemDigests) {
        return notariseAll(signers.forOrganisation(organisation), itemDigests);
    }

    /** Queues many items under the service's own key in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long[] notariseAll(List<byte[]> itemDigests) {
        return notariseAll(signers.serviceKey(), itemDigests);
    }

    private long[] notariseAll(TransactionSigner signer, List<byte[]> itemDigests) {
        for (byte[] digest : itemDigests) {
            if (digest == null || digest.length != 32) {
                throw new IllegalArgumentException("an item digest must be 32 bytes");
            }
        }
        try (var c = dataSource.getConnection()) {
            return itemDigests.size() >= config.notarisation().ownBatchFrom()
                    ? batches.insertBatched(c, signer.address(), itemDigests)
                    : NotarisationBatches.insertItems(c, signer.address(), itemDigests, null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue notarisation items: " + e.getMessage(), e);
        }
    }

    @Override
    @Transactional
    public Optional<ChainTxView> status(long chainTxId) {
        return ChainTransaction.<ChainTransaction>findByIdOptional(chainTxId).map(ChainTransaction::view);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NotarisationView> notarisation(long itemId) {
        return batches.itemView(itemId, config.contracts().anchorRegistry(), node.chainId());
    }
}
