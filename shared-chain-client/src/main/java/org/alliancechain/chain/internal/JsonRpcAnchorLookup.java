package org.alliancechain.chain.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.chain.api.AnchorLookup;
import org.web3j.crypto.Hash;

/**
 * Asks any Ethereum JSON-RPC endpoint for {@code AnchorRegistry.anchorOf(bytes32)} with a plain
 * {@code eth_call} — no login, no database, no suite code on the node's side. Anchors never change
 * once written, so found roots are cached per (chain, registry, batch); absent ones are not.
 * Built through {@link AnchorLookup#overJsonRpc}; services get it as a bean ({@link Web3jProducer}).
 */
public final class JsonRpcAnchorLookup implements AnchorLookup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELECTOR = selector("anchorOf(bytes32)");

    private final URI rpc;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, AnchoredRoot> cache = new ConcurrentHashMap<>();
    private volatile Long chainId;

    public JsonRpcAnchorLookup(URI rpc, Duration timeout) {
        this.rpc = rpc;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<AnchoredRoot> anchorOf(long expectedChainId, String registry, String batchId) {
        String key = expectedChainId + "/" + registry.toLowerCase() + "/" + batchId.toLowerCase();
        var cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (chainId() != expectedChainId) {
            throw new ChainUnreachableException("the node at " + rpc + " serves chain " + chainId()
                    + ", the proof names chain " + expectedChainId, null);
        }
        var call = Map.of("to", registry, "data", SELECTOR + strip(batchId));
        String result = call("eth_call", java.util.List.of(call, "latest")).asText();
        byte[] words = HexFormat.of().parseHex(strip(result));
        if (words.length < 160) {
            throw new ChainUnreachableException("the registry at " + registry + " answered " + words.length
                    + " bytes to anchorOf — is it an AnchorRegistry?", null);
        }
        var hex = HexFormat.of();
        String root = hex.formatHex(words, 0, 32);
        if (root.equals("0".repeat(64))) {
            return Optional.empty();
        }
        var anchored = new AnchoredRoot(root, hex.formatHex(words, 32, 64), word(words, 2), word(words, 3), word(words, 4));
        cache.put(key, anchored);
        return Optional.of(anchored);
    }

    private long chainId() {
        if (chainId == null) {
            chainId = new BigInteger(strip(call("eth_chainId", java.util.List.of()).asText()), 16).longValueExact();
        }
        return chainId;
    }

    private JsonNode call(String method, Object params) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
            var reply = http.send(HttpRequest.newBuilder(rpc).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new ChainUnreachableException("the node at " + rpc + " answered HTTP " + reply.statusCode(), null);
            }
            JsonNode answer = JSON.readTree(new String(reply.body(), StandardCharsets.UTF_8));
            if (answer.has("error")) {
                throw new ChainUnreachableException("the node at " + rpc + " refused " + method + ": " + answer.get("error").path("message").asText(), null);
            }
            return answer.get("result");
        } catch (IOException e) {
            throw new ChainUnreachableException("cannot reach the node at " + rpc + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnreachableException("interrupted while asking the node at " + rpc, e);
        }
    }

    private static long word(byte[] words, int index) {
        return new BigInteger(1, java.util.Arrays.copyOfRange(words, index * 32, index * 32 + 32)).longValueExact();
    }

    private static String strip(String hex) {
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }

    private static String selector(String signature) {
        byte[] hash = Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII));
        return "0x" + HexFormat.of().formatHex(hash, 0, 4);
    }
}
