package org.alliancechain.copyright.infringement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.alliancechain.copyright.capture.ArchiveRefusal;
import org.alliancechain.copyright.capture.ArchivedPage;
import org.alliancechain.copyright.capture.PagePayload;
import org.alliancechain.copyright.monitoring.Matches;
import org.alliancechain.copyright.monitoring.TextInImages;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.chain.ConsortiumDirectory;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.problem.Times;

/**
 * Captures a suspected copy as evidence: matched against every registered work, then kept exactly as
 * found with a record (its SHA-256, where it was found, who published it, what it matched) that is
 * time-stamped and notarised — the time-stamp is the use's time, the anchoring block what the chain
 * knew then.
 */
@ApplicationScoped
public class CaptureService {

    private final Matches matches;
    private final Attestations attestations;
    private final ConsortiumDirectory members;
    private final ObjectMapper json;
    private final TextInImages textInImages;

    CaptureService(Matches matches, Attestations attestations, ConsortiumDirectory members, ObjectMapper json, TextInImages textInImages) {
        this.matches = matches;
        this.textInImages = textInImages;
        this.attestations = attestations;
        this.members = members;
        this.json = json;
    }

    /** What a monitor captured. */
    public record Copy(Work.Kind kind, String mediaType, String fileName, byte[] content, String sourceUrl, String publisher, String field) {
    }

    /**
     * A web capture: the archive exactly as received (a WARC or WACZ uploaded, or the WARC the service wrote when it
     * fetched the URL) and the page found in it, whose payload is matched.
     */
    public record ArchiveCopy(String mediaType, String fileName, byte[] archive, ArchivedPage page, String requestedUrl, String publisher,
                              String field) {
    }

    /**
     * The text in a captured image that is a screenshot of a text ({@link TextInImages}; a second or so: read before the
     * capture's transaction).
     *
     * @throws ProblemException 422 naming {@code field} when the copy is not an image
     */
    public String readScreenshot(Copy copy, String field) {
        if (copy.kind() != Work.Kind.IMAGE) {
            throw TextInImages.notAnImage("this copy is " + copy.mediaType(), field);
        }
        return textInImages.read(copy.content(), field);
    }

    /** As {@link #readScreenshot(Copy, String)}, for the page of a web archive. */
    public String readScreenshot(ArchivedPage page, String field) {
        if (!payloadOf(page, field).image()) {
            throw TextInImages.notAnImage("the page " + page.url() + " is " + (page.mediaType() != null ? page.mediaType() : "not an image"),
                    field);
        }
        return textInImages.read(page.payload(), field);
    }

    /**
     * Captures a copy; {@code recognised} (null unless the copy is a screenshot of a text, {@link #readScreenshot}) is the
     * text read in the image, searched instead of the image.
     */
    @Transactional
    public Capture capture(String organisation, String user, Copy copy, String recognised) {
        requireMember(copy.publisher());
        Matches.SearchView found = recognised != null ? matches.textInImage(organisation, copy.content(), recognised, copy.field())
                : copy.kind() == Work.Kind.TEXT
                ? matches.text(organisation, new String(copy.content(), StandardCharsets.UTF_8), "text/html".equals(copy.mediaType()), copy.field())
                : matches.image(organisation, copy.content(), copy.field());
        var capture = new Capture();
        capture.kind = copy.kind();
        capture.mediaType = copy.mediaType();
        capture.fileName = copy.fileName();
        capture.content = copy.content();
        capture.sourceUrl = copy.sourceUrl();
        capture.publisher = copy.publisher();
        return keep(organisation, user, capture, found);
    }

    /**
     * Captures the page of a web archive: its payload goes through the same intake as an uploaded copy (HTML to its
     * main text, images to PDQ), the archive's bytes are what is kept, hashed, time-stamped and anchored, and the
     * record names the archive's URL, its WARC-Date and the response record's digest.
     */
    @Transactional
    public Capture capture(String organisation, String user, ArchiveCopy copy, String recognised) {
        requireMember(copy.publisher());
        requireKeepable(copy.page(), copy.field());
        PagePayload payload = payloadOf(copy.page(), copy.field());
        Matches.SearchView found = recognised != null ? matches.textInImage(organisation, copy.page().payload(), recognised, copy.field())
                : payload.image() ? matches.image(organisation, copy.page().payload(), copy.field())
                : matches.text(organisation, payload.text(), payload.html(), copy.field());
        var page = copy.page();
        var capture = new Capture();
        capture.kind = payload.image() ? Work.Kind.IMAGE : Work.Kind.TEXT;
        capture.mediaType = copy.mediaType();
        capture.fileName = copy.fileName();
        capture.content = copy.archive();
        capture.sourceUrl = page.url();
        capture.publisher = copy.publisher();
        capture.archiveUrl = page.url();
        capture.archiveCapturedAt = page.capturedAt();
        capture.archiveRecordId = page.recordId();
        capture.archiveRecordDigest = page.recordDigest();
        capture.archiveIp = page.ipAddress();
        capture.requestedUrl = copy.requestedUrl();
        capture.payload = page.payload();
        capture.payloadMediaType = page.mediaType() != null ? page.mediaType() : payload.image() ? null : payload.html() ? "text/html" : "text/plain";
        return keep(organisation, user, capture, found);
    }

    /** Refuses (422 {@code field}) an archived page whose URL or record headers are longer than a capture keeps, or whose date no record can hold. */
    private static void requireKeepable(ArchivedPage page, String field) {
        requireAtMost("URL", page.url(), 2000, field);
        requireAtMost("WARC-Record-ID", page.recordId(), 200, field);
        requireAtMost("block digest", page.recordDigest(), 200, field);
        requireAtMost("Content-Type", page.mediaType(), 200, field);
        if (page.capturedAt() != null && !Times.recordable(page.capturedAt())) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the archived page's WARC-Date " + page.capturedAt()
                    + " is not a time a capture was made", field);
        }
    }

    private static void requireAtMost(String what, String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the archived page's " + what + " has " + value.length()
                    + " characters; a capture keeps at most " + max, field);
        }
    }

    private static PagePayload payloadOf(ArchivedPage page, String field) {
        try {
            return PagePayload.of(page);
        } catch (ArchiveRefusal e) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), field);
        }
    }

    /** Refuses (422 {@code publisher}) a publisher that is not an active member: checked again before a slow step. */
    void requireMember(String publisher) {
        if (publisher != null && !members.isActiveMember(publisher)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, publisher + " is not an active member of the consortium; "
                    + "leave the publisher out when the copy was published outside it", "publisher");
        }
    }

    private Capture keep(String organisation, String user, Capture capture, Matches.SearchView found) {
        capture.organisation = organisation;
        capture.sha256 = HashAlgorithm.SHA256.hex(capture.content);
        try {
            capture.matchesJson = json.writeValueAsString(found);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        capture.createdAt = Instant.now();
        capture.createdBy = user;
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("capture.sha256", capture.sha256);
        if (capture.sourceUrl != null) {
            attributes.put("capture.sourceUrl", capture.sourceUrl);
        }
        if (found.recognisedText() != null) {
            attributes.put("capture.readAs", "a screenshot of a text: the text recognised in the image (" + textInImages.engine()
                    + ") was compared, not the image");
            attributes.put("capture.recognisedText.sha256", HashAlgorithm.SHA256.hex(found.recognisedText().getBytes(StandardCharsets.UTF_8)));
        }
        if (capture.archived()) {
            attributes.put("capture.archive.url", capture.archiveUrl);
            attributes.put("capture.archive.warcDate", capture.archiveCapturedAt.toString());
            attributes.put("capture.archive.recordId", capture.archiveRecordId);
            attributes.put("capture.archive.recordDigest", capture.archiveRecordDigest);
            attributes.put("capture.archive.payloadSha256", HashAlgorithm.SHA256.hex(capture.payload));
            if (capture.archiveIp != null) {
                attributes.put("capture.archive.ipAddress", capture.archiveIp);
            }
            if (capture.requestedUrl != null) {
                attributes.put("capture.fetchedBy", "the service, from " + capture.requestedUrl);
            }
        }
        attributes.put("capture.matches", String.valueOf(found.matches().size()));
        found.matches().stream().limit(5).forEach(m -> attributes.put("capture.match.W-" + m.workId(), m.band() + " " + m.contentDigest()
                + " score " + String.format(java.util.Locale.ROOT, "%.3f", m.score())));
        var parties = new LinkedHashMap<String, String>();
        parties.put("capturedBy", organisation);
        if (capture.publisher != null) {
            parties.put("publisher", capture.publisher);
        }
        var record = new EvidenceRecord("copyright.capture", capture.sha256, organisation,
                "Capture of " + (capture.sourceUrl != null ? capture.sourceUrl : capture.fileName != null ? capture.fileName : "a suspected copy"),
                parties, EvidenceRecord.FileFacts.of(capture.fileName == null ? "capture" : capture.fileName, capture.mediaType, capture.content),
                attributes, capture.createdAt);
        capture.record = attestations.notarised(record, organisation, "capture");
        capture.persist();
        return capture;
    }
}
