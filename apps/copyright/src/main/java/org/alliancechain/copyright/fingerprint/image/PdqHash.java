package org.alliancechain.copyright.fingerprint.image;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 256-bit PDQ hash and the quality (0–100) of the image it was computed from.
 *
 * <p>Bit {@code k} (0–255) is DCT coefficient {@code B[k / 16][k % 16]} above the median. The hex form is the
 * reference's: 64 hex digits, most significant first, i.e. the 256-bit number whose bit {@code k} is bit
 * {@code k} of the hash (the reference prints its sixteen 16-bit words from the last to the first). Equality
 * compares bits only, not quality.
 */
public final class PdqHash {

    /** Number of bits. */
    public static final int BITS = 256;
    /** Number of 16-bit slots the multi-index hash splits a hash into. */
    public static final int SLOTS = 16;

    // words[0] holds bits 0..63, words[3] bits 192..255.
    private final long[] words;
    private final int quality;

    private PdqHash(long[] words, int quality) {
        this.words = words;
        this.quality = quality;
    }

    /** A hash from its four 64-bit words, {@code w0} holding bits 0–63. */
    public static PdqHash of(long w0, long w1, long w2, long w3, int quality) {
        return new PdqHash(new long[] {w0, w1, w2, w3}, checkQuality(quality));
    }

    /** A hash from 256 booleans ({@code bits[k]} is bit k). */
    static PdqHash fromBits(boolean[] bits, int quality) {
        long[] w = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                w[k >>> 6] |= 1L << (k & 63);
            }
        }
        return new PdqHash(w, quality);
    }

    /** Parses the reference's 64-digit hex form (case-insensitive); the quality is unknown and set to 0. */
    public static PdqHash fromHex(String hex) {
        return fromHex(hex, 0);
    }

    public static PdqHash fromHex(String hex, int quality) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a PDQ hash is 64 hexadecimal digits");
        }
        long[] w = new long[4];
        try {
            for (int i = 0; i < 4; i++) {
                // The first 16 digits are the most significant word.
                w[3 - i] = Long.parseUnsignedLong(hex.substring(i * 16, i * 16 + 16), 16);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a PDQ hash is 64 hexadecimal digits");
        }
        return new PdqHash(w, checkQuality(quality));
    }

    /** 32 bytes, most significant first (the hex form's bytes), e.g. for a {@code bytea} or {@code bit(256)} column. */
    public static PdqHash fromBytes(byte[] bytes, int quality) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a PDQ hash is 32 bytes");
        }
        return fromHex(HexFormat.of().formatHex(bytes), quality);
    }

    private static int checkQuality(int quality) {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("PDQ quality is 0 to 100");
        }
        return quality;
    }

    public String toHex() {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 3; i >= 0; i--) {
            String part = Long.toHexString(words[i]);
            sb.append("0".repeat(16 - part.length())).append(part);
        }
        return sb.toString();
    }

    public byte[] toBytes() {
        return HexFormat.of().parseHex(toHex());
    }

    /** Quality 0–100 of the image the hash was computed from (neighbour-gradient sum / 90); 0 when parsed from hex. */
    public int quality() {
        return quality;
    }

    /** Word {@code i} (0–3) of the hash; word 0 holds bits 0–63. */
    public long word(int i) {
        return words[i];
    }

    public boolean bit(int k) {
        return (words[k >>> 6] >>> (k & 63) & 1L) != 0;
    }

    /** 16-bit slot {@code s} (0–15): bits {@code 16s .. 16s+15}, i.e. row {@code s} of the 16 × 16 coefficients. */
    public int slot(int s) {
        return (int) (words[s >>> 2] >>> ((s & 3) << 4)) & 0xFFFF;
    }

    /** Hamming distance, 0–256. */
    public int distance(PdqHash other) {
        return Long.bitCount(words[0] ^ other.words[0]) + Long.bitCount(words[1] ^ other.words[1])
                + Long.bitCount(words[2] ^ other.words[2]) + Long.bitCount(words[3] ^ other.words[3]);
    }

    /** The hash of the colour-inverted image: inverting luma negates every DCT coefficient, so every bit flips. */
    public PdqHash complement() {
        return new PdqHash(new long[] {~words[0], ~words[1], ~words[2], ~words[3]}, quality);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHash other && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return toHex() + " (quality " + quality + ")";
    }
}
