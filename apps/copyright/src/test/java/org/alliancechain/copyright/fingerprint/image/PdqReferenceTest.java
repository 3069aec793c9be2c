package org.alliancechain.copyright.fingerprint.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alliancechain.copyright.fingerprint.image.Pdq.Orientation;
import org.alliancechain.testsupport.SharedFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our PDQ against the hashes its authors published for their test images ({@code ../shared/fixtures/pdq},
 * BSD; reference-hashes.csv). Different decoders and resamplers give slightly different pixels, and even the
 * Java and C++ references disagree on the original by a few bits, so every comparison is "within a distance",
 * never equality.
 */
class PdqReferenceTest {

    /** pdq/README.md: own decoder → at most 10 bits from the reference at quality ≥ 80. */
    private static final int CONFORMANCE = 10;

    /**
     * Derived variants against hashes of rotated pixels: the reference's sampling (cell centres at 8i + 4 of
     * 512) and its even-width box filter are not symmetric under mirroring, so even exactly rotated pixels
     * land a few bits away (we measured up to 12; the published rotated files were also re-encoded).
     */
    private static final int DIHEDRAL = 16;

    private static final Map<String, PdqHash> REFERENCE = new LinkedHashMap<>();

    @BeforeAll
    static void readReference() throws IOException {
        for (String line : Files.readAllLines(SharedFixtures.path("pdq/reference-hashes.csv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            REFERENCE.put(f[2], PdqHash.fromHex(f[0], Integer.parseInt(f[1])));
        }
        assertThat(REFERENCE).hasSize(20);
    }

    private static PdqHash ours(String file) {
        return Pdq.hash(SharedFixtures.bytes("pdq/" + file));
    }

    @Test
    void everyFixtureHashesWithinTenBitsOfItsPublishedHash() {
        StringBuilder report = new StringBuilder();
        REFERENCE.forEach((file, reference) -> {
            PdqHash hash = ours(file);
            int d = hash.distance(reference);
            report.append(String.format("%-36s d=%3d q=%3d %s%n", file, d, hash.quality(), hash.toHex()));
            assertThat(d).as(file).isLessThanOrEqualTo(CONFORMANCE);
            assertThat(hash.quality()).as(file).isGreaterThanOrEqualTo(80);
        });
        System.out.print(report);
    }

    @Test
    void theEightVariantsDerivedFromTheOriginalMatchThePublishedOrientationHashes() {
        Map<Orientation, PdqHash> variants = Pdq.dihedral(SharedFixtures.bytes("pdq/dihedral/bridge-1-original.jpg"));
        // The reference names rotations anticlockwise and flips by the axis mirrored about; ours are clockwise
        // turns and the direction pixels move (FLIP_X: left–right), see rotatingAnImageClockwise... below.
        Map<Orientation, String> files = Map.of(
                Orientation.ORIGINAL, "dihedral/bridge-1-original.jpg",
                Orientation.ROTATE_90, "dihedral/bridge-4-rotate-270.jpg",
                Orientation.ROTATE_180, "dihedral/bridge-3-rotate-180.jpg",
                Orientation.ROTATE_270, "dihedral/bridge-2-rotate-90.jpg",
                Orientation.FLIP_X, "dihedral/bridge-6-flipy.jpg",
                Orientation.FLIP_Y, "dihedral/bridge-5-flipx.jpg",
                Orientation.FLIP_PLUS_1, "dihedral/bridge-7-flip-plus-1.jpg",
                Orientation.FLIP_MINUS_1, "dihedral/bridge-8-flip-minus-1.jpg");
        for (Orientation o : Orientation.values()) {
            PdqHash published = REFERENCE.get(files.get(o));
            int d = variants.get(o).distance(published);
            System.out.printf("%-14s derived vs published d=%3d, vs hashing the rotated file d=%3d%n", o, d,
                    variants.get(o).distance(ours(files.get(o))));
            assertThat(d).as(o.name()).isLessThanOrEqualTo(DIHEDRAL);
            // and each is far from the other orientations' published hashes (the variants are not all alike)
            for (Orientation other : Orientation.values()) {
                if (other != o) {
                    assertThat(variants.get(o).distance(REFERENCE.get(files.get(other)))).as(o + " vs " + other)
                            .isGreaterThan(Pdq.MATCH_DISTANCE);
                }
            }
        }
    }

    @Test
    void editToOriginalDistancesAgreeWithThePublishedOnes() {
        PdqHash publishedOriginal = REFERENCE.get("modifications/aaa-orig.jpg");
        PdqHash ourOriginal = ours("modifications/aaa-orig.jpg");
        REFERENCE.forEach((file, published) -> {
            if (!file.startsWith("modifications/")) {
                return;
            }
            int publishedDistance = published.distance(publishedOriginal);
            int ourDistance = ours(file).distance(ourOriginal);
            System.out.printf("%-36s published %2d ours %2d%n", file, publishedDistance, ourDistance);
            assertThat(ourDistance).as(file).isBetween(publishedDistance - 8, publishedDistance + 8);
            assertThat(ourDistance).as(file + " still matches").isLessThanOrEqualTo(Pdq.MATCH_DISTANCE);
        });
    }

    @Test
    void rotatingAnImageClockwiseGivesTheRotate90VariantAndMirroringLeftRightTheFlipXVariant() throws IOException {
        BufferedImage img = ImageIO.read(SharedFixtures.path("pdq/modifications/square-512x512.jpg").toFile());
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage clockwise = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        BufferedImage mirrored = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                clockwise.setRGB(h - 1 - y, x, img.getRGB(x, y));
                mirrored.setRGB(w - 1 - x, y, img.getRGB(x, y));
            }
        }
        // One-pixel asymmetries of the sampling grid cost more on this 512-pixel square (we measured 12 and 18)
        // than on the published files; still far inside the match distance and far from unrelated (≈ 128).
        Map<Orientation, PdqHash> variants = Pdq.dihedral(img);
        assertThat(variants.get(Orientation.ROTATE_90).distance(Pdq.hash(clockwise))).isLessThanOrEqualTo(24);
        assertThat(variants.get(Orientation.FLIP_X).distance(Pdq.hash(mirrored))).isLessThanOrEqualTo(24);
        assertThat(variants.get(Orientation.ORIGINAL).distance(Pdq.hash(clockwise))).isGreaterThan(Pdq.MATCH_DISTANCE);
    }

    /** The filter down the columns, all at once, gives the bits the one-column-at-a-time reference filter gives. */
    @Test
    void theColumnFilterEqualsTheReferenceFilterColumnByColumn() {
        var random = new java.util.Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + random.nextInt(trial < 100 ? 20 : 1200);
            int cols = 1 + random.nextInt(trial < 100 ? 20 : 300);
            int window = trial % 2 == 0 ? (rows + 127) / 128 : 1 + random.nextInt(rows);
            float[] in = new float[rows * cols];
            for (int i = 0; i < in.length; i++) {
                in[i] = random.nextFloat() * 255f;
            }
            float[] reference = new float[in.length];
            for (int c = 0; c < cols; c++) {
                Pdq.box1d(in, reference, c, cols, rows, window);
            }
            float[] ours = new float[in.length];
            Pdq.boxColumns(in, ours, cols, rows, window);
            assertThat(java.util.Arrays.mismatch(ours, reference)).as("first pixel that differs, %d × %d, window %d", cols, rows, window)
                    .isEqualTo(-1);
        }
    }

    @Test
    void invertingColoursComplementsTheHash() {
        var image = SharedFixtures.path("pdq/modifications/square-512x512.jpg");
        try {
            var img = javax.imageio.ImageIO.read(image.toFile());
            var inverted = new java.awt.image.BufferedImage(img.getWidth(), img.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    inverted.setRGB(x, y, ~img.getRGB(x, y) & 0xFFFFFF);
                }
            }
            PdqHash original = Pdq.hash(img);
            PdqHash ofInverted = Pdq.hash(inverted);
            assertThat(original.distance(ofInverted)).isGreaterThan(200);
            assertThat(original.complement().distance(ofInverted)).isLessThanOrEqualTo(4);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
