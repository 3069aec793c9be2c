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
}
