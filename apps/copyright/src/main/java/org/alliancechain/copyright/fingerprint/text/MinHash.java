package org.alliancechain.copyright.fingerprint.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * MinHash signatures and LSH band keys (copyright.md §2.4, §2.5).
 *
 * <p>Permutation i of a 64-bit shingle hash h is {@code fmix64(h XOR s_i)} (MurmurHash3's 64-bit finaliser, a bijection
 * of the 64-bit space), with {@code s_i} the i-th output of SplitMix64 seeded with {@link #SEED}. A signature value is
 * the upper 32 bits of the minimum over all shingles (unsigned), {@code -1} (0xFFFFFFFF) for a text without shingles.
 * Band key b of a signature cut into bands of r rows = XXH3-64 (hash4j, seed 0) of the little-endian bytes
 * (int domain·256 + b, value[b·r], …, value[b·r + r − 1]); domain 0 = document, 1 = chunk, so a chunk key never equals a
 * document key of the same values.
 */
public final class MinHash {

    /** SplitMix64 seed of the permutations ("copyrigh" in ASCII). */
    public static final long SEED = 0x636f707972696768L;
    public static final int DOC_PERMUTATIONS = 128;
    public static final int DOC_BANDS = 32;
    public static final int CHUNK_PERMUTATIONS = 64;
    public static final int CHUNK_BANDS = 16;
    public static final int ROWS = 4;
    public static final int DOMAIN_DOC = 0;
    public static final int DOMAIN_CHUNK = 1;

    private static final long[] XOR = new long[DOC_PERMUTATIONS];

    static {
        long state = SEED;
        for (int i = 0; i < XOR.length; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            XOR[i] = z ^ (z >>> 31);
        }
    }

    private MinHash() {
    }

    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Signature of the shingle hashes [from, to) with {@code permutations} values. */
    public static int[] signature(long[] shingles, int from, int to, int permutations) {
        return signature(shingles, from, to, 0, permutations);
    }

    /**
     * Values {@code first} … {@code first + permutations − 1} of the signature of the shingle hashes [from, to): a
     * signature's values are independent, so a document's can be put together from parts (see {@link #merge}).
     */
    public static int[] signature(long[] shingles, int from, int to, int first, int permutations) {
        if (first < 0 || permutations < 0 || first + permutations > DOC_PERMUTATIONS) {
            throw new IllegalArgumentException("permutations " + first + " to " + (first + permutations) + " of " + DOC_PERMUTATIONS);
        }
        // unsigned minimum as a signed one of the values with the sign bit flipped: a branch-free loop
        long[] min = new long[permutations];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        long[] xor = java.util.Arrays.copyOfRange(XOR, first, first + permutations);
        for (int s = from; s < to; s++) {
            long h = shingles[s];
            for (int i = 0; i < permutations; i++) {
                long k = h ^ xor[i];
                k ^= k >>> 33;
                k *= 0xff51afd7ed558ccdL;
                k ^= k >>> 33;
                k *= 0xc4ceb9fe1a85ec53L;
                k ^= k >>> 33;
                min[i] = Math.min(min[i], k ^ Long.MIN_VALUE);
            }
        }
        int[] sig = new int[permutations];
        for (int i = 0; i < permutations; i++) {
            sig[i] = (int) ((min[i] ^ Long.MIN_VALUE) >>> 32);
        }
        return sig;
    }

    /**
     * Folds {@code part} (values of the same permutations over other shingles) into {@code into} at {@code offset}:
     * the signature of the union. Exact — a value is the upper 32 bits of a minimum, and the upper bits of the
     * smaller of two numbers are the smaller upper bits.
     */
    public static void merge(int[] into, int offset, int[] part) {
        for (int i = 0; i < part.length; i++) {
            if (Integer.compareUnsigned(part[i], into[offset + i]) < 0) {
                into[offset + i] = part[i];
            }
        }
    }

    /** LSH band keys of a signature, {@code signature.length / rows} of them. */
    public static long[] bandKeys(int[] signature, int rows, int domain) {
        int bands = signature.length / rows;
        long[] keys = new long[bands];
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * rows).order(ByteOrder.LITTLE_ENDIAN);
        for (int b = 0; b < bands; b++) {
            buf.clear();
            buf.putInt(domain * 256 + b);
            for (int r = 0; r < rows; r++) {
                buf.putInt(signature[b * rows + r]);
            }
            keys[b] = Shingles.HASH.hashBytesToLong(buf.array());
        }
        return keys;
    }

    /** Estimated Jaccard similarity: the fraction of equal values. */
    public static double jaccard(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        if (n == 0) {
            return 0;
        }
        int eq = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) {
                eq++;
            }
        }
        return (double) eq / n;
    }
}
