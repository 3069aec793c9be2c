package org.alliancechain.copyright.capture;

/**
 * Why a web archive, or the page asked of it, cannot be captured. The message is meant for the monitor who sent
 * the archive or the URL; the caller chooses the field it names ({@link #aboutTheArchive()}: the file, else the URL).
 */
public class ArchiveRefusal extends RuntimeException {

    /** What is wrong. */
    public enum Reason {
        /** Truncated, malformed, or a record whose digest does not match. */
        DAMAGED(true),
        /** Expands beyond the limits (size or ratio: a gzip bomb), or a fetched response beyond its limit. */
        TOO_LARGE(true),
        /** No response record for the URL. */
        NO_RECORD(false),
        /** The archive holds several pages and none was named. */
        AMBIGUOUS(false),
        /** The page's response is not a 200, or was truncated when captured. */
        NOT_OK(false),
        /** The payload is neither HTML, text nor an image, or is encoded in a way not read here. */
        UNSUPPORTED(false),
        /** A URL capture's URL is refused: scheme, network, redirects. */
        REFUSED_URL(false),
        /** A URL capture's server could not be reached, or did not answer in time. */
        UNREACHABLE(false),
        TIMEOUT(false);

        final boolean archive;

        Reason(boolean archive) {
            this.archive = archive;
        }
    }

    private final Reason reason;

    public ArchiveRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the archive itself is at fault (else the URL asked of it). */
    public boolean aboutTheArchive() {
        return reason.archive;
    }
}
