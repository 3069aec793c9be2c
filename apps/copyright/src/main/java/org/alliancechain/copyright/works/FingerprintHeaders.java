package org.alliancechain.copyright.works;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.alliancechain.copyright.fingerprint.text.CanonicalText;
import org.alliancechain.copyright.fingerprint.text.TextFingerprint;
import org.alliancechain.evidence.HashAlgorithm;
import org.jboss.logging.Logger;

/**
 * Text fingerprint headers stored once (V5062): magic, format version and the algorithm's descriptor, ≈ 1 kB that every
 * work of one build and extractor shares. A work's row keeps the record's bytes after the header and the header's id;
 * the record is the header followed by them, the bytes its digest was taken of.
 */
@ApplicationScoped
public class FingerprintHeaders {

    private static final Logger LOG = Logger.getLogger(FingerprintHeaders.class);

    private final DataSource db;
    /** Ids by descriptor: a service meets one per extractor (plain text, HTML). */
    private final Map<Map<String, String>, Integer> ids = new ConcurrentHashMap<>();

    FingerprintHeaders(DataSource db) {
        this.db = db;
    }

    /**
     * This build's headers (one per text extractor) stored and their ids known before the first registration: a
     * registration meeting a header for the first time takes a second connection from the pool while it holds one, and
     * a burst of them after a start could wait on each other for the pool.
     */
    void onStart(@Observes StartupEvent start) {
        for (String extractor : List.of(CanonicalText.EXTRACTOR_PLAIN, CanonicalText.EXTRACTOR_HTML)) {
            var alg = TextFingerprint.algDescriptor(extractor);
            try {
                ids.put(alg, QuarkusTransaction.requiringNew().call(() -> stored(TextFingerprint.headerOf(alg))));
            } catch (RuntimeException e) {
                LOG.warnf("fingerprint header of extractor %s not stored at start (it will be when first used): %s", extractor, e.getMessage());
            }
        }
    }

    /**
     * The id of {@code fingerprint}'s header, stored the first time this service meets it — in a transaction of its own,
     * committed before the id is used, so a work never names a header that a rolled-back registration added.
     */
    public int idOf(TextFingerprint fingerprint) {
        Integer id = ids.get(fingerprint.alg());
        if (id != null) {
            return id;
        }
        byte[] header = fingerprint.header();
        id = QuarkusTransaction.requiringNew().call(() -> stored(header));
        ids.put(fingerprint.alg(), id);
        return id;
    }

    private int stored(byte[] header) throws SQLException {
        byte[] digest = HashAlgorithm.SHA256.digest(header);
        try (var c = db.getConnection()) {
            try (var insert = c.prepareStatement("insert into cr_fingerprint_header (digest, header) values (?, ?) on conflict (digest) do nothing")) {
                insert.setBytes(1, digest);
                insert.setBytes(2, header);
                insert.executeUpdate();
            }
            try (var select = c.prepareStatement("select id from cr_fingerprint_header where digest = ?")) {
                select.setBytes(1, digest);
                try (var rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        }
    }
}
