package org.alliancechain.copyright.monitoring;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.alliancechain.copyright.fingerprint.image.ImageFingerprint;
import org.alliancechain.copyright.fingerprint.image.ImageQuery;
import org.alliancechain.copyright.fingerprint.image.ImageSearch;
import org.alliancechain.copyright.fingerprint.image.PdqHash;
import org.alliancechain.copyright.fingerprint.snapshot.LongLongMap;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotInput;
import org.alliancechain.copyright.fingerprint.snapshot.SnapshotOutput;
import org.alliancechain.copyright.fingerprint.text.CanonicalText;
import org.alliancechain.copyright.fingerprint.text.TextFingerprint;
import org.alliancechain.copyright.fingerprint.text.TextIndex;
import org.alliancechain.copyright.fingerprint.text.TextProbe;
import org.alliancechain.copyright.fingerprint.text.WinnowingCache;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.copyright.works.WorkFingerprints;
import org.alliancechain.copyright.works.WorkService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every registered work's fingerprint in memory, for near-duplicate search: texts in an LSH index
 * (document and chunk bands, copyright.md §4), images' PDQ and region hashes in a multi-index hash.
 * PostgreSQL is the source of truth; the index takes each registration once its transaction commits.
 *
 * <p>Restarts: the index is written to a snapshot file ({@code copyright.index.snapshot}) after it was built and then
 * every {@code copyright.index.snapshot-every} when works were added, and when the service stops. At start (in the
 * background; searches answer 503 with the progress until it is ready) the snapshot is read back and checked against
 * the database — every work it holds must still be registered with the same fingerprint (the first 8 bytes of
 * {@code fingerprint_digest}), others are dropped; works registered since are read from the database. A missing,
 * damaged (CRC-32C, lengths) or differently laid-out snapshot is set aside and the index is rebuilt from the database,
 * as it would be without one.
 *
 * <p>Writers: one at a time. While the index is loading or its snapshot is being written, registrations do not wait:
 * their works are noted and read from the database afterwards, so neither they nor the searches (which run in
 * parallel) queue behind the snapshot.
 */
@ApplicationScoped
public class WorkIndex {

    private static final Logger LOG = Logger.getLogger(WorkIndex.class);
    private static final long MAGIC = 0x3130_5844_4957_5243L; // "CRWIDX01", little-endian
    /** Works read from the database per query while catching up. */
    private static final int BATCH = 2_000;

    private final AgroalDataSource db;
    private final Path snapshot;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile TextIndex texts = new TextIndex(16_384);
    private final WinnowingCache passages;
    private volatile ImageSearch images = new ImageSearch();
    /**
     * Per indexed work, the first 8 bytes of its fingerprint digest, which the snapshot is written with (under the writer's
     * lock, like the index): writing a snapshot reads nothing from the database, so it works while the service stops.
     */
    private LongLongMap digests = new LongLongMap(1024);
    private final AtomicInteger loaded = new AtomicInteger();
    private volatile int toLoad = -1;
    private volatile boolean ready;
    /** Guards {@link #deferring} and {@link #deferred}; registrations add to the index while holding it. */
    private final Object intake = new Object();
    private boolean deferring = true;
    private final List<Long> deferred = new ArrayList<>();
    /** Additions and removals since the index was created, and how many of them the snapshot on disk holds. */
    private final AtomicLong changes = new AtomicLong();
    private volatile long saved;
    private volatile boolean synthetic;
    private volatile String origin = "not loaded";

    WorkIndex(AgroalDataSource db,
              @ConfigProperty(name = "copyright.index.verification-cache-mb", defaultValue = "256") int verificationCacheMb,
              @ConfigProperty(name = "copyright.index.snapshot") Optional<String> snapshot) {
        this.db = db;
        this.passages = new WinnowingCache(verificationCacheMb * 1024L * 1024L);
        this.snapshot = snapshot.filter(p -> !p.isBlank()).map(Path::of).orElse(null);
    }

    void onStart(@Observes StartupEvent event) {
        var loader = new Thread(this::load, "work-index-load");
        loader.setDaemon(true);
        loader.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        saveIfChanged();
    }

    @Scheduled(every = "${copyright.index.snapshot-every:10m}", delayed = "${copyright.index.snapshot-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void saveEvery() {
        saveIfChanged();
    }

    /** Whether the index holds every work; else how far loading is. */
    public boolean ready() {
        return ready;
    }

    public String progress() {
        return loaded.get() + " of " + Math.max(toLoad, 0) + " works";
    }

    /** Where the index came from at start: the snapshot (and how many works were read from the database besides) or the database. */
    public String origin() {
        return origin;
    }

    public int textWorks() {
        return texts.works();
    }

    public int imageWorks() {
        return images.size();
    }

    void onRegistered(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkService.WorksRegistered event) {
        var fromDatabase = new ArrayList<Long>();
        synchronized (intake) {
            if (deferring) {
                deferred.addAll(event.workIds());
                return;
            }
            for (long id : event.workIds()) {
                var f = event.fingerprinted().get(id);
                if (f != null && f.text() != null) {
                    addText(id, f.text(), prefix(f.digest()), f.winnowing());
                } else {
                    fromDatabase.add(id);
                }
            }
        }
        if (fromDatabase.isEmpty()) {
            return;
        }
        try {
            var rows = read(fromDatabase);
            synchronized (intake) {
                if (deferring) {
                    deferred.addAll(fromDatabase);
                    return;
                }
                rows.forEach(this::add);
            }
        } catch (SQLException e) {
            LOG.errorf(e, "works %s could not be added to the index; they are found after the next start", fromDatabase);
        }
    }

    /** A text registered just now, from the fingerprint registration computed (not read back from the database). */
    private void addText(long id, TextFingerprint fingerprint, long digest, WinnowingCache.Entry winnowing) {
        lock.writeLock().lock();
        try {
            if (!texts.contains(id)) {
                texts.add(id, fingerprint);
                digests.put(id, digest);
                changes.incrementAndGet();
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (winnowing != null) {
            passages.put(id, winnowing);
        }
    }

    /** The verification cache (works' winnowing fingerprints): entries, bytes held and budget, hits and misses. */
    public String verificationCache() {
        long[] hm = passages.hitsAndMisses();
        return passages.size() + " works, " + passages.bytes() + " of " + passages.budget() + " bytes, " + hm[0] + " hits, " + hm[1]
                + " misses";
    }

    /** Text candidates verified by winnowing against the works' canonical texts. */
    public List<TextIndex.Result> searchText(CanonicalText query, TextFingerprint fp, int limit) {
        return searchText(query, fp.probe(), limit);
    }

    /**
     * Text candidates verified by winnowing: against the works' fingerprints in the verification cache, or their texts read
     * from the database in one query for those it does not hold; the texts of the works in the answer are read in one query
     * for the quotes.
     */
    public List<TextIndex.Result> searchText(CanonicalText query, TextProbe probe, int limit) {
        List<TextIndex.Candidate> candidates;
        lock.readLock().lock();
        try {
            candidates = texts.candidates(probe, limit);
        } finally {
            lock.readLock().unlock();
        }
        return TextIndex.verify(query, candidates, passages, this::canonicalTexts);
    }

    /** Image works whose PDQ (in any orientation, or inverted) or enough of whose regions lie near the query's. */
    public List<ImageSearch.Hit> searchImage(ImageFingerprint query, int limit) {
        lock.readLock().lock();
        try {
            return images.search(query, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * As {@link #searchImage(ImageFingerprint, int)}, the query's regions computed only when its whole image matched nothing.
     * Without this index's lock: {@link ImageSearch} answers searches beside its one writer, and the regions' computation
     * (tens of milliseconds) then holds no registration back.
     */
    public List<ImageSearch.Hit> searchImage(ImageQuery query, int limit) {
        return images.search(query, limit);
    }

    /** Image works whose whole-image PDQ hash lies within 31 bits of {@code hash}, taken as given (a crawler's own PDQ). */
    public List<ImageSearch.Hit> searchImageHash(PdqHash hash, int limit) {
        return images.searchHash(hash, limit);
    }

    /** A work's whole fingerprint record: its header (stored once, V5062) followed by the bytes its row keeps, or those alone. */
    private static final String RECORD = "coalesce(h.header || w.fingerprint, w.fingerprint)";
    private static final String HEADER = " left join cr_fingerprint_header h on h.id = w.fingerprint_header";

    private record Row(long id, Work.Kind kind, byte[] fingerprint, long digest) {
    }

    /** Registered (not refused) works' ids, ascending, and the first 8 bytes of each one's fingerprint digest. */
    private record Registered(long[] ids, long[] digests) {

        /** Whether {@code id} is here with this digest. */
        boolean holds(long id, long digest) {
            int i = Arrays.binarySearch(ids, id);
            return i >= 0 && digests[i] == digest;
        }

        /** {@code id}'s digest; {@code id} must be here. */
        long digestOf(long id) {
            return digests[Arrays.binarySearch(ids, id)];
        }

        boolean has(long id) {
            return Arrays.binarySearch(ids, id) >= 0;
        }
    }

    /** Builds the index (the loader thread at start; tests call it on instances of their own). */
    void load() {
        long started = System.nanoTime();
        try {
            Registered registered = registered();
            toLoad = registered.ids().length;
            TextIndex t = null;
            ImageSearch im = null;
            String from = "PostgreSQL";
            if (snapshot != null && Files.isRegularFile(snapshot)) {
                try (var in = SnapshotInput.open(snapshot)) {
                    var restored = restore(in, registered);
                    t = restored.texts;
                    im = restored.images;
                    from = "snapshot " + snapshot + " (" + restored.dropped + " works dropped";
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("the work index snapshot %s is not usable (%s); the index is rebuilt from the database", snapshot,
                            e.getMessage());
                    setAside(snapshot);
                }
            }
            if (t != null) {
                lock.writeLock().lock();
                try {
                    texts = t;
                    images = im;
                    var known = new LongLongMap(registered.ids().length);
                    long[] ids = registered.ids();
                    for (int i = 0; i < ids.length; i++) {
                        if (t.contains(ids[i]) || im.contains(ids[i])) {
                            known.put(ids[i], registered.digests()[i]);
                        }
                    }
                    digests = known;
                } finally {
                    lock.writeLock().unlock();
                }
            }
            var missing = new ArrayList<Long>();
            for (long id : registered.ids()) {
                if (!texts.contains(id) && !images.contains(id)) {
                    missing.add(id);
                }
            }
            loaded.set(toLoad - missing.size());
            if (t == null) {
                loadAll();
            } else {
                for (int i = 0; i < missing.size(); i += BATCH) {
                    var batch = missing.subList(i, Math.min(missing.size(), i + BATCH));
                    read(batch).forEach(this::add);
                    loaded.addAndGet(batch.size());
                }
                from += ", " + missing.size() + " read from the database)";
            }
            origin = from;
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "the work index could not be built from the database; searches stay unavailable");
            return;
        }
        ready = true;
        LOG.infof("work index ready: %d texts, %d images in %d ms from %s", texts.works(), images.size(),
                (System.nanoTime() - started) / 1_000_000, origin);
        save();
        resume();
    }

    /** Every registered work read from the database in one pass (no snapshot, or one that could not be used). */
    private void loadAll() throws SQLException {
        try (var connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (var query = connection.prepareStatement(
                    "select w.id, w.kind, " + RECORD + ", substring(w.fingerprint_digest from 1 for 8) from cr_work w" + HEADER
                            + " where w.status <> 'REFUSED' order by w.id")) {
                query.setFetchSize(BATCH);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        add(new Row(rows.getLong(1), Work.Kind.valueOf(rows.getString(2)), rows.getBytes(3), prefix(rows.getBytes(4))));
                        loaded.incrementAndGet();
                    }
                }
            }
            connection.commit();
        }
    }

    private Registered registered() throws SQLException {
        try (var connection = db.getConnection()) {
            connection.setAutoCommit(false);
            int n;
            try (var count = connection.prepareStatement("select count(*) from cr_work where status <> 'REFUSED'");
                 var rows = count.executeQuery()) {
                rows.next();
                n = rows.getInt(1);
            }
            long[] ids = new long[n];
            long[] digests = new long[n];
            int i = 0;
            try (var query = connection.prepareStatement(
                    "select id, substring(fingerprint_digest from 1 for 8) from cr_work where status <> 'REFUSED' order by id")) {
                query.setFetchSize(20_000);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (i == ids.length) { // registered since the count
                            ids = Arrays.copyOf(ids, i * 2 + 16);
                            digests = Arrays.copyOf(digests, ids.length);
                        }
                        ids[i] = rows.getLong(1);
                        digests[i] = prefix(rows.getBytes(2));
                        i++;
                    }
                }
            }
            connection.commit();
            return new Registered(Arrays.copyOf(ids, i), Arrays.copyOf(digests, i));
        }
    }

    private static long prefix(byte[] digest) {
        long v = 0;
        for (int k = 0; k < Math.min(8, digest.length); k++) {
            v = (v << 8) | (digest[k] & 0xFF);
        }
        return v;
    }

    private record Restored(TextIndex texts, ImageSearch images, int dropped) {
    }

    private static String layout() {
        return TextIndex.layout() + "; " + ImageSearch.layout();
    }

    /**
     * The index a snapshot holds, less every work the database no longer has registered with the same fingerprint.
     * Checked as it is read: the header, every length against the file, the checksum at the end.
     */
    private Restored restore(SnapshotInput in, Registered registered) throws IOException {
        if (in.readLong() != MAGIC) {
            throw new IOException("not a work index snapshot");
        }
        byte[] rules = new byte[in.readCount(1, 4_096)];
        in.readBytes(rules, 0, rules.length);
        if (!new String(rules, StandardCharsets.UTF_8).equals(layout())) {
            throw new IOException("written under other indexing rules (" + new String(rules, StandardCharsets.UTF_8) + ")");
        }
        int n = in.readCount(16, Integer.MAX_VALUE);
        long[] ids = new long[n];
        long[] digests = new long[n];
        in.readLongs(ids, 0, n);
        in.readLongs(digests, 0, n);
        for (int i = 1; i < n; i++) {
            if (ids[i] <= ids[i - 1]) {
                throw new IOException("damaged snapshot: works out of order");
            }
        }
        var held = new Registered(ids, digests);
        java.util.function.LongPredicate keep = id -> held.has(id) && registered.holds(id, held.digestOf(id));
        TextIndex t = TextIndex.readFrom(in);
        t.retain(keep);
        ImageSearch im = ImageSearch.readFrom(in, keep);
        in.verifyEnd();
        int dropped = 0;
        for (long id : ids) {
            if (!t.contains(id) && !im.contains(id)) {
                dropped++;
            }
        }
        changes.addAndGet(dropped);
        return new Restored(t, im, dropped);
    }

    private static void setAside(Path file) {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".unusable"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warnf("the unusable snapshot %s could not be set aside: %s", file, e.getMessage());
        }
    }

    /** Writes the snapshot when the index changed since the last one; skipped while loading or writing. */
    public void saveIfChanged() {
        if (!ready || snapshot == null || synthetic || changes.get() == saved) {
            return;
        }
        synchronized (intake) {
            if (deferring) {
                return; // loading, or another snapshot under way
            }
            deferring = true;
        }
        try {
            save();
        } finally {
            resume();
        }
    }

    /** Writes the snapshot (the caller holds {@link #deferring}: nothing is added meanwhile). */
    private void save() {
        if (snapshot == null || synthetic || changes.get() == saved) {
            return;
        }
        long at = changes.get();
        long started = System.nanoTime();
        Path tmp = snapshot.resolveSibling(snapshot.getFileName() + ".tmp");
        try {
            if (snapshot.getParent() != null) {
                Files.createDirectories(snapshot.getParent());
            }
            long size;
            lock.readLock().lock();
            try (var out = SnapshotOutput.create(tmp)) {
                var ids = new ArrayList<Long>();
                texts.forEachWork(ids::add);
                images.forEachWork(ids::add);
                // a work refused since it was indexed is written too: the next start checks every work against the database
                long[] held = ids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
                long[] heldDigests = new long[held.length];
                for (int i = 0; i < held.length; i++) {
                    heldDigests[i] = digests.get(held[i], 0);
                }
                out.writeLong(MAGIC);
                byte[] rules = layout().getBytes(StandardCharsets.UTF_8);
                out.writeInt(rules.length);
                out.writeBytes(rules, 0, rules.length);
                out.writeInt(held.length);
                out.writeLongs(held, 0, held.length);
                out.writeLongs(heldDigests, 0, held.length);
                texts.writeTo(out);
                images.writeTo(out);
                out.finish();
                size = out.size();
            } finally {
                lock.readLock().unlock();
            }
            Files.move(tmp, snapshot, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            saved = at;
            LOG.infof("work index snapshot written: %d texts, %d images, %d bytes in %d ms to %s", texts.works(), images.size(),
                    size, (System.nanoTime() - started) / 1_000_000, snapshot);
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "the work index snapshot could not be written to %s; the next start reads the database", snapshot);
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // left for the next attempt to replace
            }
        }
    }

    /** Adds what arrived while loading or writing the snapshot, then lets registrations add directly again. */
    private void resume() {
        while (true) {
            List<Long> ids;
            synchronized (intake) {
                if (deferred.isEmpty()) {
                    deferring = false;
                    return;
                }
                ids = List.copyOf(deferred);
                deferred.clear();
            }
            try {
                read(ids).forEach(this::add);
            } catch (SQLException e) {
                LOG.errorf(e, "works %s could not be added to the index; they are found after the next start", ids);
            }
        }
    }

    private List<Row> read(List<Long> ids) throws SQLException {
        var out = new ArrayList<Row>(ids.size());
        try (var connection = db.getConnection();
             var query = connection.prepareStatement(
                     "select w.id, w.kind, " + RECORD + ", substring(w.fingerprint_digest from 1 for 8) from cr_work w" + HEADER
                             + " where w.id = any(?) and w.status <> 'REFUSED'")) {
            query.setArray(1, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add(new Row(rows.getLong(1), Work.Kind.valueOf(rows.getString(2)), rows.getBytes(3), prefix(rows.getBytes(4))));
                }
            }
        }
        return out;
    }

    private void add(Row row) {
        lock.writeLock().lock();
        try {
            if (row.kind() == Work.Kind.TEXT) {
                if (!texts.contains(row.id())) {
                    texts.add(row.id(), TextFingerprint.fromBytes(row.fingerprint()));
                    digests.put(row.id(), row.digest());
                    changes.incrementAndGet();
                }
            } else if (!images.contains(row.id())) {
                images.add(row.id(), ImageFingerprint.fromBytes(row.fingerprint()));
                digests.put(row.id(), row.digest());
                changes.incrementAndGet();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Test only (the benchmark's synthetic works, which have no row): adds fingerprints to the index under the writer's
     * lock. Their ids must lie above every work's id; a search verifies such a text candidate by asking the database, finds
     * no row and leaves it out, as it would a work refused since.
     */
    void addUnregistered(long id, TextFingerprint text, ImageFingerprint image) {
        synthetic = true; // a snapshot of works without rows would be dropped at the next start: none is written
        lock.writeLock().lock();
        try {
            if (text != null) {
                texts.add(id, text);
            }
            if (image != null) {
                images.add(id, image);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Test only (the benchmark, whose synthetic works have no rows to check a snapshot against): a restart from the
     * snapshot — the texts and images written to {@code file} as {@link #save} does, the index emptied, and read back from
     * the file into this index as a start does (searches meanwhile find nothing); returns the milliseconds writing and
     * reading took and the file's size.
     */
    long[] snapshotRoundTrip(Path file) throws IOException {
        long t0 = System.nanoTime();
        long size;
        int textCount = texts.works();
        int imageCount = images.size();
        lock.readLock().lock();
        try (var out = SnapshotOutput.create(file)) {
            texts.writeTo(out);
            images.writeTo(out);
            out.finish();
            size = out.size();
        } finally {
            lock.readLock().unlock();
        }
        long t1 = System.nanoTime();
        lock.writeLock().lock();
        try {
            texts = new TextIndex(0);
            images = new ImageSearch();
            System.gc(); // the old index's memory back before the new one is read, as after a restart
            long t2 = System.nanoTime();
            try (var in = SnapshotInput.open(file)) {
                texts = TextIndex.readFrom(in);
                images = ImageSearch.readFrom(in, id -> true);
                in.verifyEnd();
            }
            if (texts.works() != textCount || images.size() != imageCount) {
                throw new IllegalStateException("the snapshot read back holds other works");
            }
            return new long[] {(t1 - t0) / 1_000_000, (System.nanoTime() - t2) / 1_000_000, size};
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The canonical texts of these works that are registered texts (others are left out), in one query. */
    private Map<Long, CanonicalText> canonicalTexts(List<Long> workIds) {
        var out = new HashMap<Long, CanonicalText>();
        try (var connection = db.getConnection();
             var query = connection.prepareStatement("select id, media_type, content from cr_work where id = any(?) and kind = 'TEXT' and status <> 'REFUSED'")) {
            query.setArray(1, connection.createArrayOf("bigint", workIds.toArray(Long[]::new)));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getLong(1), WorkFingerprints.canonical(rows.getString(2), rows.getBytes(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("works " + workIds + " could not be read: " + e.getMessage(), e);
        }
        return out;
    }
}
