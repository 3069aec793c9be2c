package org.alliancechain.chain.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
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
    /** Beyond this many new blocks, looking up each open transaction is cheaper than reading whole blocks. */
    private static final long MAX_BLOCKS_SCANNED = 64;
    private static final Duration FOLLOWER_SWEEP = Duration.ofSeconds(5);

    private final Web3j web3j;
    private final org.web3j.protocol.http.HttpService rpc;
    private final Signers signers;
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
    private final WorkerLoop threads;
    private final MinedTransactions mined;
    private volatile Instant gaugesAt = Instant.EPOCH;
    private volatile Instant sweptAt = Instant.EPOCH;
    /** Blocks up to here have had their receipts read; -1 until the first full look-up. */
    private volatile long scannedTo = -1;
    private volatile Instant polledAt = Instant.EPOCH;

    ChainRelay(Web3j web3j, org.web3j.protocol.http.HttpService rpc, Signers signers, ChainConfig config, RelayStore store, NotarisationBatches batches,
               NodeInfo node, FaultHooks faults, MeterRegistry registry) {
        this.web3j = web3j;
        this.rpc = rpc;
        this.signers = signers;
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
        this.threads = new WorkerLoop("relay", LOG, config.relay().interval(), Duration.ofMillis(500));
        this.mined = new MinedTransactions(web3j, rpc, config.relay().receiptSource());
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

    /**
     * Starts the relay (again, after a simulated crash): one thread signs and sends, another settles
     * receipts, so reading large blocks never holds up the next transactions.
     */
    public void start() {
        threads.start(java.util.Map.of("chain-relay-send", this::sendRound, "chain-relay-settle", this::settleRound),
                java.util.Map.of("chain-relay-settle", config.relay().settleInterval()));
    }

    public void stop() {
        threads.stop();
    }

    /** True while either relay thread is alive. */
    public boolean isRunning() {
        return threads.isRunning();
    }

    /** One full round (send, then settle) — what each of two relay instances does in the two-relay test. */
    public boolean tick() {
        boolean sent = sendRound();
        return settleRound() || sent;
    }

    /** Closes notarisation batches, signs what is pending (key by key) and broadcasts it. */
    boolean sendRound() {
        int batched = batches.closeBatch();
        boolean sentAny = sweepFollowersOfFailed();
        for (String address : store.signersWithPending()) {
            TransactionSigner signer = signers.byAddress(address);
            if (signer == null) {
                continue;
            }
            faults.reached(FaultHooks.Point.BEFORE_SIGNING);
            var signed = store.signPending(signer, node.chainId(), () -> accountNonce(address, DefaultBlockParameterName.PENDING));
            faults.reached(FaultHooks.Point.AFTER_SIGNING_BEFORE_SENDING);
            broadcast(signed, false);
            sentAny |= !signed.isEmpty();
        }
        return batched > 0 || sentAny;
    }

    /**
     * The followers of a failed write fail when it does ({@link RelayStore#settle}); this sweep, at
     * start and every few seconds rather than every round, catches a follower that was committed
     * while the write it follows was failing.
     */
    private boolean sweepFollowersOfFailed() {
        var now = Instant.now();
        if (now.isBefore(sweptAt.plus(FOLLOWER_SWEEP))) {
            return false;
        }
        sweptAt = now;
        return store.failFollowersOfFailed() > 0;
    }

    /** Settles receipts, rebroadcasts what the node lost, refreshes the gauges. */
    boolean settleRound() {
        int settled = reconcile();
        refreshGauges();
        return settled > 0;
    }

    private void broadcast(List<RelayStore.Signed> txs, boolean again) {
        for (int from = 0; from < txs.size(); from += RPC_BATCH) {
            var chunk = txs.subList(from, Math.min(txs.size(), from + RPC_BATCH));
            var batch = web3j.newBatch();
            chunk.forEach(t -> batch.add(web3j.ethSendRawTransaction(Numeric.toHexString(t.rawTx()))));
            List<? extends Response<?>> replies = Rpc.send(batch).getResponses();
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
        long latest = accountNonce(tx.signer(), DefaultBlockParameterName.LATEST);
        TransactionSigner signer = signers.byAddress(tx.signer());
        if (latest == tx.nonce() && signer != null) {
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
     * Settles submitted transactions from their receipts. When new blocks arrived, their receipts
     * are read whole (eth_getBlockReceipts, one call per block); transactions still without a
     * receipt after the rebroadcast delay are looked up one by one and, if the node lost them,
     * broadcast again. After a start (or a long gap) every submitted transaction is looked up once.
     */
    private int reconcile() {
        long head = blockNumber();
        var now = Instant.now();
        boolean newBlocks = head > scannedTo;
        if (!newBlocks && now.isBefore(polledAt.plus(Duration.ofSeconds(1)))) {
            return 0;
        }
        polledAt = now;
        long t0 = System.nanoTime();
        // The oldest open writes of all keys; beyond this bound the rest are settled in later rounds.
        var submitted = store.submitted(config.relay().maxInFlight() * 4);
        long t1 = System.nanoTime();
        if (submitted.isEmpty()) {
            scannedTo = head;
            return 0;
        }
        List<RelayStore.Settlement> settlements = new ArrayList<>();
        List<RelayStore.Signed> open = new ArrayList<>();
        if (scannedTo >= 0 && head - scannedTo <= MAX_BLOCKS_SCANNED && mined.blockwise()) {
            var receipts = mined.in(scannedTo + 1, head);
            LOG.debugf("settle: %d open loaded in %d ms, receipts of blocks %d..%d read in %d ms", submitted.size(),
                    (t1 - t0) / 1_000_000, scannedTo + 1, head, (System.nanoTime() - t1) / 1_000_000);
            if (receipts != null) {
                for (var t : submitted) {
                    var receipt = receipts.get(t.txHash());
                    if (receipt != null) {
                        settlements.add(settlement(t, receipt));
                        receiptLatency.record(Duration.between(t.submittedAt(), now));
                    } else {
                        open.add(t);
                    }
                }
            } else {
                open.addAll(submitted);
            }
        } else {
            open.addAll(submitted);
        }
        boolean fullLookup = scannedTo < 0 || head - scannedTo > MAX_BLOCKS_SCANNED || !mined.blockwise();
        scannedTo = head;
        var resendBefore = now.minus(config.relay().rebroadcastAfter());
        List<RelayStore.Signed> stale = open.stream()
                .filter(t -> lastSent(t).isBefore(resendBefore))
                .toList();
        List<RelayStore.Signed> lookUp = fullLookup ? open : new ArrayList<>();
        List<RelayStore.Signed> resend = new ArrayList<>();
        if (!fullLookup && !stale.isEmpty()) {
            sortStale(stale, lookUp, resend);
        }
        for (int from = 0; from < lookUp.size(); from += RPC_BATCH) {
            var chunk = lookUp.subList(from, Math.min(lookUp.size(), from + RPC_BATCH));
            var batch = web3j.newBatch();
            chunk.forEach(t -> batch.add(web3j.ethGetTransactionReceipt(t.txHash())));
            List<? extends Response<?>> replies = Rpc.send(batch).getResponses();
            for (int i = 0; i < chunk.size(); i++) {
                var t = chunk.get(i);
                var receipt = ((EthGetTransactionReceipt) replies.get(i)).getTransactionReceipt();
                if (receipt.isPresent()) {
                    settlements.add(settlement(t, MinedTransactions.Mined.of(receipt.get())));
                    receiptLatency.record(Duration.between(t.submittedAt(), now));
                } else if (lastSent(t).isBefore(resendBefore)) {
                    resend.add(t);
                }
            }
        }
        long t2 = System.nanoTime();
        int settled = store.settle(settlements);
        LOG.debugf("settle: %d looked up, %d settled in %d ms, %d to resend; round %d ms", lookUp.size(), settled,
                (System.nanoTime() - t2) / 1_000_000, resend.size(), (System.nanoTime() - t0) / 1_000_000);
        settlements.forEach(st -> (st.success() ? confirmed : failed).increment());
        if (!resend.isEmpty()) {
            resendOrRequeue(store.withRawTransactions(resend));
        }
        return settled;
    }

    /**
     * Sorts transactions that have waited past the rebroadcast delay by two account nonces instead
     * of one look-up each: below the mined nonce but absent from the scanned blocks → look up the
     * receipt; at or above the pool's pending nonce → the node lost it, broadcast again; in between
     * → still queued in the node's pool behind a backlog, leave it alone (sending it again would only
     * make a busy node do the work twice).
     */
    private void sortStale(List<RelayStore.Signed> stale, List<RelayStore.Signed> lookUp, List<RelayStore.Signed> resend) {
        Map<String, long[]> nonces = new HashMap<>();
        for (var t : stale) {
            long[] n = nonces.computeIfAbsent(t.signer(), a -> new long[] {
                    accountNonce(a, DefaultBlockParameterName.LATEST), accountNonce(a, DefaultBlockParameterName.PENDING)});
            long latest = n[0];
            long pending = n[1];
            if (t.nonce() < latest) {
                lookUp.add(t);
            } else if (t.nonce() >= pending) {
                resend.add(t);
            }
        }
    }

    /** When the transaction was last broadcast, or signed if it never was (a crash between the two). */
    private static Instant lastSent(RelayStore.Signed t) {
        return t.lastBroadcastAt() != null ? t.lastBroadcastAt() : t.submittedAt();
    }

    /**
     * Unmined transactions: broadcast the same bytes again — unless the node's account nonce has
     * already passed them and the node does not know them, which means another transaction took
     * the nonce; only then is the write signed anew.
     */
    private void resendOrRequeue(List<RelayStore.Signed> txs) {
        Map<String, Long> latestBySigner = new HashMap<>();
        List<RelayStore.Signed> again = new ArrayList<>();
        for (var t : txs.stream().sorted(Comparator.comparing(RelayStore.Signed::signer)
                .thenComparingLong(RelayStore.Signed::nonce)).toList()) {
            long latest = latestBySigner.computeIfAbsent(t.signer(), a -> accountNonce(a, DefaultBlockParameterName.LATEST));
            if (t.nonce() < latest && unknownToNode(t.txHash())) {
                LOG.warnf("nonce %d of %s was used by another transaction; signing the write again", t.nonce(), t.signer());
                store.requeue(t.id(), "nonce " + t.nonce() + " was used by another transaction; re-signed");
            } else {
                again.add(t);
            }
        }
        broadcast(again, true);
    }

    private RelayStore.Settlement settlement(RelayStore.Signed t, MinedTransactions.Mined mined) {
        if (mined.success()) {
            return new RelayStore.Settlement(t.id(), true, mined.block(), null);
        }
        return new RelayStore.Settlement(t.id(), false, mined.block(), revertReason(t, mined.block()));
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
            var raw = TransactionDecoder.decode(Numeric.toHexString(store.withRawTransactions(List.of(t)).getFirst().rawTx()));
            var call = Transaction.createEthCallTransaction(t.signer(), raw.getTo(), raw.getData());
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
        return Rpc.send(web3j.ethGetTransactionByHash(txHash)).getTransaction().isEmpty();
    }

    private long blockNumber() {
        return Quantities.blockNumber(Rpc.send(web3j.ethBlockNumber()));
    }

    private long accountNonce(String address, DefaultBlockParameterName at) {
        return Quantities.of(Rpc.send(web3j.ethGetTransactionCount(address, at)).getResult(), "a transaction count");
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
