package org.alliancechain.chain.internal;

/**
 * JSON-RPC quantities ({@code "0x1b4"}: hex, no leading zeros) read as {@code long}. web3j's getters
 * ({@code Log.getLogIndex()}, {@code getBlockNumber()}, …) go through {@code Numeric.decodeQuantity}, which first tries
 * {@code Long.parseLong} on the whole string and catches the {@code NumberFormatException} it always throws for a hex
 * quantity: an exception with its stack trace for every block number and log index the indexer reads — two per event, a
 * thousand events per bulk transaction. These read the raw strings instead.
 */
final class Quantities {

    private Quantities() {
    }

    /** The quantity's value; {@link IllegalArgumentException} naming {@code what} when it is missing, not hex or above 2^63 − 1. */
    static long of(String quantity, String what) {
        if (quantity == null || quantity.length() < 3 || quantity.length() > 18 || quantity.charAt(0) != '0'
                || (quantity.charAt(1) != 'x' && quantity.charAt(1) != 'X') || Character.digit(quantity.charAt(2), 16) < 0) {
            throw new IllegalArgumentException(what + " is not a JSON-RPC quantity: " + quantity);
        }
        try {
            return Long.parseLong(quantity, 2, quantity.length(), 16); // no sign: the first digit is checked above
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a JSON-RPC quantity: " + quantity, e);
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
}
