package org.alliancechain.copyright.fingerprint.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.alliancechain.testsupport.SharedFixtures;
import org.junit.jupiter.api.Test;

class PdqRegionsTest {

    private static BufferedImage bridge() throws IOException {
        return ImageIO.read(SharedFixtures.path("pdq/dihedral/bridge-1-original.jpg").toFile());
    }

    /** Shapes and gradients from a seed: an image nobody registered. */
    static BufferedImage unrelated(long seed, int w, int h) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(r.nextInt(0xFFFFFF)), w, h, new Color(r.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            int x = r.nextInt(w);
            int y = r.nextInt(h);
            if (r.nextBoolean()) {
                g.fillOval(x, y, 20 + r.nextInt(w / 3), 20 + r.nextInt(h / 3));
            } else {
                g.fillRect(x, y, 20 + r.nextInt(w / 3), 20 + r.nextInt(h / 3));
            }
        }
        g.dispose();
        return img;
    }

    @Test
    void aPhotoCroppedByTenToTwentyPercentFromAnySideStillMatchesThroughItsRegions() throws IOException {
        BufferedImage original = bridge();
        int w = original.getWidth();
        int h = original.getHeight();
        List<PdqRegions.Region> registered = PdqRegions.of(original);
        assertThat(registered).hasSizeGreaterThanOrEqualTo(PdqRegions.MIN_MATCHING_REGIONS);
        PdqHash whole = Pdq.hash(original);
        int[][] crops = { // left, top, right, bottom cut in percent
            {10, 0, 0, 0}, {0, 0, 15, 0}, {0, 20, 0, 0}, {0, 0, 0, 15}, {10, 10, 0, 0}, {0, 0, 10, 10}, {5, 5, 5, 5}, {20, 0, 0, 0}};
        int globalMisses = 0;
        for (int[] c : crops) {
            int x = w * c[0] / 100;
            int y = h * c[1] / 100;
            BufferedImage cropped = original.getSubimage(x, y, w - x - w * c[2] / 100, h - y - h * c[3] / 100);
            List<PdqRegions.Region> query = PdqRegions.of(cropped);
            int matching = PdqRegions.matchingRegions(query, registered, Pdq.MATCH_DISTANCE);
            int global = Pdq.hash(cropped).distance(whole);
            globalMisses += global > Pdq.MATCH_DISTANCE ? 1 : 0;
            System.out.printf("crop %s: whole-image distance %d, %d of %d regions match%n",
                    java.util.Arrays.toString(c), global, matching, registered.size());
            assertThat(PdqRegions.cropMatch(query, registered)).as(java.util.Arrays.toString(c)).isTrue();
        }
        assertThat(globalMisses).as("the whole-image hash alone misses most crops").isGreaterThanOrEqualTo(crops.length / 2);
    }

    @Test
    void unrelatedImagesDoNotMatchThroughRegions() throws IOException {
        List<PdqRegions.Region> registered = PdqRegions.of(bridge());
        for (long seed = 1; seed <= 10; seed++) {
            List<PdqRegions.Region> query = PdqRegions.of(unrelated(seed, 1200, 800));
            assertThat(PdqRegions.matchingRegions(query, registered, Pdq.MATCH_DISTANCE)).as("seed %d", seed).isZero();
        }
    }

    @Test
    void aCropMatchReportsWhereTheRegisteredImageSitsInTheQuery() throws IOException {
        BufferedImage original = bridge();
        int w = original.getWidth();
        int h = original.getHeight();
        int x = w / 10;
        int y = h / 20;
        BufferedImage cropped = original.getSubimage(x, y, w - x - w / 10, h - y);
        var match = PdqRegions.match(PdqRegions.of(cropped), PdqRegions.of(original), PdqRegions.VERIFY_DISTANCE);
        assertThat(match).isPresent();
        assertThat(match.get().scale()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(match.get().dx()).isCloseTo(-x, org.assertj.core.data.Offset.offset(0.03 * w));
        assertThat(match.get().dy()).isCloseTo(-y, org.assertj.core.data.Offset.offset(0.03 * h));
        assertThat(match.get().regions()).hasSizeGreaterThanOrEqualTo(PdqRegions.MIN_MATCHING_REGIONS);
    }

    @Test
    void regionsWithMatchingHashesButInconsistentPlacesAreNoCropMatch() throws IOException {
        List<PdqRegions.Region> registered = PdqRegions.of(bridge());
        assertThat(PdqRegions.cropMatch(registered, registered)).isTrue();
        // the same hashes, each moved to another region's box: the pairs no longer agree on one translation
        List<PdqRegions.Region> shuffled = new java.util.ArrayList<>();
        int n = registered.size();
        for (int i = 0; i < n; i++) {
            PdqRegions.Region box = registered.get((i + n / 2) % n);
            PdqRegions.Region r = registered.get(i);
            int shift = (i % 2 == 0 ? 1 : -1) * (200 + 37 * i);
            shuffled.add(new PdqRegions.Region(r.x() + shift, r.y() + (i % 3) * 150, box.width() * (1 + i % 2), box.height(), r.hash()));
        }
        assertThat(PdqRegions.matchingRegions(shuffled, registered, Pdq.MATCH_DISTANCE)).isEqualTo(n);
        assertThat(PdqRegions.cropMatch(shuffled, registered)).isFalse();
    }

    /**
     * Flat artwork: a soft diagonal gradient with light and dark discs whose rims fade over a few pixels, no texture.
     */
    static BufferedImage softArtwork(long seed, int w, int h) {
        Random r = new Random(seed);
        List<double[]> discs = new java.util.ArrayList<>();
        for (int i = 0; i < 14; i++) {
            discs.add(new double[] {w * (0.1 + 0.8 * r.nextDouble()), h * (0.1 + 0.8 * r.nextDouble()),
                15 + 35 * r.nextDouble(), (r.nextBoolean() ? 1 : -1) * (40 + 50 * r.nextDouble()), 3});
        }
        return discsOnGradient(w, h, 60, 110, discs);
    }

    /**
     * A diagonal gradient from {@code base} rising by {@code rise}, and discs {x, y, radius, contrast, rim} whose edges fade
     * over about {@code rim} pixels, tinted blue.
     */
    static BufferedImage discsOnGradient(int w, int h, double base, double rise, List<double[]> discs) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = base + rise * (x + y) / (w + h);
                for (double[] q : discs) {
                    double d = Math.hypot(x - q[0], y - q[1]);
                    v += q[3] / (1 + Math.exp((d - q[2]) / q[4]));
                }
                int g = (int) Math.max(0, Math.min(255, Math.round(v)));
                img.setRGB(x, y, (g / 2) << 16 | g << 8 | Math.min(255, g + 40));
            }
        }
        return img;
    }

    @Test
    void blobsKeepTheirPlaceAndSizeWhenTheFrameIsCut() {
        LumaImage original = LumaImage.of(softArtwork(4, 512, 320));
        int dx = 51;
        int dy = 32;
        LumaImage cropped = original.crop(dx, dy, 512 - 2 * dx, 320 - 2 * dy);
        List<double[]> all = Blobs.of(original.luma, original.width, original.height);
        List<double[]> inCrop = Blobs.of(cropped.luma, cropped.width, cropped.height);
        assertThat(inCrop).hasSizeGreaterThanOrEqualTo(4);
        for (double[] b : inCrop.subList(0, 4)) {
            double cx = (b[0] + b[2]) / 2 + dx;
            double cy = (b[1] + b[3]) / 2 + dy;
            double side = b[2] - b[0];
            assertThat(all).as("blob at %.1f, %.1f (side %.1f) of the crop, in the original", cx, cy, side).anySatisfy(o -> {
                assertThat(Math.hypot((o[0] + o[2]) / 2 - cx, (o[1] + o[3]) / 2 - cy)).isLessThan(1.5);
                assertThat((o[2] - o[0]) / side).isBetween(0.95, 1.05);
            });
        }
    }

    @Test
    void smoothArtworkCroppedOffRoundPercentagesIsFoundByItsBlobs() {
        int[][] crops = {{10, 10, 10, 10}, {6, 12, 0, 0}, {3, 8, 4, 13}, {0, 0, 17, 0}};
        for (long seed = 1; seed <= 3; seed++) {
            BufferedImage original = softArtwork(seed, 1024, 640);
            List<PdqRegions.Region> registered = PdqRegions.of(original);
            for (int[] c : crops) {
                int x = 1024 * c[0] / 100;
                int y = 640 * c[1] / 100;
                BufferedImage cropped = original.getSubimage(x, y, 1024 - x - 1024 * c[2] / 100, 640 - y - 640 * c[3] / 100);
                var match = PdqRegions.verifiedMatch(PdqRegions.of(cropped), registered);
                assertThat(match).as("seed %d, crop %s", seed, java.util.Arrays.toString(c)).isPresent();
                assertThat(match.get().dx()).isCloseTo(-x, org.assertj.core.data.Offset.offset(0.03 * 1024));
                assertThat(match.get().dy()).isCloseTo(-y, org.assertj.core.data.Offset.offset(0.03 * 640));
            }
        }
    }

    /**
     * Flat artwork whose detail crowds against one side (as MATE's Flow and Gulp: ribbons along the right edge, a
     * smooth field elsewhere): many strong small discs in the right seventh, a few fainter clusters inside.
     */
    static BufferedImage crowdedArtwork(long seed, int w, int h) {
        Random r = new Random(seed);
        List<double[]> p = new java.util.ArrayList<>();
        for (int i = 0; i < 28; i++) {
            p.add(new double[] {w * (0.87 + 0.1 * r.nextDouble()), h * (0.05 + 0.9 * r.nextDouble()), 10 + 10 * r.nextDouble(),
                (r.nextBoolean() ? 1 : -1) * (80 + 20 * r.nextDouble()), 3});
        }
        for (int i = 0; i < 8; i++) {
            double cx = w * (0.25 + 0.5 * r.nextDouble());
            double cy = h * (0.2 + 0.6 * r.nextDouble());
            for (int k = 0; k < 3; k++) {
                p.add(new double[] {cx + 20 * r.nextGaussian(), cy + 20 * r.nextGaussian(), 12 + 4 * r.nextDouble(),
                    (k % 2 == 0 ? 1 : -1) * (45 + 10 * r.nextDouble()), 1});
            }
        }
        return discsOnGradient(w, h, 70, 90, p);
    }

    /**
     * The crowded side takes the strongest blobs; without {@link PdqRegions#CROP_HORIZON} they filled the slots and 6 of
     * these 16 crops (seeds 3, 6 and 7) found nothing, their inner blobs never registered.
     */
    @Test
    void artworkWhoseDetailCrowdsAgainstOneSideIsFoundWhenThatSideIsCut() {
        List<List<PdqRegions.Region>> registered = new java.util.ArrayList<>();
        for (long seed = 1; seed <= 8; seed++) {
            BufferedImage original = crowdedArtwork(seed, 1024, 640);
            registered.add(PdqRegions.of(original));
            for (int[] c : new int[][] {{10, 10, 10, 10}, {0, 0, 20, 0}}) {
                int x = 1024 * c[0] / 100;
                int y = 640 * c[1] / 100;
                var query = PdqRegions.of(original.getSubimage(x, y, 1024 - x - 1024 * c[2] / 100, 640 - y - 640 * c[3] / 100));
                assertThat(PdqRegions.verifiedMatch(query, registered.getLast())).as("seed %d, crop %s", seed,
                        java.util.Arrays.toString(c)).isPresent();
            }
        }
        for (int i = 0; i < registered.size(); i++) {
            for (int j = 0; j < registered.size(); j++) {
                if (i != j) {
                    assertThat(PdqRegions.cropMatch(registered.get(i), registered.get(j))).as("artwork %d against %d", i + 1, j + 1).isFalse();
                }
            }
        }
    }

    @Test
    void softArtworksOfOtherSeedsDoNotMatchEachOther() {
        List<List<PdqRegions.Region>> artworks = new java.util.ArrayList<>();
        for (long seed = 1; seed <= 8; seed++) {
            artworks.add(PdqRegions.of(softArtwork(seed, 1024, 640)));
        }
        for (int i = 0; i < artworks.size(); i++) {
            for (int j = 0; j < artworks.size(); j++) {
                if (i != j) {
                    assertThat(PdqRegions.cropMatch(artworks.get(i), artworks.get(j))).as("artwork %d against %d", i + 1, j + 1).isFalse();
                }
            }
        }
    }

    @Test
    void overlappingRegionsAroundOneSpotAreOneWitnessNotTwo() {
        Random r = new Random(7);
        PdqHash a = PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 100);
        PdqHash b = PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 100);
        // the same structure seen twice (two neighbouring scales): centres 10 pixels apart, boxes 110 wide
        List<PdqRegions.Region> registered = List.of(new PdqRegions.Region(500, 300, 110, 110, a),
                new PdqRegions.Region(508, 306, 112, 112, b));
        List<PdqRegions.Region> query = List.of(new PdqRegions.Region(100, 50, 110, 110, a), new PdqRegions.Region(108, 56, 112, 112, b));
        assertThat(PdqRegions.matchingRegions(query, registered, Pdq.MATCH_DISTANCE)).isEqualTo(2);
        assertThat(PdqRegions.cropMatch(query, registered)).isFalse();
        // the second region at a place of its own, moved consistently in both: two witnesses
        List<PdqRegions.Region> apart = List.of(registered.get(0), new PdqRegions.Region(700, 420, 112, 112, b));
        List<PdqRegions.Region> queryApart = List.of(query.get(0), new PdqRegions.Region(300, 170, 112, 112, b));
        assertThat(PdqRegions.cropMatch(queryApart, apart)).isTrue();
    }
}
