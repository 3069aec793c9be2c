package org.alliancechain.evidence.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** WARC recognition for {@link ContentType}: a {@code WARC/1.0} or {@code WARC/1.1} version line, plain or in a first gzip member. */
final class Warc {

    private static final int VERSION_LINE = "WARC/1.0\r\n".length();

    private Warc() {
    }

    /** The first record's version line: {@code WARC/1.0} or {@code WARC/1.1} followed by CRLF (or a bare LF, as some tools write). */
    static boolean header(byte[] b) {
        if (!ContentType.startsWith(b, "WARC/1.0") && !ContentType.startsWith(b, "WARC/1.1")) {
            return false;
        }
        return ContentType.hasAt(b, 8, "\r\n") || ContentType.hasAt(b, 8, "\n");
    }

    /**
     * Whether a gzip file starts with a WARC record. Only the first few bytes are inflated, so that
     * neither a large capture nor a gzip bomb costs more than a small buffer.
     */
    static boolean gzipped(byte[] b) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(b), 512)) {
            return header(in.readNBytes(VERSION_LINE));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
