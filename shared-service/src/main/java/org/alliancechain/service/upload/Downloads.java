package org.alliancechain.service.upload;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Files sent back as downloads: under their name (RFC 6266, UTF-8 names too), never sniffed by the browser. */
public final class Downloads {

    private Downloads() {
    }

    /** The file as an attachment named {@code fileName}, of the given media type. */
    public static Response file(Object body, String mediaType, String fileName) {
        return Response.ok(body, mediaType)
                .header("Content-Disposition", attachment(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** A Content-Disposition header for a download: an ASCII fallback name and the UTF-8 name (RFC 6266, RFC 8187). */
    public static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
