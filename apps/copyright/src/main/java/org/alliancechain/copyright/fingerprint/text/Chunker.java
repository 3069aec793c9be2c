package org.alliancechain.copyright.fingerprint.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Content-defined chunking of canonical text (copyright.md §2.5).
 *
 * <p>Gear rolling hash over canonical characters: {@code h = (h << 1) + gear(c)}, gear(c) = fmix64(c · φ64), so h depends
 * only on the last 64 characters. A chunk ends after character i when it holds at least {@link #MIN} characters and
 * {@code h mod DIVISOR == 0} (unsigned), or when it reaches {@link #MAX}; expected length MIN + DIVISOR = 256 characters. An
 * insertion therefore moves only the boundaries within 64 characters after it (plus the re-synchronisation of the
 * minimum length); the rest of the text keeps its chunks. The last chunk takes the rest (it may be shorter than MIN).
 */
public final class Chunker {

    public static final int MIN = 64;
    /** A boundary is where the rolling hash is divisible by DIVISOR (unsigned). */
    public static final int DIVISOR = 192;
    public static final int MAX = 1024;

    private Chunker() {
    }

    /** Boundaries [start, end) of the chunks of a text of this canonical content. */
    public static List<int[]> chunks(String canonical) {
        List<int[]> out = new ArrayList<>();
        int n = canonical.length();
        int start = 0;
        long h = 0;
        for (int i = 0; i < n; i++) {
            h = (h << 1) + MinHash.fmix64(canonical.charAt(i) * 0x9E3779B97F4A7C15L);
            int len = i + 1 - start;
            if ((len >= MIN && Long.remainderUnsigned(h, DIVISOR) == 0) || len >= MAX) {
                out.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        if (start < n || out.isEmpty()) {
            out.add(new int[] {start, n});
        }
        return out;
    }
}
