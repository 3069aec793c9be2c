package org.alliancechain.copyright.fingerprint.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Scale-space blobs: extrema of the difference of Gaussians over position and scale (Lindeberg's blob detector,
 * SIFT's keypoint detector without its orientation and descriptor), as boxes for {@link PdqRegions}. A blob depends
 * only on the pixels around it, so it keeps its place and size when a crop cuts the frame elsewhere — unlike a
 * threshold component, which on smooth gradients and flat artwork runs into the frame — and its size follows the
 * image's scale. SIFT's edge test (principal-curvature ratio) is left out on purpose: on flat artwork most stable
 * extrema lie along soft ridges, and a box 6 σ wide tolerates the small slide along the ridge that the test guards
 * against (measured: crops of that artwork are found only without it, docs/benchmarks.md).
 */
final class Blobs {

    /**
     * Scales σ₀·2^(i/3), i = 0 … LEVELS − 1, in the segmentation image's pixels (about 512 a side): extrema are taken
     * on the DoG levels 1 … 8, σ ≈ 5.7 … 29, boxes of 7–34 % of the side.
     */
    private static final double SIGMA0 = 4.0;
    private static final int PER_OCTAVE = 3;
    private static final int LEVELS = 11;
    /** Responses below this (luma units of the scale-normalised DoG) are noise. */
    private static final double MIN_RESPONSE = 0.5;
    /** A box is the blob's centre ± this many σ. */
    private static final double BOX_SIGMAS = 3;

    private Blobs() {
    }

    /**
     * Boxes {@code {x0, y0, x1, y1, area, score}} (segmentation pixels) of the blobs whose box lies inside the image,
     * strongest first.
     */
    static List<double[]> of(float[] full, int fullWidth, int fullHeight) {
        // The scale space is built at half the segmentation image's resolution (σ halved): a quarter of the work,
        // and the smallest scale, σ ≈ 5.7 there, is still 2.8 pixels of the half image.
        int w = fullWidth / 2;
        int h = fullHeight / 2;
        if (w < 3 || h < 3) {
            return List.of();
        }
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            int r0 = 2 * y * fullWidth;
            int r1 = r0 + fullWidth;
            for (int x = 0; x < w; x++) {
                v[y * w + x] = (full[r0 + 2 * x] + full[r0 + 2 * x + 1] + full[r1 + 2 * x] + full[r1 + 2 * x + 1]) * 0.25f;
            }
        }
        float[][] gauss = new float[LEVELS][];
        for (int i = 0; i < LEVELS; i++) {
            gauss[i] = gaussian(v, w, h, SIGMA0 / 2 * Math.pow(2, i / (double) PER_OCTAVE));
        }
        float[][] dog = new float[LEVELS - 1][];
        for (int i = 0; i < LEVELS - 1; i++) {
            float[] d = new float[w * h];
            float[] a = gauss[i];
            float[] b = gauss[i + 1];
            for (int p = 0; p < d.length; p++) {
                d[p] = b[p] - a[p];
            }
            dog[i] = d;
        }
        List<double[]> out = new ArrayList<>();
        for (int s = 1; s < dog.length - 1; s++) {
            float[] below = dog[s - 1];
            float[] here = dog[s];
            float[] above = dog[s + 1];
            for (int y = 1; y < h - 1; y++) {
                for (int x = 1; x < w - 1; x++) {
                    int p = y * w + x;
                    float c = here[p];
                    if (Math.abs(c) < MIN_RESPONSE || !extremum(c, p, w, here) || !extremum(c, p, w, below)
                            || !extremum(c, p, w, above) || (c > 0 ? c <= below[p] || c <= above[p] : c >= below[p] || c >= above[p])) {
                        continue;
                    }
                    // sub-pixel and sub-scale position from a parabola through each axis' three samples
                    double ox = offset(here[p - 1], c, here[p + 1]);
                    double oy = offset(here[p - w], c, here[p + w]);
                    double os = offset(below[p], c, above[p]);
                    double cx = 2 * (x + 0.5 + ox);
                    double cy = 2 * (y + 0.5 + oy);
                    double sg = SIGMA0 * Math.pow(2, (s + os + 0.5) / PER_OCTAVE);
                    double half = BOX_SIGMAS * sg;
                    if (cx - half < 0 || cy - half < 0 || cx + half > fullWidth || cy + half > fullHeight) {
                        continue;
                    }
                    out.add(new double[] {cx - half, cy - half, cx + half, cy + half, 4 * half * half, Math.abs(c)});
                }
            }
        }
        out.sort((a, b) -> Double.compare(b[5], a[5]));
        return out;
    }

    private static double offset(double minus, double centre, double plus) {
        double denom = minus - 2 * centre + plus;
        if (denom == 0) {
            return 0;
        }
        double o = 0.5 * (minus - plus) / denom;
        return Math.max(-0.5, Math.min(0.5, o));
    }

    /** Whether {@code c} is beyond the eight neighbours of pixel {@code p} in {@code layer} (strictly: plateaus are not extrema). */
    private static boolean extremum(float c, int p, int w, float[] layer) {
        if (c > 0) {
            return c > layer[p - w - 1] && c > layer[p - w] && c > layer[p - w + 1] && c > layer[p - 1] && c > layer[p + 1]
                    && c > layer[p + w - 1] && c > layer[p + w] && c > layer[p + w + 1];
        }
        return c < layer[p - w - 1] && c < layer[p - w] && c < layer[p - w + 1] && c < layer[p - 1] && c < layer[p + 1]
                && c < layer[p + w - 1] && c < layer[p + w] && c < layer[p + w + 1];
    }

    /** A Gaussian blur of σ approximated by three box blurs (edges replicated). */
    static float[] gaussian(float[] v, int w, int h, double sigma) {
        int n = 3;
        double ideal = Math.sqrt(12 * sigma * sigma / n + 1);
        int wl = (int) Math.floor(ideal);
        if (wl % 2 == 0) {
            wl--;
        }
        int wu = wl + 2;
        int m = (int) Math.round((12 * sigma * sigma - n * wl * wl - 4 * n * wl - 3 * n) / (-4.0 * wl - 4));
        float[] a = v.clone();
        float[] b = new float[a.length];
        for (int i = 0; i < n; i++) {
            int r = ((i < m ? wl : wu) - 1) / 2;
            boxRows(a, b, w, h, r);
            boxColumns(b, a, w, h, r);
        }
        return a;
    }

    private static void boxRows(float[] in, float[] out, int w, int h, int r) {
        float norm = 1f / (2 * r + 1);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            float s = 0;
            for (int k = -r - 1; k < r; k++) {
                s += in[row + Math.min(w - 1, Math.max(0, k))];
            }
            for (int x = 0; x < w; x++) {
                s += in[row + Math.min(w - 1, x + r)] - in[row + Math.max(0, x - r - 1)];
                out[row + x] = s * norm;
            }
        }
    }

    private static void boxColumns(float[] in, float[] out, int w, int h, int r) {
        float norm = 1f / (2 * r + 1);
        float[] s = new float[w];
        for (int k = -r - 1; k < r; k++) {
            int row = Math.min(h - 1, Math.max(0, k)) * w;
            for (int x = 0; x < w; x++) {
                s[x] += in[row + x];
            }
        }
        for (int y = 0; y < h; y++) {
            int add = Math.min(h - 1, y + r) * w;
            int sub = Math.max(0, y - r - 1) * w;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                s[x] += in[add + x] - in[sub + x];
                out[row + x] = s[x] * norm;
            }
        }
    }
}
