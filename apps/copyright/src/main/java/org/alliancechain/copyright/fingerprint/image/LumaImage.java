package org.alliancechain.copyright.fingerprint.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image as luma (0.299 R + 0.587 G + 0.114 B, 0–255) in row-major floats, upright (EXIF orientation applied).
 * Everything PDQ needs from the decoded image; it keeps decoding quirks (grey colour spaces, palettes, alpha,
 * 16-bit samples) in one place.
 */
final class LumaImage {

    /** What {@link #decode} reads; refusals name it. */
    static final String FORMATS = "JPEG, PNG, GIF, BMP or WebP";

    static {
        // TwelveMonkeys' WebP reader (lossy, lossless, alpha; the first frame of an animation) is found by ImageIO's
        // class-path scan, but only when ImageIO first starts under a class loader that sees it: registered by hand, it
        // is there whichever loader started ImageIO (one instance per class, so a second registration replaces the first).
        javax.imageio.spi.IIORegistry.getDefaultInstance()
                .registerServiceProvider(new com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi());
    }

    final int width;
    final int height;
    final float[] luma;

    LumaImage(int width, int height, float[] luma) {
        if (luma.length != width * height) {
            throw new IllegalArgumentException("luma size");
        }
        this.width = width;
        this.height = height;
        this.luma = luma;
    }

    /** Decodes with ImageIO, refusing more than {@code maxPixels} before decoding, and applies the EXIF orientation. */
    static LumaImage decode(byte[] bytes, long maxPixels) {
        return decode(bytes, maxPixels, Integer.MAX_VALUE).image();
    }

    /** A decoded image, possibly read at a reduced size, and the size of the image as encoded (upright). */
    record Decoded(LumaImage image, int width, int height) {
    }

    /**
     * As {@link #decode(byte[], long)}, but an image whose shorter side is at least twice {@code minSide} is read with
     * ImageIO's source subsampling (every k-th pixel of every k-th row, k = shorter side / {@code minSide}): both sides
     * stay at least {@code minSide}, so an area-average shrink to {@code minSide} (PDQ's and the regions' pre-resize)
     * gets the same size as from the full image, and a 24-megapixel JPEG is converted to RGB and luma at a
     * sixteenth of the pixels.
     */
    static Decoded decode(byte[] bytes, long maxPixels, int minSide) {
        if (bytes == null || bytes.length == 0) {
            throw new ImageFingerprintException(ImageFingerprintException.Reason.NOT_AN_IMAGE, "the file is empty");
        }
        BufferedImage image;
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ImageFingerprintException(ImageFingerprintException.Reason.NOT_AN_IMAGE,
                        "the file is not an image in a format that can be read (" + FORMATS + ")");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (pixels > maxPixels) {
                    throw new ImageFingerprintException(ImageFingerprintException.Reason.TOO_LARGE,
                            "the image has " + pixels + " pixels, more than the " + maxPixels + " that can be fingerprinted");
                }
                int k = Math.max(1, Math.min(width, height) / minSide);
                if (k > 1) {
                    var param = reader.getDefaultReadParam();
                    param.setSourceSubsampling(k, k, 0, 0);
                    image = reader.read(0, param);
                } else {
                    image = reader.read(0);
                }
            } finally {
                reader.dispose();
            }
        } catch (ImageFingerprintException e) {
            throw e;
        } catch (javax.imageio.IIOException e) {
            String m = String.valueOf(e.getMessage());
            boolean unsupported = m.contains("Unsupported") || m.contains("not supported");
            throw new ImageFingerprintException(unsupported ? ImageFingerprintException.Reason.UNSUPPORTED
                    : ImageFingerprintException.Reason.NOT_AN_IMAGE,
                    unsupported ? "the image's colour model or encoding cannot be read (e.g. a CMYK JPEG)"
                            : "the image is damaged or truncated and cannot be decoded", -1, e);
        } catch (IOException | RuntimeException e) {
            throw new ImageFingerprintException(ImageFingerprintException.Reason.NOT_AN_IMAGE,
                    "the image is damaged or truncated and cannot be decoded", -1, e);
        }
        if (image == null) {
            throw new ImageFingerprintException(ImageFingerprintException.Reason.NOT_AN_IMAGE,
                    "the file is not an image in a format that can be read (" + FORMATS + ")");
        }
        int orientation = ExifOrientation.of(bytes);
        boolean swap = orientation >= 5 && orientation <= 8;
        return new Decoded(of(image).oriented(orientation), swap ? height : width, swap ? width : height);
    }

    /**
     * Luma of a decoded image. Grey images are read from their samples (a {@code BufferedImage}'s grey colour
     * space is linear, so {@code getRGB} would brighten them); everything else through {@code getRGB}, which
     * resolves palettes and 16-bit samples. Transparent pixels are composited over white (their colour is
     * undefined, and white is what ISCC and most viewers show).
     */
    static LumaImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] out = new float[w * h];
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        boolean grey = cm instanceof ComponentColorModel && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        boolean alpha = cm.hasAlpha();
        if (grey) {
            int bits = cm.getComponentSize(0);
            float scale = 255f / ((1 << bits) - 1);
            float alphaScale = alpha ? 1f / ((1 << cm.getComponentSize(1)) - 1) : 0f;
            int[] g = new int[w];
            int[] a = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, g);
                if (alpha) {
                    raster.getSamples(0, y, w, 1, 1, a);
                }
                for (int x = 0; x < w; x++) {
                    float v = g[x] * scale;
                    if (alpha) {
                        float t = a[x] * alphaScale;
                        v = v * t + 255f * (1 - t);
                    }
                    out[y * w + x] = v;
                }
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    float r = p >> 16 & 0xFF;
                    float gg = p >> 8 & 0xFF;
                    float b = p & 0xFF;
                    float v = 0.299f * r + 0.587f * gg + 0.114f * b;
                    if (alpha) {
                        float t = (p >>> 24) / 255f;
                        v = v * t + 255f * (1 - t);
                    }
                    out[y * w + x] = v;
                }
            }
        }
        return new LumaImage(w, h, out);
    }

    /** The upright image for an EXIF orientation 1–8 (TIFF tag 0x0112). */
    LumaImage oriented(int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return this;
        }
        boolean swap = orientation >= 5;
        int ow = swap ? height : width;
        int oh = swap ? width : height;
        float[] out = new float[ow * oh];
        int w = width;
        int h = height;
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                out[y * ow + x] = luma[sy * w + sx];
            }
        }
        return new LumaImage(ow, oh, out);
    }

    /** The box {@code [x, x+w) × [y, y+h)}. */
    LumaImage crop(int x, int y, int w, int h) {
        float[] out = new float[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(luma, (y + r) * width + x, out, r * w, w);
        }
        return new LumaImage(w, h, out);
    }

    /**
     * Area-average downsampling to at most {@code maxWidth × maxHeight} (each side shrunk independently, never
     * enlarged): every output pixel is the mean of the input area it covers, fractional edge pixels weighted.
     * Separable, so linear in the pixel count.
     */
    LumaImage shrinkTo(int maxWidth, int maxHeight) {
        int ow = Math.min(width, maxWidth);
        int oh = Math.min(height, maxHeight);
        if (ow == width && oh == height) {
            return this;
        }
        float[] horizontal = new float[ow * height];
        for (int y = 0; y < height; y++) {
            resample1d(luma, y * width, 1, width, horizontal, y * ow, 1, ow);
        }
        float[] out = new float[ow * oh];
        for (int x = 0; x < ow; x++) {
            resample1d(horizontal, x, ow, height, out, x, ow, oh);
        }
        return new LumaImage(ow, oh, out);
    }

    private static void resample1d(float[] in, int inOff, int inStride, int inLen,
                                   float[] out, int outOff, int outStride, int outLen) {
        if (inLen == outLen) {
            for (int i = 0; i < inLen; i++) {
                out[outOff + i * outStride] = in[inOff + i * inStride];
            }
            return;
        }
        double scale = (double) inLen / outLen;
        for (int o = 0; o < outLen; o++) {
            double start = o * scale;
            double end = start + scale;
            int first = (int) start;
            int last = Math.min(inLen - 1, (int) Math.ceil(end) - 1);
            double sum = 0;
            for (int i = first; i <= last; i++) {
                double cover = Math.min(end, i + 1) - Math.max(start, i);
                sum += cover * in[inOff + i * inStride];
            }
            out[outOff + o * outStride] = (float) (sum / scale);
        }
    }
}
