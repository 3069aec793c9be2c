package org.alliancechain.copyright.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.alliancechain.evidence.intake.ContentType;
import org.alliancechain.service.problem.Problem;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.IncomingFile;
import org.alliancechain.service.upload.UploadConfig;
import org.alliancechain.service.upload.UploadIntake;
import org.alliancechain.service.upload.UploadPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Many suspected copies at once (a crawler's output): each item searched as {@code POST /api/matches}
 * would search it ({@link Matches}), its answer or its refusal in its place. An item that cannot be
 * read — none or several of text, html and imageBase64, text too long or too short to compare, Base64
 * that does not decode, bytes that are not an image or too small to fingerprint — is answered with
 * its problem naming {@code items[i].<field>}; the others are searched all the same. Only the request
 * as a whole is refused: no items, more than {@code copyright.matches.max-bulk-items}, or the index
 * still loading (503).
 */
@ApplicationScoped
public class BulkMatches {

    /**
     * One suspected copy: exactly one of a plain text, an HTML page, an image (Base64, or a data: URL); {@code ref} is echoed;
     * {@code readText} true: the image is a screenshot of a text, whose recognised text is searched.
     */
    public record Item(String ref, String text, String html, String imageBase64, Boolean readText) {

        boolean screenshot() {
            return Boolean.TRUE.equals(readText) && imageBase64 != null;
        }
    }

    /** An item's answer: its matches as {@code POST /api/matches} gives them, or why it was not searched. */
    public record ItemResult(int index, String ref, Matches.SearchView result, ItemError error) {
    }

    /** Why an item was not searched: the status a single search would have answered, the reason and the fields. */
    public record ItemError(int status, String detail, List<Problem.Violation> errors) {
    }

    /** The answer: how many items were searched and how many refused, and each item's result in order. */
    public record BulkView(int items, int searched, int refused, List<ItemResult> results) {
    }

    static final UploadPolicy IMAGES = UploadPolicy.only("as suspected images", ContentType.JPEG, ContentType.PNG, ContentType.GIF,
            ContentType.BMP, ContentType.WEBP);
    static final int MAX_REF = 500;
    static final int MAX_TEXT = 1_000_000;

    private final Matches matches;
    private final UploadIntake intake;
    private final UploadConfig uploads;
    private final int maxItems;

    private final int maxScreenshots;

    BulkMatches(Matches matches, UploadIntake intake, UploadConfig uploads,
                @ConfigProperty(name = "copyright.matches.max-bulk-items", defaultValue = "500") int maxItems,
                @ConfigProperty(name = "copyright.matches.max-bulk-screenshots", defaultValue = "20") int maxScreenshots) {
        this.maxScreenshots = maxScreenshots;
        this.matches = matches;
        this.intake = intake;
        this.uploads = uploads;
        this.maxItems = maxItems;
    }

    public BulkView search(String organisation, List<Item> items) {
        if (items == null || items.isEmpty()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "give at least one item", "items");
        }
        if (items.size() > maxItems) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, items.size() + " items in one request; the limit is " + maxItems
                    + " (copyright.matches.max-bulk-items): send them in several requests", "items");
        }
        long screenshots = items.stream().filter(item -> item != null && item.screenshot()).count();
        if (screenshots > maxScreenshots) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, screenshots + " items ask for their text to be read; the "
                    + "limit is " + maxScreenshots + " a request (copyright.matches.max-bulk-screenshots; about a second each)", "items");
        }
        matches.requireReady(); // the index loading refuses the request as a whole; after this, a 503 is an item's own
        var results = new ArrayList<ItemResult>(items.size());
        int refused = 0;
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            String ref = item == null || item.ref() == null ? null : item.ref().length() > MAX_REF ? item.ref().substring(0, MAX_REF) : item.ref();
            try {
                results.add(new ItemResult(i, ref, one(organisation, "items[" + i + "]", item), null));
            } catch (ProblemException e) {
                refused++;
                var fields = e.violations().isEmpty() && e.field() != null ? List.of(new Problem.Violation(e.field(), e.getMessage())) : e.violations();
                results.add(new ItemResult(i, ref, null, new ItemError(e.status().getStatusCode(), e.getMessage(), fields)));
            }
        }
        return new BulkView(items.size(), items.size() - refused, refused, results);
    }

    private Matches.SearchView one(String organisation, String field, Item item) {
        if (item == null) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the item is empty: give text, html or imageBase64", field);
        }
        int given = (item.text() != null ? 1 : 0) + (item.html() != null ? 1 : 0) + (item.imageBase64() != null ? 1 : 0);
        if (given != 1) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "give exactly one of text, html or imageBase64 (" + given + " given)", field);
        }
        if (Boolean.TRUE.equals(item.readText()) && item.imageBase64() == null) {
            throw TextInImages.notAnImage("this item is " + (item.html() != null ? "an HTML page" : "a text"), field + ".readText");
        }
        if (item.screenshot()) {
            return matches.screenshot(organisation, image(field + ".imageBase64", item.imageBase64()), field + ".imageBase64");
        }
        if (item.imageBase64() != null) {
            return matches.image(organisation, image(field + ".imageBase64", item.imageBase64()), field + ".imageBase64");
        }
        boolean html = item.html() != null;
        String text = html ? item.html() : item.text();
        String textField = field + (html ? ".html" : ".text");
        if (text.isBlank()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "must not be blank", textField);
        }
        if (text.length() > MAX_TEXT) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the text has " + text.length() + " characters; at most "
                    + MAX_TEXT + " are compared", textField);
        }
        return matches.text(organisation, text, html, textField);
    }

    /** The image's bytes: Base64 (or a data: URL), within suite.uploads.max-file-size, an image by its content. */
    private byte[] image(String field, String base64) {
        String data = base64.strip();
        if (data.startsWith("data:")) {
            int comma = data.indexOf(',');
            if (comma < 0 || !data.substring(0, comma).endsWith(";base64")) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "a data: URL must be Base64 (data:image/png;base64,…)", field);
            }
            data = data.substring(comma + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "is not Base64", field);
        }
        if (bytes.length == 0) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the image is empty", field);
        }
        long limit = uploads.maxFileSize().asLongValue();
        if (bytes.length > limit) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the image has " + bytes.length + " bytes; the limit is " + limit
                    + " (suite.uploads.max-file-size)", field);
        }
        // Its type from its content: anything but a JPEG, PNG, GIF, BMP or WebP image is refused (415), as an upload would be.
        return intake.accept(List.of(new IncomingFile(field, field, bytes)), IMAGES).getFirst().content();
    }
}
