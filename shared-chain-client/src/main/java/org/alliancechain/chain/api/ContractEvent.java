package org.alliancechain.chain.api;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

/**
 * One log of the chain, decoded against the ABI of the suite contract that emitted it.
 * {@code contract} is the contract's name ({@code CaseRegistry}); it, {@code event} and
 * {@code signature} are null for a log of a contract that is not the suite's, and {@code event}
 * and {@code signature} are null for a log the contract's ABI does not describe — such logs keep
 * only their raw topics and data.
 *
 * @param address          the emitting contract, 0x lower case
 * @param signature        e.g. {@code CaseFiled(bytes32,bytes32,bytes32,bytes32,bytes32)}; keccak256 of it is topics[0]
 * @param arguments        the event's parameters in declaration order (empty when undecodable)
 * @param logIndex         the block-wide log index, as {@code eth_getLogs} reports it
 */
public record ContractEvent(String contract, String address, String event, String signature, List<Argument> arguments,
                            List<String> topics, String data, long blockNumber, String blockHash, String transactionHash,
                            long transactionIndex, long logIndex) {

    public ContractEvent {
        arguments = List.copyOf(arguments);
        topics = List.copyOf(topics);
    }

    /**
     * One decoded parameter. {@code value}: {@code byte[]} for bytes/bytesN (and for an indexed
     * dynamic value, of which the log keeps only the keccak256 hash), {@code BigInteger} for
     * integers and enums, {@code String} for addresses (0x, lower case) and strings,
     * {@code Boolean} for bool, a {@code List} of those for arrays.
     */
    public record Argument(String name, String type, boolean indexed, Object value) {

        /** The value as text: 0x-hex for bytes, decimal for numbers, the address or string itself. */
        public String text() {
            return text(value);
        }

        /** Equal when name, type, indexing and value are (bytes compared by content). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Argument a && name.equals(a.name) && type.equals(a.type) && indexed == a.indexed
                    && java.util.Objects.deepEquals(value, a.value);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, type, indexed, java.util.Arrays.deepHashCode(new Object[] {value}));
        }

        @Override
        public String toString() {
            return name + "=" + text();
        }

        private static String text(Object value) {
            return switch (value) {
                case byte[] bytes -> "0x" + HexFormat.of().formatHex(bytes);
                case List<?> list -> list.stream().map(Argument::text).toList().toString();
                default -> String.valueOf(value);
            };
        }
    }

    /** The argument of this name; IllegalArgumentException when the event has none. */
    public Argument argument(String name) {
        return arguments.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event + " has no argument " + name));
    }

    public byte[] bytes(String name) {
        return (byte[]) argument(name).value();
    }

    public BigInteger number(String name) {
        return (BigInteger) argument(name).value();
    }

    /** The value as text, see {@link Argument#text()}. */
    public String text(String name) {
        return argument(name).text();
    }
}
