package org.alliancechain.copyright.fingerprint.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PdqIndexTest {

    private static PdqHash random(SplittableRandom r) {
        return PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 100);
    }

    /** {@code bits} distinct random bits of {@code h} flipped. */
    private static PdqHash near(PdqHash h, int bits, SplittableRandom r) {
        long[] w = {h.word(0), h.word(1), h.word(2), h.word(3)};
        java.util.BitSet flipped = new java.util.BitSet(256);
        while (flipped.cardinality() < bits) {
            flipped.set(r.nextInt(256));
        }
        flipped.stream().forEach(k -> w[k >>> 6] ^= 1L << (k & 63));
        return PdqHash.of(w[0], w[1], w[2], w[3], 100);
    }

    /** A fine wood-like grain: lines 5.1 pixels apart that wander a little from row to row, over a slow wave. */
    private static LumaImage grain(long seed, int w, int h) {
        var random = new SplittableRandom(seed);
        float[] luma = new float[w * h];
        double drift = 0;
        for (int y = 0; y < h; y++) {
            drift += random.nextDouble(-0.09, 0.09);
            for (int x = 0; x < w; x++) {
                double v = 128 + 50 * Math.sin(2 * Math.PI * x / 5.1 + drift) + 70 * Math.sin(2 * Math.PI * (x * 0.2 + y) / 300.0);
                luma[y * w + x] = (float) Math.max(0, Math.min(255, v));
            }
        }
        return new LumaImage(w, h, luma);
    }

    /**
     * Every turn and mirror image of a fine texture: PDQ derives a query's orientations from its DCT, exact for the
     * coefficients but not to the pixel (the blur's even window and the 64 × 64 samples are not symmetric), and on this
     * grain four of the seven lie 48–50 bits from the work that way. The query's pixels mirrored, flipped and turned
     * half a turn, each transposed too, give every orientation exact to the pixel: each is found within 2 bits, named by
     * the orientation that takes the copy back to the work.
     */
    @Test
    void everyTurnAndMirrorImageOfAFineTextureIsFoundExactToThePixel() {
        LumaImage work = grain(3, 1024, 768);
        ImageSearch index = new ImageSearch(RegionIndex.SLOTS);
        ImageFingerprint registered = ImageFingerprint.of(work);
        index.add(1, registered);
        // EXIF orientation k applied to the work, and the orientation that takes such a copy back
        Map<Integer, String> back = Map.of(2, "FLIP_X", 3, "ROTATE_180", 4, "FLIP_Y", 5, "FLIP_PLUS_1", 6, "ROTATE_270",
                7, "FLIP_MINUS_1", 8, "ROTATE_90");
        int farByTheDct = 0;
        for (var e : back.entrySet()) {
            ImageQuery copy = ImageQuery.of(work.oriented(e.getKey()));
            farByTheDct += copy.orientations().values().stream().allMatch(h -> h.distance(registered.pdq()) > Pdq.MATCH_DISTANCE) ? 1 : 0;
            var hits = index.search(copy, 5);
            assertThat(hits).as("orientation %d", e.getKey()).extracting(ImageSearch.Hit::id).containsExactly(1L);
            assertThat(hits.getFirst().orientation()).as("orientation %d", e.getKey()).isEqualTo(e.getValue());
            assertThat(hits.getFirst().distance()).as("orientation %d", e.getKey()).isLessThanOrEqualTo(2);
        }
        assertThat(farByTheDct).as("copies no DCT-derived orientation finds").isGreaterThanOrEqualTo(3);
    }

    @Test
    void orientationsComposeAsTheDihedralGroup() {
        for (Pdq.Orientation o : Pdq.Orientation.values()) {
            assertThat(o.after(Pdq.Orientation.ORIGINAL)).isEqualTo(o);
            assertThat(Pdq.Orientation.ORIGINAL.after(o)).isEqualTo(o);
        }
        assertThat(Pdq.Orientation.ROTATE_90.after(Pdq.Orientation.ROTATE_90)).isEqualTo(Pdq.Orientation.ROTATE_180);
        assertThat(Pdq.Orientation.ROTATE_270.after(Pdq.Orientation.ROTATE_90)).isEqualTo(Pdq.Orientation.ORIGINAL);
        assertThat(Pdq.Orientation.FLIP_X.after(Pdq.Orientation.FLIP_Y)).isEqualTo(Pdq.Orientation.ROTATE_180);
        // mirrored left–right, then transposed: a quarter turn anticlockwise
        assertThat(Pdq.Orientation.FLIP_PLUS_1.after(Pdq.Orientation.FLIP_X)).isEqualTo(Pdq.Orientation.ROTATE_270);
        assertThat(Pdq.Orientation.FLIP_X.after(Pdq.Orientation.FLIP_PLUS_1)).isEqualTo(Pdq.Orientation.ROTATE_90);
    }

    @Test
    void multiIndexAnswersEqualABruteForceScanAtEveryRadiusUpTo31() {
        SplittableRandom r = new SplittableRandom(20);
        PdqIndex index = new PdqIndex();
        List<PdqHash> stored = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            PdqHash h = random(r);
            stored.add(h);
            index.add(i, h);
        }
        // near copies at every distance 0..40, so that the boundary of each radius is populated
        for (int i = 0; i < 2_000; i++) {
            index.add(100_000 + i, near(stored.get(i), i % 41, r));
        }
        int nonEmpty = 0;
        for (int q = 0; q < 300; q++) {
            PdqHash query = q % 3 == 0 ? random(r) : near(stored.get(r.nextInt(2_000)), r.nextInt(20), r);
            for (int radius : new int[] {0, 8, 16, 24, 31}) {
                var mih = index.query(query, radius);
                var scan = index.scan(query, radius);
                assertThat(mih).as("query %d radius %d", q, radius).containsExactlyInAnyOrderElementsOf(scan);
                nonEmpty += scan.isEmpty() ? 0 : 1;
            }
        }
        assertThat(nonEmpty).isGreaterThan(500);
    }

    @Test
    void aQueryFindsEveryIdWithinTheRadiusOnceWithItsDistance() {
        PdqIndex index = new PdqIndex();
        SplittableRandom r = new SplittableRandom(7);
        PdqHash h = random(r);
        index.add(1, h);
        index.add(2, near(h, 31, r));
        index.add(3, near(h, 32, r));
        index.add(4, h.complement());
        var hits = index.query(h, 31);
        assertThat(hits).extracting(PdqIndex.Hit::id).containsExactly(1L, 2L);
        assertThat(hits).extracting(PdqIndex.Hit::distance).containsExactly(0, 31);
        // the complement among the variants finds the colour-inverted copy
        assertThat(index.query(List.of(h, h.complement()), 31)).extracting(PdqIndex.Hit::id)
                .containsExactlyInAnyOrder(1L, 2L, 4L);
        assertThatThrownBy(() -> index.query(h, 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hexRoundTripsAndSlotsAreTheRowsOfTheHash() {
        String hex = "f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22";
        PdqHash h = PdqHash.fromHex(hex, 100);
        assertThat(h.toHex()).isEqualTo(hex);
        assertThat(PdqHash.fromBytes(h.toBytes(), 100)).isEqualTo(h);
        // slot 15 is the first four hex digits (the reference prints its last word first), slot 0 the last four
        assertThat(h.slot(15)).isEqualTo(0xf8f8);
        assertThat(h.slot(0)).isEqualTo(0x9b22);
        assertThat(h.bit(1)).isTrue();
        assertThat(h.bit(0)).isFalse();
        assertThat(h.distance(h.complement())).isEqualTo(256);
    }
}
