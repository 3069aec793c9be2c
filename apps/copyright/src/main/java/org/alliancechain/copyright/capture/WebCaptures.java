package org.alliancechain.copyright.capture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.alliancechain.evidence.intake.ContentType;
import org.alliancechain.evidence.intake.SafeZip;
import org.alliancechain.evidence.intake.UnsafeArchiveException;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.UploadConfig;

/**
 * Web captures before they are kept: the page a WARC or WACZ holds for a URL, or a URL fetched into a WARC, within
 * the limits of {@code copyright.capture.*} (WARC expansion) and {@code suite.uploads.*} (the WACZ's ZIP, whose
 * archive rules {@code UploadIntake} applied already); refusals as problem details naming the field at fault.
 */
@ApplicationScoped
public class WebCaptures {

    private final CaptureConfig config;
    private final UploadConfig uploads;
    private final PageFetcher fetcher;

    WebCaptures(CaptureConfig config, UploadConfig uploads, PageFetcher fetcher) {
        this.config = config;
        this.uploads = uploads;
        this.fetcher = fetcher;
    }

    /** Whether an accepted upload is a web archive. */
    public static boolean isArchive(ContentType type) {
        return type.equals(ContentType.WARC) || type.equals(ContentType.WARC_GZIP) || type.equals(ContentType.WACZ);
    }

    /** The page of {@code url} (null: the only page) in an uploaded archive; refusals name {@code fileField} or {@code urlField}. */
    public ArchivedPage page(byte[] archive, ContentType type, String url, String fileField, String urlField) {
        try {
            if (type.equals(ContentType.WACZ)) {
                var a = uploads.archives();
                var limits = new SafeZip.Limits(a.maxEntries(), uploads.maxFileSize().asLongValue(), a.maxExpandedSize().asLongValue(),
                        a.maxRatio());
                return WebArchive.fromWacz(SafeZip.expand(archive, limits, SafeZip.NestedArchives.REFUSE), url, limits());
            }
            return WebArchive.fromWarc(archive, url, limits());
        } catch (UnsafeArchiveException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the WACZ is refused: " + e.getMessage(), fileField);
        } catch (ArchiveRefusal e) {
            throw problem(e, fileField, urlField);
        }
    }

    /** A URL fetched by the service into a WARC, and the page it answered (after redirects); refusals name {@code urlField}. */
    public Fetched fetch(String url, String urlField) {
        try {
            var fetched = fetcher.fetch(url);
            // Read back exactly like an uploaded WARC; the service wrote it, so only its size bounds it.
            var page = WebArchive.fromWarc(fetched.warc(), fetched.url(), new WebArchive.Limits(config.maxExpandedSize().asLongValue(),
                    Integer.MAX_VALUE));
            return new Fetched(fetched.warc(), page);
        } catch (ArchiveRefusal e) {
            throw problem(e, urlField, urlField);
        }
    }

    /** A fetched WARC and its page. */
    public record Fetched(byte[] warc, ArchivedPage page) {
    }

    private WebArchive.Limits limits() {
        return new WebArchive.Limits(config.maxExpandedSize().asLongValue(), config.maxRatio());
    }

    static ProblemException problem(ArchiveRefusal e, String fileField, String urlField) {
        Response.StatusType status = switch (e.reason()) {
            case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case UNSUPPORTED -> Response.Status.UNSUPPORTED_MEDIA_TYPE;
            case UNREACHABLE -> Response.Status.BAD_GATEWAY;
            case TIMEOUT -> Response.Status.GATEWAY_TIMEOUT;
            default -> ProblemException.UNPROCESSABLE;
        };
        return new ProblemException(status, e.getMessage(), e.aboutTheArchive() ? fileField : urlField);
    }
}
