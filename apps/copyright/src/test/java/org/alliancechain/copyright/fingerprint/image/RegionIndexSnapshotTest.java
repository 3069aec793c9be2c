package org.alliancechain.copyright.fingerprint.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotInput;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotOutput;
import org.junit.jupiter.api.Test;

/**
 * The region index read back from a snapshot (bulk-loaded: entries read in place, buckets sized once) answers every query
 * as the index it was written from — or, with works left out, as an index that never had them.
 */
class RegionIndexSnapshotTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(20261206);

    private static List<List<PdqRegions.Region>> images(int n) {
        var out = new ArrayList<List<PdqRegions.Region>>();
        for (int i = 0; i < n; i++) {
            var regions = new ArrayList<PdqRegions.Region>();
            int count = i % 7 == 3 ? 0 : 1 + RANDOM.nextInt(40);
            for (int r = 0; r < count; r++) {
                regions.add(new PdqRegions.Region(RANDOM.nextInt(2_000), RANDOM.nextInt(2_000), 1 + RANDOM.nextInt(70_000),
                        1 + RANDOM.nextInt(900), PdqHash.of(RANDOM.nextLong(), RANDOM.nextLong(), RANDOM.nextLong(), RANDOM.nextLong(), 0)));
            }
            out.add(regions);
        }
        return out;
    }

    /** A query region near one indexed: a few bits flipped. */
    private static List<PdqRegions.Region> near(List<PdqRegions.Region> regions, int flips) {
        var out = new ArrayList<PdqRegions.Region>();
        for (var r : regions) {
            long[] w = {r.hash().word(0), r.hash().word(1), r.hash().word(2), r.hash().word(3)};
            for (int f = 0; f < flips; f++) {
                int bit = RANDOM.nextInt(256);
                w[bit >>> 6] ^= 1L << (bit & 63);
            }
            out.add(new PdqRegions.Region(r.x(), r.y(), r.width(), r.height(), PdqHash.of(w[0], w[1], w[2], w[3], 0)));
        }
        return out;
    }

    private static long[] ids(RegionIndex index, int[] images) {
        long[] out = new long[images.length];
        for (int i = 0; i < images.length; i++) {
            out[i] = index.id(images[i]);
        }
        return out;
    }

    @Test
    void readBackItAnswersAsTheIndexItWasWrittenFromOrOneThatNeverHadTheWorksLeftOut() throws Exception {
        var pictures = images(400);
        var written = new RegionIndex();
        for (int i = 0; i < pictures.size(); i++) {
            written.add(10_000 + i, pictures.get(i));
        }
        var file = Files.createTempDirectory("regions").resolve("regions.snapshot");
        try (var out = SnapshotOutput.create(file)) {
            written.writeTo(out);
            out.finish();
        }
        LongPredicate keep = id -> id % 5 != 2;
        var kept = new RegionIndex();
        for (int i = 0; i < pictures.size(); i++) {
            if (keep.test(10_000 + i)) {
                kept.add(10_000 + i, pictures.get(i));
            }
        }
        for (var filter : List.<LongPredicate>of(id -> true, keep)) {
            var read = new RegionIndex();
            try (var in = SnapshotInput.open(file)) {
                read.readFrom(in, filter);
                in.verifyEnd();
            }
            var expected = filter == keep ? kept : written;
            assertThat(read.size()).isEqualTo(expected.size());
            int found = 0;
            for (int i = 0; i < pictures.size(); i += 3) {
                for (int flips : new int[] {0, 6}) {
                    var query = near(pictures.get(i), flips);
                    long[] answer = ids(read, read.candidates(query, 31));
                    assertThat(answer).isEqualTo(ids(expected, expected.candidates(query, 31)));
                    found += answer.length > 0 ? 1 : 0;
                }
            }
            assertThat(found).as("queries near indexed regions find them").isGreaterThan(100);
        }
    }
}
