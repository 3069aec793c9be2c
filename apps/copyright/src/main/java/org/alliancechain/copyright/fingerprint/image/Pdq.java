package org.alliancechain.copyright.fingerprint.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * PDQ perceptual hashing, written from the published algorithm (facebook/ThreatExchange {@code pdq/}, BSD;
 * see {@code ../shared/domain/copyright.md} §3.1):
 * <ol>
 * <li>decode, EXIF orientation, luma 0.299 R + 0.587 G + 0.114 B ({@link LumaImage});</li>
 * <li>area-average pre-resize of sides beyond {@value #PRE_RESIZE} (see there why not 512);</li>
 * <li>Jarosz tent filter: two rounds of a box pass along rows then columns, window ⌈dim / 128⌉;</li>
 * <li>64 × 64 samples at cell centres; quality = neighbour-gradient sum / 90, capped at 100;</li>
 * <li>B = D·A·Dᵀ with the 16 × 64 DCT-II matrix without its DC row; bit {@code 16i + j} = B[i][j] above the
 * median of the 256 coefficients.</li>
 * </ol>
 * The eight dihedral variants are derived from the same coefficients (a mirror negates the odd-frequency
 * coefficients, a transposition transposes B), each with its own median.
 *
 * <p>Hashes are stable for the same decoded pixels; against the reference implementations they agree within a
 * few bits (different JPEG decoders and resamplers). Match at Hamming distance ≤ {@link #MATCH_DISTANCE}.
 */
public final class Pdq {

    /** Below this quality a hash says little about the image (flat or tiny) and is refused. */
    public static final int MIN_QUALITY = 50;
    /** The reference's match threshold: Hamming distance ≤ 31 of 256 bits. */
    public static final int MATCH_DISTANCE = 31;
    /** Images with more pixels are refused before decoding (≈ 200 MB of decoded RGB). */
    public static final long MAX_PIXELS = 50_000_000L;
    /**
     * Sides longer than this are area-averaged down to it before filtering (speed and memory for camera-sized
     * images). The references hash at full resolution: pre-resizing the 1600 × 1004 fixture to 512 moved its
     * hashes 12–16 bits from the published ones (over the 10-bit conformance bound); at full resolution the
     * sharpened fixture drifts 12 bits (decoder noise in high frequencies); shrinking sides beyond 1024 keeps
     * every fixture within 10.
     */
    static final int PRE_RESIZE = 1024;
    /** Images smaller than this on a side have no meaningful 64 × 64 sampling. */
    static final int MIN_SIDE = 5;

    private static final float[][] DCT = dctMatrix();

    private Pdq() {
    }

    /**
     * The PDQ hash of an encoded image (JPEG, PNG, GIF, BMP, WebP).
     *
     * @throws ImageFingerprintException not an image, too large, or quality below {@link #MIN_QUALITY}
     */
    public static PdqHash hash(byte[] imageBytes) {
        return requireQuality(coefficients(LumaImage.decode(imageBytes, MAX_PIXELS))).hash(Orientation.ORIGINAL);
    }

    /** The PDQ hash of a decoded image (no EXIF to apply). */
    public static PdqHash hash(BufferedImage image) {
        return requireQuality(coefficients(LumaImage.of(image))).hash(Orientation.ORIGINAL);
    }

    /**
     * The hashes the image would have in each of the eight orientations, from one decoding and one DCT;
     * {@link Orientation#ORIGINAL} is {@link #hash(byte[])}. Compare a query's variants with registered hashes
     * to find rotated and mirrored copies; {@link PdqHash#complement()} of each finds colour-inverted ones.
     */
    public static Map<Orientation, PdqHash> dihedral(byte[] imageBytes) {
        return requireQuality(coefficients(LumaImage.decode(imageBytes, MAX_PIXELS))).dihedral();
    }

    public static Map<Orientation, PdqHash> dihedral(BufferedImage image) {
        return requireQuality(coefficients(LumaImage.of(image))).dihedral();
    }

    static Coefficients requireQuality(Coefficients c) {
        if (c.quality < MIN_QUALITY) {
            throw new ImageFingerprintException(ImageFingerprintException.Reason.LOW_QUALITY,
                    "the image is too small or too flat to fingerprint (quality " + c.quality + " of 100, at least "
                            + MIN_QUALITY + " needed)", c.quality, null);
        }
        return c;
    }

    /** The 16 × 16 DCT coefficients and quality of an upright luma image. */
    static Coefficients coefficients(LumaImage image) {
        if (image.width < MIN_SIDE || image.height < MIN_SIDE) {
            return new Coefficients(new float[256], 0);
        }
        LumaImage small = image.shrinkTo(PRE_RESIZE, PRE_RESIZE);
        int rows = small.height;
        int cols = small.width;
        float[] a = small.luma == image.luma ? small.luma.clone() : small.luma;
        float[] b = new float[a.length];
        int windowAlongRows = (cols + 2 * 64 - 1) / (2 * 64);
        int windowAlongCols = (rows + 2 * 64 - 1) / (2 * 64);
        for (int pass = 0; pass < 2; pass++) {
            for (int r = 0; r < rows; r++) {
                box1d(a, b, r * cols, 1, cols, windowAlongRows);
            }
            boxColumns(b, a, cols, rows, windowAlongCols);
        }
        float[] samples = new float[64 * 64];
        for (int i = 0; i < 64; i++) {
            int ini = (int) (((i + 0.5) * rows) / 64);
            for (int j = 0; j < 64; j++) {
                int inj = (int) (((j + 0.5) * cols) / 64);
                samples[i * 64 + j] = a[ini * cols + inj];
            }
        }
        int quality = quality(samples);
        // T = D · A (16 × 64), then B = T · Dᵀ (16 × 16)
        float[] t = new float[16 * 64];
        for (int i = 0; i < 16; i++) {
            float[] d = DCT[i];
            for (int j = 0; j < 64; j++) {
                float sum = 0;
                for (int k = 0; k < 64; k++) {
                    sum += d[k] * samples[k * 64 + j];
                }
                t[i * 64 + j] = sum;
            }
        }
        float[] coefficients = new float[256];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float[] d = DCT[j];
                float sum = 0;
                for (int k = 0; k < 64; k++) {
                    sum += t[i * 64 + k] * d[k];
                }
                coefficients[i * 16 + j] = sum;
            }
        }
        return new Coefficients(coefficients, quality);
    }

    /**
     * One box-filter pass of width {@code window} over a vector: the reference's four phases (growing window,
     * full window, shrinking window), so that edge pixels average only what exists.
     */
    static void box1d(float[] in, float[] out, int offset, int stride, int length, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        int li = offset;
        int ri = offset;
        int oi = offset;
        float sum = 0;
        int current = 0;
        for (int i = 0; i < phase1; i++) {
            sum += in[ri];
            current++;
            ri += stride;
        }
        for (int i = 0; i < phase2; i++) {
            sum += in[ri];
            current++;
            out[oi] = sum / current;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase3; i++) {
            sum += in[ri];
            sum -= in[li];
            out[oi] = sum / current;
            li += stride;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase4; i++) {
            sum -= in[li];
            current--;
            out[oi] = sum / current;
            li += stride;
            oi += stride;
        }
    }

    /**
     * {@link #box1d} down every column of a row-major {@code cols × rows} image, all columns at once: a running sum per
     * column, the rows read in order instead of a column's pixels a row apart (one cache line per pixel on a 1,024-pixel
     * image). Each column's sum sees the same additions, subtractions and divisions in the same order as in
     * {@link #box1d}, so the result is the same to the bit.
     */
    static void boxColumns(float[] in, float[] out, int cols, int rows, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = rows - window;
        int phase4 = half - 1;
        float[] sum = new float[cols];
        int li = 0;
        int ri = 0;
        int oi = 0;
        int current = 0;
        for (int i = 0; i < phase1; i++) {
            for (int c = 0; c < cols; c++) {
                sum[c] += in[ri + c];
            }
            current++;
            ri += cols;
        }
        for (int i = 0; i < phase2; i++) {
            current++;
            for (int c = 0; c < cols; c++) {
                sum[c] += in[ri + c];
                out[oi + c] = sum[c] / current;
            }
            ri += cols;
            oi += cols;
        }
        for (int i = 0; i < phase3; i++) {
            for (int c = 0; c < cols; c++) {
                float s = sum[c] + in[ri + c] - in[li + c];
                sum[c] = s;
                out[oi + c] = s / current;
            }
            li += cols;
            ri += cols;
            oi += cols;
        }
        for (int i = 0; i < phase4; i++) {
            current--;
            for (int c = 0; c < cols; c++) {
                sum[c] -= in[li + c];
                out[oi + c] = sum[c] / current;
            }
            li += cols;
            oi += cols;
        }
    }

    private static int quality(float[] s) {
        int gradientSum = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                gradientSum += Math.abs((int) (((s[i * 64 + j] - s[(i + 1) * 64 + j]) * 100) / 255));
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                gradientSum += Math.abs((int) (((s[i * 64 + j] - s[i * 64 + j + 1]) * 100) / 255));
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    private static float[][] dctMatrix() {
        float[][] d = new float[16][64];
        double scale = Math.sqrt(2.0 / 64.0);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                d[i][j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }

    /** The eight orientations of an image (the dihedral group of the square), as transformations of the original. */
    public enum Orientation {
        ORIGINAL(1, 0, 0, 1),
        /** Rotated a quarter turn clockwise. */
        ROTATE_90(0, -1, 1, 0),
        ROTATE_180(-1, 0, 0, -1),
        /** Rotated a quarter turn anticlockwise. */
        ROTATE_270(0, 1, -1, 0),
        /** Mirrored left–right. */
        FLIP_X(-1, 0, 0, 1),
        /** Mirrored top–bottom. */
        FLIP_Y(1, 0, 0, -1),
        /** Mirrored about the main diagonal (transposed). */
        FLIP_PLUS_1(0, 1, 1, 0),
        /** Mirrored about the anti-diagonal. */
        FLIP_MINUS_1(0, -1, -1, 0);

        /** The map of pixel coordinates about the centre (x right, y down): (x, y) → (a·x + b·y, c·x + d·y). */
        private final int a;
        private final int b;
        private final int c;
        private final int d;

        Orientation(int a, int b, int c, int d) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
        }

        /** This orientation applied after {@code first}: the image {@code first} turned or mirrored, then this. */
        public Orientation after(Orientation first) {
            int pa = a * first.a + b * first.c;
            int pb = a * first.b + b * first.d;
            int pc = c * first.a + d * first.c;
            int pd = c * first.b + d * first.d;
            for (Orientation o : values()) {
                if (o.a == pa && o.b == pb && o.c == pc && o.d == pd) {
                    return o;
                }
            }
            throw new IllegalStateException("the dihedral group is closed");
        }
    }

    /** DCT coefficients B (row-major, B[i][j] at 16i + j; i vertical, j horizontal frequency) and quality. */
    record Coefficients(float[] b, int quality) {

        Map<Orientation, PdqHash> dihedral() {
            EnumMap<Orientation, PdqHash> out = new EnumMap<>(Orientation.class);
            for (Orientation o : Orientation.values()) {
                out.put(o, hash(o));
            }
            return Collections.unmodifiableMap(out);
        }

        /**
         * The hash in orientation {@code o}. With frequency index k = i + 1, mirroring an axis multiplies the
         * coefficient by (−1)^k, i.e. negates even i (vertical) or even j (horizontal); a transposition swaps i
         * and j. Rotations are a transposition followed by a mirror.
         */
        PdqHash hash(Orientation o) {
            float[] v = new float[256];
            for (int i = 0; i < 16; i++) {
                for (int j = 0; j < 16; j++) {
                    boolean transpose = switch (o) {
                        case ROTATE_90, ROTATE_270, FLIP_PLUS_1, FLIP_MINUS_1 -> true;
                        default -> false;
                    };
                    float c = transpose ? b[j * 16 + i] : b[i * 16 + j];
                    boolean negate = switch (o) {
                        case ORIGINAL, FLIP_PLUS_1 -> false;
                        case FLIP_X, ROTATE_90 -> (j & 1) == 0;
                        case FLIP_Y, ROTATE_270 -> (i & 1) == 0;
                        case ROTATE_180, FLIP_MINUS_1 -> ((i + j) & 1) == 1;
                    };
                    v[i * 16 + j] = negate ? -c : c;
                }
            }
            float[] sorted = v.clone();
            Arrays.sort(sorted);
            float median = sorted[127];
            boolean[] bits = new boolean[256];
            for (int k = 0; k < 256; k++) {
                bits[k] = v[k] > median;
            }
            return PdqHash.fromBits(bits, quality);
        }
    }
}
