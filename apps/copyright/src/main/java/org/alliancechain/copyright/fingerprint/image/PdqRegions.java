package org.alliancechain.copyright.fingerprint.image;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Crop-resistant region hashes (§3.2 of the domain page; after imagehash's crop-resistant hash, PR #120): a
 * global PDQ hash misses a 5 % crop (≈ 83 bits), but regions defined by the content keep their boxes when the
 * frame around them is cut.
 *
 * <ul>
 * <li>Segmentation: the image (at most 1024 a side) is area-averaged by an <em>integer</em> factor to about
 * 512 a side and blurred; an uncropped image and a crop of it at the same resolution (or at half of it) are
 * then segmented at the same scale. Bright and dark 4-connected components are taken at fixed luma levels
 * 32, 48, …, 224 (they do not move when a crop changes the histogram) and at the 10th–90th percentiles.</li>
 * <li>Boxes: a component's centroid ± √3 standard deviations per axis, which depends on all its pixels
 * rather than on its extreme points; boxes of 0.3–25 % of the image. And scale-space blobs ({@link Blobs}):
 * squares of ± 3 σ around difference-of-Gaussian extrema, which smooth gradients and flat artwork have where their
 * components all run into the frame. Ranked: components inside the frame by area, up to {@value #BLOB_SLOTS}
 * blobs by response (weighted down within a fifth of a side of the frame, {@link #CROP_HORIZON}), components
 * touching the frame, further blobs. Near-duplicates (IoU &gt; 0.85) dropped, at
 * most {@link #MAX_REGIONS}; each box is PDQ-hashed from the upright image (quality ≥
 * {@value #MIN_REGION_QUALITY}).</li>
 * <li>Matching ({@link #match}): region pairs within {@link #VERIFY_DISTANCE} whose boxes agree on one
 * scale and translation, at least {@link #MIN_MATCHING_REGIONS} registered regions, two of them in distinct places
 * (centres a box side apart), one within {@link Pdq#MATCH_DISTANCE} (the one the index finds).</li>
 * </ul>
 *
 * <p>Region hashes go into a {@link RegionIndex} of their own (with their boxes); the candidates it returns are
 * verified with {@link #verifiedMatch} against all the candidate's regions ({@link ImageSearch}).
 * Limits: a crop that is also rescaled by a factor other than about 1 or ½ is segmented at another scale and
 * mostly missed (blobs follow the scale, components do not); a flat image may have no hashable region.
 */
public final class PdqRegions {

    /** At most this many regions per image (each is one index entry). */
    public static final int MAX_REGIONS = 32;
    /** At most this many blobs ({@link Blobs}) are ranked before the components that touch the frame. */
    static final int BLOB_SLOTS = 16;
    /** Geometrically consistent matching regions needed to call a crop match. */
    public static final int MIN_MATCHING_REGIONS = 2;

    private static final int SEGMENTATION_SIDE = 512;
    private static final int HASHING_SIDE = 1024;
    private static final double[] PERCENTILES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    private static final float[] LEVELS = levels(32, 224, 16);

    private static final double MIN_AREA = 0.003;
    private static final double MIN_SIDE = 0.06;
    private static final double MAX_BOX_AREA = 0.25;
    private static final double DUPLICATE_IOU = 0.85;
    private static final double BOX_SIGMAS = Math.sqrt(3);
    /**
     * Regions are hashed down to this PDQ quality (whole images need {@link Pdq#MIN_QUALITY}): a region only
     * counts together with others at a consistent geometry, so a noisier hash costs recall, not precision.
     */
    static final int MIN_REGION_QUALITY = 30;
    /** Regions touching the frame are the first a crop changes: they rank after interior ones of a fifth their area. */
    private static final double BORDER_PENALTY = 0.2;
    /**
     * Blobs are ranked by response times {@code min(1, margin / CROP_HORIZON)}, the margin being the box's least distance
     * to an edge as a fraction of that side: a crop of up to this fraction of a side (#20's range) removes a blob nearer
     * the frame, so where an image's detail crowds against one side those blobs do not take every slot.
     */
    static final double CROP_HORIZON = 0.2;
    /** Geometry check: matched boxes agree on the scale within this (natural log, ≈ ±20 %). */
    static final double SCALE_TOLERANCE = 0.2;
    /** Geometry check: and on the translation within this fraction of the box side. */
    static final double SHIFT_TOLERANCE = 0.15;
    /**
     * Candidates are found through the index at {@link Pdq#MATCH_DISTANCE}; once one region matched there, the
     * other regions of the candidate that sit at the same scale and translation may be up to this far.
     */
    public static final int VERIFY_DISTANCE = 44;
    /**
     * Regions whose centres are closer than this fraction of the smaller box's side are in one place: their boxes
     * overlap, share pixels, and so are not independent evidence.
     */
    static final double SAME_PLACE = 1.0;

    private PdqRegions() {
    }

    private static float[] levels(int from, int to, int step) {
        float[] out = new float[(to - from) / step + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i * step;
        }
        return out;
    }

    /** A region's box in the upright image's pixels and its PDQ hash. */
    public record Region(int x, int y, int width, int height, PdqHash hash) {
    }

    /** The region hashes of an encoded image (possibly none: a flat image has no hashable regions). */
    public static List<Region> of(byte[] imageBytes) {
        return of(LumaImage.decode(imageBytes, Pdq.MAX_PIXELS));
    }

    public static List<Region> of(BufferedImage image) {
        return of(LumaImage.of(image));
    }

    static List<Region> of(LumaImage upright) {
        if (upright.width < 32 || upright.height < 32) {
            return List.of();
        }
        // Box coordinates are reported in the upright image's pixels; hashing reads a copy at most 1024 a side.
        LumaImage work = upright.shrinkTo(HASHING_SIDE, HASHING_SIDE);
        // An integer reduction factor: an uncropped image and a crop of it (up to ~25 %) at the same resolution
        // are segmented at the same scale, so the regions' shapes agree.
        int k = Math.max(1, (int) Math.ceil(Math.max(work.width, work.height) / (double) SEGMENTATION_SIDE));
        LumaImage seg = reduce(work, k);
        float[] blurred = blur(seg);
        float[] sorted = blurred.clone();
        Arrays.sort(sorted);
        List<double[]> boxes = new ArrayList<>(); // x0, y0, x1, y1 in seg pixels (moment boxes), area
        float[] thresholds = new float[PERCENTILES.length + LEVELS.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            thresholds[i] = sorted[(int) (PERCENTILES[i] * (sorted.length - 1))];
        }
        System.arraycopy(LEVELS, 0, thresholds, PERCENTILES.length, LEVELS.length);
        for (float threshold : thresholds) {
            components(blurred, seg.width, seg.height, threshold, true, boxes);
            components(blurred, seg.width, seg.height, threshold, false, boxes);
        }
        for (double[] b : boxes) {
            boolean touches = b[0] <= 0.5 || b[1] <= 0.5 || b[2] >= seg.width - 0.5 || b[3] >= seg.height - 0.5;
            b[5] = touches ? b[4] * BORDER_PENALTY : b[4];
        }
        boxes.sort(Comparator.comparingDouble((double[] b) -> b[5]).reversed());
        // Interior components first (a crop leaves them as they are), then up to BLOB_SLOTS blobs, strongest first
        // (those within CROP_HORIZON of the frame weighted down), then the components touching the frame (the first a
        // crop changes), then any further blobs. Photographs keep their interior components; flat artwork, whose
        // components mostly run into the frame, gets its blobs.
        List<double[]> blobs = byCropSurvival(Blobs.of(seg.luma, seg.width, seg.height), seg.width, seg.height);
        List<double[]> ordered = new ArrayList<>();
        List<double[]> touching = new ArrayList<>();
        for (double[] b : boxes) {
            (b[5] < b[4] ? touching : ordered).add(b);
        }
        int firstBlobs = Math.min(BLOB_SLOTS, blobs.size());
        ordered.addAll(blobs.subList(0, firstBlobs));
        ordered.addAll(touching);
        ordered.addAll(blobs.subList(firstBlobs, blobs.size()));
        List<double[]> kept = new ArrayList<>();
        List<Region> regions = new ArrayList<>();
        double fx = work.width / (double) seg.width;
        double fy = work.height / (double) seg.height;
        double ux = upright.width / (double) work.width;
        double uy = upright.height / (double) work.height;
        for (double[] b : ordered) {
            if (regions.size() >= MAX_REGIONS) {
                break;
            }
            if (kept.stream().anyMatch(q -> iou(q, b) > DUPLICATE_IOU)) {
                continue;
            }
            kept.add(b);
            int x0 = Math.max(0, (int) Math.round(b[0] * fx));
            int y0 = Math.max(0, (int) Math.round(b[1] * fy));
            int x1 = Math.min(work.width, (int) Math.round(b[2] * fx));
            int y1 = Math.min(work.height, (int) Math.round(b[3] * fy));
            if (x1 - x0 < 16 || y1 - y0 < 16) {
                continue;
            }
            Pdq.Coefficients c = Pdq.coefficients(work.crop(x0, y0, x1 - x0, y1 - y0));
            if (c.quality() < MIN_REGION_QUALITY) {
                continue;
            }
            regions.add(new Region((int) Math.round(x0 * ux), (int) Math.round(y0 * uy),
                    (int) Math.round((x1 - x0) * ux), (int) Math.round((y1 - y0) * uy), c.hash(Pdq.Orientation.ORIGINAL)));
        }
        return List.copyOf(regions);
    }

    /** The blobs ({@code {x0, y0, x1, y1, area, response}}) strongest first, each response weighted by {@link #CROP_HORIZON}. */
    static List<double[]> byCropSurvival(List<double[]> blobs, int width, int height) {
        List<double[]> out = new ArrayList<>(blobs);
        out.sort(Comparator.comparingDouble((double[] b) -> -b[5] * cropSurvival(b, width, height)));
        return out;
    }

    private static double cropSurvival(double[] box, int width, int height) {
        double margin = Math.min(Math.min(box[0] / width, box[1] / height), Math.min((width - box[2]) / width, (height - box[3]) / height));
        return Math.min(1, Math.max(0, margin) / CROP_HORIZON);
    }

    /** Area average over k × k blocks (the last partial row and column dropped). */
    private static LumaImage reduce(LumaImage img, int k) {
        if (k == 1) {
            return img;
        }
        int w = img.width / k;
        int h = img.height / k;
        float[] out = new float[w * h];
        float norm = 1f / (k * k);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float s = 0;
                for (int dy = 0; dy < k; dy++) {
                    int row = (y * k + dy) * img.width + x * k;
                    for (int dx = 0; dx < k; dx++) {
                        s += img.luma[row + dx];
                    }
                }
                out[y * w + x] = s * norm;
            }
        }
        return new LumaImage(w, h, out);
    }

    /** How many of {@code registered}'s regions lie within {@code radius} of some region of {@code query}. */
    public static int matchingRegions(List<Region> query, List<Region> registered, int radius) {
        int n = 0;
        for (Region r : registered) {
            for (Region q : query) {
                if (q.hash().distance(r.hash()) <= radius) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /**
     * A crop match: at least {@link #MIN_MATCHING_REGIONS} regions of {@code registered} within
     * {@link Pdq#MATCH_DISTANCE} of regions of {@code query} whose boxes agree on one scale and translation
     * (see {@link #match(List, List, int)}).
     */
    public static boolean cropMatch(List<Region> query, List<Region> registered) {
        return verifiedMatch(query, registered).isPresent();
    }

    /** The crop match {@link #cropMatch} accepts, if any: where the registered image sits and the regions that matched. */
    public static java.util.Optional<CropMatch> verifiedMatch(List<Region> query, List<Region> registered) {
        return match(query, registered, VERIFY_DISTANCE).filter(m -> m.regions().stream()
                .anyMatch(r -> r.distance() <= Pdq.MATCH_DISTANCE));
    }

    /** One region of the query matched to one of the registered image, with their Hamming distance. */
    public record MatchedRegion(Region query, Region registered, int distance) {
    }

    /**
     * Where a registered image appears in the query: {@code query ≈ scale · registered + (dx, dy)} in the two
     * images' upright pixels, supported by the matched regions (each registered region at most once).
     */
    public record CropMatch(double scale, double dx, double dy, List<MatchedRegion> regions) {
    }

    /**
     * The largest set of region pairs within {@code radius} whose boxes agree on one scale and translation
     * (scales within {@value #SCALE_TOLERANCE} in log, centres within {@value #SHIFT_TOLERANCE} of the box
     * side), if it has at least {@link #MIN_MATCHING_REGIONS} registered regions, two of them in distinct places
     * ({@link #inTwoPlaces}). Unrelated images
     * whose regions happen to be near in Hamming distance rarely place them consistently, so the geometry
     * check removes most false matches that a plain count would keep.
     */
    public static java.util.Optional<CropMatch> match(List<Region> query, List<Region> registered, int radius) {
        List<MatchedRegion> pairs = new ArrayList<>();
        for (Region r : registered) {
            for (Region q : query) {
                int d = q.hash().distance(r.hash());
                if (d <= radius) {
                    pairs.add(new MatchedRegion(q, r, d));
                }
            }
        }
        if (pairs.size() < MIN_MATCHING_REGIONS) {
            return java.util.Optional.empty();
        }
        CropMatch best = null;
        for (MatchedRegion seed : pairs) {
            double s = scale(seed);
            double dx = cx(seed.query()) - s * cx(seed.registered());
            double dy = cy(seed.query()) - s * cy(seed.registered());
            java.util.Map<Region, MatchedRegion> support = new java.util.IdentityHashMap<>();
            for (MatchedRegion p : pairs) {
                double ps = scale(p);
                if (Math.abs(Math.log(ps / s)) > SCALE_TOLERANCE) {
                    continue;
                }
                double side = Math.sqrt((double) p.query().width() * p.query().height());
                double ex = cx(p.query()) - (s * cx(p.registered()) + dx);
                double ey = cy(p.query()) - (s * cy(p.registered()) + dy);
                if (Math.hypot(ex, ey) > SHIFT_TOLERANCE * side) {
                    continue;
                }
                support.merge(p.registered(), p, (a, b) -> a.distance() <= b.distance() ? a : b);
            }
            // the pairwise place check last: only for a support that would become the best
            if (support.size() >= MIN_MATCHING_REGIONS && (best == null || support.size() > best.regions().size())
                    && inTwoPlaces(support.keySet())) {
                best = new CropMatch(s, dx, dy, List.copyOf(support.values()));
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /**
     * Whether two of the regions lie in distinct places: centres at least {@value #SAME_PLACE} side (of the smaller
     * box) apart. Overlapping boxes around one structure (a blob seen at two neighbouring scales, two corners of one
     * flat shape, a component at two thresholds) are one piece of evidence, not two: two unrelated images can share
     * one such spot by chance, and the match would otherwise rest on it alone.
     */
    private static boolean inTwoPlaces(java.util.Collection<Region> regions) {
        List<Region> all = List.copyOf(regions);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Region r = all.get(i);
                Region c = all.get(j);
                double side = Math.sqrt(Math.min((double) r.width() * r.height(), (double) c.width() * c.height()));
                if (Math.hypot(cx(r) - cx(c), cy(r) - cy(c)) >= SAME_PLACE * side) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double scale(MatchedRegion p) {
        return Math.sqrt((double) p.query().width() * p.query().height()
                / ((double) p.registered().width() * p.registered().height()));
    }

    private static double cx(Region r) {
        return r.x() + r.width() / 2.0;
    }

    private static double cy(Region r) {
        return r.y() + r.height() / 2.0;
    }

    /** Two rounds of a 5-pixel box blur, so that thresholds follow shapes rather than texture. */
    private static float[] blur(LumaImage img) {
        int w = img.width;
        int h = img.height;
        float[] a = img.luma.clone();
        float[] b = new float[a.length];
        for (int round = 0; round < 2; round++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    int n = 0;
                    for (int k = Math.max(0, x - 2); k <= Math.min(w - 1, x + 2); k++) {
                        s += a[y * w + k];
                        n++;
                    }
                    b[y * w + x] = s / n;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float s = 0;
                    int n = 0;
                    for (int k = Math.max(0, y - 2); k <= Math.min(h - 1, y + 2); k++) {
                        s += b[k * w + x];
                        n++;
                    }
                    a[y * w + x] = s / n;
                }
            }
        }
        return a;
    }

    /**
     * Boxes of the 4-connected components above (bright) or at/below the threshold that are large enough. A
     * box is the component's centroid ± √3 standard deviations per axis (the bounding box of a rectangle):
     * averaged over the component's pixels, it moves far less than the extreme points when the threshold,
     * the sampling grid or a crop elsewhere changes a few boundary pixels.
     */
    private static void components(float[] v, int w, int h, float threshold, boolean bright, List<double[]> out) {
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        int next = 0;
        for (int start = 0; start < v.length; start++) {
            if (label[start] != 0 || (v[start] > threshold) != bright) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            long area = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double syy = 0;
            int x0 = w;
            int y0 = h;
            int x1 = -1;
            int y1 = -1;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                area++;
                double cx = x + 0.5;
                double cy = y + 0.5;
                sx += cx;
                sy += cy;
                sxx += cx * cx;
                syy += cy * cy;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                if (x > 0) {
                    top = push(v, label, stack, top, p - 1, threshold, bright, next);
                }
                if (x < w - 1) {
                    top = push(v, label, stack, top, p + 1, threshold, bright, next);
                }
                if (y > 0) {
                    top = push(v, label, stack, top, p - w, threshold, bright, next);
                }
                if (y < h - 1) {
                    top = push(v, label, stack, top, p + w, threshold, bright, next);
                }
            }
            int bw = x1 - x0 + 1;
            int bh = y1 - y0 + 1;
            if (area < MIN_AREA * w * h || bw < MIN_SIDE * w || bh < MIN_SIDE * h
                    || (double) bw * bh > MAX_BOX_AREA * w * h) {
                continue;
            }
            double mx = sx / area;
            double my = sy / area;
            double hx = BOX_SIGMAS * Math.sqrt(Math.max(0, sxx / area - mx * mx));
            double hy = BOX_SIGMAS * Math.sqrt(Math.max(0, syy / area - my * my));
            double bx0 = Math.max(0, mx - hx);
            double by0 = Math.max(0, my - hy);
            double bx1 = Math.min(w, mx + hx);
            double by1 = Math.min(h, my + hy);
            out.add(new double[] {bx0, by0, bx1, by1, (bx1 - bx0) * (by1 - by0), 0});
        }
    }

    private static int push(float[] v, int[] label, int[] stack, int top, int p, float threshold, boolean bright, int id) {
        if (label[p] == 0 && (v[p] > threshold) == bright) {
            label[p] = id;
            stack[top++] = p;
        }
        return top;
    }

    private static double iou(double[] a, double[] b) {
        double ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
        double iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
        double inter = ix * iy;
        return inter / ((double) a[4] + b[4] - inter);
    }
}
