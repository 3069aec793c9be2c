package org.alliancechain.copyright.fingerprint.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotInput;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotOutput;

/**
 * In-memory candidate index of text fingerprints (copyright.md §4) with winnowing verification (§2.6).
 *
 * <p>Two candidate sources, one posting table:
 * <ul>
 *   <li>the 32 document band keys (128 permutations, 32 × 4): whole copies, script conversion, reordering, synonym
 *       swaps and other rewrites that keep the character 4-grams / word 3-grams;
 *   <li>the work's {@link Anchors} (hash-sampled character grams, ≈ 1 per 16 characters): excerpts and copies with
 *       character edits. A candidate needs at least {@link #MIN_ANCHOR_HITS} shared anchors (fewer only when the query
 *       has fewer) and at least {@link #MIN_ANCHOR_SHARE} of the query's usable anchors, and one with just
 *       {@link #MIN_ANCHOR_HITS} is dropped next to a candidate with {@link #DOMINANCE} times as many; an anchor held by more than
 *       {@link #MAX_POSTINGS_PER_ANCHOR} works is a stop anchor and is ignored.
 * </ul>
 * The chunks' band keys stay in the record (and in its Merkle root) but are not indexed: measured on the quality
 * harness (TextQualityTest, 100,260 works), anchors alone found every excerpt the chunk bands found and the ones they
 * missed (a 20 % excerpt of an 800-character text rarely holds a whole 256-character chunk), at half the postings
 * (chunk bands: 16 per ≈ 256 characters; anchors: ≈ 16 per 256), so indexing both cost 3.9 KB per work against 1.45 KB.
 *
 * <p>Layout, all primitive arrays, no boxed maps:
 * <ul>
 *   <li>Postings: one open-addressing {@code long[]} (linear probing, load ≤ 0.8, backward-shift deletion). An entry is
 *       {@code tag(32) | slot(24) | kind(8)}: tag = upper 32 bits of the band key or anchor (never 0), slot = dense work
 *       number (≤ 16,777,215 works), kind 255 for a document band, 254 for an anchor. The home bucket derives from the
 *       tag, so a key is found by scanning from its home to the first empty bucket. Different keys with the same 32-bit
 *       tag only add candidates, which the estimates and winnowing then reject. A band key already holding
 *       {@link #MAX_POSTINGS_PER_KEY} postings takes no more (boilerplate shared by thousands of works is no evidence);
 *       an anchor's postings give way to one stop marker (kind 253) when its {@link #MAX_POSTINGS_PER_ANCHOR} + 1st work
 *       comes, after which it takes no more.
 *   <li>Keys held by many works: a key keeps its first {@link #INLINE} postings in the table; with its next work they
 *       move to an {@code int[]} list of its own, which one table entry names (kind 252 for a band key, 251 for an
 *       anchor; the slot field holds the list number). Before, every posting of a key lay in the table, a run of up to
 *       129 or 2,000 buckets from its home, and such runs merged into clusters that every insert and look-up passing
 *       there stepped over: registering texts that quote the same sources (the benchmark's 60,000 collages of 850
 *       documents), a random probe met clusters of 155 entries on average at load 0.55 and adding a work took
 *       100–160 µs instead of 20.
 *   <li>Per work: the low 8 bits of its 128 document MinHash values (b-bit MinHash, Li &amp; König 2010:
 *       J ≈ (agree − 1/256)/(1 − 1/256)), its canonical length, its anchor count and its work id.
 * </ul>
 * At 1,500 canonical characters a work costs 32 + ≈ 94 postings and 128 bytes of signature: measured 1,594 bytes per
 * work (1.59 GB per million works; 1,448 before the lists, which come on top of a table sized beforehand for every
 * posting) with the table sized by {@link #TextIndex(int)}; {@link #memoryBytes()} gives the figure for the actual
 * content.
 *
 * <p>Verification ({@link #query}): winnowing passages between the query and each candidate's canonical text; only
 * passages of at least {@link #MIN_PASSAGE_CHARS} characters count as shared text (see {@link #band}).
 *
 * <p>Not thread-safe for writes: one writer, or external locking (queries may run in parallel with each other).
 */
public final class TextIndex {

    public static final int MAX_POSTINGS_PER_KEY = 2_000;
    private static final int DOC_CHUNK = 255;
    private static final int ANCHOR = 254;
    /**
     * A stop anchor's one entry (slot 0, which it does not name): when an anchor's {@link #MAX_POSTINGS_PER_ANCHOR} + 1st
     * work comes, its postings give way to this marker, so that common phrasing does not leave runs of postings that every
     * later insert and look-up passing that part of the table has to step over.
     */
    private static final int STOP_ANCHOR = 253;
    /** A table entry naming the list (its slot field) that holds a document band key's postings. */
    private static final int DOC_LIST = 252;
    /** A table entry naming the list that holds an anchor's postings. */
    private static final int ANCHOR_LIST = 251;
    /**
     * Postings a key keeps in the table itself; its next work moves them to a list of its own, which the table names in
     * one entry. Keys held by many works (shared sources, set phrases) then take at most this many buckets: as runs of up
     * to 128 or 2,000 postings they made the clusters that every insert and look-up passing there stepped over.
     */
    static final int INLINE = 4;
    /** An anchor held by more works than this is common phrasing (boilerplate, set phrases), not evidence: ignored. */
    public static final int MAX_POSTINGS_PER_ANCHOR = 128;
    /** Fewest shared anchors that make a candidate on their own (when the query has at least that many). */
    public static final int MIN_ANCHOR_HITS = 2;
    /**
     * A candidate with only {@link #MIN_ANCHOR_HITS} shared anchors is dropped when another shares DOMINANCE times as
     * many (two common grams next to a real match are noise; verifying them set the query-time p99).
     */
    public static final int DOMINANCE = 4;
    /** Fewest shared anchors, as a share of the query's usable anchors, that make a candidate on their own. */
    public static final double MIN_ANCHOR_SHARE = 0.10;
    private static final int MAX_SLOTS = 1 << 24;
    /** Largest load of the posting table before it grows by half (linear probing stays short at 0.8). */
    public static final double MAX_LOAD = 0.8;
    /** Sizing hint: 32 document keys + ~94 anchors of a 1,500-character article. */
    public static final int EXPECTED_POSTINGS_PER_WORK = 32 + 1_500 / Anchors.SAMPLE;

    /** Band of a verified candidate; thresholds on winnowing containment (the larger of both directions). */
    public enum Band {
        /** Containment ≥ {@link #MATCH_CONTAINMENT} with enough shared text in passages (see {@link #band}): the copy is
         * this work or a part of it, edited at most lightly. */
        MATCH,
        /** Containment ≥ {@link #REVIEW_CONTAINMENT} with enough shared text in passages (see {@link #band}). */
        REVIEW,
        NONE
    }

    public static final double MATCH_CONTAINMENT = 0.30;
    public static final double REVIEW_CONTAINMENT = 0.08;
    /** Canonical characters in passages of at least {@link #MIN_PASSAGE_CHARS} needed for MATCH or REVIEW. */
    public static final int REVIEW_MIN_SHARED_CHARS = 60;
    /** Shortest passage counted as shared text (twice the winnowing guarantee W + K − 1 = 12). */
    public static final int MIN_PASSAGE_CHARS = 24;

    /**
     * A candidate from the index, before verification. {@code chunkBandHits} is always 0 since fingerprint format 2
     * (chunk bands are no longer indexed; kept for source compatibility); {@code anchorHits} counts shared anchors,
     * and {@code containmentQueryInWork} / {@code containmentWorkInQuery} take the larger of the document-MinHash
     * estimate and the shared share of the query's (resp. the work's) anchors.
     */
    public record Candidate(long workId, double jaccard, double containmentQueryInWork, double containmentWorkInQuery,
            int documentBandHits, int chunkBandHits, int anchorHits) {

        public Candidate(long workId, double jaccard, double containmentQueryInWork, double containmentWorkInQuery,
                int documentBandHits, int chunkBandHits) {
            this(workId, jaccard, containmentQueryInWork, containmentWorkInQuery, documentBandHits, chunkBandHits, 0);
        }

        public double score() {
            return Math.max(jaccard, Math.max(containmentQueryInWork, containmentWorkInQuery));
        }
    }

    /** A verified result: the candidate, the winnowing comparison and the band. */
    public record Result(Candidate candidate, Passages.Match match, Band band) {
    }

    private long[] table;
    /** Entries in the table (postings held inline, list entries, stop markers): its load. */
    private int size;
    /** Postings held, inline and in lists. */
    private long postings;
    private int[][] lists = new int[64][];
    private int[] listSizes = new int[64];
    private int listCount;
    private int[] freeLists = new int[16];
    private int freeListCount;
    private long[] workIds = new long[1024];
    private byte[][] sigs = new byte[1024][];
    private int[] anchorCounts = new int[1024];
    private int[] lengths = new int[1024];
    private int slots;
    private int[] freeSlots = new int[16];
    private int freeCount;
    private LongIntMap slotOf = new LongIntMap(1024);

    public TextIndex(int expectedWorks) {
        long buckets = Math.max(1024, (long) (expectedWorks * (double) EXPECTED_POSTINGS_PER_WORK / MAX_LOAD) + 1);
        table = new long[(int) Math.min(Integer.MAX_VALUE - 8, buckets)];
        if (expectedWorks > 1024) {
            workIds = new long[expectedWorks];
            sigs = new byte[expectedWorks][];
            anchorCounts = new int[expectedWorks];
            lengths = new int[expectedWorks];
            slotOf = new LongIntMap(expectedWorks);
        }
    }

    public int works() {
        return slots - freeCount;
    }

    public long postings() {
        return postings;
    }

    public boolean contains(long workId) {
        return slotOf.get(workId) >= 0;
    }

    /** Adds (or replaces) a work. */
    public void add(long workId, TextFingerprint fp) {
        if (slotOf.get(workId) >= 0) {
            remove(workId);
        }
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slots == MAX_SLOTS) {
                throw new IllegalStateException("text index full (16,777,216 works): shard it");
            }
            slot = slots++;
            if (slot == workIds.length) {
                int n = workIds.length * 2;
                workIds = Arrays.copyOf(workIds, n);
                sigs = Arrays.copyOf(sigs, n);
                anchorCounts = Arrays.copyOf(anchorCounts, n);
                lengths = Arrays.copyOf(lengths, n);
            }
        }
        byte[] sig = new byte[MinHash.DOC_PERMUTATIONS];
        for (int i = 0; i < MinHash.DOC_PERMUTATIONS; i++) {
            sig[i] = (byte) fp.minhash()[i];
        }
        workIds[slot] = workId;
        sigs[slot] = sig;
        lengths[slot] = fp.canonicalLength();
        anchorCounts[slot] = fp.anchors().length;
        slotOf.put(workId, slot);
        for (long key : fp.bandKeys()) {
            insert(key, slot, DOC_CHUNK);
        }
        for (long a : fp.anchors()) {
            insert(a, slot, ANCHOR);
        }
    }

    /**
     * Removes a work with the fingerprint it was added with (its band keys and anchors locate its postings): cost
     * proportional to its ~130 postings. Returns false when the work is not in the index.
     */
    public boolean remove(long workId, TextFingerprint fp) {
        int slot = slotOf.get(workId);
        if (slot < 0) {
            return false;
        }
        for (long key : fp.bandKeys()) {
            delete(tagOf(key), slot);
        }
        for (long a : fp.anchors()) {
            delete(tagOf(a), slot);
        }
        release(workId, slot);
        return true;
    }

    /** Removes a work without its fingerprint: scans the whole posting table (≈ 1 GB at a million works); prefer
     * {@link #remove(long, TextFingerprint)}. */
    public boolean remove(long workId) {
        int slot = slotOf.get(workId);
        if (slot < 0) {
            return false;
        }
        int i = 0;
        while (i < table.length) {
            long e = table[i];
            if (e != 0 && isPosting(e) && (int) ((e >>> 8) & 0xFFFFFF) == slot) {
                postings--;
                removeAt(i);
            } else {
                i++;
            }
        }
        for (int list = 0; list < listCount; list++) {
            if (lists[list] != null) {
                removeFromList(list, slot);
            }
        }
        release(workId, slot);
        return true;
    }

    private void release(long workId, int slot) {
        sigs[slot] = null;
        slotOf.remove(workId);
        free(slot);
    }

    private void free(int slot) {
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
    }

    private static int tagOf(long key) {
        int tag = (int) (key >>> 32);
        return tag == 0 ? 1 : tag;
    }

    /** Home bucket: multiply-high range reduction (Lemire), so the capacity need not be a power of two. */
    private int home(int tag) {
        long h = MinHash.fmix64(tag & 0xFFFFFFFFL) >>> 32;
        return (int) ((h * table.length) >>> 32);
    }

    private int next(int i) {
        return i + 1 == table.length ? 0 : i + 1;
    }

    private int distance(int from, int to) {
        int d = to - from;
        return d < 0 ? d + table.length : d;
    }

    private void insert(long key, int slot, int chunk) {
        if (size + 1 > (long) (table.length * MAX_LOAD)) {
            rehash((int) Math.min(Integer.MAX_VALUE - 8, table.length * 3L / 2));
        }
        int tag = tagOf(key);
        int listKind = chunk == ANCHOR ? ANCHOR_LIST : DOC_LIST;
        int cap = chunk == ANCHOR ? MAX_POSTINGS_PER_ANCHOR : MAX_POSTINGS_PER_KEY;
        int i = home(tag);
        int inline = 0;
        long e;
        while ((e = table[i]) != 0) {
            if ((int) (e >>> 32) == tag) {
                int kind = (int) (e & 0xFF);
                if (kind == STOP_ANCHOR && chunk == ANCHOR) {
                    return;
                }
                if (kind == listKind) {
                    int list = (int) ((e >>> 8) & 0xFFFFFF);
                    if (listSizes[list] >= cap) {
                        if (chunk == ANCHOR) {
                            stop(tag);
                        }
                        return;
                    }
                    append(list, slot);
                    return;
                }
                if (kind == chunk) {
                    inline++;
                }
            }
            i = next(i);
        }
        if (inline < INLINE) {
            table[i] = entry(tag, slot, chunk);
            size++;
            postings++;
            return;
        }
        // the key's next work: its postings move to a list
        int list = newList();
        i = home(tag);
        while ((e = table[i]) != 0) {
            if ((int) (e >>> 32) == tag && (int) (e & 0xFF) == chunk) {
                append(list, (int) ((e >>> 8) & 0xFFFFFF));
                postings--;
                removeAt(i);
                continue; // the shift moved another entry into i
            }
            i = next(i);
        }
        append(list, slot);
        table[i] = entry(tag, list, listKind);
        size++;
    }

    private static long entry(int tag, int slotOrList, int kind) {
        return ((long) tag << 32) | ((long) slotOrList << 8) | kind;
    }

    private int newList() {
        int list;
        if (freeListCount > 0) {
            list = freeLists[--freeListCount];
        } else {
            if (listCount == 0xFFFFFF) {
                throw new IllegalStateException("text index full (16,777,215 posting lists): shard it");
            }
            list = listCount++;
            if (list == lists.length) {
                lists = Arrays.copyOf(lists, list * 2);
                listSizes = Arrays.copyOf(listSizes, list * 2);
            }
        }
        lists[list] = new int[2 * INLINE];
        listSizes[list] = 0;
        return list;
    }

    private void append(int list, int slot) {
        int n = listSizes[list];
        if (n == lists[list].length) {
            lists[list] = Arrays.copyOf(lists[list], n * 2);
        }
        lists[list][n] = slot;
        listSizes[list] = n + 1;
        postings++;
    }

    private void freeList(int list) {
        postings -= listSizes[list];
        lists[list] = null;
        listSizes[list] = 0;
        if (freeListCount == freeLists.length) {
            freeLists = Arrays.copyOf(freeLists, freeListCount * 2);
        }
        freeLists[freeListCount++] = list;
    }

    /** Removes every occurrence of {@code slot} from a list (order not kept). */
    private void removeFromList(int list, int slot) {
        int[] l = lists[list];
        int n = listSizes[list];
        for (int k = 0; k < n; ) {
            if (l[k] == slot) {
                l[k] = l[--n];
                postings--;
            } else {
                k++;
            }
        }
        listSizes[list] = n;
    }

    /** An anchor's postings (in the table or its list) replaced by its stop marker ({@link #STOP_ANCHOR}). */
    private void stop(int tag) {
        int i = home(tag);
        long e;
        while ((e = table[i]) != 0) {
            int kind = (int) (e & 0xFF);
            if ((int) (e >>> 32) == tag && (kind == ANCHOR || kind == ANCHOR_LIST)) {
                if (kind == ANCHOR_LIST) {
                    freeList((int) ((e >>> 8) & 0xFFFFFF));
                } else {
                    postings--;
                }
                removeAt(i);
                continue; // the shift moved another entry into i
            }
            i = next(i);
        }
        table[i] = entry(tag, 0, STOP_ANCHOR);
        size++;
    }

    private static boolean isPosting(long e) {
        int kind = (int) (e & 0xFF);
        return kind == DOC_CHUNK || kind == ANCHOR;
    }

    private static boolean isList(long e) {
        int kind = (int) (e & 0xFF);
        return kind == DOC_LIST || kind == ANCHOR_LIST;
    }

    private void delete(int tag, int slot) {
        int i = home(tag);
        while (table[i] != 0) {
            long e = table[i];
            if ((int) (e >>> 32) == tag) {
                if (isList(e)) {
                    removeFromList((int) ((e >>> 8) & 0xFFFFFF), slot);
                } else if (isPosting(e) && (int) ((e >>> 8) & 0xFFFFFF) == slot) {
                    postings--;
                    removeAt(i);
                    continue; // the shift moved another entry into i
                }
            }
            i = next(i);
        }
    }

    private void removeAt(int i) {
        int hole = i;
        int j = i;
        while (true) {
            j = next(j);
            long e = table[j];
            if (e == 0) {
                break;
            }
            int h = home((int) (e >>> 32));
            if (distance(h, j) >= distance(hole, j)) {
                table[hole] = e;
                hole = j;
            }
        }
        table[hole] = 0;
        size--;
    }

    private void rehash(int capacity) {
        long[] old = table;
        table = new long[capacity];
        for (long e : old) {
            if (e != 0) {
                int i = home((int) (e >>> 32));
                while (table[i] != 0) {
                    i = next(i);
                }
                table[i] = e;
            }
        }
    }

    /**
     * What decides how works are indexed, written in a snapshot's header: a snapshot written under other rules is not
     * read back (the index is rebuilt from the fingerprints instead).
     */
    public static String layout() {
        return "text-index/2 inline=" + INLINE + " keys=" + MAX_POSTINGS_PER_KEY + " anchors=" + MAX_POSTINGS_PER_ANCHOR + " perms="
                + MinHash.DOC_PERMUTATIONS + " sample=" + Anchors.SAMPLE;
    }

    /** Every work held, by id. */
    public void forEachWork(LongConsumer action) {
        for (int s = 0; s < slots; s++) {
            if (sigs[s] != null) {
                action.accept(workIds[s]);
            }
        }
    }

    /**
     * Writes the index as it is in memory — the posting table bucket by bucket, then per work its id, length, anchor
     * count and b-bit signature — so that {@link #readFrom} restores it without hashing a single key again.
     */
    public void writeTo(SnapshotOutput out) throws IOException {
        out.writeInt(table.length);
        out.writeInt(size);
        out.writeLongs(table, 0, table.length);
        out.writeInt(slots);
        out.writeLongs(workIds, 0, slots);
        out.writeInts(lengths, 0, slots);
        out.writeInts(anchorCounts, 0, slots);
        byte[] present = new byte[slots];
        for (int s = 0; s < slots; s++) {
            present[s] = (byte) (sigs[s] == null ? 0 : 1);
        }
        out.writeBytes(present, 0, slots);
        for (int s = 0; s < slots; s++) {
            if (sigs[s] != null) {
                out.writeBytes(sigs[s], 0, MinHash.DOC_PERMUTATIONS);
            }
        }
        out.writeInt(listCount);
        for (int l = 0; l < listCount; l++) {
            out.writeInt(lists[l] == null ? -1 : listSizes[l]);
            if (lists[l] != null) {
                out.writeInts(lists[l], 0, listSizes[l]);
            }
        }
    }

    /** The index {@link #writeTo} wrote; a damaged or inconsistent snapshot is an {@link IOException}. */
    public static TextIndex readFrom(SnapshotInput in) throws IOException {
        int capacity = in.readCount(8, Integer.MAX_VALUE);
        int size = in.readInt();
        if (capacity < 1 || size < 0 || size > capacity * MAX_LOAD + 1) {
            throw new IOException("damaged snapshot: " + size + " postings in " + capacity + " buckets");
        }
        TextIndex index = new TextIndex(0);
        index.table = new long[capacity];
        in.readLongs(index.table, 0, capacity);
        index.size = size;
        int slots = in.readCount(8 + 4 + 4 + 1, MAX_SLOTS);
        int room = Math.max(1024, slots);
        index.workIds = new long[room];
        index.lengths = new int[room];
        index.anchorCounts = new int[room];
        index.sigs = new byte[room][];
        in.readLongs(index.workIds, 0, slots);
        in.readInts(index.lengths, 0, slots);
        in.readInts(index.anchorCounts, 0, slots);
        byte[] present = new byte[slots];
        in.readBytes(present, 0, slots);
        index.slots = slots;
        index.slotOf = new LongIntMap(room);
        for (int s = 0; s < slots; s++) {
            if (present[s] != 0) {
                byte[] sig = new byte[MinHash.DOC_PERMUTATIONS];
                in.readBytes(sig, 0, sig.length);
                index.sigs[s] = sig;
                index.slotOf.put(index.workIds[s], s);
            } else {
                index.free(s);
            }
        }
        int listCount = in.readCount(4, 0xFFFFFF);
        index.lists = new int[Math.max(64, listCount)][];
        index.listSizes = new int[index.lists.length];
        index.listCount = listCount;
        for (int l = 0; l < listCount; l++) {
            int n = in.readInt();
            if (n < -1 || n > MAX_POSTINGS_PER_KEY) {
                throw new IOException("damaged snapshot: a posting list of " + n);
            }
            if (n < 0) {
                if (index.freeListCount == index.freeLists.length) {
                    index.freeLists = Arrays.copyOf(index.freeLists, index.freeListCount * 2);
                }
                index.freeLists[index.freeListCount++] = l;
                continue;
            }
            int[] list = new int[Math.max(2 * INLINE, n)];
            in.readInts(list, 0, n);
            for (int k = 0; k < n; k++) {
                if (list[k] < 0 || list[k] >= slots) {
                    throw new IOException("damaged snapshot: a posting of a work that is not there");
                }
            }
            index.lists[l] = list;
            index.listSizes[l] = n;
            index.postings += n;
        }
        int used = 0;
        for (long e : index.table) {
            if (e != 0) {
                int ref = (int) ((e >>> 8) & 0xFFFFFF);
                if (isPosting(e)) {
                    if (ref >= slots) {
                        throw new IOException("damaged snapshot: a posting of a work that is not there");
                    }
                    index.postings++;
                } else if (isList(e) && (ref >= listCount || index.lists[ref] == null)) {
                    throw new IOException("damaged snapshot: a posting list that is not there");
                } else if (!isList(e) && (int) (e & 0xFF) != STOP_ANCHOR) {
                    throw new IOException("damaged snapshot: a posting of an unknown kind");
                }
                used++;
            }
        }
        if (used != size) {
            throw new IOException("damaged snapshot: " + used + " postings where " + size + " were written");
        }
        return index;
    }

    /**
     * Drops every work {@code keep} rejects, in one pass over the posting table (not one per work, as
     * {@link #remove(long)} would); returns how many were dropped. As with {@code remove}, a key that reached its cap
     * ({@link #MAX_POSTINGS_PER_KEY}, {@link #MAX_POSTINGS_PER_ANCHOR}) before is not refilled with the postings it refused.
     */
    public int retain(LongPredicate keep) {
        boolean[] drop = new boolean[slots];
        int dropped = 0;
        for (int s = 0; s < slots; s++) {
            if (sigs[s] != null && !keep.test(workIds[s])) {
                drop[s] = true;
                dropped++;
            }
        }
        if (dropped == 0) {
            return 0;
        }
        int i = 0;
        while (i < table.length) {
            long e = table[i];
            if (e != 0 && isPosting(e) && drop[(int) ((e >>> 8) & 0xFFFFFF)]) {
                postings--;
                removeAt(i);
            } else {
                i++;
            }
        }
        for (int list = 0; list < listCount; list++) {
            int[] l = lists[list];
            if (l == null) {
                continue;
            }
            int n = listSizes[list];
            for (int k = 0; k < n; ) {
                if (drop[l[k]]) {
                    l[k] = l[--n];
                    postings--;
                } else {
                    k++;
                }
            }
            listSizes[list] = n;
        }
        for (int s = 0; s < slots; s++) {
            if (drop[s]) {
                release(workIds[s], s);
            }
        }
        return dropped;
    }

    /** Approximate heap bytes held by the index (arrays only, object headers included). */
    public long memoryBytes() {
        long bytes = 16L + table.length * 8L + workIds.length * 8L + lengths.length * 4L + anchorCounts.length * 4L
                + sigs.length * 4L
                + slotOf.memoryBytes();
        for (int s = 0; s < slots; s++) {
            if (sigs[s] != null) {
                bytes += 16 + align8(sigs[s].length);
            }
        }
        bytes += 16 + lists.length * 8L + listSizes.length * 4L + freeLists.length * 4L;
        for (int l = 0; l < listCount; l++) {
            if (lists[l] != null) {
                bytes += 16 + align8(lists[l].length * 4L);
            }
        }
        return bytes;
    }

    private static long align8(long n) {
        return (n + 7) & ~7L;
    }

    /** Candidates for a query fingerprint (document bands and anchors), best first, at most {@code limit}. */
    public List<Candidate> candidates(TextFingerprint q, int limit) {
        return candidates(q.probe(), limit);
    }

    /** Candidates for a query (document bands and anchors), best first, at most {@code limit}. */
    public List<Candidate> candidates(TextProbe q, int limit) {
        IntCounter docHits = new IntCounter();
        for (long key : q.bandKeys()) {
            scan(key, docHits, true);
        }
        IntCounter anchorHits = new IntCounter();
        int[] buffer = new int[MAX_POSTINGS_PER_ANCHOR];
        int usableAnchors = 0;
        for (long a : q.anchors()) {
            usableAnchors += scanAnchor(a, anchorHits, buffer) ? 1 : 0;
        }
        int minAnchorHits = Math.max(1, Math.min(MIN_ANCHOR_HITS, usableAnchors));
        minAnchorHits = Math.max(minAnchorHits, (int) Math.ceil(MIN_ANCHOR_SHARE * usableAnchors));
        IntCounter all = new IntCounter();
        for (int i = 0; i < docHits.size; i++) {
            all.add(docHits.keys[i], 0);
        }
        int bestHits = 0;
        for (int i = 0; i < anchorHits.size; i++) {
            bestHits = Math.max(bestHits, anchorHits.get(anchorHits.keys[i]));
        }
        for (int i = 0; i < anchorHits.size; i++) {
            int slot = anchorHits.keys[i];
            int h = anchorHits.get(slot);
            // a bare pair of common grams is noise next to a candidate sharing four times as many
            if (h >= minAnchorHits && (h > MIN_ANCHOR_HITS || h * DOMINANCE > bestHits)) {
                all.add(slot, 0);
            }
        }
        List<Candidate> out = new ArrayList<>(all.size);
        for (int i = 0; i < all.size; i++) {
            int slot = all.keys[i];
            byte[] sig = sigs[slot];
            if (sig == null) {
                continue;
            }
            double j = bbit(q.minhash(), 0, sig, 0, MinHash.DOC_PERMUTATIONS);
            double qLen = Math.max(1, q.canonicalLength());
            double wLen = Math.max(1, lengths[slot]);
            double qInW = j * (qLen + wLen) / ((1 + j) * qLen);
            double wInQ = j * (qLen + wLen) / ((1 + j) * wLen);
            int ah = anchorHits.get(slot);
            if (usableAnchors > 0) {
                qInW = Math.max(qInW, (double) ah / usableAnchors);
            }
            if (anchorCounts[slot] > 0) {
                wInQ = Math.max(wInQ, (double) ah / anchorCounts[slot]);
            }
            out.add(new Candidate(workIds[slot], j, Math.min(1, qInW), Math.min(1, wInQ), docHits.get(slot), 0, ah));
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparingLong(Candidate::workId));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /**
     * Candidates verified by winnowing against their canonical texts ({@code texts} loads a work's text, e.g. from the
     * database), best first; works whose band is NONE are left out.
     */
    public List<Result> query(CanonicalText query, TextFingerprint fp, LongFunction<CanonicalText> texts, int limit) {
        Passages.Side side = Passages.Side.of(Winnowing.packedSorted(query.text()), query.length());
        List<Result> results = new ArrayList<>();
        for (Candidate c : candidates(fp, limit)) {
            CanonicalText work = texts.apply(c.workId());
            if (work == null) {
                continue;
            }
            Passages.Match m = Passages.compare(side, Winnowing.packedSorted(work.text()), work.length());
            Band band = band(m);
            if (band != Band.NONE) {
                results.add(new Result(c, Passages.quote(m, query, work), band));
            }
        }
        return sorted(results);
    }

    /**
     * Candidates verified by winnowing, best first, works whose band is NONE left out: a candidate is compared through
     * its entry in {@code cache}; the texts of the candidates the cache does not hold, and then of the works in the answer
     * (for the quotes), are read with one call of {@code texts} each (ids → canonical texts; an id missing from the
     * answer has no registered text and is remembered as {@link WinnowingCache#ABSENT}). Needs no lock of the index.
     */
    public static List<Result> verify(CanonicalText query, List<Candidate> candidates, WinnowingCache cache,
            Function<List<Long>, Map<Long, CanonicalText>> texts) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        int n = candidates.size();
        WinnowingCache.Entry[] entries = new WinnowingCache.Entry[n];
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries[i] = cache.get(candidates.get(i).workId());
            if (entries[i] == null) {
                missing.add(candidates.get(i).workId());
            }
        }
        Map<Long, CanonicalText> read = new HashMap<>();
        if (!missing.isEmpty()) {
            read.putAll(texts.apply(missing));
            for (int i = 0; i < n; i++) {
                if (entries[i] == null) {
                    long id = candidates.get(i).workId();
                    CanonicalText t = read.get(id);
                    entries[i] = t == null ? WinnowingCache.ABSENT : WinnowingCache.Entry.of(t);
                    cache.put(id, entries[i]);
                }
            }
        }
        Passages.Side side = Passages.Side.of(Winnowing.packedSorted(query.text()), query.length());
        List<Result> verified = new ArrayList<>();
        List<Long> unquoted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (entries[i] == WinnowingCache.ABSENT) {
                continue;
            }
            Passages.Match m = Passages.compare(side, entries[i].fingerprints(), entries[i].length());
            Band band = band(m);
            if (band != Band.NONE) {
                Candidate c = candidates.get(i);
                verified.add(new Result(c, m, band));
                if (!read.containsKey(c.workId())) {
                    unquoted.add(c.workId());
                }
            }
        }
        if (!unquoted.isEmpty()) {
            read.putAll(texts.apply(unquoted));
        }
        List<Result> results = new ArrayList<>(verified.size());
        for (Result r : verified) {
            CanonicalText work = read.get(r.candidate().workId());
            if (work == null || work.length() != r.match().lengthB()) {
                cache.remove(r.candidate().workId()); // refused (or changed) since it was cached
                continue;
            }
            results.add(new Result(r.candidate(), Passages.quote(r.match(), query, work), r.band()));
        }
        return sorted(results);
    }

    private static List<Result> sorted(List<Result> results) {
        results.sort(Comparator.comparing((Result r) -> r.band())
                .thenComparing(r -> -Math.max(r.match().containmentAinB(), r.match().containmentBinA())));
        return results;
    }

    /**
     * The band of a winnowing comparison (query = A, work = B). Only passages of at least {@link #MIN_PASSAGE_CHARS}
     * canonical characters count as shared text: common words and set phrases of a language ("ofthecommission",
     * "mrpresident") give many short passages between unrelated texts, which a whole-text containment of 0.08–0.2 would
     * otherwise turn into REVIEW. The shared text needed is {@link #REVIEW_MIN_SHARED_CHARS}, or half of the shorter
     * text when that is less (a short query wholly inside a work still matches), but never less than one passage.
     */
    public static Band band(Passages.Match m) {
        double c = Math.max(m.containmentAinB(), m.containmentBinA());
        int significant = 0;
        int endA = 0;
        int endB = 0;
        for (Passages.Passage p : m.passages()) {
            if (p.length() >= MIN_PASSAGE_CHARS) {
                significant += p.length();
            }
            endA = Math.max(endA, p.canonicalEndA());
            endB = Math.max(endB, p.canonicalEndB());
        }
        int needed = Math.max(MIN_PASSAGE_CHARS, Math.min(REVIEW_MIN_SHARED_CHARS, shorterLength(m) / 2));
        if (c >= MATCH_CONTAINMENT && significant >= needed) {
            return Band.MATCH;
        }
        if (c >= REVIEW_CONTAINMENT && significant >= needed) {
            return Band.REVIEW;
        }
        return Band.NONE;
    }

    private static int shorterLength(Passages.Match m) {
        return Math.min(m.lengthA(), m.lengthB());
    }

    private void scan(long key, IntCounter hits, boolean doc) {
        int tag = tagOf(key);
        int i = home(tag);
        long e;
        int posting = doc ? DOC_CHUNK : ANCHOR;
        int list = doc ? DOC_LIST : ANCHOR_LIST;
        while ((e = table[i]) != 0) {
            if ((int) (e >>> 32) == tag) {
                int kind = (int) (e & 0xFF);
                if (kind == posting) {
                    hits.add((int) ((e >>> 8) & 0xFFFFFF), 1);
                } else if (kind == list) {
                    int l = (int) ((e >>> 8) & 0xFFFFFF);
                    int[] slotsOfKey = lists[l];
                    for (int k = 0, n = listSizes[l]; k < n; k++) {
                        hits.add(slotsOfKey[k], 1);
                    }
                }
            }
            i = next(i);
        }
    }

    /**
     * Counts the works holding anchor {@code a}; returns false (and counts nothing) when more than
     * {@link #MAX_POSTINGS_PER_ANCHOR} works hold it.
     */
    private boolean scanAnchor(long a, IntCounter hits, int[] buffer) {
        int tag = tagOf(a);
        int i = home(tag);
        int n = 0;
        long e;
        while ((e = table[i]) != 0) {
            if ((int) (e >>> 32) == tag && (int) (e & 0xFF) == ANCHOR) {
                if (n == buffer.length) {
                    return false; // an index read from an older snapshot: the postings themselves beyond the cap
                }
                buffer[n++] = (int) ((e >>> 8) & 0xFFFFFF);
            } else if ((int) (e >>> 32) == tag && (int) (e & 0xFF) == ANCHOR_LIST) {
                int l = (int) ((e >>> 8) & 0xFFFFFF);
                int m = listSizes[l];
                if (n + m > buffer.length) {
                    return false;
                }
                System.arraycopy(lists[l], 0, buffer, n, m);
                n += m;
            } else if ((int) (e >>> 32) == tag && (int) (e & 0xFF) == STOP_ANCHOR) {
                return false;
            }
            i = next(i);
        }
        for (int k = 0; k < n; k++) {
            hits.add(buffer[k], 1);
        }
        return true;
    }

    private static double bbit(int[] full, int fullFrom, byte[] low, int lowFrom, int n) {
        int agree = 0;
        for (int i = 0; i < n; i++) {
            if ((byte) full[fullFrom + i] == low[lowFrom + i]) {
                agree++;
            }
        }
        double f = (double) agree / n;
        return Math.max(0, (f - 1.0 / 256) / (1 - 1.0 / 256));
    }

    /** Small open-addressing int → count map for one query. */
    private static final class IntCounter {
        int[] keys = new int[64];
        int[] table = new int[128];
        int[] counts = new int[128];
        int size;

        IntCounter() {
            Arrays.fill(table, -1);
        }

        void add(int key, int n) {
            int mask = table.length - 1;
            int i = (int) (MinHash.fmix64(key) & mask);
            while (table[i] != -1) {
                if (table[i] == key) {
                    counts[i] += n;
                    return;
                }
                i = (i + 1) & mask;
            }
            table[i] = key;
            counts[i] = n;
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
            if (size * 2 > table.length) {
                int[] oldT = table;
                int[] oldC = counts;
                table = new int[oldT.length * 2];
                counts = new int[oldT.length * 2];
                Arrays.fill(table, -1);
                int m = table.length - 1;
                for (int k = 0; k < oldT.length; k++) {
                    if (oldT[k] != -1) {
                        int j = (int) (MinHash.fmix64(oldT[k]) & m);
                        while (table[j] != -1) {
                            j = (j + 1) & m;
                        }
                        table[j] = oldT[k];
                        counts[j] = oldC[k];
                    }
                }
            }
        }

        int get(int key) {
            int mask = table.length - 1;
            int i = (int) (MinHash.fmix64(key) & mask);
            while (table[i] != -1) {
                if (table[i] == key) {
                    return counts[i];
                }
                i = (i + 1) & mask;
            }
            return 0;
        }
    }

    /** Open-addressing long → int map (work id → slot), backward-shift deletion. */
    static final class LongIntMap {
        private long[] keys;
        private int[] values;
        private boolean[] used;
        private int size;

        LongIntMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[cap];
            values = new int[cap];
            used = new boolean[cap];
        }

        long memoryBytes() {
            return keys.length * 8L + values.length * 4L + used.length + 48;
        }

        private int home(long k, int mask) {
            return (int) (MinHash.fmix64(k) & mask);
        }

        int get(long k) {
            int mask = keys.length - 1;
            int i = home(k, mask);
            while (used[i]) {
                if (keys[i] == k) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            return -1;
        }

        void put(long k, int v) {
            if ((size + 1) * 2 > keys.length) {
                long[] ok = keys;
                int[] ov = values;
                boolean[] ou = used;
                keys = new long[ok.length * 2];
                values = new int[ok.length * 2];
                used = new boolean[ok.length * 2];
                size = 0;
                for (int i = 0; i < ok.length; i++) {
                    if (ou[i]) {
                        put(ok[i], ov[i]);
                    }
                }
            }
            int mask = keys.length - 1;
            int i = home(k, mask);
            while (used[i]) {
                if (keys[i] == k) {
                    values[i] = v;
                    return;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = k;
            values[i] = v;
            size++;
        }

        void remove(long k) {
            int mask = keys.length - 1;
            int i = home(k, mask);
            while (used[i]) {
                if (keys[i] == k) {
                    int hole = i;
                    int j = i;
                    while (true) {
                        j = (j + 1) & mask;
                        if (!used[j]) {
                            break;
                        }
                        int h = home(keys[j], mask);
                        if (((j - h) & mask) >= ((j - hole) & mask)) {
                            keys[hole] = keys[j];
                            values[hole] = values[j];
                            hole = j;
                        }
                    }
                    used[hole] = false;
                    size--;
                    return;
                }
                i = (i + 1) & mask;
            }
        }
    }
}
