package org.alliancechain.testsupport;

import java.util.HexFormat;
import java.util.List;
import org.alliancechain.localstack.SuiteContracts;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.http.HttpService;

/** Reads the chain directly, bypassing the app, to check what the app claims. */
public final class ChainProbe {

    private ChainProbe() {
    }

    /** The root anchored under a batch id, hex; null when none is. */
    public static String anchoredRoot(SuiteContracts contracts, String batchIdHex) {
        return anchorWord(contracts, batchIdHex, 0);
    }

    /**
     * The member the registry recorded as the anchoring organisation of a batch (the member of the
     * transaction's sender), hex; null when nothing is anchored.
     */
    public static String anchoringMember(SuiteContracts contracts, String batchIdHex) {
        return anchorWord(contracts, batchIdHex, 1);
    }

    /**
     * Moves the test chain's clock forward (anvil's {@code evm_increaseTime}, then a block is mined
     * so the latest block carries the new time). The shared chain never goes back: every later test
     * of the build sees the chain ahead of the wall clock, so tests and services date on-chain
     * deadlines by the chain's time (shared-service {@code ChainClock}), never by the wall clock.
     * Returns the latest block's time afterwards.
     */
    public static java.time.Instant advanceTime(SuiteContracts contracts, java.time.Duration by) {
        var web3j = Web3j.build(new HttpService(contracts.rpcUrl()));
        try {
            new org.web3j.protocol.core.Request<>("evm_increaseTime", List.of(by.toSeconds()), new HttpService(contracts.rpcUrl()),
                    org.web3j.protocol.core.methods.response.VoidResponse.class).send();
            new org.web3j.protocol.core.Request<>("evm_mine", List.of(), new HttpService(contracts.rpcUrl()),
                    org.web3j.protocol.core.methods.response.VoidResponse.class).send();
            return latestBlockTime(web3j);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("chain write failed: " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
    }

    /**
     * One JSON-RPC call to the test node, e.g. {@code rpc(contracts, "evm_setIntervalMining", "1")} for 1-s blocks in a
     * benchmark and {@code rpc(contracts, "evm_setAutomine", "true")} after it; returns the raw JSON answer.
     */
    public static String rpc(SuiteContracts contracts, String method, String paramsJson) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(contracts.rpcUrl())).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method
                            + "\",\"params\":[" + paramsJson + "]}")).build();
            try (var client = java.net.http.HttpClient.newHttpClient()) {
                return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("chain call " + method + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The latest block's time: the chain's now. */
    public static java.time.Instant chainTime(SuiteContracts contracts) {
        var web3j = Web3j.build(new HttpService(contracts.rpcUrl()));
        try {
            return latestBlockTime(web3j);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("chain read failed: " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
    }

    /** The chain's today in China Standard Time, the registries' days. */
    public static java.time.LocalDate chainToday(SuiteContracts contracts) {
        return java.time.LocalDate.ofInstant(chainTime(contracts), java.time.ZoneId.of("Asia/Shanghai"));
    }

    private static java.time.Instant latestBlockTime(Web3j web3j) throws java.io.IOException {
        return java.time.Instant.ofEpochSecond(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                .getBlock().getTimestamp().longValueExact());
    }

    /** A log as the node's receipt holds it. */
    public record ReceiptLog(String address, List<String> topics, String data, String blockHash) {
    }

    /** The log at a block-wide log index of a mined transaction's receipt, read from the node. */
    public static ReceiptLog receiptLog(SuiteContracts contracts, String transactionHash, long logIndex) {
        var web3j = Web3j.build(new HttpService(contracts.rpcUrl()));
        try {
            var receipt = web3j.ethGetTransactionReceipt(transactionHash).send().getTransactionReceipt()
                    .orElseThrow(() -> new IllegalStateException("no receipt for " + transactionHash));
            var log = receipt.getLogs().stream().filter(l -> l.getLogIndex().longValueExact() == logIndex).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no log " + logIndex + " in " + transactionHash));
            return new ReceiptLog(log.getAddress(), List.copyOf(log.getTopics()), log.getData(), receipt.getBlockHash());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("chain read failed: " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
    }

    /**
     * One 32-byte word (0-based) of what a view function with a single bytes32 argument returns — a
     * value or a struct of static fields, e.g. {@code certificateOf(id)}'s root part id (word 4) — as an
     * unsigned number; null when the answer is shorter.
     */
    public static java.math.BigInteger viewWord(String rpcUrl, String contract, String function, byte[] argument, int word) {
        var web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            String data = FunctionEncoder.encode(new Function(function, List.of(new Bytes32(argument)), List.of()));
            String result = web3j.ethCall(Transaction.createEthCallTransaction(null, contract, data), DefaultBlockParameterName.LATEST)
                    .send().getValue();
            int from = 2 + 64 * word;
            return result == null || result.length() < from + 64 ? null : new java.math.BigInteger(result.substring(from, from + 64), 16);
        } catch (Exception e) {
            throw new IllegalStateException("chain read failed: " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
    }

    /** anchorOf(bytes32) returns a static struct {root, memberId, leafCount, blockNumber, timestamp}. */
    private static String anchorWord(SuiteContracts contracts, String batchIdHex, int word) {
        var web3j = Web3j.build(new HttpService(contracts.rpcUrl()));
        try {
            String data = FunctionEncoder.encode(new Function("anchorOf",
                    List.of(new Bytes32(HexFormat.of().parseHex(batchIdHex))), List.of()));
            String result = web3j.ethCall(Transaction.createEthCallTransaction(null, contracts.anchorRegistry(), data),
                    DefaultBlockParameterName.LATEST).send().getValue();
            int from = 2 + 64 * word;
            String value = result == null || result.length() < from + 64 ? null : result.substring(from, from + 64);
            return value == null || value.equals("0".repeat(64)) ? null : value;
        } catch (Exception e) {
            throw new IllegalStateException("chain read failed: " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
    }
}
