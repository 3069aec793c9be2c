package org.alliancechain.copyright.infringement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.alliancechain.copyright.monitoring.Matches;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.service.attest.Attestations;
import org.alliancechain.service.chain.ConsortiumDirectory;
import org.alliancechain.service.problem.ProblemException;

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

    CaptureService(Matches matches, Attestations attestations, ConsortiumDirectory members, ObjectMapper json) {
        this.matches = matches;
        this.attestations = attestations;
        this.members = members;
        this.json = json;
    }

    /** What a monitor captured. */
    public record Copy(Work.Kind kind, String mediaType, String fileName, byte[] content, String sourceUrl, String publisher, String field) {
    }

    @Transactional
    public Capture capture(String organisation, String user, Copy copy) {
        if (copy.publisher() != null && !members.isActiveMember(copy.publisher())) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, copy.publisher() + " is not an active member of the consortium; "
                    + "leave the publisher out when the copy was published outside it", "publisher");
        }
        Matches.SearchView found = copy.kind() == Work.Kind.TEXT
                ? matches.text(organisation, new String(copy.content(), java.nio.charset.StandardCharsets.UTF_8), "text/html".equals(copy.mediaType()),
                        copy.field())
                : matches.image(organisation, copy.content(), copy.field());
        var capture = new Capture();
        capture.organisation = organisation;
        capture.kind = copy.kind();
        capture.mediaType = copy.mediaType();
        capture.fileName = copy.fileName();
        capture.content = copy.content();
        capture.sha256 = HashAlgorithm.SHA256.hex(copy.content());
        capture.sourceUrl = copy.sourceUrl();
        capture.publisher = copy.publisher();
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
