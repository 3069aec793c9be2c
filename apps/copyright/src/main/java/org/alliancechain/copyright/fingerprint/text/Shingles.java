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
                long h;
                if (cjk[r] && u + CJK_N <= q && ue[u + CJK_N - 1] - us[u] == CJK_N) {
                    // four characters of one UTF-16 unit each: hashed from the chars, as the bytes below would be
                    h = hashChars('c', s, us[u], CJK_N);
                } else {
                    sb.clear();
                    sb.append(cjk[r] ? 'c' : 'w');
                    int end = Math.min(q, u + size);
                    for (int v = u; v < end; v++) {
                        if (!cjk[r]) {
                            sb.append(' ');
                        }
                        sb.append(s, us[v], ue[v]);
                    }
                    h = sb.hash();
                }
                if (count == hs.length) {
                    hs = Arrays.copyOf(hs, hs.length * 2);
                    ps = Arrays.copyOf(ps, ps.length * 2);
                }
                hs[count] = h;
                ps[count] = us[u];
                count++;
            }
            r = q;
        }
        return new Shingles(Arrays.copyOf(hs, count), Arrays.copyOf(ps, count));
    }

    // XXH3-64 with the default secret's first words and seed 0, as hash4j's XXH3_64 computes it: inputs of 9 to 16 bytes
    // (xxhash's XXH3_len_9to16_64b) mix the secret's words 3 ^ 4 and 5 ^ 6, of 17 to 32 bytes words 0 to 3
    private static final long SECRET_0 = 0xBE4BA423396CFEB8L;
    private static final long SECRET_1 = 0x1CAD21F72C81017CL;
    private static final long SECRET_2 = 0xDB979083E96DD4DEL;
    private static final long SECRET_3 = 0x1F67B3B7A4A44072L;
    private static final long BITFLIP_LO = SECRET_3 ^ 0x78E5C0CC4EE679CBL;
    private static final long BITFLIP_HI = 0x2172FFCC7DD05A82L ^ 0x8E2443F7744608B8L;

    /**
     * {@link #HASH} of the UTF-16LE bytes of {@code prefix} followed by {@code s[from, from + k)}, 4 ≤ k ≤ 15 — the value
     * {@code Utf16().append(prefix).append(s, from, from + k).hash()} gives — computed from the chars without gathering
     * their bytes: the first eight bytes are the prefix and three chars, the last eight the last four chars (and for
     * more than 16 bytes, the first and last sixteen).
     */
    static long hashChars(char prefix, String s, int from, int k) {
        long lo = prefix | (long) s.charAt(from) << 16 | (long) s.charAt(from + 1) << 32 | (long) s.charAt(from + 2) << 48;
        int e = from + k;
        long hi = s.charAt(e - 4) | (long) s.charAt(e - 3) << 16 | (long) s.charAt(e - 2) << 32 | (long) s.charAt(e - 1) << 48;
        if (k <= 7) {
            return xxh3(lo, hi, 2 * (k + 1));
        }
        // 17 to 32 bytes (8 ≤ k ≤ 15; xxhash's XXH3_len_17to128_64b): the first sixteen bytes and the last sixteen
        long lo2 = s.charAt(from + 3) | (long) s.charAt(from + 4) << 16 | (long) s.charAt(from + 5) << 32 | (long) s.charAt(from + 6) << 48;
        long hi1 = s.charAt(e - 8) | (long) s.charAt(e - 7) << 16 | (long) s.charAt(e - 6) << 32 | (long) s.charAt(e - 5) << 48;
        long acc = 2L * (k + 1) * 0x9E3779B185EBCA87L + fold(lo ^ SECRET_0, lo2 ^ SECRET_1) + fold(hi1 ^ SECRET_2, hi ^ SECRET_3);
        return avalanche(acc);
    }

    /** {@link #HASH} of the UTF-16LE bytes of {@code s[from, from + k)}, 5 ≤ k ≤ 8, computed from the chars. */
    static long hashChars(String s, int from, int k) {
        long lo = s.charAt(from) | (long) s.charAt(from + 1) << 16 | (long) s.charAt(from + 2) << 32 | (long) s.charAt(from + 3) << 48;
        int e = from + k;
        long hi = s.charAt(e - 4) | (long) s.charAt(e - 3) << 16 | (long) s.charAt(e - 2) << 32 | (long) s.charAt(e - 1) << 48;
        return xxh3(lo, hi, 2 * k);
    }

    /** XXH3-64 of {@code length} (9–16) bytes whose first eight are {@code first} and last eight {@code last}, little-endian. */
    private static long xxh3(long first, long last, int length) {
        long lo = first ^ BITFLIP_LO;
        long hi = last ^ BITFLIP_HI;
        return avalanche(length + Long.reverseBytes(lo) + hi + fold(lo, hi));
    }

    /** The 128-bit product's halves xor-ed (xxhash's mul128_fold64). */
    private static long fold(long a, long b) {
        return a * b ^ Math.unsignedMultiplyHigh(a, b);
    }

    private static long avalanche(long acc) {
        acc ^= acc >>> 37;
        acc *= 0x165667919E3779F9L;
        return acc ^ (acc >>> 32);
    }

    /**
     * Chars gathered as UTF-16LE bytes and hashed with {@link #HASH}: the same value as {@code HASH.hashCharsToLong} of
     * those chars (hash4j hashes a char sequence as its little-endian UTF-16 bytes), at half the cost.
     */
    static final class Utf16 {
        private byte[] bytes;
        private int length;

        Utf16() {
            bytes = new byte[64];
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
