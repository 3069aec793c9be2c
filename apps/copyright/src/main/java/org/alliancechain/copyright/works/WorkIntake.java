package org.alliancechain.copyright.works;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.alliancechain.evidence.intake.ContentType;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.problem.Times;
import org.alliancechain.service.upload.UploadIntake;
import org.alliancechain.service.upload.UploadPolicy;
import org.alliancechain.service.upload.Uploads;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Turns what a rights manager sends into {@link WorkSubmission}s, checked before anything is
 * computed or stored: the size of a text, the type of a file read from its content (a file named
 * .jpg that is not a JPEG is refused as disguised), UTF-8 text, the metadata of a file's form.
 */
@ApplicationScoped
public class WorkIntake {

    static final UploadPolicy FILES = UploadPolicy.only("as works", ContentType.JPEG, ContentType.PNG, ContentType.GIF, ContentType.BMP,
            ContentType.WEBP, ContentType.TEXT, ContentType.HTML);
    /** A bulk upload: the same types, ZIP archives expanded into their files (each checked the same way). */
    static final UploadPolicy UPLOADS = new UploadPolicy("as works", FILES.allowedTypes(),
            "JPEG, PNG, GIF, BMP or WebP images, plain-text or HTML files (UTF-8), or ZIP archives of them", true);

    private final Uploads uploads;
    private final UploadIntake intake;
    private final int maxTextChars;

    WorkIntake(Uploads uploads, UploadIntake intake,
               @ConfigProperty(name = "copyright.works.max-text-characters", defaultValue = "1000000") int maxTextChars) {
        this.uploads = uploads;
        this.intake = intake;
        this.maxTextChars = maxTextChars;
    }

    public WorkSubmission text(String field, WorkResource.TextWork work) {
        if (work.text().length() > maxTextChars) {
            throw new ProblemException(org.alliancechain.service.problem.ProblemException.UNPROCESSABLE, "the text has "
                    + work.text().length() + " characters; the limit is " + maxTextChars + " (copyright.works.max-text-characters)",
                    field + ".text");
        }
        boolean html = "html".equals(work.format());
        return new WorkSubmission(field, Work.Kind.TEXT, work.title().strip(), work.authors().stream().map(String::strip).toList(),
                Times.inRecords(work.publishedAt(), field + ".publishedAt"), work.url(), null, html ? "text/html" : "text/plain",
                WorkResource.utf8(work.text()));
    }

    public WorkSubmission file(String field, FileUpload upload, String title, String authors, String publishedAt, String url) {
        if (upload == null || Uploads.chosen(List.of(upload)).isEmpty()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "choose the file of the work", field);
        }
        var accepted = intake.accept(List.of(uploads.read(upload)), FILES).getFirst();
        String name = accepted.name();
        if (title == null || title.isBlank()) {
            title = name;
        }
        if (title.strip().length() > 300) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "at most 300 characters", "title");
        }
        List<String> authorList = authors(authors);
        Instant published = null;
        if (publishedAt != null && !publishedAt.isBlank()) {
            try {
                published = Instant.parse(publishedAt.strip());
            } catch (DateTimeParseException e) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "must be a time such as 2026-12-05T08:00:00Z", "publishedAt");
            }
            Times.inRecords(published, "publishedAt");
        }
        if (url != null && !url.isBlank() && (url.length() > 2000 || !url.strip().matches("https?://\\S+"))) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "must be an http or https URL", "url");
        }
        return of(field, accepted, title.strip(), authorList, published, url == null || url.isBlank() ? null : url.strip());
    }

    /** Authors one per line: one to twenty, each at most 100 characters; 422 naming {@code authors} otherwise. */
    public static List<String> authors(String authors) {
        List<String> authorList = authors == null ? List.of() : Arrays.stream(authors.split("[\\r\\n]+")).map(String::strip)
                .filter(a -> !a.isEmpty()).toList();
        if (authorList.isEmpty() || authorList.size() > 20 || authorList.stream().anyMatch(a -> a.length() > 100)) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "one to twenty authors, one per line, each at most 100 characters",
                    "authors");
        }
        return authorList;
    }

    /**
     * The files of a bulk upload (part {@code files}: works, or ZIP archives of them), each type read from its content;
     * 415 or 422 naming {@code files} for the first that cannot be a work (nothing is registered then).
     */
    public List<UploadIntake.AcceptedFile> acceptAll(List<FileUpload> files) {
        var chosen = Uploads.chosen(files == null ? List.of() : files);
        if (chosen.isEmpty()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "choose the files of the works (or ZIP archives of them)", "files");
        }
        return intake.accept(uploads.read(chosen), UPLOADS);
    }

    /** An accepted file as a work's submission; 422 naming {@code field} for a text that is not UTF-8 or too long. */
    public WorkSubmission of(String field, UploadIntake.AcceptedFile accepted, String title, List<String> authors, Instant published,
                             String url) {
        String name = accepted.name();
        var type = accepted.type();
        boolean text = type.kind() == ContentType.Kind.TEXT;
        if (text) {
            textOf(accepted, field);
        }
        return new WorkSubmission(field, text ? Work.Kind.TEXT : Work.Kind.IMAGE, title, authors, published, url, name,
                type.mediaType(), accepted.content());
    }

    /**
     * A text file's characters — a work's, or a suspected copy's, which is searched and kept the same way: 422 naming
     * {@code field} unless it is UTF-8 and at most {@code copyright.works.max-text-characters} long.
     */
    public String textOf(UploadIntake.AcceptedFile accepted, String field) {
        if (accepted.content().length > maxTextChars * 4L) {
            throw tooLong(accepted, field);
        }
        String text;
        try { // decoded once, strictly: a byte sequence that is not UTF-8 is refused, not replaced
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(accepted.content())).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "'" + accepted.name() + "' is not UTF-8 text: save it as UTF-8", field);
        }
        if (text.length() > maxTextChars) {
            throw tooLong(accepted, field);
        }
        return text;
    }

    private ProblemException tooLong(UploadIntake.AcceptedFile accepted, String field) {
        return new ProblemException(ProblemException.UNPROCESSABLE, "'" + accepted.name() + "' is longer than " + maxTextChars
                + " characters (copyright.works.max-text-characters)", field);
    }
}
