package org.alliancechain.copyright.monitoring;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.alliancechain.copyright.fingerprint.image.ImageQuery;
import org.alliancechain.copyright.fingerprint.image.ImageFingerprintException;
import org.alliancechain.copyright.fingerprint.image.ImageSearch;
import org.alliancechain.copyright.fingerprint.image.PdqHash;
import org.alliancechain.copyright.fingerprint.text.TextFingerprinter;
import org.alliancechain.copyright.works.WorkFingerprints;
import org.alliancechain.service.problem.ProblemException;

/**
 * Finds the registered works a suspected copy matches: a text by its fingerprint (LSH candidates
 * verified by winnowing, with the matched passages quoted on both sides), an image by its PDQ hash in
 * every orientation and inverted, and by its regions for crops. Every member's works are searched; of
 * another member's work the caller learns its registration record (holder, title, digests, block),
 * as the public verifier would tell, and the matched passages, never the work itself.
 */
@ApplicationScoped
public class Matches {

    /** One matched passage: where it is in the copy and in the work, quoted from both (source text). */
    public record PassageView(int copyStart, int copyEnd, int workStart, int workEnd, String copyQuote, String workQuote) {
    }

    /** A registered work the copy matches. */
    public record MatchView(long workId, String kind, String title, String holder, boolean yours, String contentDigest, String recordDigest,
                            Long registeredBlock, String band, String bandLabel, double score, Double jaccard, Double copyInWork,
                            Double workInCopy, Integer pdqDistance, String orientation, Integer matchedRegions, List<PassageView> passages) {
    }

    /** The answer: the copy's digest and what it matched, best first. */
    /**
     * {@code kind} TEXT, IMAGE or TEXT_IN_IMAGE (a screenshot whose recognised text was compared:
     * {@code recognisedText}, null otherwise; {@code copyDigest} is the image's).
     */
    public record SearchView(String kind, String copyDigest, int copyLength, List<MatchView> matches, String recognisedText) {
    }

    /** The works one of the hashes sent matched. */
    public record HashMatchesView(String pdq, List<MatchView> matches) {
    }

    /** The answer to a hash look-up: per hash sent, in order, what it matched. */
    public record HashSearchView(List<HashMatchesView> results) {
    }

    static final int LIMIT = 20;
    /** Hashes per look-up request. */
    public static final int MAX_HASHES = 100;
    private static final java.util.regex.Pattern HEX_256 = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");

    private final WorkIndex index;
    private final AgroalDataSource db;
    private final TextInImages textInImages;

    Matches(WorkIndex index, AgroalDataSource db, TextInImages textInImages) {
        this.textInImages = textInImages;
        this.index = index;
        this.db = db;
    }

    public SearchView text(String organisation, String text, boolean html, String field) {
        requireReady();
        var canonical = WorkFingerprints.canonical(html ? "text/html" : "text/plain", text.getBytes(StandardCharsets.UTF_8));
        if (canonical.length() < 20) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the text has " + canonical.length()
                    + " characters after normalisation; at least 20 are needed to compare it", field);
        }
        var results = index.searchText(canonical, TextFingerprinter.probe(canonical), LIMIT);
        var rows = rows(results.stream().map(r -> r.candidate().workId()).toList());
        var views = new ArrayList<MatchView>();
        for (var r : results) {
            Row w = rows.get(r.candidate().workId());
            if (w == null) {
                continue;
            }
            var passages = r.match().passages().stream().map(p -> new PassageView(p.sourceStartA(), p.sourceEndA(), p.sourceStartB(),
                    p.sourceEndB(), p.quoteA(), p.quoteB())).toList();
            double score = Math.max(r.match().containmentAinB(), r.match().containmentBinA());
            views.add(view(organisation, w, r.band().name(), score, r.match().jaccard(), r.match().containmentAinB(), r.match().containmentBinA(),
                    null, null, null, passages));
        }
        return new SearchView("TEXT", org.alliancechain.evidence.HashAlgorithm.SHA256.hex(text.getBytes(StandardCharsets.UTF_8)),
                canonical.length(), views, null);
    }

    /** A screenshot of a text: its text read ({@link TextInImages}) and searched as {@link #textInImage} does. */
    public SearchView screenshot(String organisation, byte[] image, String field) {
        return textInImage(organisation, image, textInImages.read(image, field), field);
    }

    /** A screenshot of a text whose text was read already: searched as {@link #text} searches a plain text. */
    public SearchView textInImage(String organisation, byte[] image, String recognised, String field) {
        var found = text(organisation, recognised, false, field);
        return new SearchView("TEXT_IN_IMAGE", org.alliancechain.evidence.HashAlgorithm.SHA256.hex(image), found.copyLength(),
                found.matches(), recognised);
    }

    public SearchView image(String organisation, byte[] image, String field) {
        requireReady();
        ImageQuery fp;
        try {
            fp = ImageQuery.of(image);
        } catch (ImageFingerprintException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, e.getMessage(), field);
        }
        var views = new ArrayList<MatchView>();
        var hits = index.searchImage(fp, LIMIT);
        var rows = rows(hits.stream().map(ImageSearch.Hit::id).toList());
        for (var hit : hits) {
            Row w = rows.get(hit.id());
            if (w == null) {
                continue;
            }
            views.add(view(organisation, w, hit.band(), hit.score(), null, null, null, hit.distance(), hit.orientation(), hit.regions(),
                    List.of()));
        }
        return new SearchView("IMAGE", org.alliancechain.evidence.HashAlgorithm.SHA256.hex(image), image.length, views, null);
    }

    /** What a match shows of a work: the facts of its registration record. */
    private record Row(long id, String kind, String title, String organisation, String contentDigest, String recordDigest,
                       Long registeredBlock) {
    }

    /**
     * The registered (not refused) works' rows in one query, without their contents — by JDBC: an HQL id-in list or a
     * Hibernate multi-load built and translated its query anew each time, which cost more than the search itself.
     */
    private Map<Long, Row> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var rows = new HashMap<Long, Row>();
        try (var connection = db.getConnection();
             var query = connection.prepareStatement("select id, kind, title, organisation, content_digest, record_digest, registered_block "
                     + "from cr_work where id = any(?) and status <> 'REFUSED'")) {
            query.setArray(1, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    long block = rs.getLong(7);
                    rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            HexFormat.of().formatHex(rs.getBytes(5)), rs.getString(6), rs.wasNull() ? null : block));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("works " + ids + " could not be read: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * Works whose whole-image PDQ hash lies within 31 bits of each hash, as a crawler computed it (HMA's model: the
     * hashes as given; a caller that wants rotations, mirrors or inverted copies sends those hashes too). No regions:
     * crops need the image.
     */
    public HashSearchView hashes(String organisation, List<String> hexes, String field) {
        requireReady();
        if (hexes.size() > MAX_HASHES) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "at most " + MAX_HASHES + " hashes per request; "
                    + hexes.size() + " were sent", field);
        }
        var hashes = new ArrayList<PdqHash>(hexes.size());
        for (int i = 0; i < hexes.size(); i++) {
            String hex = hexes.get(i);
            if (hex == null || !HEX_256.matcher(hex).matches()) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "must be a PDQ hash: 64 hexadecimal digits (256 bits)",
                        field + "[" + i + "]");
            }
            hashes.add(PdqHash.fromHex(hex));
        }
        var hits = new ArrayList<List<ImageSearch.Hit>>(hashes.size());
        var ids = new java.util.HashSet<Long>();
        for (PdqHash h : hashes) {
            var found = index.searchImageHash(h, LIMIT);
            hits.add(found);
            found.forEach(hit -> ids.add(hit.id()));
        }
        var works = rows(new ArrayList<>(ids));
        var results = new ArrayList<HashMatchesView>(hashes.size());
        for (int i = 0; i < hashes.size(); i++) {
            var views = new ArrayList<MatchView>();
            for (var hit : hits.get(i)) {
                Row w = works.get(hit.id());
                if (w != null) {
                    views.add(view(organisation, w, hit.band(), hit.score(), null, null, null, hit.distance(), hit.orientation(), null,
                            List.of()));
                }
            }
            results.add(new HashMatchesView(hexes.get(i).toLowerCase(java.util.Locale.ROOT), views));
        }
        return new HashSearchView(results);
    }

    private static MatchView view(String organisation, Row w, String band, double score, Double jaccard, Double copyInWork, Double workInCopy,
                                  Integer distance, String orientation, Integer regions, List<PassageView> passages) {
        String label = switch (band) {
            case "MATCH" -> "相符 match";
            case "REVIEW" -> "待复核 review";
            default -> "无 none";
        };
        return new MatchView(w.id(), w.kind(), w.title(), w.organisation(), w.organisation().equals(organisation), w.contentDigest(),
                w.recordDigest(), w.registeredBlock(), band, label, score, jaccard, copyInWork, workInCopy, distance, orientation, regions, passages);
    }

    /** 503 while the index of registered works is being built. */
    void requireReady() {
        if (!index.ready()) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "the index of registered works is being built ("
                    + index.progress() + "); try again shortly");
        }
    }
}
