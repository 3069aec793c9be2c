package org.alliancechain.chain.internal;

import java.util.Locale;

/**
 * What a node's answer to eth_sendRawTransaction means for the relay. Node error texts differ
 * between clients (anvil, Besu, geth); they are classified here, once.
 */
enum NodeReply {
    ACCEPTED,
    ALREADY_KNOWN,
    NONCE_TOO_LOW,
    UNDERPRICED,
    INSUFFICIENT_FUNDS,
    REJECTED,
    TRANSPORT_ERROR;

    static NodeReply classify(String errorMessage) {
        if (errorMessage == null) {
            return ACCEPTED;
        }
        var m = errorMessage.toLowerCase(Locale.ROOT);
        if (m.contains("already known") || m.contains("known transaction") || m.contains("already imported")) {
            return ALREADY_KNOWN;
        }
        if (m.contains("nonce too low") || m.contains("nonce_too_low") || m.contains("nonce is too low")) {
            return NONCE_TOO_LOW;
        }
        if (m.contains("underpriced") || m.contains("gas price too low") || m.contains("fee cap")) {
            return UNDERPRICED;
        }
        if (m.contains("insufficient funds") || m.contains("upfront cost")) {
            return INSUFFICIENT_FUNDS;
        }
        return REJECTED;
    }

    /** The raw transaction is, or was, in the node's hands: wait for its receipt. */
    boolean inFlight() {
        return this == ACCEPTED || this == ALREADY_KNOWN || this == NONCE_TOO_LOW;
    }
}
