package org.alliancechain.chain.internal;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Moves outbox rows to the chain: sign (under the nonce lock, stored before sending), broadcast,
 * then reconcile receipts in batches. A node outage only delays this loop: nothing is re-signed,
 * a transaction the node lost is broadcast again byte for byte.
 */
@ApplicationScoped
public class ChainRelay {

    private static final Logger LOG = Logger.getLogger(ChainRelay.class);

    private final Web3j web3j;
    private final Credentials signer;
    private final ChainConfig config;
    private final RelayStore store;
    private volatile Long chainId;
    private volatile boolean running;
    private Thread worker;

    ChainRelay(Web3j web3j, Credentials signer, ChainConfig config, RelayStore store) {
        this.web3j = web3j;
        this.signer = signer;
        this.config = config;
        this.store = store;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("chain relay disabled on this instance");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("chain-relay").daemon().start(this::loop);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(5_000);
        }
    }

    private void loop() {
        long pauseMillis = config.relay().interval().toMillis();
        while (running) {
            try {
                tick();
            } catch (RuntimeException e) {
                // A database hiccup must not end the relay; the next round retries from the stored state.
                LOG.warnf("relay round failed, retrying: %s", e.toString());
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One relay round: sign and send what is pending, then settle what was submitted. */
    void tick() {
        try {
            for (var tx : store.signPending(signer, chainId(), this::nodeNonce)) {
                broadcast(tx);
            }
            reconcile();
        } catch (NodeUnavailableException e) {
            LOG.debugf("chain node unavailable, relay waits: %s", e.getMessage());
        }
    }

    private void broadcast(ChainTransaction tx) {
        String error;
        try {
            var reply = web3j.ethSendRawTransaction(Numeric.toHexString(tx.rawTx)).send();
            error = reply.hasError() ? reply.getError().getMessage() : null;
        } catch (IOException e) {
            LOG.debugf("broadcast of %s deferred: %s", tx.txHash, e.getMessage());
            return;
        }
        var kind = NodeReply.classify(error);
        store.markBroadcast(tx.id);
        if (!kind.inFlight()) {
            // Kept SUBMITTED: the reconciler rebroadcasts it; the signed nonce is never reused.
            LOG.warnf("node refused %s (nonce %d): %s [%s]", tx.txHash, tx.nonce, error, kind);
        }
    }

    private void reconcile() {
        var submitted = store.submitted(config.relay().batchSize() * 4);
        if (submitted.isEmpty()) {
            return;
        }
        var batch = web3j.newBatch();
        for (var tx : submitted) {
            batch.add(web3j.ethGetTransactionReceipt(tx.txHash));
        }
        List<?> responses;
        try {
            responses = new ArrayList<>(batch.send().getResponses());
        } catch (IOException e) {
            throw new NodeUnavailableException(e);
        }
        var resendBefore = Instant.now().minus(config.relay().rebroadcastAfter());
        for (int i = 0; i < submitted.size(); i++) {
            var tx = submitted.get(i);
            var receipt = ((EthGetTransactionReceipt) responses.get(i)).getTransactionReceipt();
            if (receipt.isPresent()) {
                settle(tx, receipt.get());
            } else {
                var last = tx.lastBroadcastAt != null ? tx.lastBroadcastAt : tx.submittedAt;
                if (last == null || last.isBefore(resendBefore)) {
                    broadcast(tx);
                }
            }
        }
    }

    private void settle(ChainTransaction tx, TransactionReceipt receipt) {
        boolean ok = receipt.isStatusOK();
        String reason = ok ? null : "reverted" + (receipt.getRevertReason() != null ? ": " + receipt.getRevertReason() : "");
        store.markMined(tx.id, ok, receipt.getBlockNumber().longValue(), reason);
    }

    private long chainId() {
        if (chainId == null) {
            chainId = config.chainId().orElseGet(() -> {
                try {
                    return web3j.ethChainId().send().getChainId().longValueExact();
                } catch (IOException e) {
                    throw new NodeUnavailableException(e);
                }
            });
        }
        return chainId;
    }

    private long nodeNonce() {
        try {
            return web3j.ethGetTransactionCount(signer.getAddress(), DefaultBlockParameterName.PENDING)
                    .send().getTransactionCount().longValueExact();
        } catch (IOException e) {
            throw new NodeUnavailableException(e);
        }
    }

    static final class NodeUnavailableException extends RuntimeException {
        NodeUnavailableException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
