package org.alliancechain.odr.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.odr.OdrConfig;
import org.alliancechain.evidence.intake.ContentType;
import org.alliancechain.evidence.intake.SafeZip;
import org.alliancechain.evidence.intake.UnsafeArchiveException;
import org.alliancechain.service.problem.ProblemException;

/**
 * The gate every evidence file passes before anything is stored: its type is recognised from its
 * content (a name that claims another type is refused as disguised), only the accepted types pass,
 * and ZIP archives are expanded safely into their files, each checked the same way.
 */
@ApplicationScoped
public class EvidenceIntake {

    private static final String ZIP = "application/zip";

    private final OdrConfig config;

    EvidenceIntake(OdrConfig config) {
        this.config = config;
    }

    public List<EvidenceService.Prepared> prepare(List<IncomingFile> files) {
        var prepared = new ArrayList<EvidenceService.Prepared>();
        for (var file : files) {
            String name = displayName(file.name());
            var type = ContentType.detect(file.content());
            if (ZIP.equals(type.mediaType())) {
                for (var entry : expand(name, file.content())) {
                    // SafeZip's paths are already relative, normalised and free of control characters.
                    String entryName = entry.path().length() > 255 ? entry.path().substring(entry.path().length() - 255) : entry.path();
                    prepared.add(new EvidenceService.Prepared(entryName, check(entryName, entry.bytes(), name), entry.bytes(),
                            "archive " + name));
                }
            } else {
                prepared.add(new EvidenceService.Prepared(name, check(name, file.content(), null), file.content(), null));
            }
            if (prepared.size() > config.evidence().maxFilesPerUpload()) {
                throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the upload holds more than "
                        + config.evidence().maxFilesPerUpload() + " files (archives counted file by file; odr.evidence.max-files-per-upload)");
            }
        }
        return prepared;
    }

    /** The media type of an accepted file; 415 for a disguised or refused type. */
    private String check(String name, byte[] content, String archive) {
        String where = archive == null ? "'" + name + "'" : "'" + name + "' in '" + archive + "'";
        if (content.length == 0) {
            throw ProblemException.unprocessable(where + " is empty");
        }
        var type = ContentType.detect(content);
        if (ContentType.disguised(name, type)) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE, where + " is named like another type of file but its "
                    + "content is " + type.label() + " (" + type.mediaType() + "); a disguised file is not accepted as evidence");
        }
        if (type.kind() == ContentType.Kind.ENCRYPTED) {
            throw ProblemException.unprocessable(where + " is password-protected; evidence must be readable by the tribunal and the "
                    + "other party: remove the password and upload it again");
        }
        if (!config.evidence().allowedTypes().contains(type.mediaType())) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE, where + " is " + type.label() + " (" + type.mediaType()
                    + "), which is not accepted as evidence; accepted: documents (PDF, Word, Excel, OpenDocument, text), images, "
                    + "audio and video (odr.evidence.allowed-types)");
        }
        return type.mediaType();
    }

    private List<SafeZip.Entry> expand(String name, byte[] archive) {
        var a = config.evidence().archives();
        var limits = new SafeZip.Limits(a.maxEntries(), config.evidence().maxFileSize().asLongValue(), a.maxExpandedSize().asLongValue(),
                a.maxRatio());
        try {
            return SafeZip.expand(archive, limits, SafeZip.NestedArchives.REFUSE);
        } catch (UnsafeArchiveException e) {
            throw ProblemException.unprocessable("the archive '" + name + "' is refused: " + e.getMessage());
        }
    }

    /** A file name fit for display and storage: its last path segment, without control characters, at most 255 characters. */
    public static String displayName(String name) {
        if (name == null) {
            return "unnamed";
        }
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        if (last.isEmpty() || last.equals(".") || last.equals("..")) {
            return "unnamed";
        }
        return last.length() > 255 ? last.substring(0, 255) : last;
    }

    /** A Content-Disposition header for a download (RFC 6266, UTF-8 names). */
    public static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
