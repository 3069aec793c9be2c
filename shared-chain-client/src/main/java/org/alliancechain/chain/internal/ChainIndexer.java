package org.alliancechain.chain.internal;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.jboss.logging.Logger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Follows each registered {@link ChainEventHandler} from its persisted checkpoint
 * {@code (block, logIndex)}: reads logs with eth_getLogs in block ranges up to the head minus the
 * confirmation depth, applies them in order in chunks, each chunk in one database transaction
 * together with the new checkpoint. A crash anywhere resumes at the last committed log: no gap,
 * no duplicate.
 */
@ApplicationScoped
public class ChainIndexer {

    private static final Logger LOG = Logger.getLogger(ChainIndexer.class);

    private final Web3j web3j;
    private final ChainConfig config;
    private final Instance<ChainEventHandler> handlers;
    private final IndexerStore store;
    private final WorkerLoop threads;

    ChainIndexer(Web3j web3j, ChainConfig config, Instance<ChainEventHandler> handlers, IndexerStore store) {
        this.web3j = web3j;
        this.config = config;
        this.handlers = handlers;
        this.store = store;
        this.threads = new WorkerLoop("indexer", LOG, config.indexer().interval(), java.time.Duration.ZERO);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.indexer().enabled() && handlers.iterator().hasNext()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public void start() {
        threads.start(java.util.Map.of("chain-indexer", this::round));
    }

    public void stop() {
        threads.stop();
    }

    public boolean isRunning() {
        return threads.isRunning();
    }

    /** Follows every handler one step from one reading of the head; true when any advanced. */
    private boolean round() {
        long head = Quantities.blockNumber(Rpc.send(web3j.ethBlockNumber())) - config.indexer().confirmations();
        boolean busy = false;
        RuntimeException failed = null;
        for (ChainEventHandler handler : handlers) {
            // One stream's failure (e.g. waiting for another stream to project what its event names) must not stop the others:
            // the stream it waits for may come later in this loop.
            try {
                busy |= follow(handler, head);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return busy;
    }

    /** Reads and applies one block range of one handler; true when it advanced. */
    boolean follow(ChainEventHandler handler, long head) {
        var signatures = new java.util.HashMap<String, AbiCodec.Signature>();
        for (String event : handler.events()) {
            var signature = AbiCodec.parse(event);
            signatures.put(signature.topic().toLowerCase(java.util.Locale.ROOT), signature);
        }
        var checkpoint = store.checkpoint(handler.stream())
                .orElse(new IndexerStore.Checkpoint(handler.startBlock() - 1, IndexerStore.BLOCK_DONE));
        long from = checkpoint.logIndex() == IndexerStore.BLOCK_DONE ? checkpoint.block() + 1 : checkpoint.block();
        if (from > head) {
            return false;
        }
        long to = Math.min(head, from + config.indexer().blocksPerRequest() - 1);
        var filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), handler.contract());
        if (signatures.size() == 1) {
            filter.addSingleTopic(signatures.values().iterator().next().topic());
        } else {
            filter.addOptionalTopics(signatures.values().stream().map(AbiCodec.Signature::topic).toArray(String[]::new));
        }
        List<ChainEvent> events = new ArrayList<>();
        for (var result : logs(filter)) {
            var log = (Log) result.get();
            long block = Quantities.of(log.getBlockNumberRaw(), "a log's block number");
            int index = Quantities.intOf(log.getLogIndexRaw(), "a log's index");
            if (block == checkpoint.block() && index <= checkpoint.logIndex()) {
                continue;
            }
            var signature = signatures.get(log.getTopics().getFirst().toLowerCase(java.util.Locale.ROOT));
            if (signature == null) {
                continue;
            }
            events.add(new ChainEvent(log.getAddress().toLowerCase(), signature.name(), block, index, log.getTransactionHash(),
                    AbiCodec.decodeEvent(signature, log.getTopics(), log.getData()), log.getTopics(), log.getData()));
        }
        events.sort((a, b) -> a.blockNumber() != b.blockNumber() ? Long.compare(a.blockNumber(), b.blockNumber())
                : Integer.compare(a.logIndex(), b.logIndex()));
        int chunk = config.indexer().logsPerTransaction();
        for (int i = 0; i < events.size(); i += chunk) {
            var part = events.subList(i, Math.min(events.size(), i + chunk));
            var last = part.getLast();
            store.apply(handler, part, new IndexerStore.Checkpoint(last.blockNumber(), last.logIndex()));
        }
        store.apply(handler, List.of(), new IndexerStore.Checkpoint(to, IndexerStore.BLOCK_DONE));
        return true;
    }

    @SuppressWarnings("rawtypes")
    private List<EthLog.LogResult> logs(EthFilter filter) {
        var reply = Rpc.send(web3j.ethGetLogs(filter));
        if (reply.hasError()) {
            throw new IllegalStateException("eth_getLogs: " + reply.getError().getMessage());
        }
        return reply.getLogs();
    }
}
