package org.alliancechain.service.arbitration;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An event already on chain that a filing cites as the claimant's evidence: the transaction that emitted it
 * and its log index (as {@code eth_getTransactionReceipt} reports it). The arbitration service resolves it
 * as the evidence reference {@link #reference()} (docs/adr/0009).
 *
 * @param transactionHash 0x and 64 hex digits (any case; kept lower case)
 * @param logIndex        0 or more
 */
public record CitedEvent(String transactionHash, int logIndex) {

    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");

    public CitedEvent {
        transactionHash = transactionHash == null ? null : transactionHash.strip().toLowerCase(Locale.ROOT);
        if (transactionHash == null || !HASH.matcher(transactionHash).matches() || transactionHash.equals("0x" + "0".repeat(64))) {
            throw new IllegalArgumentException("a cited transaction hash is 0x and 64 hex digits, not zero: " + transactionHash);
        }
        if (logIndex < 0) {
            throw new IllegalArgumentException("a log index is 0 or more, not " + logIndex);
        }
    }

    /** The same citation as the chain records it in {@code CaseEvidenceCited(caseId, txHash, logIndex)}. */
    public static CitedEvent of(byte[] transactionHash, long logIndex) {
        return new CitedEvent("0x" + HexFormat.of().formatHex(transactionHash), Math.toIntExact(logIndex));
    }

    /** The evidence reference: {@code event:0x<tx hash>:<log index>}. */
    public String reference() {
        return "event:" + transactionHash + ":" + logIndex;
    }

    byte[] transactionHashBytes() {
        return HexFormat.of().parseHex(transactionHash.substring(2));
    }
}
