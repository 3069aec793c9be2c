package org.alliancechain.copyright.fingerprint.text;

import java.util.LinkedHashMap;

/**
 * What verifying a candidate needs of a work, kept in memory within a byte budget: its winnowing fingerprints
 * ({@link Winnowing#packedSorted()}, 8 bytes each, ≈ 0.22 per canonical character) and canonical length — so a search
 * compares a query with a work without reading and canonicalising its text (copyright.md §2.6); only the works that
 * end up in the answer are read, for their quotes. ≈ 2.8 KB for a 1,500-character article (see {@link Entry#bytes()}).
 *
 * <p>Least recently used entries leave first once the budget is exceeded. A work that has no registered text (refused,
 * or no row at all) is remembered as {@link #ABSENT}: a work id never becomes a registered text again.
 * Thread-safe (one lock; a lookup is a map access).
 */
public final class WinnowingCache {

    /** A work's winnowing fingerprints and canonical length. */
    public record Entry(int length, long[] fingerprints) {

        /** Heap bytes held for this entry: the array, this record, the map's entry and its boxed key. */
        public long bytes() {
            return 16 + 8L * fingerprints.length + 24 + 40 + 16;
        }

        /** The entry of a canonical text. */
        public static Entry of(CanonicalText text) {
            return new Entry(text.length(), Winnowing.packedSorted(text.text()));
        }
    }

    /** A work with no registered text. */
    public static final Entry ABSENT = new Entry(-1, new long[0]);

    private final long budget;
    private long bytes;
    private long hits;
    private long misses;
    /** In access order: the least recently used first (evicted in {@link #put}, by bytes). */
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);

    /** A cache holding at most {@code budgetBytes} (by {@link Entry#bytes()}). */
    public WinnowingCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /** The entry of a work, null when not held. */
    public synchronized Entry get(long workId) {
        Entry e = entries.get(workId);
        if (e == null) {
            misses++;
        } else {
            hits++;
        }
        return e;
    }

    public synchronized void put(long workId, Entry entry) {
        if (entry.bytes() > budget) {
            return;
        }
        Entry old = entries.put(workId, entry);
        if (old != null) {
            bytes -= old.bytes();
        }
        bytes += entry.bytes();
        var it = entries.values().iterator();
        while (bytes > budget && it.hasNext()) {
            Entry eldest = it.next();
            bytes -= eldest.bytes();
            it.remove();
        }
    }

    public synchronized void remove(long workId) {
        Entry old = entries.remove(workId);
        if (old != null) {
            bytes -= old.bytes();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Heap bytes held (by {@link Entry#bytes()}). */
    public synchronized long bytes() {
        return bytes;
    }

    public long budget() {
        return budget;
    }

    /** Lookups that found an entry / did not, since the start. */
    public synchronized long[] hitsAndMisses() {
        return new long[] {hits, misses};
    }
}
