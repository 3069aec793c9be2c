package org.alliancechain.copyright.fingerprint.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotInput;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotOutput;

/**
 * In-memory multi-index hashing for PDQ hashes (Norouzi et al., arXiv 1307.2982; §4 of the domain page):
 * 16 slots of 16 bits. Two hashes within distance 31 differ in at most one bit in some slot (pigeonhole: 16
 * slots × 2 bits = 32), so a query probes each slot's exact value and its 16 one-bit neighbours, 272
 * bucket look-ups, and verifies the candidates by popcount.
 *
 * <p>Each entry is a hash and a caller's {@code long} id (a work, or a work's region: the index does not
 * interpret it; one id may be added with several hashes). Entries are added incrementally; buckets are
 * growable {@code int} arrays of entry numbers, each with a copy of two of the hash's other words beside it
 * (128 bits that do not hold the slot): a bucket is scanned sequentially, and only a posting whose copied
 * half is itself within the radius — for an unrelated hash about one in 10⁸ (expected distance 64) — is read
 * in full, a random read. Adds and queries may run concurrently (read/write lock). Memory: 32 bytes of hash
 * + 8 of id + 16 × (4 + 16) of postings per entry, plus bucket headers; see {@link #estimatedBytes()}.
 */
public final class PdqIndex {

    /** The largest radius multi-index hashing with 16 × 16-bit slots answers exactly. */
    public static final int MAX_RADIUS = 31;

    private static final int BUCKETS = 1 << 16;
    private static final int[] EMPTY = new int[0];

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    // [slot][value] → entry numbers; counts[slot][value] → how many are used
    private final int[][][] buckets = new int[PdqHash.SLOTS][BUCKETS][];
    private final int[][] counts = new int[PdqHash.SLOTS][BUCKETS];
    // [slot][value] → per posting the two words halfWords(slot) of its hash, side by side
    private final long[][][] halves = new long[PdqHash.SLOTS][BUCKETS][];
    private long[] words = new long[4 * 1024];
    private long[] ids = new long[1024];
    private int size;

    private static final long[] NO_WORDS = new long[0];

    public PdqIndex() {
        for (int[][] slot : buckets) {
            Arrays.fill(slot, EMPTY);
        }
        for (long[][] slot : halves) {
            Arrays.fill(slot, NO_WORDS);
        }
    }

    /** The first of the two words copied beside slot {@code s}'s postings (the second follows it, mod 4): not the slot's own. */
    private static int halfWord(int s) {
        return ((s >>> 2) + 1) & 3;
    }

    /** One hit: the id stored with a hash, the stored hash and its distance to the (variant of the) query. */
    public record Hit(long id, PdqHash hash, int distance) {
    }

    /** Adds a hash under {@code id}. */
    public void add(long id, PdqHash hash) {
        lock.writeLock().lock();
        try {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                words = Arrays.copyOf(words, size * 8);
            }
            int e = size;
            ids[e] = id;
            for (int w = 0; w < 4; w++) {
                words[4 * e + w] = hash.word(w);
            }
            for (int s = 0; s < PdqHash.SLOTS; s++) {
                int v = hash.slot(s);
                int[] bucket = buckets[s][v];
                long[] half = halves[s][v];
                int n = counts[s][v];
                if (n == bucket.length) {
                    bucket = Arrays.copyOf(bucket, Math.max(4, n + (n >> 1) + 1));
                    buckets[s][v] = bucket;
                    half = Arrays.copyOf(half, 2 * bucket.length);
                    halves[s][v] = half;
                }
                bucket[n] = e;
                int h = halfWord(s);
                half[2 * n] = hash.word(h);
                half[2 * n + 1] = hash.word((h + 1) & 3);
                counts[s][v] = n + 1;
            }
            size++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Entries within {@code radius} (≤ {@value #MAX_RADIUS}) of {@code query}, nearest first. */
    public List<Hit> query(PdqHash query, int radius) {
        if (radius < 0 || radius > MAX_RADIUS) {
            throw new IllegalArgumentException("the radius is 0 to " + MAX_RADIUS);
        }
        List<Hit> hits = new ArrayList<>();
        lock.readLock().lock();
        try {
            collect(query, radius, hits);
        } finally {
            lock.readLock().unlock();
        }
        hits.sort(Comparator.comparingInt(Hit::distance));
        return hits;
    }

    /**
     * Entries within {@code radius} of any of the query's variants (e.g. {@link Pdq#dihedral} values and their
     * {@link PdqHash#complement()}s): per entry the nearest variant, nearest first.
     */
    public List<Hit> query(Collection<PdqHash> variants, int radius) {
        Map<Integer, Hit> best = new HashMap<>();
        for (PdqHash variant : variants) {
            lock.readLock().lock();
            try {
                collectEntries(variant, radius, (entry, hit) -> best.merge(entry, hit,
                        (a, b) -> a.distance() <= b.distance() ? a : b));
            } finally {
                lock.readLock().unlock();
            }
        }
        List<Hit> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingInt(Hit::distance));
        return out;
    }

    /** The same answer as {@link #query(PdqHash, int)} (any radius) by a linear popcount scan, to cross-check. */
    public List<Hit> scan(PdqHash query, int radius) {
        List<Hit> hits = new ArrayList<>();
        long q0 = query.word(0);
        long q1 = query.word(1);
        long q2 = query.word(2);
        long q3 = query.word(3);
        lock.readLock().lock();
        try {
            for (int e = 0; e < size; e++) {
                int b = 4 * e;
                int d = Long.bitCount(words[b] ^ q0) + Long.bitCount(words[b + 1] ^ q1)
                        + Long.bitCount(words[b + 2] ^ q2) + Long.bitCount(words[b + 3] ^ q3);
                if (d <= radius) {
                    hits.add(hit(e, d));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        hits.sort(Comparator.comparingInt(Hit::distance));
        return hits;
    }

    /** Writes every entry, one after the other: id and hash (the buckets are rebuilt by {@link #readFrom}). */
    public void writeTo(SnapshotOutput out) throws IOException {
        lock.readLock().lock();
        try {
            out.writeInt(size);
            for (int e = 0; e < size; e++) {
                out.writeLong(ids[e]);
                out.writeLongs(words, 4 * e, 4);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds the entries {@link #writeTo} wrote whose id {@code keep} accepts, streamed (no copy of the whole index held). */
    public void readFrom(SnapshotInput in, LongPredicate keep) throws IOException {
        int n = in.readCount(5 * 8, Integer.MAX_VALUE / 4);
        long[] w = new long[4];
        for (int e = 0; e < n; e++) {
            long id = in.readLong();
            in.readLongs(w, 0, 4);
            if (keep.test(id)) {
                add(id, PdqHash.of(w[0], w[1], w[2], w[3], 0));
            }
        }
    }

    /** Heap bytes held by the index (arrays and bucket headers; a rough figure for capacity planning). */
    public long estimatedBytes() {
        lock.readLock().lock();
        try {
            long bytes = 8L * words.length + 8L * ids.length;
            for (int s = 0; s < PdqHash.SLOTS; s++) {
                bytes += 4L * BUCKETS + 16 + 4L * BUCKETS + 16; // counts and the bucket reference table
                bytes += 4L * BUCKETS + 16; // the halves' reference table
                for (int[] bucket : buckets[s]) {
                    if (bucket != EMPTY) {
                        bytes += 16 + 4L * bucket.length + 16 + 16L * bucket.length;
                    }
                }
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    private interface EntrySink {
        void accept(int entry, Hit hit);
    }

    private void collect(PdqHash query, int radius, List<Hit> hits) {
        collectEntries(query, radius, (entry, hit) -> hits.add(hit));
    }

    /**
     * Probes 17 buckets per slot. An entry can turn up in several slots; it is reported only from the first
     * slot whose value is within one bit of the query's, which needs no per-query "seen" set.
     */
    private void collectEntries(PdqHash query, int radius, EntrySink sink) {
        if (radius < 0 || radius > MAX_RADIUS) {
            throw new IllegalArgumentException("the radius is 0 to " + MAX_RADIUS);
        }
        int[] q = new int[PdqHash.SLOTS];
        for (int s = 0; s < PdqHash.SLOTS; s++) {
            q[s] = query.slot(s);
        }
        long[] qw = {query.word(0), query.word(1), query.word(2), query.word(3)};
        for (int s = 0; s < PdqHash.SLOTS; s++) {
            int h = halfWord(s);
            long qa = qw[h];
            long qb = qw[(h + 1) & 3];
            for (int flip = -1; flip < 16; flip++) {
                int v = flip < 0 ? q[s] : q[s] ^ (1 << flip);
                int[] bucket = buckets[s][v];
                long[] half = halves[s][v];
                int n = counts[s][v];
                for (int k = 0; k < n; k++) {
                    // the copied half first (sequential); the whole hash only when that half is within the radius
                    if (Long.bitCount(half[2 * k] ^ qa) + Long.bitCount(half[2 * k + 1] ^ qb) > radius) {
                        continue;
                    }
                    int e = bucket[k];
                    int b = 4 * e;
                    int d = Long.bitCount(words[b] ^ qw[0]) + Long.bitCount(words[b + 1] ^ qw[1])
                            + Long.bitCount(words[b + 2] ^ qw[2]) + Long.bitCount(words[b + 3] ^ qw[3]);
                    // the duplicate check only for the few that qualify
                    if (d <= radius && !reportedEarlier(e, s, q)) {
                        sink.accept(e, hit(e, d));
                    }
                }
            }
        }
    }

    private boolean reportedEarlier(int e, int slot, int[] q) {
        for (int s = 0; s < slot; s++) {
            int v = (int) (words[4 * e + (s >>> 2)] >>> ((s & 3) << 4)) & 0xFFFF;
            if (Integer.bitCount(v ^ q[s]) <= 1) {
                return true;
            }
        }
        return false;
    }

    private Hit hit(int e, int d) {
        int b = 4 * e;
        return new Hit(ids[e], PdqHash.of(words[b], words[b + 1], words[b + 2], words[b + 3], 0), d);
    }
}
