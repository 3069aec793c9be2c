package org.alliancechain.copyright.fingerprint.text;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.Arrays;

/**
 * Shingles of a canonical text (copyright.md §2.2–2.3): CJK character 4-grams and Latin word 3-grams.
 *
 * <p>Mixed text: the canonical text is cut into units — every CJK character is a unit, every other token (a
 * whitespace-separated source word, collapsed) is a unit. Maximal runs of CJK units give character 4-grams, maximal runs
 * of word units give word 3-grams; a run shorter than n gives one shingle of the whole run, so short texts and short
 * insertions of the other script still count. A shingle is hashed with XXH3-64 (hash4j, seed 0) over its UTF-16 chars,
 * prefixed by a kind character ('c' or 'w') and with words separated by U+0020. Each shingle keeps the canonical
 * index of its first character, which assigns it to a chunk.
 */
public final class Shingles {

    public static final int CJK_N = 4;
    public static final int WORD_N = 3;
    static final Hasher64 HASH = Hashing.xxh3_64();

    private final long[] hashes;
    private final int[] positions;

    private Shingles(long[] hashes, int[] positions) {
        this.hashes = hashes;
        this.positions = positions;
    }

    public static Shingles of(CanonicalText text) {
        String s = text.text();
        int n = s.length();
        // units: [start, end) in canonical chars
        int[] us = new int[n + 1];
        int[] ue = new int[n + 1];
        boolean[] cjk = new boolean[n + 1];
        int units = 0;
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            int j = i + Character.charCount(cp);
            boolean c = CanonicalText.isCjk(cp);
            if (!c) {
                int tok = text.tokenOf(i);
                while (j < n && text.tokenOf(j) == tok && !CanonicalText.isCjk(s.codePointAt(j))) {
                    j += Character.charCount(s.codePointAt(j));
                }
            }
            us[units] = i;
            ue[units] = j;
            cjk[units] = c;
            units++;
            i = j;
        }
        long[] hs = new long[Math.max(4, units)];
        int[] ps = new int[Math.max(4, units)];
        int count = 0;
        Utf16 sb = new Utf16();
        int r = 0;
        while (r < units) {
            int q = r;
            while (q < units && cjk[q] == cjk[r]) {
                q++;
            }
            int size = cjk[r] ? CJK_N : WORD_N;
            int last = Math.max(r, q - size);
            for (int u = r; u <= last; u++) {
                sb.clear();
                sb.append(cjk[r] ? 'c' : 'w');
                int end = Math.min(q, u + size);
                for (int v = u; v < end; v++) {
                    if (!cjk[r]) {
                        sb.append(' ');
                    }
                    sb.append(s, us[v], ue[v]);
                }
                if (count == hs.length) {
                    hs = Arrays.copyOf(hs, hs.length * 2);
                    ps = Arrays.copyOf(ps, ps.length * 2);
                }
                hs[count] = sb.hash();
                ps[count] = us[u];
                count++;
            }
            r = q;
        }
        return new Shingles(Arrays.copyOf(hs, count), Arrays.copyOf(ps, count));
    }

    /**
     * Chars gathered as UTF-16LE bytes and hashed with {@link #HASH}: the same value as {@code HASH.hashCharsToLong} of
     * those chars (hash4j hashes a char sequence as its little-endian UTF-16 bytes), at half the cost.
     */
    static final class Utf16 {
        private byte[] bytes;
        private int length;

        Utf16() {
            this(32);
        }

        /** Room for {@code chars} chars before it grows. */
        Utf16(int chars) {
            bytes = new byte[Math.max(2, 2 * chars)];
        }

        void clear() {
            length = 0;
        }

        Utf16 append(char c) {
            if (length + 2 > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[length] = (byte) c;
            bytes[length + 1] = (byte) (c >>> 8);
            length += 2;
            return this;
        }

        Utf16 append(CharSequence s, int from, int to) {
            for (int i = from; i < to; i++) {
                append(s.charAt(i));
            }
            return this;
        }

        long hash() {
            return HASH.hashBytesToLong(bytes, 0, length);
        }

        /** The hash of {@code chars} chars from char {@code from} of those gathered, as {@link #hash()} of them alone. */
        long hash(int from, int chars) {
            return HASH.hashBytesToLong(bytes, 2 * from, 2 * chars);
        }
    }

    public int size() {
        return hashes.length;
    }

    /** 64-bit shingle hashes in text order (duplicates kept). */
    public long[] hashes() {
        return hashes;
    }

    /** Canonical index of the first character of each shingle. */
    public int[] positions() {
        return positions;
    }
}
