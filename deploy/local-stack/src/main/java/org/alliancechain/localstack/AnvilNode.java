package org.alliancechain.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real anvil node (Foundry, from the npm package) on loopback. Gas price and base fee are zero,
 * like a permissioned Besu network, so accounts need no funding.
 */
public final class AnvilNode implements AutoCloseable {

    public static final long CHAIN_ID = 31337;

    private final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    private AnvilNode(int port, List<String> command, Path log) {
        this.port = port;
        this.command = command;
        this.log = log;
    }

    /**
     * @param port      0 for a free port
     * @param stateFile keeps chain state across restarts when present
     * @param blockTime interval mining in seconds; empty for one block per transaction
     */
    public static AnvilNode start(int port, Optional<Path> stateFile, Optional<Double> blockTime, Path logDir) {
        return start(port, stateFile, blockTime, logDir, Optional.empty());
    }

    /**
     * @param genesis the time of a new chain's first block (a demo chain with a past); ignored when the
     *                state file already holds a chain
     */
    public static AnvilNode start(int port, Optional<Path> stateFile, Optional<Double> blockTime, Path logDir,
                                  Optional<java.time.Instant> genesis) {
        Ports.requireFree(port, "anvil");
        int actual = port == 0 ? Ports.free() : port;
        List<String> cmd = new ArrayList<>(List.of(StackSettings.anvilBinary().toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(actual),
                "--chain-id", String.valueOf(CHAIN_ID),
                "--hardfork", "cancun",
                "--base-fee", "0", "--gas-price", "0", "--disable-min-priority-fee",
                "--gas-limit", "1000000000"));
        stateFile.ifPresent(f -> cmd.addAll(List.of("--state", f.toAbsolutePath().toString())));
        blockTime.ifPresent(t -> cmd.addAll(List.of("--block-time", String.valueOf(t))));
        if (genesis.isPresent() && stateFile.map(java.nio.file.Files::notExists).orElse(true)) {
            cmd.addAll(List.of("--timestamp", String.valueOf(genesis.get().getEpochSecond())));
        }
        var node = new AnvilNode(actual, List.copyOf(cmd), logDir.resolve("anvil.log"));
        node.launch();
        return node;
    }

    private synchronized void launch() {
        try {
            process = LoggedProcess.start(command, log, null);
            awaitReady(Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start anvil: " + e.getMessage(), e);
        }
    }

    /** Stops the node (it writes its --state file first); {@link #restart()} brings it back on the same port. */
    public synchronized void stop() {
        ProcessReaper.stop(process.toHandle(), Duration.ofSeconds(10));
    }

    /** Starts the node again with the same port and state file; its transaction pool starts empty. */
    public synchronized void restart() {
        if (process.isAlive()) {
            stop();
        }
        launch();
    }

    public synchronized boolean isRunning() {
        return process.isAlive();
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Mines a block per transaction until {@link #setIntervalMining} (anvil's evm_setAutomine). */
    public void setAutomine(boolean on) {
        rpc("evm_setAutomine", String.valueOf(on));
    }

    /** Mines a block every {@code seconds} (rounded up to whole seconds, as anvil takes them). */
    public void setIntervalMining(double seconds) {
        rpc("evm_setIntervalMining", String.valueOf((long) Math.ceil(seconds)));
    }

    /** The time of the latest block. */
    public java.time.Instant latestBlockTime() {
        String body = rpc("eth_getBlockByNumber", "\"latest\", false");
        var m = java.util.regex.Pattern.compile("\"timestamp\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no timestamp in the latest block: " + body);
        }
        return java.time.Instant.ofEpochSecond(Long.parseLong(m.group(1), 16));
    }

    /** Moves the clock of the blocks to come forward (anvil's evm_increaseTime) and mines a block that carries it. */
    public void increaseTime(Duration by) {
        rpc("evm_increaseTime", String.valueOf(by.toSeconds()));
        rpc("evm_mine", "");
    }

    /** Sets the clock of the blocks to come (anvil's evm_setTime) and mines a block that carries it. */
    public void setTime(java.time.Instant to) {
        rpc("evm_setTime", String.valueOf(to.getEpochSecond()));
        rpc("evm_mine", "");
    }

    private String rpc(String method, String param) {
        var request = HttpRequest.newBuilder(URI.create(rpcUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[" + param + "]}"))
                .build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
                throw new IllegalStateException(method + " failed: " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        }
    }

    public synchronized ProcessHandle handle() {
        return process.toHandle();
    }

    private void awaitReady(Duration timeout) {
        var request = HttpRequest.newBuilder(URI.create(rpcUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        Wait.untilHttpOk("anvil on port " + port, request, timeout, log, process);
    }

    @Override
    public void close() {
        // SIGTERM lets anvil write its --state file before exiting.
        stop();
    }
}
