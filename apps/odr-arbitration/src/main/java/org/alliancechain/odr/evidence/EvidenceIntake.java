package org.alliancechain.odr.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.alliancechain.service.upload.IncomingFile;
import org.alliancechain.service.upload.UploadConfig;
import org.alliancechain.service.upload.UploadIntake;
import org.alliancechain.service.upload.UploadPolicy;

/**
 * Evidence files pass the suite's upload gate ({@link UploadIntake}: types by content, disguised
 * files refused, ZIP archives expanded safely into one item per file) with the types this app
 * accepts ({@code suite.uploads.allowed-types} in application.properties).
 */
@ApplicationScoped
public class EvidenceIntake {

    static final String ACCEPTED = "documents (PDF, OFD, Word, Excel, OpenDocument, text, XML and UBL invoices), images, audio and video, "
            + "web pages saved as MHTML and web captures (WARC, WACZ)";

    private final UploadIntake intake;
    private final UploadPolicy policy;

    EvidenceIntake(UploadIntake intake, UploadConfig config) {
        this.intake = intake;
        this.policy = UploadPolicy.configured(config, "as evidence", ACCEPTED);
    }

    public List<EvidenceService.Prepared> prepare(List<IncomingFile> files) {
        return intake.accept(files, policy).stream()
                .map(f -> new EvidenceService.Prepared(f.name(), f.mediaType(), f.content(), f.archive() == null ? null : "archive " + f.archive()))
                .toList();
    }
}
