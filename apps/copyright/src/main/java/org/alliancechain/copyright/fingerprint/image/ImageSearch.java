package org.alliancechain.copyright.fingerprint.image;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered images, searchable for copies (copyright.md §3, §4): whole-image PDQ hashes in one
 * multi-index hash, region hashes in another (entry id = work × 64 + region). A query compares its
 * hash in all eight orientations and inverted with the whole-image hashes (rotations, mirrors,
 * inverted colours), and its regions with the registered regions (crops): a work with at least
 * {@link PdqRegions#MIN_MATCHING_REGIONS} regions near the query's is a crop match. Not thread-safe for
 * writes: one writer, readers in parallel.
 */
public final class ImageSearch {

    /** A registered image the query matched. */
    public record Hit(long id, String band, double score, Integer distance, String orientation, int regions) {
    }

    private static final int REGION_SLOTS = 64;

    private final PdqIndex wholes = new PdqIndex();
    private final PdqIndex regions = new PdqIndex();
    private final java.util.Set<Long> works = new java.util.HashSet<>();

    public int size() {
        return works.size();
    }

    public void add(long id, ImageFingerprint fp) {
        if (!works.add(id)) {
            return;
        }
        wholes.add(id, fp.pdq());
        for (int i = 0; i < Math.min(REGION_SLOTS, fp.regions().size()); i++) {
            regions.add(id * REGION_SLOTS + i, fp.regions().get(i).hash());
        }
    }

    /** The works the query matches, best first: whole-image matches by distance, then crop matches by regions matched. */
    public List<Hit> search(ImageFingerprint query, int limit) {
        Map<Long, Hit> found = new HashMap<>();
        var variants = new ArrayList<PdqHash>(16);
        var names = new ArrayList<String>(16);
        for (var e : query.orientations().entrySet()) {
            variants.add(e.getValue());
            names.add(e.getKey().name());
            variants.add(e.getValue().complement());
            names.add(e.getKey().name() + "_INVERTED");
        }
        if (variants.isEmpty()) {
            variants.add(query.pdq());
            names.add(Pdq.Orientation.ORIGINAL.name());
        }
        for (var hit : wholes.query(variants, Pdq.MATCH_DISTANCE)) {
            int best = Integer.MAX_VALUE;
            String orientation = null;
            for (int i = 0; i < variants.size(); i++) {
                int d = variants.get(i).distance(hit.hash());
                if (d < best) {
                    best = d;
                    orientation = names.get(i);
                }
            }
            found.put(hit.id(), new Hit(hit.id(), "MATCH", 1.0 - best / 128.0, best, orientation, 0));
        }
        Map<Long, BitSet> matchedRegions = new HashMap<>();
        for (var region : query.regions()) {
            for (var hit : regions.query(region.hash(), Pdq.MATCH_DISTANCE)) {
                matchedRegions.computeIfAbsent(hit.id() / REGION_SLOTS, k -> new BitSet()).set((int) (hit.id() % REGION_SLOTS));
            }
        }
        for (var e : matchedRegions.entrySet()) {
            int n = e.getValue().cardinality();
            var whole = found.get(e.getKey());
            if (whole != null) {
                found.put(e.getKey(), new Hit(whole.id(), whole.band(), whole.score(), whole.distance(), whole.orientation(), n));
            } else if (n >= PdqRegions.MIN_MATCHING_REGIONS) {
                found.put(e.getKey(), new Hit(e.getKey(), "MATCH", Math.min(0.99, 0.5 + n / 20.0), null, "CROP", n));
            }
        }
        return found.values().stream().sorted(Comparator.comparing(Hit::band).thenComparing(Comparator.comparingDouble(Hit::score).reversed()))
                .limit(limit).toList();
    }
}
