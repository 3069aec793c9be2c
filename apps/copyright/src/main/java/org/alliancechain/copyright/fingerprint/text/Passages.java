package org.alliancechain.copyright.fingerprint.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Map<Long, List<Integer>> inB = new HashMap<>();
        for (int i = 0; i < wb.size(); i++) {
            inB.computeIfAbsent(wb.hashes()[i], k -> new ArrayList<>(2)).add(wb.positions()[i]);
        }
        Set<Long> setA = new HashSet<>();
        Map<Long, Integer> countA = new HashMap<>();
        for (long h : wa.hashes()) {
            setA.add(h);
            countA.merge(h, 1, Integer::sum);
        }
        int shared = 0;
        for (long h : setA) {
            if (inB.containsKey(h)) {
                shared++;
            }
        }
        int union = setA.size() + inB.size() - shared;
        double jaccard = union == 0 ? 0 : (double) shared / union;
        double aInB = setA.isEmpty() ? 0 : (double) shared / setA.size();
        double bInA = inB.isEmpty() ? 0 : (double) shared / inB.size();

        // pairs (posA, posB) in A order; a run follows a diagonal that may drift by MAX_DRIFT per step (indels)
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < wa.size(); i++) {
            long h = wa.hashes()[i];
            List<Integer> bs = inB.get(h);
            if (bs == null || bs.size() > MAX_OCCURRENCES || countA.get(h) > MAX_OCCURRENCES) {
                continue;
            }
            for (int pb : bs) {
                pairs.add(new int[] {wa.positions()[i], pb});
            }
        }
        pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        List<int[]> runs = new ArrayList<>(); // startA, lastA, startB, lastB
        List<int[]> open = new ArrayList<>();
        for (int[] pair : pairs) {
            int pa = pair[0];
            int pb = pair[1];
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
            int ea = Math.min(r[1], a.length());
            int eb = Math.min(r[3], b.length());
            passages.add(new Passage(r[0], ea, r[2], eb, a.sourceStart(r[0]), a.sourceEnd(ea - 1), b.sourceStart(r[2]),
                    b.sourceEnd(eb - 1), a.quote(r[0], ea), b.quote(r[2], eb)));
        }
        return new Match(List.copyOf(passages), jaccard, aInB, bInA, shared, a.length(), b.length());
    }
}
