package org.alliancechain.chain.api;

import java.util.List;
import java.util.Map;

/**
 * One contract event as the indexer hands it to a handler. {@code values} holds the decoded
 * parameters by name: {@code byte[]} for bytes/bytesN, {@code BigInteger} for integers,
 * {@code String} for addresses (0x, lower case) and strings, {@code Boolean} for bool.
 */
public record ChainEvent(String contract, String event, long blockNumber, int logIndex, String transactionHash,
                         Map<String, Object> values, List<String> topics, String data) {

    /** A stable identity of this log, for idempotent handlers: "block:logIndex". */
    public String position() {
        return blockNumber + ":" + logIndex;
    }

    public byte[] bytes(String name) {
        return (byte[]) values.get(name);
    }

    public java.math.BigInteger number(String name) {
        return (java.math.BigInteger) values.get(name);
    }
}
