package org.alliancechain.copyright.fingerprint.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.alliancechain.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

/** Odd inputs: colour models other ports crashed on, EXIF orientation, and refusals with readable reasons. */
class PdqDecodingTest {

    private static final byte[] JPEG = SharedFixtures.bytes("pdq/modifications/square-512x512.jpg");

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    private static BufferedImage photo() throws IOException {
        return ImageIO.read(new java.io.ByteArrayInputStream(JPEG));
    }

    private static BufferedImage convert(BufferedImage src, BufferedImage dst) {
        var g = dst.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return dst;
    }

    @Test
    void greyPalette16BitAndTransparentPngsHashCloseToTheColourOriginal() throws IOException {
        BufferedImage src = photo();
        PdqHash colour = Pdq.hash(JPEG);
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage grey = convert(src, new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY));
        BufferedImage grey16 = convert(src, new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY));
        BufferedImage palette = convert(src, new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED));
        BufferedImage opaqueAlpha = convert(src, new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB));
        for (var e : java.util.Map.of("grey", grey, "grey16", grey16, "palette", palette, "argb", opaqueAlpha).entrySet()) {
            int d = Pdq.hash(encode(e.getValue(), "png")).distance(colour);
            System.out.printf("%s png: %d bits from the colour JPEG%n", e.getKey(), d);
            assertThat(d).as(e.getKey()).isLessThanOrEqualTo(Pdq.MATCH_DISTANCE);
        }
        assertThat(palette.getColorModel()).isInstanceOf(IndexColorModel.class);
    }

    @Test
    void exifOrientationIsAppliedSoARotatedFileTaggedUprightHashesAsTheUprightImage() throws IOException {
        BufferedImage src = photo();
        int w = src.getWidth();
        int h = src.getHeight();
        // stored rotated a quarter turn anticlockwise; orientation 6 tells viewers to turn it clockwise
        BufferedImage stored = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                stored.setRGB(y, w - 1 - x, src.getRGB(x, y));
            }
        }
        byte[] plain = encode(stored, "jpg");
        byte[] tagged = withOrientation(plain, 6);
        PdqHash upright = Pdq.hash(JPEG);
        assertThat(Pdq.hash(plain).distance(upright)).isGreaterThan(Pdq.MATCH_DISTANCE);
        assertThat(Pdq.hash(tagged).distance(upright)).isLessThanOrEqualTo(16);
        assertThat(ExifOrientation.of(tagged)).isEqualTo(6);
        assertThat(ExifOrientation.of(JPEG)).isEqualTo(1);
    }

    /** Inserts an APP1 EXIF segment (big-endian TIFF, IFD0 with the orientation tag) after SOI. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        int len = exif.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void refusalsSayWhyWithoutClassNames() throws IOException {
        assertRefused(new byte[0], ImageFingerprintException.Reason.NOT_AN_IMAGE);
        assertRefused("<html>not an image</html>".getBytes(StandardCharsets.UTF_8), ImageFingerprintException.Reason.NOT_AN_IMAGE);
        assertRefused(java.util.Arrays.copyOf(JPEG, 600), ImageFingerprintException.Reason.NOT_AN_IMAGE);
        BufferedImage flat = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        var e = assertRefused(encode(flat, "png"), ImageFingerprintException.Reason.LOW_QUALITY);
        assertThat(e.quality()).isZero();
        assertRefused(encode(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB), "png"), ImageFingerprintException.Reason.LOW_QUALITY);
    }

    private static ImageFingerprintException assertRefused(byte[] bytes, ImageFingerprintException.Reason reason) {
        try {
            Pdq.hash(bytes);
        } catch (ImageFingerprintException e) {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("java.").isNotBlank();
            return e;
        }
        throw new AssertionError("not refused: " + reason);
    }

    /**
     * WebP, as news sites serve their pictures: the bridge of the PDQ fixtures encoded by libwebp's {@code cwebp} 1.2.4
     * (Debian's {@code webp}) lossy at quality 75 and 800 pixels wide — it hashes within the distance different decoders
     * and resamplers give (measured 10 bits) of the hash the PDQ authors published for the original JPEG — and lossless
     * at 256 pixels, which decodes to exactly the pixels libwebp's {@code dwebp} wrote to {@code bridge-256.png}.
     */
    @Test
    void webpLossyHashesAsThePublishedOriginalAndLosslessDecodesToLibwebpsPixels() throws IOException {
        PdqHash published = null;
        for (String line : java.nio.file.Files.readAllLines(SharedFixtures.path("pdq/reference-hashes.csv"))) {
            if (line.endsWith(",dihedral/bridge-1-original.jpg")) {
                published = PdqHash.fromHex(line.split(",")[0], 100);
            }
        }
        assertThat(published).isNotNull();
        byte[] lossy = org.alliancechain.copyright.CopyrightFlow.resource("webp/bridge-lossy-q75.webp");
        assertThat(new String(lossy, 8, 7, StandardCharsets.US_ASCII)).isEqualTo("WEBPVP8");
        int d = Pdq.hash(lossy).distance(published);
        System.out.printf("lossy WebP: %d bits from the published hash of the original%n", d);
        assertThat(d).isLessThanOrEqualTo(16);
        ImageFingerprint fp = ImageFingerprint.of(lossy);
        assertThat(fp.pdq().distance(published)).as("through the service's fingerprint").isLessThanOrEqualTo(16);
        assertThat(fp.regions()).isNotEmpty();

        byte[] lossless = org.alliancechain.copyright.CopyrightFlow.resource("webp/bridge-lossless-256.webp");
        assertThat(new String(lossless, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8L");
        LumaImage ours = LumaImage.decode(lossless, Pdq.MAX_PIXELS);
        LumaImage libwebp = LumaImage.decode(org.alliancechain.copyright.CopyrightFlow.resource("webp/bridge-256.png"), Pdq.MAX_PIXELS);
        assertThat(ours.width).isEqualTo(256);
        assertThat(ours.height).isEqualTo(libwebp.height);
        assertThat(java.util.Arrays.mismatch(ours.luma, libwebp.luma)).as("lossless: the first pixel that differs from libwebp's").isEqualTo(-1);
    }

    @Test
    void aTruncatedWebpOrOneClaimingAHugeCanvasIsRefusedWithItsReason() {
        byte[] webp = org.alliancechain.copyright.CopyrightFlow.resource("webp/bridge-lossy-q75.webp");
        assertRefused(java.util.Arrays.copyOf(webp, 400), ImageFingerprintException.Reason.NOT_AN_IMAGE);
        // an extended-format header (VP8X) claiming 16,384 × 16,384 pixels, and nothing else: refused from the header
        var bomb = java.nio.ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bomb.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10);
        bomb.putInt(0); // flags and reserved
        bomb.put((byte) 0xFF).put((byte) 0x3F).put((byte) 0); // canvas width − 1 = 16,383 (24 bits)
        bomb.put((byte) 0xFF).put((byte) 0x3F).put((byte) 0); // canvas height − 1
        var e = assertRefused(bomb.array(), ImageFingerprintException.Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains("268435456 pixels");
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() throws IOException {
        // a 1-bit PNG of 10,000 × 10,000 pixels is tiny on disk; its header is enough to refuse it
        BufferedImage big = new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY);
        byte[] png = encode(big, "png");
        assertThat(png.length).isLessThan(200_000);
        assertThatThrownBy(() -> Pdq.hash(png)).isInstanceOfSatisfying(ImageFingerprintException.class,
                e -> assertThat(e.reason()).isEqualTo(ImageFingerprintException.Reason.TOO_LARGE));
    }

    @Test
    void aLargeJpegReadSubsampledHashesAsTheFullImageDoes() throws IOException {
        BufferedImage bridge = ImageIO.read(SharedFixtures.path("pdq/dihedral/bridge-1-original.jpg").toFile());
        int w = bridge.getWidth() * 3;
        int h = bridge.getHeight() * 3;
        BufferedImage large = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = large.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(bridge, 0, 0, w, h, null);
        g.dispose();
        byte[] jpeg = encode(large, "jpg");
        long t0 = System.nanoTime();
        ImageFingerprint full = ImageFingerprint.of(LumaImage.decode(jpeg, Pdq.MAX_PIXELS));
        long t1 = System.nanoTime();
        ImageFingerprint reduced = ImageFingerprint.of(jpeg);
        long t2 = System.nanoTime();
        System.out.printf("%d × %d JPEG: full decode and fingerprint %d ms, subsampled %d ms; PDQ distance %d%n", w, h,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, full.pdq().distance(reduced.pdq()));
        assertThat(reduced.width()).isEqualTo(w);
        assertThat(reduced.height()).isEqualTo(h);
        assertThat(reduced.pdq().distance(full.pdq())).as("within the reference tolerance").isLessThanOrEqualTo(10);
        // boxes in the encoded image's pixels: the regions of one match those of the other at scale 1, no shift
        var match = PdqRegions.verifiedMatch(reduced.regions(), full.regions());
        assertThat(match).isPresent();
        assertThat(match.get().scale()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(Math.abs(match.get().dx())).isLessThan(0.02 * w);
    }
}
