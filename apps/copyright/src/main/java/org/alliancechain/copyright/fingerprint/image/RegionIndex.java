package org.alliancechain.copyright.fingerprint.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotInput;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotOutput;

/**
 * The registered images' region hashes (copyright.md §3.2), indexed for crops rather than for an exact radius.
 * A crop match is decided by {@link PdqRegions#match} on all of a candidate's regions (their boxes and hashes
 * are kept here, contiguously per image); the index only has to turn up the candidate through one of its
 * regions. So a query region probes only the exact value of {@value #SLOTS} of the 16 16-bit slots (8 bucket reads
 * instead of the 272 of {@link PdqIndex}): exhaustive to distance 7 (pigeonhole); in practice most pairs further
 * out still share one of them exactly (≈ 92 % at distance 20, ≈ 66 % at 31 for independent bit errors), and an
 * image cropped by 10–20 % has several such pairs — on the recall set ({@code PdqRecallBenchmark}) the index finds
 * every crop the geometry check accepts against its original.
 *
 * <p>Each posting is the region's entry number and a 32-bit fragment of another word of its hash, side by side
 * in the bucket: a bucket is scanned sequentially and only postings whose fragment lies within
 * {@value #FRAGMENT_DISTANCE} bits of the query's are checked on the whole hash (≈ 2.5 % of unrelated ones,
 * ≈ 99.8 % of pairs at distance 31). Memory: 32 bytes of hash, 8 of box and 8 × 8 of postings per region (plus
 * growth slack), 12 bytes per image and 8 × 65,536 bucket headers; see {@link #estimatedBytes()}. Adds and queries may
 * run concurrently (read/write lock).
 */
final class RegionIndex {

    /**
     * Slots indexed by default: every other one of the 16 (on the recall set, 8 find every crop that 16 find, at half
     * the postings and half the probes).
     */
    static final int SLOTS = 8;
    /** The largest fragment distance a posting may have to be checked on the whole hash. */
    static final int FRAGMENT_DISTANCE = 10;

    private static final int BUCKETS = 1 << 16;
    private static final int[] EMPTY = new int[0];

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    // [slot][value] → (entry, fragment) pairs; counts[slot][value] → ints used
    private final int slots;
    private final int[][][] buckets;
    private final int[][] counts;
    private long[] words = new long[4 * 1024];
    // x, y, width, height in pixels, unsigned 16 bits (larger values are kept as 65,535)
    private char[] boxes = new char[4 * 1024];
    private int entries;
    private long[] ids = new long[256];
    private int[] first = new int[257]; // first[i]: image i's first entry; first[images] = entries
    private int images;

    RegionIndex() {
        this(SLOTS);
    }

    /** Indexes only {@code slots} of the 16 slots (spread over the hash): less memory, fewer pairs found. */
    RegionIndex(int slots) {
        if (slots < 1 || slots > PdqHash.SLOTS) {
            throw new IllegalArgumentException("1 to 16 slots");
        }
        this.slots = slots;
        buckets = new int[slots][BUCKETS][];
        counts = new int[slots][BUCKETS];
        for (int[][] slot : buckets) {
            Arrays.fill(slot, EMPTY);
        }
    }

    /** Adds an image's regions under {@code id} (nothing for an image without regions). */
    void add(long id, List<PdqRegions.Region> regions) {
        if (regions.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (images + 1 >= ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
                first = Arrays.copyOf(first, ids.length + 1);
            }
            ids[images] = id;
            for (var r : regions) {
                int e = entries;
                if (4 * e + 4 > words.length) {
                    int grown = (words.length + (words.length >> 1)) & ~3;
                    words = Arrays.copyOf(words, grown);
                    boxes = Arrays.copyOf(boxes, grown);
                }
                PdqHash h = r.hash();
                for (int w = 0; w < 4; w++) {
                    words[4 * e + w] = h.word(w);
                }
                boxes[4 * e] = u16(r.x());
                boxes[4 * e + 1] = u16(r.y());
                boxes[4 * e + 2] = u16(r.width());
                boxes[4 * e + 3] = u16(r.height());
                for (int i = 0; i < slots; i++) {
                    int s = slot(i);
                    int v = h.slot(s);
                    int[] bucket = buckets[i][v];
                    int n = counts[i][v];
                    if (n + 2 > bucket.length) {
                        bucket = Arrays.copyOf(bucket, Math.max(8, (n + (n >> 2) + 2) & ~1));
                        buckets[i][v] = bucket;
                    }
                    bucket[n] = e;
                    bucket[n + 1] = fragment(s, words, 4 * e);
                    counts[i][v] = n + 2;
                }
                entries++;
            }
            images++;
            first[images] = entries;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Region entries held. */
    int size() {
        lock.readLock().lock();
        try {
            return entries;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The images (internal numbers, ascending, each once) with a region within {@code radius} of one of
     * {@code query}'s that shares one 16-bit slot with it exactly.
     */
    int[] candidates(List<PdqRegions.Region> query, int radius) {
        int[] found = new int[16];
        int n = 0;
        lock.readLock().lock();
        try {
            long[] q = new long[4];
            int[] fragments = new int[slots];
            for (var region : query) {
                for (int w = 0; w < 4; w++) {
                    q[w] = region.hash().word(w);
                }
                for (int i = 0; i < slots; i++) {
                    fragments[i] = fragment(slot(i), q, 0);
                }
                for (int i = 0; i < slots; i++) {
                    int s = slot(i);
                    int v = (int) (q[s >>> 2] >>> ((s & 3) << 4)) & 0xFFFF;
                    int[] bucket = buckets[i][v];
                    int used = counts[i][v];
                    int qf = fragments[i];
                    for (int k = 0; k < used; k += 2) {
                        if (Integer.bitCount(bucket[k + 1] ^ qf) > FRAGMENT_DISTANCE) {
                            continue;
                        }
                        int b = 4 * bucket[k];
                        int d = Long.bitCount(words[b] ^ q[0]) + Long.bitCount(words[b + 1] ^ q[1])
                                + Long.bitCount(words[b + 2] ^ q[2]) + Long.bitCount(words[b + 3] ^ q[3]);
                        if (d <= radius) {
                            if (n == found.length) {
                                found = Arrays.copyOf(found, n * 2);
                            }
                            found[n++] = imageOf(bucket[k]);
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return Arrays.stream(found, 0, n).sorted().distinct().toArray();
    }

    /** The id an image was added under. */
    long id(int image) {
        lock.readLock().lock();
        try {
            return ids[image];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** An image's regions as added (boxes and hashes; hash quality is not kept). */
    List<PdqRegions.Region> regions(int image) {
        lock.readLock().lock();
        try {
            var out = new ArrayList<PdqRegions.Region>(first[image + 1] - first[image]);
            for (int e = first[image]; e < first[image + 1]; e++) {
                int b = 4 * e;
                out.add(new PdqRegions.Region(boxes[b], boxes[b + 1], boxes[b + 2], boxes[b + 3],
                        PdqHash.of(words[b], words[b + 1], words[b + 2], words[b + 3], 0)));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes image after image: its id, its regions' count, hashes and boxes (the buckets are rebuilt by {@link #readFrom}). */
    void writeTo(SnapshotOutput out) throws IOException {
        lock.readLock().lock();
        try {
            out.writeInt(images);
            for (int i = 0; i < images; i++) {
                int from = first[i];
                int n = first[i + 1] - from;
                out.writeLong(ids[i]);
                out.writeInt(n);
                out.writeLongs(words, 4 * from, 4 * n);
                out.writeChars(boxes, 4 * from, 4 * n);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Adds the images {@link #writeTo} wrote whose id {@code keep} accepts. Read straight into the entry arrays (an image
     * left out is overwritten by the next), then the buckets are built in one pass per indexed slot: each bucket counted,
     * sized once and filled — not grown posting by posting as {@link #add} does, which made a restart at a million images
     * spend most of its time re-inserting their 32 million regions.
     */
    void readFrom(SnapshotInput in, LongPredicate keep) throws IOException {
        int n = in.readCount(8 + 4, Integer.MAX_VALUE / 2);
        lock.writeLock().lock();
        try {
            int start = entries;
            for (int i = 0; i < n; i++) {
                long id = in.readLong();
                int count = in.readCount(4 * 8 + 4 * 2, 1 << 16);
                int e = entries;
                if (4L * (e + count) > words.length) {
                    long wanted = Math.max(4L * (e + count), words.length + (words.length >> 1));
                    if (wanted > Integer.MAX_VALUE - 16) {
                        throw new IOException("damaged snapshot: more regions than an index holds");
                    }
                    words = Arrays.copyOf(words, (int) wanted & ~3);
                    boxes = Arrays.copyOf(boxes, (int) wanted & ~3);
                }
                in.readLongs(words, 4 * e, 4 * count);
                in.readChars(boxes, 4 * e, 4 * count);
                if (!keep.test(id) || count == 0) {
                    continue; // its entries are overwritten by the next image's
                }
                if (images + 1 >= ids.length) {
                    ids = Arrays.copyOf(ids, ids.length * 2);
                    first = Arrays.copyOf(first, ids.length + 1);
                }
                ids[images] = id;
                entries += count;
                images++;
                first[images] = entries;
            }
            for (int i = 0; i < slots; i++) {
                int s = slot(i);
                int shift = (s & 3) << 4;
                int word = s >>> 2;
                int[] more = new int[BUCKETS];
                for (int e = start; e < entries; e++) {
                    more[(int) (words[4 * e + word] >>> shift) & 0xFFFF] += 2;
                }
                int[][] slotBuckets = buckets[i];
                int[] slotCounts = counts[i];
                for (int v = 0; v < BUCKETS; v++) {
                    if (more[v] > 0 && slotCounts[v] + more[v] > slotBuckets[v].length) {
                        slotBuckets[v] = Arrays.copyOf(slotBuckets[v], slotCounts[v] + more[v]);
                    }
                }
                for (int e = start; e < entries; e++) {
                    int v = (int) (words[4 * e + word] >>> shift) & 0xFFFF;
                    int at = slotCounts[v];
                    slotBuckets[v][at] = e;
                    slotBuckets[v][at + 1] = fragment(s, words, 4 * e);
                    slotCounts[v] = at + 2;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Heap bytes held (arrays and bucket headers; a rough figure for capacity planning). */
    long estimatedBytes() {
        lock.readLock().lock();
        try {
            long bytes = 8L * words.length + 2L * boxes.length + 8L * ids.length + 4L * first.length;
            for (int i = 0; i < slots; i++) {
                bytes += 4L * BUCKETS + 16 + 4L * BUCKETS + 16;
                for (int[] bucket : buckets[i]) {
                    if (bucket != EMPTY) {
                        bytes += 16 + 4L * bucket.length;
                    }
                }
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static char u16(int v) {
        return (char) Math.max(0, Math.min(0xFFFF, v));
    }

    /** The hash slot the {@code i}-th indexed slot is: spread evenly over the 16. */
    private int slot(int i) {
        return i * PdqHash.SLOTS / slots;
    }

    /** The image an entry belongs to (binary search over the images' first entries). */
    private int imageOf(int entry) {
        int lo = 0;
        int hi = images - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (first[mid] <= entry) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** 32 bits of the word two after slot {@code s}'s own, so independent of the slot value the bucket shares. */
    private static int fragment(int s, long[] w, int offset) {
        return (int) Long.rotateRight(w[offset + (((s >>> 2) + 2) & 3)], (s & 3) << 4);
    }
}
