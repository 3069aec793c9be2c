package org.alliancechain.copyright.fingerprint.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotInput;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotOutput;

/**
 * The registered images, searchable for copies (copyright.md §3, §4). Whole-image PDQ hashes are in a
 * multi-index hash ({@link PdqIndex}, exact to distance {@value Pdq#MATCH_DISTANCE}); region hashes in a
 * {@link RegionIndex} tuned for crops.
 *
 * <p>A look-up compares the query's hash in all eight orientations and inverted (16 variants; for an image file
 * also its pixel mirror image's, {@link ImageQuery#mirroredOrientations}, 32 in all, and when those match nothing 32 more
 * of its pixels flipped and half turned, {@link ImageQuery#turnedOrientations}) with the whole-image hashes first
 * (resized, re-encoded, rotated, mirrored, inverted copies). Only when that finds
 * nothing are the query's regions looked up: the region index returns the images with a region near one of the
 * query's, and each of them is verified with the geometry check {@link PdqRegions#cropMatch} on all its regions
 * (at least {@link PdqRegions#MIN_MATCHING_REGIONS} agreeing on one scale and translation). Copies that are not
 * crops never pay for the region look-up. Adds and searches may run concurrently (each index has its lock); one
 * writer at a time.
 */
public final class ImageSearch {

    /** A registered image the query matched. */
    public record Hit(long id, String band, double score, Integer distance, String orientation, int regions) {
    }

    private final PdqIndex wholes = new PdqIndex();
    private final RegionIndex regions;
    private final java.util.Set<Long> works = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ImageSearch() {
        this(RegionIndex.SLOTS);
    }

    /** With the region index on {@code regionSlots} of the 16 slots (measurements). */
    ImageSearch(int regionSlots) {
        regions = new RegionIndex(regionSlots);
    }

    public int size() {
        return works.size();
    }

    public boolean contains(long id) {
        return works.contains(id);
    }

    public void add(long id, ImageFingerprint fp) {
        if (!works.add(id)) {
            return;
        }
        wholes.add(id, fp.pdq());
        regions.add(id, fp.regions().subList(0, Math.min(PdqRegions.MAX_REGIONS, fp.regions().size())));
    }

    /**
     * The works the query matches, best first: whole-image matches by distance; when there is none, crop matches
     * by regions matched. A query without a whole-image hash ({@code pdq} null, e.g. too flat to hash as a whole)
     * is looked up by its regions only.
     */
    public List<Hit> search(ImageFingerprint query, int limit) {
        var passes = new LinkedHashMap<Pdq.Orientation, Map<Pdq.Orientation, PdqHash>>();
        if (!query.orientations().isEmpty()) {
            passes.put(Pdq.Orientation.ORIGINAL, query.orientations());
        }
        return search(query.pdq(), passes, Map::of, query::regions, limit);
    }

    /**
     * As {@link #search(ImageFingerprint, int)}, with the query's pixel mirror image too ({@link ImageQuery#mirroredOrientations()})
     * and, only if those matched nothing, its pixels turned top–bottom and half a turn ({@link ImageQuery#turnedOrientations()}):
     * every orientation of a copy then has a variant exact to the pixel. The query's regions are computed only if the
     * whole image matched nothing in any of them.
     */
    public List<Hit> search(ImageQuery query, int limit) {
        var passes = new LinkedHashMap<Pdq.Orientation, Map<Pdq.Orientation, PdqHash>>();
        passes.put(Pdq.Orientation.ORIGINAL, query.orientations());
        passes.put(Pdq.Orientation.FLIP_X, query.mirroredOrientations());
        return search(query.pdq(), passes, query::turnedOrientations, query::regions, limit);
    }

    /**
     * @param passes    the query's pixels as given, or mirrored or turned (the key), each hashed in the eight orientations
     * @param further   more such passes, asked for only if {@code passes} matched nothing
     */
    private List<Hit> search(PdqHash pdq, Map<Pdq.Orientation, Map<Pdq.Orientation, PdqHash>> passes,
                             Supplier<Map<Pdq.Orientation, Map<Pdq.Orientation, PdqHash>>> further,
                             Supplier<List<PdqRegions.Region>> queryRegions, int limit) {
        List<Hit> found;
        if (passes.isEmpty()) {
            found = pdq == null ? List.of() : wholes(List.of(pdq), List.of(Pdq.Orientation.ORIGINAL.name()), limit);
        } else {
            found = wholes(passes, limit);
            if (found.isEmpty()) {
                var more = further.get();
                found = more.isEmpty() ? found : wholes(more, limit);
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        List<PdqRegions.Region> regionsOfQuery = queryRegions.get();
        return regionsOfQuery.isEmpty() ? found : crops(regionsOfQuery, limit);
    }

    /**
     * Each pass's hashes and their complements (inverted colours), named by the orientation that takes the query to the
     * work: {@code o} after the pass's own pixel transformation.
     */
    private List<Hit> wholes(Map<Pdq.Orientation, Map<Pdq.Orientation, PdqHash>> passes, int limit) {
        var variants = new ArrayList<PdqHash>(16 * passes.size());
        var names = new ArrayList<String>(16 * passes.size());
        passes.forEach((pixels, hashes) -> hashes.forEach((o, hash) -> {
            String name = o.after(pixels).name();
            variants.add(hash);
            names.add(name);
            variants.add(hash.complement());
            names.add(name + "_INVERTED");
        }));
        return wholes(variants, names, limit);
    }

    /**
     * The works whose whole-image hash lies within {@value Pdq#MATCH_DISTANCE} of {@code hash} (as given: a caller
     * that wants rotations, mirrors or inverted copies sends their hashes too), nearest first.
     */
    public List<Hit> searchHash(PdqHash hash, int limit) {
        return wholes(List.of(hash), List.of(Pdq.Orientation.ORIGINAL.name()), limit);
    }

    /**
     * What decides how images are indexed, written in a snapshot's header: a snapshot written under other rules is not
     * read back.
     */
    public static String layout() {
        return "image-index/1 regions=" + PdqRegions.MAX_REGIONS + " region-slots=" + RegionIndex.SLOTS;
    }

    /** Every image work held, by id. */
    public void forEachWork(LongConsumer action) {
        works.forEach(action::accept);
    }

    /** Writes the images held: ids, whole-image hashes, regions. Not while another thread adds. */
    public void writeTo(SnapshotOutput out) throws IOException {
        long[] ids = works.stream().mapToLong(Long::longValue).sorted().toArray();
        out.writeInt(ids.length);
        out.writeLongs(ids, 0, ids.length);
        wholes.writeTo(out);
        regions.writeTo(out);
    }

    /** The images {@link #writeTo} wrote whose id {@code keep} accepts. */
    public static ImageSearch readFrom(SnapshotInput in, LongPredicate keep) throws IOException {
        var search = new ImageSearch();
        int n = in.readCount(8, Integer.MAX_VALUE);
        long[] ids = new long[n];
        in.readLongs(ids, 0, n);
        for (long id : ids) {
            if (keep.test(id)) {
                search.works.add(id);
            }
        }
        search.wholes.readFrom(in, keep);
        search.regions.readFrom(in, keep);
        return search;
    }

    /** Region hashes held (over all images). */
    public int regionEntries() {
        return regions.size();
    }

    /** Heap bytes held by the two indexes (a rough figure for capacity planning). */
    public long estimatedBytes() {
        return wholes.estimatedBytes() + regions.estimatedBytes();
    }

    private List<Hit> wholes(List<PdqHash> variants, List<String> names, int limit) {
        if (variants.isEmpty()) {
            return List.of();
        }
        var found = new ArrayList<Hit>();
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
            found.add(new Hit(hit.id(), "MATCH", 1.0 - best / 128.0, best, orientation, 0));
        }
        // the index answers nearest first, so the first `limit` are the best
        return found.size() <= limit ? found : List.copyOf(found.subList(0, limit));
    }

    private List<Hit> crops(List<PdqRegions.Region> query, int limit) {
        var found = new ArrayList<Hit>();
        for (int image : regions.candidates(query, Pdq.MATCH_DISTANCE)) {
            var match = PdqRegions.verifiedMatch(query, regions.regions(image));
            if (match.isPresent()) {
                int n = match.get().regions().size();
                found.add(new Hit(regions.id(image), "MATCH", Math.min(0.99, 0.5 + n / 20.0), null, "CROP", n));
            }
        }
        found.sort(Comparator.comparingDouble(Hit::score).reversed());
        return found.size() <= limit ? found : List.copyOf(found.subList(0, limit));
    }
}
