package org.alliancechain.copyright.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.alliancechain.copyright.capture.ArchiveRefusal.Reason;
import org.alliancechain.evidence.intake.ContentType;
import org.netpreserve.jwarc.MediaType;

/**
 * What an archived page's payload is, for the monitoring intake: an image (JPEG, PNG, GIF, BMP, WebP — recognised from
 * its bytes, whatever the server declared) or a text (HTML or plain), decoded with the charset the server declared,
 * the one the HTML declares, or UTF-8. Anything else is refused.
 */
public record PagePayload(boolean image, boolean html, String text) {

    private static final Set<ContentType> IMAGES = Set.of(ContentType.JPEG, ContentType.PNG, ContentType.GIF, ContentType.BMP, ContentType.WEBP);

    public static PagePayload of(ArchivedPage page) {
        byte[] payload = page.payload();
        if (payload.length == 0) {
            throw new ArchiveRefusal(Reason.UNSUPPORTED, "the archived response for " + page.url() + " is empty: nothing to compare");
        }
        var detected = ContentType.detect(payload);
        if (IMAGES.contains(detected)) {
            return new PagePayload(true, false, null);
        }
        MediaType declared = page.mediaType() == null ? null : MediaType.parseLeniently(page.mediaType());
        String base = declared == null ? "" : declared.base().toString();
        boolean declaredHtml = base.equals("text/html") || base.equals("application/xhtml+xml");
        boolean declaredText = base.equals("text/plain");
        boolean readable = detected == ContentType.TEXT || detected == ContentType.HTML || detected == ContentType.UNKNOWN;
        if (detected == ContentType.HTML || (declaredHtml && readable)) {
            return new PagePayload(false, true, text(payload, page.mediaType(), true));
        }
        if (detected == ContentType.TEXT || (declaredText && readable)) {
            return new PagePayload(false, false, text(payload, page.mediaType(), false));
        }
        throw new ArchiveRefusal(Reason.UNSUPPORTED, "the archived response for " + page.url() + " is " + detected.label()
                + (page.mediaType() == null ? "" : " (sent as " + page.mediaType() + ")") + "; captures compare HTML pages, texts and "
                + "images (JPEG, PNG, GIF, BMP, WebP)");
    }

    /** The payload as text: the declared charset, else (HTML) the one the page declares, else UTF-8. */
    public static String text(byte[] payload, String mediaType, boolean html) {
        Charset charset = null;
        if (mediaType != null) {
            String name = MediaType.parseLeniently(mediaType).parameters().get("charset");
            try {
                charset = name == null ? null : Charset.forName(name.strip().replace("\"", ""));
            } catch (IllegalArgumentException e) {
                charset = null;
            }
        }
        if (charset == null && html) {
            try {
                charset = org.jsoup.helper.DataUtil.load(new ByteArrayInputStream(payload), null, "").charset();
            } catch (IOException | RuntimeException e) {
                charset = null;
            }
        }
        return new String(payload, charset == null ? StandardCharsets.UTF_8 : charset);
    }
}
