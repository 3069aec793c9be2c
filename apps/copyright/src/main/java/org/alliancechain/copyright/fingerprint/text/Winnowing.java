package org.alliancechain.copyright.fingerprint.text;

import java.util.Arrays;

/**
 * Winnowing (Schleimer, Wilkerson, Aiken, SIGMOD 2003; copyright.md §2.6) over canonical text: hashes of character
 * {@link #K}-grams (XXH3-64 of the UTF-16 chars), in every window of {@link #W} consecutive hashes the minimum is kept,
 * the rightmost one on ties, with its position. Any shared run of at least W + K − 1 = 12 canonical characters yields a
 * shared fingerprint.
 */
public final class Winnowing {

    public static final int K = 5;
    public static final int W = 8;

    private final long[] hashes;
    private final int[] positions;

    private Winnowing(long[] hashes, int[] positions) {
        this.hashes = hashes;
        this.positions = positions;
    }

    public static Winnowing of(String canonical) {
        int grams = canonical.length() - K + 1;
        if (grams <= 0) {
            return new Winnowing(new long[0], new int[0]);
        }
        // every K-gram's XXH3 (the value hash4j gives the K chars as a char sequence) computed from the chars themselves:
        // neither through a CharSequence view hash4j reads a call per char from nor over the text's UTF-16LE bytes
        long[] h = new long[grams];
        for (int i = 0; i < grams; i++) {
            h[i] = Shingles.hashChars(canonical, i, K);
        }
        long[] fh = new long[grams];
        int[] fp = new int[grams];
        int count = 0;
        int last = -1;
        int windows = Math.max(1, grams - W + 1);
        int best = -1;
        for (int w = 0; w < windows; w++) {
            int end = Math.min(grams, w + W);
            if (best < w) {
                // the last minimum left the window: scan it
                best = w;
                for (int i = w + 1; i < end; i++) {
                    if (Long.compareUnsigned(h[i], h[best]) <= 0) {
                        best = i;
                    }
                }
            } else if (Long.compareUnsigned(h[end - 1], h[best]) <= 0) {
                // the window moved by one: its rightmost minimum is the last one's or the hash that came in
                best = end - 1;
            }
            if (best != last) {
                fh[count] = h[best];
                fp[count] = best;
                count++;
                last = best;
            }
        }
        return new Winnowing(Arrays.copyOf(fh, count), Arrays.copyOf(fp, count));
    }

    /**
     * The fingerprints as one sorted array, each {@code (upper 32 bits of the hash) << 32 | position}: what
     * {@link Passages#compare} takes for both texts (a work's array is what the index keeps to verify candidates without
     * its text; 8 bytes per fingerprint, ≈ 0.22 per canonical character). Positions must lie below 2^31.
     */
    public long[] packedSorted() {
        long[] packed = new long[hashes.length];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (hashes[i] & 0xFFFFFFFF00000000L) | positions[i];
        }
        Arrays.sort(packed);
        return packed;
    }

    /** {@link #packedSorted()} of a canonical text. */
    public static long[] packedSorted(String canonical) {
        return of(canonical).packedSorted();
    }

    /** Fingerprint hashes, in text order. */
    public long[] hashes() {
        return hashes;
    }

    /** Canonical start index of the K-gram of each fingerprint. */
    public int[] positions() {
        return positions;
    }

    public int size() {
        return hashes.length;
    }
}
