package org.alliancechain.copyright.fingerprint.text;

import java.util.Arrays;

/**
 * Anchors: hash-sampled character grams of the canonical text, the index's candidate source for excerpts and edited
 * copies (copyright.md §2.5–2.6; the "0 mod p" selection of Schleimer, Wilkerson, Aiken 2003 §2).
 *
 * <p>The gram at canonical index i is {@code text[i, i + k)} with k = {@link #CJK_K} when character i is CJK and
 * {@link #LATIN_K} otherwise (the canonical text of Latin script has no spaces, so 8 characters span one or two words;
 * 4 CJK characters carry as much information). Its hash is XXH3-64 (hash4j, seed 0) of the UTF-16 chars prefixed by
 * 'a'; the gram is an anchor when {@code fmix64(hash) mod SAMPLE == 0} (unsigned). The choice depends only on the gram
 * itself, so a copy keeps every anchor whose characters it keeps: an excerpt of L characters shares about L / 16 anchors
 * with its work whatever its offset (no chunk boundary has to fall inside it), and a copy with independent character
 * edits at rate e keeps a fraction (1 − e)^k of them (10 %: 0.66 for CJK, 0.43 for Latin text) — unlike word 3-grams,
 * which need three intact words. Anchors are kept once each (distinct hashes), in text order of first occurrence, at
 * most {@link #MAX} per text.
 */
public final class Anchors {

    public static final int CJK_K = 4;
    public static final int LATIN_K = 8;
    /** One gram in SAMPLE is an anchor: ≈ 94 anchors for a 1,500-character article. */
    public static final int SAMPLE = 16;
    /** At most this many anchors per text (≈ 65,000 canonical characters). */
    public static final int MAX = 4096;

    private Anchors() {
    }

    /** Anchor hashes of a canonical text (distinct, text order of first occurrence). */
    public static long[] of(String canonical) {
        int n = canonical.length();
        long[] out = new long[Math.min(MAX, Math.max(8, n / SAMPLE * 2))];
        int count = 0;
        LongSet seen = new LongSet(out.length);
        for (int i = 0; i < n && count < MAX; i++) {
            char c = canonical.charAt(i);
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            int k = CanonicalText.isCjk(canonical.codePointAt(i)) ? CJK_K : LATIN_K;
            int end = i + k;
            if (end > n) {
                break;
            }
            long h = Shingles.hashChars('a', canonical, i, k);
            if (Long.remainderUnsigned(MinHash.fmix64(h), SAMPLE) != 0 || !seen.add(h)) {
                continue;
            }
            if (count == out.length) {
                out = Arrays.copyOf(out, Math.min(MAX, out.length * 2));
            }
            out[count++] = h;
        }
        return Arrays.copyOf(out, count);
    }

    /** Tiny open-addressing set of longs (0 allowed via a flag). */
    static final class LongSet {
        private long[] keys;
        private boolean zero;
        private int size;

        LongSet(int expected) {
            keys = new long[Integer.highestOneBit(Math.max(8, expected) * 2) * 2];
        }

        boolean add(long k) {
            if (k == 0) {
                boolean fresh = !zero;
                zero = true;
                return fresh;
            }
            if ((size + 1) * 2 > keys.length) {
                long[] old = keys;
                keys = new long[old.length * 2];
                size = 0;
                for (long o : old) {
                    if (o != 0) {
                        add(o);
                    }
                }
            }
            int mask = keys.length - 1;
            int i = (int) (MinHash.fmix64(k) & mask);
            while (keys[i] != 0) {
                if (keys[i] == k) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            keys[i] = k;
            size++;
            return true;
        }
    }
}
