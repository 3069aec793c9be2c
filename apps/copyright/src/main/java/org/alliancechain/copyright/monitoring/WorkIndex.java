package org.alliancechain.copyright.monitoring;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.alliancechain.copyright.fingerprint.image.ImageFingerprint;
import org.alliancechain.copyright.fingerprint.image.ImageQuery;
import org.alliancechain.copyright.fingerprint.image.ImageSearch;
import org.alliancechain.copyright.fingerprint.image.PdqHash;
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
 * PostgreSQL is the source of truth: the index is built from it when the service starts (in the
 * background; searches answer 503 with the progress until it is ready) and takes each registration
 * once its transaction commits. One writer at a time; searches run in parallel.
 */
@ApplicationScoped
public class WorkIndex {

    private static final Logger LOG = Logger.getLogger(WorkIndex.class);

    private final AgroalDataSource db;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TextIndex texts = new TextIndex(16_384);
    private final WinnowingCache passages;
    private final ImageSearch images = new ImageSearch();
    private final AtomicInteger loaded = new AtomicInteger();
    private volatile int toLoad = -1;
    private volatile boolean ready;
    private final List<Long> arrivedWhileLoading = new ArrayList<>();

    WorkIndex(AgroalDataSource db,
              @ConfigProperty(name = "copyright.index.verification-cache-mb", defaultValue = "256") int verificationCacheMb) {
        this.db = db;
        this.passages = new WinnowingCache(verificationCacheMb * 1024L * 1024L);
    }

    void onStart(@Observes StartupEvent event) {
        var loader = new Thread(this::load, "work-index-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** Whether the index holds every work; else how far loading is. */
    public boolean ready() {
        return ready;
    }

    public String progress() {
        return loaded.get() + " of " + Math.max(toLoad, 0) + " works";
    }

    public int textWorks() {
        return texts.works();
    }

    public int imageWorks() {
        return images.size();
    }

    void onRegistered(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkService.WorksRegistered event) {
        synchronized (arrivedWhileLoading) {
            if (!ready) {
                arrivedWhileLoading.addAll(event.workIds());
                return;
            }
        }
        var fromDatabase = new ArrayList<Long>();
        for (long id : event.workIds()) {
            var f = event.fingerprinted().get(id);
            if (f != null && f.text() != null) {
                addText(id, f.text(), f.winnowing());
            } else {
                fromDatabase.add(id);
            }
        }
        addFromDatabase(fromDatabase);
    }

    /** A text registered just now, from the fingerprint registration computed (not read back from the database). */
    private void addText(long id, TextFingerprint fingerprint, WinnowingCache.Entry winnowing) {
        lock.writeLock().lock();
        try {
            if (!texts.contains(id)) {
                texts.add(id, fingerprint);
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

    private void load() {
        long started = System.nanoTime();
        try (var connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (var count = connection.prepareStatement("select count(*) from cr_work where status <> 'REFUSED'");
                 var rows = count.executeQuery()) {
                rows.next();
                toLoad = rows.getInt(1);
            }
            try (var query = connection.prepareStatement("select id, kind, fingerprint from cr_work where status <> 'REFUSED' order by id")) {
                query.setFetchSize(2_000);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        add(rows.getLong(1), Work.Kind.valueOf(rows.getString(2)), rows.getBytes(3));
                        loaded.incrementAndGet();
                    }
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "the work index could not be built from the database; searches stay unavailable");
            return;
        }
        List<Long> arrived;
        synchronized (arrivedWhileLoading) {
            ready = true;
            arrived = List.copyOf(arrivedWhileLoading);
            arrivedWhileLoading.clear();
        }
        addFromDatabase(arrived);
        LOG.infof("work index ready: %d texts, %d images in %d ms", texts.works(), images.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void addFromDatabase(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (var connection = db.getConnection();
             var query = connection.prepareStatement("select id, kind, fingerprint from cr_work where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    add(rows.getLong(1), Work.Kind.valueOf(rows.getString(2)), rows.getBytes(3));
                }
            }
        } catch (SQLException e) {
            LOG.errorf(e, "works %s could not be added to the index; they are found after the next start", ids);
        }
    }

    private void add(long id, Work.Kind kind, byte[] fingerprint) {
        lock.writeLock().lock();
        try {
            if (kind == Work.Kind.TEXT) {
                if (!texts.contains(id)) {
                    texts.add(id, TextFingerprint.fromBytes(fingerprint));
                }
            } else {
                images.add(id, ImageFingerprint.fromBytes(fingerprint));
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
