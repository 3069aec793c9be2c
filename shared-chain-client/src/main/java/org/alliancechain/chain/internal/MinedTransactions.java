package org.alliancechain.chain.internal;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthGetBlockReceipts;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * Finds which transactions new blocks hold and whether each succeeded, a whole block per request,
 * by the method that is cheap on the node at hand (ADR 0005): {@code trace_block} on anvil, whose
 * receipts cost grows with the square of the block, {@code eth_getBlockReceipts} elsewhere; when the
 * node serves neither, the relay falls back to one receipt per transaction.
 */
final class MinedTransactions {

    private static final Logger LOG = Logger.getLogger(MinedTransactions.class);

    /** Whether a mined transaction succeeded, from its receipt or from its top-level call trace. */
    record Mined(long block, boolean success) {
        static Mined of(TransactionReceipt receipt) {
            return new Mined(Quantities.of(receipt.getBlockNumberRaw(), "a receipt's block number"), Quantities.succeeded(receipt.getStatus()));
        }
    }

    private final Web3j web3j;
    private final HttpService rpc;
    private final ChainConfig.ReceiptSource configured;
    /** Resolved at the first use (auto: by the node's client version); PER_TRANSACTION once the node refused. */
    private volatile ChainConfig.ReceiptSource source;

    MinedTransactions(Web3j web3j, HttpService rpc, ChainConfig.ReceiptSource configured) {
        this.web3j = web3j;
        this.rpc = rpc;
        this.configured = configured;
    }

    /** False when transactions must be looked up one by one. */
    boolean blockwise() {
        return source() != ChainConfig.ReceiptSource.PER_TRANSACTION;
    }

    /** The transactions mined in blocks from..to, by hash; null when the node turned out to serve neither method. */
    Map<String, Mined> in(long from, long to) {
        var method = source();
        var byHash = new HashMap<String, Mined>();
        var batch = web3j.newBatch();
        for (long b = from; b <= to; b++) {
            var number = DefaultBlockParameter.valueOf(BigInteger.valueOf(b));
            batch.add(method == ChainConfig.ReceiptSource.TRACE_BLOCK
                    ? new Request<>("trace_block", List.of(number.getValue()), rpc, BlockTraces.class)
                    : web3j.ethGetBlockReceipts(number));
        }
        for (var reply : Rpc.send(batch).getResponses()) {
            if (reply.hasError()) {
                LOG.infof("node does not serve %s (%s); looking up receipts per transaction", method, reply.getError().getMessage());
                source = ChainConfig.ReceiptSource.PER_TRANSACTION;
                return null;
            }
            if (reply instanceof BlockTraces traces) {
                for (var call : traces.getResult()) {
                    if (call.traceAddress == null || call.traceAddress.isEmpty()) {
                        byHash.put(call.transactionHash, new Mined(call.blockNumber, call.error == null));
                    }
                }
            } else {
                ((EthGetBlockReceipts) reply).getBlockReceipts()
                        .ifPresent(list -> list.forEach(r -> byHash.put(r.getTransactionHash(), Mined.of(r))));
            }
        }
        return byHash;
    }

    private ChainConfig.ReceiptSource source() {
        if (source == null) {
            source = configured != ChainConfig.ReceiptSource.AUTO ? configured
                    : Rpc.send(web3j.web3ClientVersion()).getWeb3ClientVersion().toLowerCase(Locale.ROOT).startsWith("anvil")
                            ? ChainConfig.ReceiptSource.TRACE_BLOCK : ChainConfig.ReceiptSource.BLOCK_RECEIPTS;
            LOG.infof("finding mined transactions with %s", source);
        }
        return source;
    }

    /** The reply of trace_block: every call of every transaction in the block, of which only the top-level ones are read. */
    public static class BlockTraces extends Response<List<CallTrace>> {
    }

    /** One call of a trace_block reply; {@code error} is set when the call failed (for the top-level call: the transaction reverted). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public static class CallTrace {
        public String transactionHash;
        public long blockNumber;
        public List<Integer> traceAddress;
        public String error;
    }
}
