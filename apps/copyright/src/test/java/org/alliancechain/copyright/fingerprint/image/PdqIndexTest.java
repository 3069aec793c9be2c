package org.alliancechain.copyright.fingerprint.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * A mirror image of a fine texture: PDQ's own FLIP_X hash (derived from the query's DCT) lies far from the work's,
     * because the blur and the 64 × 64 samples are not symmetric to the pixel; the query's pixels mirrored hash to the
     * work's exactly, and the search finds it as FLIP_X.
     */
    @Test
    void aMirrorImageOfAFineTextureIsFoundThroughThePixelMirror() {
        var random = new SplittableRandom(2);
        int w = 1024;
        int h = 768;
        float[] luma = new float[w * h];
        double drift = 0;
        for (int y = 0; y < h; y++) {
            drift += random.nextDouble(-0.09, 0.09); // grain lines that wander a little from row to row
            for (int x = 0; x < w; x++) {
                double v = 128 + 50 * Math.sin(2 * Math.PI * x / 5.1 + drift) + 70 * Math.sin(2 * Math.PI * (x * 0.2 + y) / 300.0);
                luma[y * w + x] = (float) Math.max(0, Math.min(255, v));
            }
        }
        LumaImage work = new LumaImage(w, h, luma);
        ImageSearch index = new ImageSearch(RegionIndex.SLOTS);
        ImageFingerprint registered = ImageFingerprint.of(work);
        index.add(1, registered);
        ImageQuery mirror = ImageQuery.of(work.oriented(2));
        assertThat(mirror.orientations().get(Pdq.Orientation.FLIP_X).distance(registered.pdq()))
                .as("PDQ's DCT-derived mirror").isGreaterThan(Pdq.MATCH_DISTANCE);
        assertThat(mirror.mirrored().distance(registered.pdq())).isZero();
        var hits = index.search(mirror, 5);
        assertThat(hits).extracting(ImageSearch.Hit::id).containsExactly(1L);
        assertThat(hits.getFirst().orientation()).isEqualTo("FLIP_X");
        assertThat(hits.getFirst().distance()).isZero();
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
