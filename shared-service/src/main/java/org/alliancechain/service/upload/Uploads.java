package org.alliancechain.service.upload;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.service.problem.ProblemException;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Reads multipart form uploads ({@code @RestForm("files") List<FileUpload>}) within the per-file and
 * per-request limits of {@code suite.uploads.*}, before anything is stored: too many files or a file
 * too large answers 413, an empty file 422, a broken-off upload 400 — problem+json naming the form
 * field. What the files are is checked afterwards by {@link UploadIntake}.
 */
@ApplicationScoped
public class Uploads {

    private final UploadConfig config;

    Uploads(UploadConfig config) {
        this.config = config;
    }

    /** The files of one or more form parts; none (the part missing) is an empty list. */
    public List<IncomingFile> read(List<FileUpload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            return List.of();
        }
        if (uploads.size() > config.maxFilesPerUpload()) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, uploads.size() + " files in one upload; the limit is "
                    + config.maxFilesPerUpload() + " (suite.uploads.max-files-per-upload)", field(uploads.getFirst()));
        }
        var files = new ArrayList<IncomingFile>();
        for (var upload : uploads) {
            files.add(read(upload));
        }
        return files;
    }

    /** One file part, within {@code suite.uploads.max-file-size}. */
    public IncomingFile read(FileUpload upload) {
        return read(upload, config.maxFileSize(), "suite.uploads.max-file-size");
    }

    /**
     * One file part within an endpoint's own limit, e.g. a certificate to verify within
     * {@code suite.evidence.max-certificate-size}; {@code limitKey} names the setting in the refusal.
     */
    public static IncomingFile read(FileUpload upload, MemorySize maxSize, String limitKey) {
        String name = upload.fileName() == null || upload.fileName().isBlank() ? "unnamed" : upload.fileName();
        long limit = maxSize.asLongValue();
        if (upload.size() > limit) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "'" + displayName(name) + "' is larger than the limit of "
                    + describe(limit) + " per file (" + limitKey + ")", field(upload));
        }
        if (upload.size() == 0) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "'" + displayName(name) + "' is empty", field(upload));
        }
        try {
            return new IncomingFile(field(upload), name, Files.readAllBytes(upload.uploadedFile()));
        } catch (IOException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the upload of '" + displayName(name) + "' broke off", field(upload));
        }
    }

    /** The files a page form's file input really holds: an input left empty still sends a part without a name or content. */
    public static List<FileUpload> chosen(List<FileUpload> uploads) {
        return uploads == null ? List.of()
                : uploads.stream().filter(f -> f.size() > 0 || (f.fileName() != null && !f.fileName().isBlank())).toList();
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

    /** A byte count for people, in whole units: "2 MB", "16 KB", "12 bytes". */
    public static String describe(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private static String field(FileUpload upload) {
        return upload.name() == null || upload.name().isBlank() ? "file" : upload.name();
    }
}
