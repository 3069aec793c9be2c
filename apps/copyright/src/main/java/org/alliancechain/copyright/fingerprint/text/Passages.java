package org.alliancechain.copyright.fingerprint.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;

/**
 * Matched passages between two texts (copyright.md §2.6), for the forensics report.
 *
 * <p>Shared winnowing fingerprints are paired (fingerprint in A, same hash in B); in A order, a pair extends a passage
 * when its A position is at most {@link #MAX_GAP} canonical characters after the passage's last pair, both positions
 * advance, and its diagonal (posB − posA) differs from the last pair's by at most {@link #MAX_DRIFT} (a few inserted or
 * deleted characters); a passage ends K − 1 characters after its last fingerprint. Passages are reported at SOURCE offsets on both sides with the quoted original
 * text. Containment A in B = shared distinct fingerprints / distinct fingerprints of A (and the other way round); the
 * estimated Jaccard = shared / union of the distinct fingerprint sets.
 */
public final class Passages {

    /** Largest distance between two fingerprints of one passage (canonical characters). */
    public static final int MAX_GAP = 40;
    /**
     * Largest change of the diagonal (posB − posA) between two consecutive fingerprints of one passage: a passage runs
     * on across small insertions and deletions, so an edited copy is reported as the passages it was edited from.
     */
    public static final int MAX_DRIFT = 4;
    /** Hashes occurring more often than this in either text are ignored when pairing (repeated boilerplate). */
    public static final int MAX_OCCURRENCES = 8;

    /** A passage: canonical ranges and source ranges on both sides, with the quoted source text. */
    public record Passage(int canonicalStartA, int canonicalEndA, int canonicalStartB, int canonicalEndB,
            int sourceStartA, int sourceEndA, int sourceStartB, int sourceEndB, String quoteA, String quoteB) {

        public int length() {
            return canonicalEndA - canonicalStartA;
        }
    }

    /** The comparison of two texts. */
    public record Match(List<Passage> passages, double jaccard, double containmentAinB, double containmentBinA,
            int sharedFingerprints, int lengthA, int lengthB) {

        /** A comparison without the texts' canonical lengths (treated as long texts by {@link TextIndex#band}). */
        public Match(List<Passage> passages, double jaccard, double containmentAinB, double containmentBinA,
                int sharedFingerprints) {
            this(passages, jaccard, containmentAinB, containmentBinA, sharedFingerprints, Integer.MAX_VALUE,
                    Integer.MAX_VALUE);
        }
    }

    private Passages() {
    }

    public static Match match(CanonicalText a, CanonicalText b) {
        return match(a, Winnowing.of(a.text()), b, Winnowing.of(b.text()));
    }

    public static Match match(CanonicalText a, Winnowing wa, CanonicalText b, Winnowing wb) {
        return quote(compare(Side.of(wa.packedSorted(), a.length()), wb.packedSorted(), b.length()), a, b);
    }

    /**
     * One text's winnowing fingerprints prepared for comparing with many others: sorted by hash (for the shared counts)
     * and in text order with each hash's number of occurrences (for the pairs).
     */
    public static final class Side {
        final int length;
        final long[] sorted;
        final int distinct;
        final int[] hashes;
        final int[] positions;
        final int[] occurrences;

        private Side(int length, long[] sorted) {
            this.length = length;
            this.sorted = sorted;
            this.distinct = distinct(sorted);
            int n = sorted.length;
            long[] byPosition = new long[n];
            int[] counts = new int[n];
            for (int i = 0; i < n; ) {
                int h = hash(sorted[i]);
                int j = i;
                while (j < n && hash(sorted[j]) == h) {
                    j++;
                }
                for (int k = i; k < j; k++) {
                    // position << 32 | index into sorted (the run's count is read back through it)
                    byPosition[k] = (sorted[k] & 0xFFFFFFFFL) << 32 | k;
                    counts[k] = j - i;
                }
                i = j;
            }
            Arrays.sort(byPosition);
            hashes = new int[n];
            positions = new int[n];
            occurrences = new int[n];
            for (int i = 0; i < n; i++) {
                int k = (int) byPosition[i];
                hashes[i] = hash(sorted[k]);
                positions[i] = (int) (byPosition[i] >>> 32);
                occurrences[i] = counts[k];
            }
        }

        /** A text's side from {@link Winnowing#packedSorted()} and its canonical length. */
        public static Side of(long[] packedSorted, int length) {
            return new Side(length, packedSorted);
        }
    }

    private static int hash(long packed) {
        return (int) (packed >>> 32);
    }

    private static int distinct(long[] sorted) {
        int d = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || hash(sorted[i]) != hash(sorted[i - 1])) {
                d++;
            }
        }
        return d;
    }

    /** First index of {@code sorted} whose hash is at least {@code h}. */
    private static int lowerBound(long[] sorted, int h) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hash(sorted[mid]) < h) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The comparison of text A (prepared once) with text B given by its {@link Winnowing#packedSorted()} fingerprints and
     * canonical length: containment, Jaccard and the passages at canonical offsets only (source offsets −1, no quotes) —
     * enough for {@link TextIndex#band}; {@link #quote} adds the source offsets and quotes.
     */
    public static Match compare(Side a, long[] b, int lengthB) {
        int distinctB = distinct(b);
        int shared = 0;
        for (int i = 0, j = 0; i < a.sorted.length && j < b.length; ) {
            int ha = hash(a.sorted[i]);
            int hb = hash(b[j]);
            if (ha < hb) {
                i++;
            } else if (hb < ha) {
                j++;
            } else {
                shared++;
                while (i < a.sorted.length && hash(a.sorted[i]) == ha) {
                    i++;
                }
                while (j < b.length && hash(b[j]) == hb) {
                    j++;
                }
            }
        }
        int union = a.distinct + distinctB - shared;
        double jaccard = union == 0 ? 0 : (double) shared / union;
        double aInB = a.distinct == 0 ? 0 : (double) shared / a.distinct;
        double bInA = distinctB == 0 ? 0 : (double) shared / distinctB;
        if (shared == 0) {
            return new Match(List.of(), jaccard, aInB, bInA, 0, a.length, lengthB);
        }

        // pairs (posA, posB) in A order; a run follows a diagonal that may drift by MAX_DRIFT per step (indels)
        List<int[]> runs = new ArrayList<>(); // startA, lastA, startB, lastB
        List<int[]> open = new ArrayList<>();
        for (int i = 0; i < a.hashes.length; i++) {
            if (a.occurrences[i] > MAX_OCCURRENCES) {
                continue;
            }
            int h = a.hashes[i];
            int from = lowerBound(b, h);
            int to = from;
            while (to < b.length && hash(b[to]) == h) {
                to++;
            }
            if (to == from || to - from > MAX_OCCURRENCES) {
                continue;
            }
            int pa = a.positions[i];
            for (int k = from; k < to; k++) {
                int pb = (int) b[k];
                int[] best = null;
                int bestDrift = Integer.MAX_VALUE;
                for (int o = open.size() - 1; o >= 0; o--) {
                    int[] r = open.get(o);
                    if (pa - r[1] > MAX_GAP) {
                        runs.add(r);
                        open.remove(o);
                        continue;
                    }
                    int drift = Math.abs((pb - pa) - (r[3] - r[1]));
                    if (pa > r[1] && pb > r[3] && drift <= MAX_DRIFT && drift < bestDrift) {
                        best = r;
                        bestDrift = drift;
                    }
                }
                if (best != null) {
                    best[1] = pa;
                    best[3] = pb;
                } else {
                    open.add(new int[] {pa, pa, pb, pb});
                }
            }
        }
        runs.addAll(open);
        for (int[] r : runs) {
            r[1] += Winnowing.K;
            r[3] += Winnowing.K;
        }
        // keep the longest passages first, drop ones overlapping an already kept passage on side A
        runs.sort(Comparator.<int[]>comparingInt(r -> r[0] - r[1]).thenComparingInt(r -> r[0]));
        List<int[]> kept = new ArrayList<>();
        for (int[] r : runs) {
            boolean overlaps = false;
            for (int[] q : kept) {
                if (r[0] < q[1] && q[0] < r[1]) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(r);
            }
        }
        kept.sort(Comparator.comparingInt(r -> r[0]));
        List<Passage> passages = new ArrayList<>(kept.size());
        for (int[] r : kept) {
            int ea = Math.min(r[1], a.length);
            int eb = Math.min(r[3], lengthB);
            passages.add(new Passage(r[0], ea, r[2], eb, -1, -1, -1, -1, null, null));
        }
        return new Match(List.copyOf(passages), jaccard, aInB, bInA, shared, a.length, lengthB);
    }

    /** A {@link #compare} result with the passages' source offsets and quoted source text of both texts. */
    public static Match quote(Match m, CanonicalText a, CanonicalText b) {
        List<Passage> passages = new ArrayList<>(m.passages().size());
        for (Passage p : m.passages()) {
            int sa = p.canonicalStartA();
            int ea = p.canonicalEndA();
            int sb = p.canonicalStartB();
            int eb = p.canonicalEndB();
            passages.add(new Passage(sa, ea, sb, eb, a.sourceStart(sa), a.sourceEnd(ea - 1), b.sourceStart(sb),
                    b.sourceEnd(eb - 1), a.quote(sa, ea), b.quote(sb, eb)));
        }
        return new Match(List.copyOf(passages), m.jaccard(), m.containmentAinB(), m.containmentBinA(),
                m.sharedFingerprints(), m.lengthA(), m.lengthB());
    }
}
