package org.alliancechain.chain.internal;

/**
 * JSON-RPC quantities ({@code "0x1b4"}) read as {@code long}. web3j's getters ({@code Log.getLogIndex()},
 * {@code getBlockNumber()}, {@code TransactionReceipt.isStatusOK()}, …) go through {@code Numeric.decodeQuantity}, which
 * first tries {@code Long.parseLong} on the whole string and catches the {@code NumberFormatException} it always throws
 * for a hex quantity: an exception with its stack trace for every block number and log index the indexer reads — two per
 * event, a thousand events per bulk transaction. These read the raw strings instead, accepting what web3j accepts:
 * hex with {@code 0x} (leading zeros too) and plain decimal digits.
 */
final class Quantities {

    private Quantities() {
    }

    /** The quantity's value; {@link IllegalArgumentException} naming {@code what} when it is missing, not a number or above 2^63 − 1. */
    static long of(String quantity, String what) {
        if (quantity == null || quantity.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        int end = quantity.length();
        boolean hex = end > 2 && quantity.charAt(0) == '0' && (quantity.charAt(1) == 'x' || quantity.charAt(1) == 'X');
        int radix = hex ? 16 : 10;
        int from = hex ? 2 : 0;
        for (int i = from; i < end; i++) {
            if (Character.digit(quantity.charAt(i), radix) < 0) { // no sign, no space
                throw new IllegalArgumentException(what + " is not a JSON-RPC quantity: " + quantity);
            }
        }
        while (from < end - 1 && quantity.charAt(from) == '0') {
            from++;
        }
        try {
            return Long.parseLong(quantity, from, end, radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is above 2^63 − 1: " + quantity, e);
        }
    }

    /** {@link #of} for an {@code int} (a log's or a transaction's index). */
    static int intOf(String quantity, String what) {
        long value = of(quantity, what);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " is above 2^31 − 1: " + quantity);
        }
        return (int) value;
    }

    /** The block number an {@code eth_blockNumber} reply gives. */
    static long blockNumber(org.web3j.protocol.core.methods.response.EthBlockNumber reply) {
        return of(reply.getResult(), "the latest block number");
    }

    /** A receipt's {@code status} as web3j's {@code isStatusOK()} reads it: 1, or none (receipts from before Byzantium). */
    static boolean succeeded(String status) {
        return status == null || of(status, "a receipt's status") == 1;
    }
}
