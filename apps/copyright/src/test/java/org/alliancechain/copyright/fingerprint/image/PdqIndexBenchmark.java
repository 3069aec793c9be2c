package org.alliancechain.copyright.fingerprint.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Look-ups per second and memory of {@link PdqIndex} at 1,000,000 hashes, one thread. Prints figures, asserts
 * only correctness (timings depend on the machine and on the other builds running on it). Run with
 * {@code -Dgroups=benchmark -DexcludedGroups= -Dtest=PdqIndexBenchmark}.
 */
@Tag("benchmark")
class PdqIndexBenchmark {

    @Test
    void oneMillionHashes() {
        int n = 1_000_000;
        SplittableRandom r = new SplittableRandom(1);
        PdqHash[] stored = new PdqHash[n];
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        PdqIndex index = new PdqIndex();
        for (int i = 0; i < n; i++) {
            stored[i] = PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 100);
            index.add(i, stored[i]);
        }
        long addNanos = System.nanoTime() - t0;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        int queries = 20_000;
        PdqHash[] qs = new PdqHash[queries];
        for (int q = 0; q < queries; q++) {
            // half near copies (up to 24 bits flipped), half unrelated
            PdqHash h = stored[r.nextInt(n)];
            qs[q] = q % 2 == 0 ? flip(h, r.nextInt(25), r) : PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 100);
        }
        for (int q = 0; q < 2_000; q++) { // warm-up
            index.query(qs[q], PdqIndex.MAX_RADIUS);
        }
        long found = 0;
        long t1 = System.nanoTime();
        for (PdqHash q : qs) {
            found += index.query(q, PdqIndex.MAX_RADIUS).size();
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        int variantQueries = 2_000;
        for (int q = 0; q < variantQueries; q++) {
            PdqHash h = qs[q];
            index.query(java.util.List.of(h, h.complement(), flip(h, 40, r), flip(h, 60, r), flip(h, 80, r),
                    flip(h, 100, r), flip(h, 120, r), flip(h, 127, r)), PdqIndex.MAX_RADIUS);
        }
        double variantSeconds = (System.nanoTime() - t2) / 1e9;
        long t3 = System.nanoTime();
        int scans = 50;
        for (int q = 0; q < scans; q++) {
            index.scan(qs[q], PdqIndex.MAX_RADIUS);
        }
        double scanSeconds = (System.nanoTime() - t3) / 1e9;
        System.out.printf("PdqIndex, %,d hashes: adds %,.0f/s; heap used %.0f MB (estimate %.0f MB) per million%n",
                n, n / (addNanos / 1e9), (after - before) / 1e6, index.estimatedBytes() / 1e6);
        System.out.printf("  MIH look-ups r=31: %,.0f/s (%.3f ms each), %d hits for %d queries%n",
                queries / seconds, seconds * 1000 / queries, found, queries);
        System.out.printf("  8-variant look-ups r=31: %,.0f/s; flat popcount scan: %.1f ms each%n",
                variantQueries / variantSeconds, scanSeconds * 1000 / scans);
        long t4 = System.nanoTime();
        int sixteen = 1_000;
        for (int q = 0; q < sixteen; q++) {
            PdqHash h = qs[q];
            var variants = new java.util.ArrayList<PdqHash>(16);
            for (int v = 0; v < 8; v++) {
                PdqHash x = v == 0 ? h : flip(h, 100 + v, r);
                variants.add(x);
                variants.add(x.complement());
            }
            index.query(variants, PdqIndex.MAX_RADIUS);
        }
        System.out.printf("  16-variant look-ups r=31 (an image's orientations and their complements): %,.0f/s%n",
                sixteen / ((System.nanoTime() - t4) / 1e9));
        assertThat(found).isGreaterThanOrEqualTo(queries / 2);
    }

    /**
     * {@link RegionIndex} with {@code pdq.bench.region-images} images (default 250,000) of 32 random region hashes each, and
     * {@link ImageSearch} look-ups of 32 query regions (one in two images with 8 regions near copies of an indexed image's,
     * the others unrelated), as when the whole image found nothing; one thread.
     */
    @Test
    void regionIndex() {
        int images = Integer.getInteger("pdq.bench.region-images", 250_000);
        int per = PdqRegions.MAX_REGIONS;
        SplittableRandom r = new SplittableRandom(3);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        ImageSearch search = new ImageSearch(Integer.getInteger("pdq.bench.region-slots", RegionIndex.SLOTS));
        List<List<PdqRegions.Region>> kept = new java.util.ArrayList<>();
        for (int i = 0; i < images; i++) {
            var regions = new java.util.ArrayList<PdqRegions.Region>(per);
            for (int k = 0; k < per; k++) {
                regions.add(new PdqRegions.Region(40 * (k % 8), 30 * (k / 8), 200, 150,
                        PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 100)));
            }
            if (i % 1000 == 0) {
                kept.add(regions);
            }
            search.add(i, new ImageFingerprint(PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 100), regions, 1024, 768,
                    null));
        }
        long addNanos = System.nanoTime() - t0;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        int queries = 2_000;
        List<ImageFingerprint> qs = new java.util.ArrayList<>();
        for (int q = 0; q < queries; q++) {
            var regions = new java.util.ArrayList<PdqRegions.Region>(per);
            var source = kept.get(r.nextInt(kept.size()));
            for (int k = 0; k < per; k++) {
                regions.add(q % 2 == 0 && k < 8
                        ? new PdqRegions.Region(source.get(k).x() - 50, source.get(k).y() - 20, 200, 150, flip(source.get(k).hash(), r.nextInt(25), r))
                        : new PdqRegions.Region(40 * (k % 8), 30 * (k / 8), 200, 150, PdqHash.of(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), 100)));
            }
            qs.add(new ImageFingerprint(null, regions, 1024, 768, null));
        }
        for (int q = 0; q < 200; q++) { // warm-up
            search.search(qs.get(q), 20);
        }
        long found = 0;
        long t1 = System.nanoTime();
        for (var q : qs) {
            found += search.search(q, 20).size();
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf("RegionIndex, %,d images × %d regions: adds %,.0f images/s; heap used %.0f bytes per image (estimate %.0f)"
                + " = %.2f GB per million images%n", images, per, images / (addNanos / 1e9), (after - before) / (double) images,
                search.estimatedBytes() / (double) images, (after - before) / (double) images / 1e3);
        System.out.printf("  region look-ups (32 query regions, verified): %,.0f/s (%.3f ms each), %d crop matches for %d queries%n",
                queries / seconds, seconds * 1000 / queries, found, queries);
        assertThat(found).isGreaterThanOrEqualTo(queries / 2);
        if (Boolean.getBoolean("pdq.bench.compare-mih")) {
            // the way before: every region in a PdqIndex, each query region probed at radius 31 (272 buckets), hits counted
            search = null;
            System.gc();
            PdqIndex mih = new PdqIndex();
            SplittableRandom again = new SplittableRandom(3);
            for (int i = 0; i < images; i++) {
                for (int k = 0; k < per; k++) {
                    mih.add((long) i * 64 + k, PdqHash.of(again.nextLong(), again.nextLong(), again.nextLong(), again.nextLong(), 100));
                }
                again.nextLong(); // the whole-image hash
                again.nextLong();
                again.nextLong();
                again.nextLong();
            }
            int old = 100;
            long t2 = System.nanoTime();
            for (int q = 0; q < old; q++) {
                for (var region : qs.get(q).regions()) {
                    mih.query(region.hash(), PdqIndex.MAX_RADIUS);
                }
            }
            double oldSeconds = (System.nanoTime() - t2) / 1e9;
            System.out.printf("  before (all regions in one PdqIndex, radius 31, 272 probes per region): %,.1f look-ups/s (%.1f ms each)%n",
                    old / oldSeconds, oldSeconds * 1000 / old);
        }
    }

    private static PdqHash flip(PdqHash h, int bits, SplittableRandom r) {
        long[] w = {h.word(0), h.word(1), h.word(2), h.word(3)};
        java.util.BitSet flipped = new java.util.BitSet(256);
        while (flipped.cardinality() < bits) {
            flipped.set(r.nextInt(256));
        }
        flipped.stream().forEach(k -> w[k >>> 6] ^= 1L << (k & 63));
        return PdqHash.of(w[0], w[1], w[2], w[3], 100);
    }
}
