package org.alliancechain.chain.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.chain.custody.TransactionSigner;
import org.jboss.logging.Logger;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Moves outbox rows to the chain: close notarisation batches, sign (under the nonce lock, stored
 * before sending), broadcast in JSON-RPC batches, then settle receipts polled in batches. A node
 * outage only delays this loop. Nothing is ever re-signed with a nonce that might still be mined:
 * a transaction the node lost is broadcast again byte for byte.
 */
@ApplicationScoped
public class ChainRelay {

    private static final Logger LOG = Logger.getLogger(ChainRelay.class);
    private static final int RPC_BATCH = 500;

    private final Web3j web3j;
    private final org.web3j.protocol.http.HttpService rpc;
    private final TransactionSigner signer;
    private final ChainConfig config;
    private final RelayStore store;
    private final NotarisationBatches batches;
    private final NodeInfo node;
    private final FaultHooks faults;
    private final Timer receiptLatency;
    private final Counter confirmed;
    private final Counter failed;
    private final Counter rebroadcasts;
    private final Counter refused;
    private final AtomicLong openWrites = new AtomicLong();
    private final AtomicLong oldestOpenMillis = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private volatile Instant gaugesAt = Instant.EPOCH;
    private volatile long polledBlock = -1;
    private volatile Instant polledAt = Instant.EPOCH;

    ChainRelay(Web3j web3j, org.web3j.protocol.http.HttpService rpc, TransactionSigner signer, ChainConfig config, RelayStore store, NotarisationBatches batches,
               NodeInfo node, FaultHooks faults, MeterRegistry registry) {
        this.web3j = web3j;
        this.rpc = rpc;
        this.signer = signer;
        this.config = config;
        this.store = store;
        this.batches = batches;
        this.node = node;
        this.faults = faults;
        this.receiptLatency = Timer.builder("chain.receipt.latency")
                .description("From signing to the receipt being recorded").publishPercentiles(0.5, 0.99).register(registry);
        this.confirmed = Counter.builder("chain.transactions").tag("outcome", "confirmed").register(registry);
        this.failed = Counter.builder("chain.transactions").tag("outcome", "failed").register(registry);
        this.rebroadcasts = Counter.builder("chain.transactions").tag("outcome", "rebroadcast").register(registry);
        this.refused = Counter.builder("chain.transactions").tag("outcome", "refused-by-node").register(registry);
        registry.gauge("chain.outbox.open", openWrites);
        registry.gauge("chain.outbox.oldest.age.seconds", oldestOpenMillis, v -> v.get() / 1000.0);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relay().enabled()) {
            start();
        } else {
            LOG.info("chain relay disabled on this instance");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the relay thread (again, after a simulated crash). */
    public synchronized void start() {
        if (worker != null && worker.isAlive()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("chain-relay").daemon().start(this::loop);
    }

    public synchronized void stop() {
        running = false;
        Thread w = worker;
        if (w != null) {
            w.interrupt();
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        Thread w = worker;
        return w != null && w.isAlive();
    }

    private void loop() {
        long pause = config.relay().interval().toMillis();
        while (running) {
            boolean busy = false;
            try {
                busy = tick();
            } catch (FaultHooks.SimulatedCrash crash) {
                LOG.warnf("%s", crash.getMessage());
                return; // the thread ends here, as the process would
            } catch (NodeUnavailableException e) {
                LOG.debugf("chain node unavailable, relay waits: %s", e.getMessage());
                pause(500);
            } catch (RuntimeException e) {
                // A database or node hiccup must not end the relay; the next round resumes from the stored state.
                LOG.warnf("relay round failed, retrying: %s", e.toString());
                pause(500);
            }
            if (!busy) {
                pause(pause);
            }
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /** One round; true when there was work, so the loop goes on without pausing. */
    public boolean tick() {
        int batched = batches.closeBatch();
        faults.reached(FaultHooks.Point.BEFORE_SIGNING);
        var signed = store.signPending(signer, node.chainId(), this::nodeNonce);
        faults.reached(FaultHooks.Point.AFTER_SIGNING_BEFORE_SENDING);
        broadcast(signed, false);
        int settled = reconcile();
        refreshGauges();
        return batched > 0 || !signed.isEmpty() || settled > 0;
    }

    private void broadcast(List<RelayStore.Signed> txs, boolean again) {
        for (int from = 0; from < txs.size(); from += RPC_BATCH) {
            var chunk = txs.subList(from, Math.min(txs.size(), from + RPC_BATCH));
            var batch = web3j.newBatch();
            chunk.forEach(t -> batch.add(web3j.ethSendRawTransaction(Numeric.toHexString(t.rawTx()))));
            List<? extends Response<?>> replies;
            try {
                replies = batch.send().getResponses();
            } catch (IOException e) {
                throw new NodeUnavailableException(e);
            }
            faults.reached(FaultHooks.Point.AFTER_SENDING);
            List<Long> sent = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                var t = chunk.get(i);
                var reply = (EthSendTransaction) replies.get(i);
                String error = reply.hasError() ? reply.getError().getMessage() : null;
                var kind = NodeReply.classify(error);
                if (kind.inFlight()) {
                    sent.add(t.id());
                } else {
                    refused.increment();
                    handleRefusal(t, error, kind);
                }
            }
            store.markBroadcast(sent);
            if (again) {
                rebroadcasts.increment(sent.size());
            }
        }
    }

    /** A refused transaction stays SUBMITTED unless the node will never take it and its nonce blocks the others. */
    private void handleRefusal(RelayStore.Signed tx, String error, NodeReply kind) {
        long latest = accountNonce(DefaultBlockParameterName.LATEST);
        if (latest == tx.nonce()) {
            LOG.warnf("node refuses %s (nonce %d) for good: %s [%s]; filling the nonce", tx.txHash(), tx.nonce(), error, kind);
            var filler = store.fillGap(tx.id(), tx.nonce(), "refused by the node: " + error, signer, node.chainId());
            if (filler != null) {
                broadcast(List.of(filler), false);
            }
        } else {
            LOG.warnf("node refused %s (nonce %d): %s [%s]; will retry", tx.txHash(), tx.nonce(), error, kind);
        }
    }

    /**
     * Polls receipts of submitted transactions in batches — only when a new block arrived (or now and
     * then, to rebroadcast what the node lost); returns the number settled.
     */
    private int reconcile() {
        long head = blockNumber();
        var now0 = Instant.now();
        if (head == polledBlock && now0.isBefore(polledAt.plus(Duration.ofSeconds(1)))) {
            return 0;
        }
        var submitted = store.submitted(signer.address(), config.relay().maxInFlight());
        polledBlock = head;
        polledAt = now0;
        if (submitted.isEmpty()) {
            return 0;
        }
        List<RelayStore.Settlement> settlements = new ArrayList<>();
        List<RelayStore.Signed> resend = new ArrayList<>();
        var now = Instant.now();
        var resendBefore = now.minus(config.relay().rebroadcastAfter());
        var neverSentBefore = now.minus(Duration.ofSeconds(2));
        for (int from = 0; from < submitted.size(); from += RPC_BATCH) {
            var chunk = submitted.subList(from, Math.min(submitted.size(), from + RPC_BATCH));
            var batch = web3j.newBatch();
            chunk.forEach(t -> batch.add(web3j.ethGetTransactionReceipt(t.txHash())));
            List<? extends Response<?>> replies;
            try {
                replies = batch.send().getResponses();
            } catch (IOException e) {
                throw new NodeUnavailableException(e);
            }
            for (int i = 0; i < chunk.size(); i++) {
                var t = chunk.get(i);
                var receipt = ((EthGetTransactionReceipt) replies.get(i)).getTransactionReceipt();
                if (receipt.isPresent()) {
                    settlements.add(settlement(t, receipt.get()));
                    receiptLatency.record(Duration.between(t.submittedAt(), now));
                } else if (t.lastBroadcastAt() == null ? t.submittedAt().isBefore(neverSentBefore)
                        : t.lastBroadcastAt().isBefore(resendBefore)) {
                    resend.add(t);
                }
            }
        }
        int settled = store.settle(settlements);
        settlements.forEach(s -> (s.success() ? confirmed : failed).increment());
        if (!resend.isEmpty()) {
            resendOrRequeue(resend);
        }
        return settled;
    }

    /**
     * Unmined transactions: broadcast the same bytes again — unless the node's account nonce has
     * already passed them and the node does not know them, which means another transaction took
     * the nonce; only then is the write signed anew.
     */
    private void resendOrRequeue(List<RelayStore.Signed> txs) {
        long latest = accountNonce(DefaultBlockParameterName.LATEST);
        List<RelayStore.Signed> again = new ArrayList<>();
        for (var t : txs) {
            if (t.nonce() < latest && unknownToNode(t.txHash())) {
                LOG.warnf("nonce %d of %s was used by another transaction; signing the write again", t.nonce(), signer.address());
                store.requeue(t.id(), "nonce " + t.nonce() + " was used by another transaction; re-signed");
            } else {
                again.add(t);
            }
        }
        broadcast(again, true);
    }

    private RelayStore.Settlement settlement(RelayStore.Signed t, TransactionReceipt receipt) {
        long block = receipt.getBlockNumber().longValueExact();
        if (receipt.isStatusOK()) {
            return new RelayStore.Settlement(t.id(), true, block, null);
        }
        return new RelayStore.Settlement(t.id(), false, block, revertReason(t, block));
    }

    /**
     * Reads the revert data of a failed transaction: from the node's call trace where it offers one
     * (anvil, Besu with DEBUG), else by replaying the call on the state of its block.
     */
    private String revertReason(RelayStore.Signed t, long block) {
        try {
            var trace = new org.web3j.protocol.core.Request<>("debug_traceTransaction",
                    List.of(t.txHash(), java.util.Map.of("tracer", "callTracer")), rpc, TraceResponse.class).send();
            if (!trace.hasError() && trace.getResult() != null && trace.getResult().get("output") instanceof String output
                    && output.length() > 2) {
                return AbiCodec.describeRevert(output);
            }
            var raw = TransactionDecoder.decode(Numeric.toHexString(t.rawTx()));
            var call = Transaction.createEthCallTransaction(signer.address(), raw.getTo(), raw.getData());
            var reply = web3j.ethCall(call, DefaultBlockParameter.valueOf(java.math.BigInteger.valueOf(block))).send();
            String data = reply.hasError() && reply.getError().getData() != null
                    ? String.valueOf(reply.getError().getData()).replace("\"", "") : null;
            return data != null ? AbiCodec.describeRevert(data)
                    : reply.hasError() ? "reverted: " + reply.getError().getMessage() : "reverted without a reason";
        } catch (Exception e) {
            return "reverted (reason unavailable: " + e.getMessage() + ")";
        }
    }

    /** The result of debug_traceTransaction with the call tracer. */
    public static class TraceResponse extends Response<java.util.Map<String, Object>> {
    }

    private boolean unknownToNode(String txHash) {
        try {
            return web3j.ethGetTransactionByHash(txHash).send().getTransaction().isEmpty();
        } catch (IOException e) {
            throw new NodeUnavailableException(e);
        }
    }

    private long blockNumber() {
        try {
            return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        } catch (IOException e) {
            throw new NodeUnavailableException(e);
        }
    }

    private long nodeNonce() {
        return accountNonce(DefaultBlockParameterName.PENDING);
    }

    private long accountNonce(DefaultBlockParameterName at) {
        try {
            return web3j.ethGetTransactionCount(signer.address(), at).send().getTransactionCount().longValueExact();
        } catch (IOException e) {
            throw new NodeUnavailableException(e);
        }
    }

    private void refreshGauges() {
        var now = Instant.now();
        if (now.isAfter(gaugesAt.plusSeconds(1))) {
            long[] open = store.openCountAndOldestAgeMillis();
            openWrites.set(open[0]);
            oldestOpenMillis.set(open[1]);
            gaugesAt = now;
        }
    }
}
