package org.alliancechain.copyright.fingerprint.image;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Crop-resistant region hashes (§3.2 of the domain page; after imagehash's crop-resistant hash, PR #120): a
 * global PDQ hash misses a 5 % crop (≈ 83 bits), but regions defined by the content keep their boxes when the
 * frame around them is cut. The image is segmented into bright and dark connected regions (a blurred 256-pixel
 * thumbnail thresholded at its 25th, 50th and 75th luma percentiles and at fixed luma levels 64–192), and each region's bounding box is
 * PDQ-hashed from the upright image (quality gated). Two images are a crop match when at least
 * {@link #MIN_MATCHING_REGIONS} of the registered image's regions are within the match distance of some
 * region of the query.
 *
 * <p>Region hashes go into the same {@link PdqIndex} as whole-image hashes, under ids the caller maps back
 * to the work.
 */
public final class PdqRegions {

    /** At most this many regions per image (the largest distinct boxes with quality ≥ {@link Pdq#MIN_QUALITY}). */
    public static final int MAX_REGIONS = 24;
    /** Matching regions needed to call a crop match. */
    public static final int MIN_MATCHING_REGIONS = 2;

    private static final int SEGMENTATION_SIDE = 256;
    private static final int HASHING_SIDE = 1024;
    private static final double[] PERCENTILES = {0.25, 0.5, 0.75};
    private static final float[] LEVELS = {64, 96, 128, 160, 192};
    private static final double MIN_AREA = 0.01;
    private static final double MIN_SIDE = 0.12;
    private static final double MAX_BOX_AREA = 0.7;
    private static final double DUPLICATE_IOU = 0.85;

    private PdqRegions() {
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
        double scale = Math.max(work.width, work.height) / (double) SEGMENTATION_SIDE;
        LumaImage seg = work.shrinkTo((int) Math.max(8, Math.round(work.width / Math.max(1, scale))),
                (int) Math.max(8, Math.round(work.height / Math.max(1, scale))));
        float[] blurred = blur(seg);
        float[] sorted = blurred.clone();
        Arrays.sort(sorted);
        List<int[]> boxes = new ArrayList<>(); // x0, y0, x1 (exclusive), y1, area
        // Percentiles follow brightness changes; fixed levels do not move when a crop changes the histogram.
        float[] thresholds = new float[PERCENTILES.length + LEVELS.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            thresholds[i] = sorted[(int) (PERCENTILES[i] * (sorted.length - 1))];
        }
        System.arraycopy(LEVELS, 0, thresholds, PERCENTILES.length, LEVELS.length);
        for (float threshold : thresholds) {
            components(blurred, seg.width, seg.height, threshold, true, boxes);
            components(blurred, seg.width, seg.height, threshold, false, boxes);
        }
        boxes.sort(Comparator.comparingInt((int[] b) -> b[4]).reversed());
        List<int[]> kept = new ArrayList<>();
        List<Region> regions = new ArrayList<>();
        double fx = work.width / (double) seg.width;
        double fy = work.height / (double) seg.height;
        double ux = upright.width / (double) work.width;
        double uy = upright.height / (double) work.height;
        for (int[] b : boxes) {
            if (regions.size() >= MAX_REGIONS) {
                break;
            }
            if (kept.stream().anyMatch(k -> iou(k, b) > DUPLICATE_IOU)) {
                continue;
            }
            kept.add(b);
            int x0 = (int) Math.floor(b[0] * fx);
            int y0 = (int) Math.floor(b[1] * fy);
            int x1 = Math.min(work.width, (int) Math.ceil(b[2] * fx));
            int y1 = Math.min(work.height, (int) Math.ceil(b[3] * fy));
            Pdq.Coefficients c = Pdq.coefficients(work.crop(x0, y0, x1 - x0, y1 - y0));
            if (c.quality() < Pdq.MIN_QUALITY) {
                continue;
            }
            regions.add(new Region((int) Math.round(x0 * ux), (int) Math.round(y0 * uy),
                    (int) Math.round((x1 - x0) * ux), (int) Math.round((y1 - y0) * uy), c.hash(Pdq.Orientation.ORIGINAL)));
        }
        return List.copyOf(regions);
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

    /** A crop match: at least {@link #MIN_MATCHING_REGIONS} regions within {@link Pdq#MATCH_DISTANCE}. */
    public static boolean cropMatch(List<Region> query, List<Region> registered) {
        return matchingRegions(query, registered, Pdq.MATCH_DISTANCE) >= MIN_MATCHING_REGIONS;
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

    /** Bounding boxes of the 4-connected components above (bright) or at/below the threshold that are large enough. */
    private static void components(float[] v, int w, int h, float threshold, boolean bright, List<int[]> out) {
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
            int area = 0;
            int x0 = w;
            int y0 = h;
            int x1 = -1;
            int y1 = -1;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                area++;
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
            if (area >= MIN_AREA * w * h && bw >= MIN_SIDE * w && bh >= MIN_SIDE * h
                    && (double) bw * bh <= MAX_BOX_AREA * w * h) {
                out.add(new int[] {x0, y0, x1 + 1, y1 + 1, bw * bh});
            }
        }
    }

    private static int push(float[] v, int[] label, int[] stack, int top, int p, float threshold, boolean bright, int id) {
        if (label[p] == 0 && (v[p] > threshold) == bright) {
            label[p] = id;
            stack[top++] = p;
        }
        return top;
    }

    private static double iou(int[] a, int[] b) {
        int ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
        int iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
        double inter = (double) ix * iy;
        return inter / ((double) a[4] + b[4] - inter);
    }
}
