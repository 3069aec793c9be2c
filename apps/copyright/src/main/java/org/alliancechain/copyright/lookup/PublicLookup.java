package org.alliancechain.copyright.lookup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.copyright.monitoring.Matches;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.service.attest.TimeStampTokens;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.intake.ContentType;
import org.alliancechain.service.evidence.EvidenceConfig;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.UploadIntake;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.alliancechain.service.upload.UploadPolicy;

/**
 * The public look-up: is this text or image registered? By its SHA-256 (the bytes exactly as
 * registered), or by content — the monitoring desk's near-duplicate search ({@link Matches}), of which
 * only works in the MATCH band count. The answer is each registered work's registration record and
 * nothing else: work id and content digest, the holder (its member alias, as on chain and on the
 * certificate), when the record was time-stamped, WorkRegistry's block and transaction, the link to
 * the public verifier, and whether the copy is the registered bytes ("exact") or near them ("near").
 * Never the work, its title or metadata, its licences or similarity scores. Only works WorkRegistry
 * holds (REGISTERED); the current holder after a transfer.
 */
@ApplicationScoped
public class PublicLookup {

    /** What may be looked up as a file (the API's and the page's): the works' types, one file, no archives. */
    public static final UploadPolicy FILES = UploadPolicy.only("to look up", ContentType.JPEG, ContentType.PNG, ContentType.GIF,
            ContentType.BMP, ContentType.WEBP, ContentType.TEXT, ContentType.HTML);

    /** One registered work's registration record, as anyone may read it. */
    public record Registration(long workId, String work, String contentDigest, String holder, Instant registeredAt, Long block,
                               String transaction, String certificate, String match) {
    }

    /**
     * The answer: the digest looked up (given, or of the content sent), what was sent, and the registered works found.
     *
     * @param kind DIGEST, TEXT or IMAGE
     */
    public record Answer(String kind, String digest, List<Registration> registrations) {
        public boolean found() {
            return !registrations.isEmpty();
        }
    }

    static final int MOST_PER_DIGEST = 5;

    private final Matches matches;
    private final EvidenceConfig evidence;
    private final int maxTextCharacters;
    private final TimeStampTokens stamps;

    PublicLookup(Matches matches, EvidenceConfig evidence, TimeStampTokens stamps,
                 @ConfigProperty(name = "copyright.lookup.max-text-characters", defaultValue = "200000") int maxTextCharacters) {
        this.stamps = stamps;
        this.matches = matches;
        this.evidence = evidence;
        this.maxTextCharacters = maxTextCharacters;
    }

    /** Registered works whose content has this SHA-256 (64 hexadecimal digits, checked by the caller). */
    public Answer byDigest(String sha256) {
        String digest = sha256.toLowerCase();
        var works = Work.<Work>find("contentDigest = ?1 and status = ?2", HexFormat.of().parseHex(digest), Work.Status.REGISTERED)
                .page(0, MOST_PER_DIGEST).list();
        return new Answer("DIGEST", digest, works.stream().map(w -> registration(w, "exact")).toList());
    }

    /** Registered works a text (plain or HTML) copies or nearly copies; {@code field} names the text in a refusal. */
    public Answer byText(String text, boolean html, String field) {
        if (text.length() > maxTextCharacters) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the text has " + text.length() + " characters; the public "
                    + "look-up compares at most " + maxTextCharacters + " (copyright.lookup.max-text-characters)", field);
        }
        var search = matches.text(null, text, html, field);
        return answer("TEXT", HashAlgorithm.SHA256.hex(text.getBytes(StandardCharsets.UTF_8)), search);
    }

    /** Registered works an image copies, in any orientation, inverted or cropped. */
    public Answer byImage(byte[] image, String field) {
        return answer("IMAGE", HashAlgorithm.SHA256.hex(image), matches.image(null, image, field));
    }

    /** A file that passed the upload intake: an image, or a plain-text or HTML file (UTF-8). */
    public Answer byFile(UploadIntake.AcceptedFile file) {
        if (file.type().kind() == ContentType.Kind.TEXT) {
            return byText(new String(file.content(), StandardCharsets.UTF_8), file.type().equals(ContentType.HTML), file.field());
        }
        return byImage(file.content(), file.field());
    }

    private Answer answer(String kind, String digest, Matches.SearchView search) {
        var found = new ArrayList<Registration>();
        for (var m : search.matches()) {
            if (!"MATCH".equals(m.band())) {
                continue;
            }
            Work w = Work.findById(m.workId());
            if (w == null || w.status != Work.Status.REGISTERED) {
                continue;
            }
            found.add(registration(w, digest.equals(w.contentDigestHex()) ? "exact" : "near"));
        }
        // The registered bytes themselves first.
        found.sort(java.util.Comparator.comparing(r -> !"exact".equals(r.match())));
        return new Answer(kind, digest, found);
    }

    private Registration registration(Work w, String match) {
        String certificate = evidence.publicUrl().replaceAll("/+$", "") + "/verify?digest=" + w.record.digest;
        return new Registration(w.id, "W-" + w.id, w.contentDigestHex(), w.organisation, w.stampedAt(stamps).orElse(w.createdAt),
                w.registeredBlock, w.registeredTx, certificate, match);
    }
}
