package org.alliancechain.service.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.evidence.intake.ContentType;
import org.alliancechain.evidence.intake.SafeZip;
import org.alliancechain.evidence.intake.UnsafeArchiveException;
import org.alliancechain.service.problem.ProblemException;

/**
 * The gate every uploaded file passes before anything is stored: its type is recognised from its
 * content (a name that claims another type is refused as disguised, 415), only the policy's types
 * pass (else 415), password-protected files are refused (422), ZIP archives are expanded safely into
 * their files, each checked the same way, and ZIP-based packages kept whole (OFD, WACZ) must pass
 * the same archive rules (bombs, traversal, links, nesting: 422). Archives' files count one by one
 * against {@code suite.uploads.max-files-per-upload} (413).
 */
@ApplicationScoped
public class UploadIntake {

    /**
     * A file that passed.
     *
     * @param archive the display name of the ZIP archive it was expanded from, or null
     */
    public record AcceptedFile(String field, String name, ContentType type, byte[] content, String archive) {
        public String mediaType() {
            return type.mediaType();
        }
    }

    private final UploadConfig config;

    UploadIntake(UploadConfig config) {
        this.config = config;
    }

    public List<AcceptedFile> accept(List<IncomingFile> files, UploadPolicy policy) {
        var accepted = new ArrayList<AcceptedFile>();
        for (var file : files) {
            String name = Uploads.displayName(file.name());
            var type = ContentType.detect(file.content());
            if (type.equals(ContentType.ZIP) && policy.expandArchives()) {
                refuseDisguised(file.field(), name, "'" + name + "'", type, policy); // a plain ZIP named invoice.ofd is not expanded
                for (var entry : expand(file.field(), name, file.content(), SafeZip.NestedArchives.REFUSE)) {
                    // SafeZip's paths are already relative, normalised and free of control characters.
                    String path = entry.path();
                    String entryName = path.length() > 255 ? path.substring(path.length() - 255) : path;
                    accepted.add(new AcceptedFile(file.field(), entryName, check(file.field(), entryName, entry.bytes(), name, policy),
                            entry.bytes(), name));
                }
            } else {
                accepted.add(new AcceptedFile(file.field(), name, check(file.field(), name, file.content(), null, policy),
                        file.content(), null));
            }
            if (accepted.size() > config.maxFilesPerUpload()) {
                throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the upload holds more than "
                        + config.maxFilesPerUpload() + " files (archives counted file by file; suite.uploads.max-files-per-upload)",
                        file.field());
            }
        }
        return accepted;
    }

    /** The type of an accepted file; 415 for a disguised or refused type, 422 for an empty, encrypted or unsafe one. */
    private ContentType check(String field, String name, byte[] content, String archive, UploadPolicy policy) {
        String where = archive == null ? "'" + name + "'" : "'" + name + "' in '" + archive + "'";
        if (content.length == 0) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, where + " is empty", field);
        }
        var type = ContentType.detect(content);
        refuseDisguised(field, name, where, type, policy);
        if (type.kind() == ContentType.Kind.ENCRYPTED) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, where + " is password-protected; files " + policy.purpose()
                    + " must be readable by everyone they are meant for: remove the password and upload it again", field);
        }
        if (!policy.allows(type)) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE, where + " is " + type.label() + " (" + type.mediaType()
                    + "), which is not accepted " + policy.purpose() + "; accepted: " + policy.accepted() + " (suite.uploads.allowed-types)",
                    field);
        }
        if (type.zipPackage()) {
            // Kept whole, but whoever opens it reads its entries: the archive rules apply before it is accepted.
            expand(field, archive == null ? name : name + "' in '" + archive, content, SafeZip.NestedArchives.REFUSE);
        }
        return type;
    }

    private static void refuseDisguised(String field, String name, String where, ContentType type, UploadPolicy policy) {
        if (ContentType.disguised(name, type)) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE, where + " is named like another type of file but its "
                    + "content is " + type.label() + " (" + type.mediaType() + "); a disguised file is not accepted " + policy.purpose(),
                    field);
        }
    }

    private List<SafeZip.Entry> expand(String field, String name, byte[] archive, SafeZip.NestedArchives nested) {
        var a = config.archives();
        var limits = new SafeZip.Limits(a.maxEntries(), config.maxFileSize().asLongValue(), a.maxExpandedSize().asLongValue(), a.maxRatio());
        try {
            return SafeZip.expand(archive, limits, nested);
        } catch (UnsafeArchiveException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the archive '" + name + "' is refused: " + e.getMessage(), field);
        }
    }
}
