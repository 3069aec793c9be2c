package org.alliancechain.copyright.works;

import java.time.Instant;
import java.util.List;

/**
 * One work as submitted, checked at the edge: a text (plain or HTML, UTF-8) or an image, with its
 * title, authors, and the publication its holder claims.
 *
 * @param field where the work was given in the request (e.g. {@code works[3]}), for answers naming it
 */
public record WorkSubmission(String field, Work.Kind kind, String title, List<String> authors, Instant claimedPublishedAt, String sourceUrl,
                             String fileName, String mediaType, byte[] content) {
}
