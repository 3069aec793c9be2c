package org.alliancechain.copyright.capture;

import java.time.Instant;

/**
 * A page as a web archive holds it: the {@code response} record of its URL (HTTP 200) and the payload it carried,
 * with Content-Encoding undone.
 *
 * @param url          the record's WARC-Target-URI
 * @param capturedAt   its WARC-Date: when the crawler says it received the response
 * @param recordId     its WARC-Record-ID
 * @param recordDigest its WARC-Block-Digest as declared (checked against the block), or {@code sha256:} and the
 *                     block's SHA-256 in hex when it declares none
 * @param ipAddress    its WARC-IP-Address, or null
 * @param mediaType    the response's Content-Type as sent, or null
 * @param payload      the response body, decoded
 */
public record ArchivedPage(String url, Instant capturedAt, String recordId, String recordDigest, String ipAddress, String mediaType,
                           byte[] payload) {
}
