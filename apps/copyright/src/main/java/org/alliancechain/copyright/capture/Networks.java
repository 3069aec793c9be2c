package org.alliancechain.copyright.capture;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The networks URL captures may reach ({@link CaptureConfig#allowedNetworks()}): CIDR blocks and the keyword
 * {@code public}. Addresses are compared as numbers, so an IPv4 address given in IPv6 form (IPv4-mapped) is
 * judged as the IPv4 address it is.
 */
public final class Networks {

    /** A CIDR block. */
    record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            String c = cidr.strip();
            int slash = c.indexOf('/');
            String address = slash < 0 ? c : c.substring(0, slash);
            if (!address.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not a CIDR block (an address literal, then /prefix): " + cidr);
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not a CIDR block: " + cidr);
            }
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(c.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix out of range in " + cidr);
            }
            return new Block(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(network.length * 8 - prefix);
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    /** Special-purpose ranges (RFC 6890 and successors) that {@code public} leaves out. */
    private static final List<Block> NOT_PUBLIC = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7",
            "fe80::/10", "fec0::/10", "ff00::/8").stream().map(Block::parse).toList();

    private final boolean publicAllowed;
    private final List<Block> blocks;
    private final String described;

    private Networks(boolean publicAllowed, List<Block> blocks, String described) {
        this.publicAllowed = publicAllowed;
        this.blocks = blocks;
        this.described = described;
    }

    /** The configured list; an entry that is neither {@code public} nor a CIDR block is a configuration error. */
    public static Networks of(List<String> entries) {
        boolean pub = false;
        var blocks = new ArrayList<Block>();
        for (String e : entries) {
            if (e.isBlank()) {
                continue;
            }
            if (e.strip().toLowerCase(Locale.ROOT).equals("public")) {
                pub = true;
            } else {
                blocks.add(Block.parse(e));
            }
        }
        return new Networks(pub, List.copyOf(blocks), String.join(", ", entries));
    }

    /** Whether a connection to this address is allowed. */
    public boolean allows(InetAddress address) {
        byte[] bytes = normalised(address);
        if (blocks.stream().anyMatch(b -> b.contains(bytes))) {
            return true;
        }
        return publicAllowed && isPublic(bytes);
    }

    /** The configured networks, for refusals. */
    public String describe() {
        return described;
    }

    static boolean isPublic(byte[] address) {
        return NOT_PUBLIC.stream().noneMatch(b -> b.contains(address));
    }

    /** The address as compared: an IPv4-mapped or IPv4-compatible IPv6 address as its IPv4 address. */
    static byte[] normalised(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && b.length == 16) {
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            boolean mapped = zeros && b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
            if (mapped) {
                return new byte[] {b[12], b[13], b[14], b[15]};
            }
        }
        return b;
    }
}
