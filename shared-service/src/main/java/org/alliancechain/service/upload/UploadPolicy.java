package org.alliancechain.service.upload;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.alliancechain.evidence.intake.ContentType;

/**
 * What one endpoint accepts: the media types (as recognised from content), the words that say what
 * the files are for in a refusal ("as evidence", "as an invoice"), how the accepted types are
 * described to the uploader, and whether ZIP archives are expanded into their files (each checked
 * like a file of its own) or taken as one file of type {@code application/zip}.
 *
 * @param purpose        completes "… is not accepted", e.g. {@code as evidence}
 * @param allowedTypes   media types accepted
 * @param accepted       what is accepted, for people (e.g. "PDF and images")
 * @param expandArchives ZIP archives become their files; else a ZIP is one file like any other
 */
public record UploadPolicy(String purpose, Set<String> allowedTypes, String accepted, boolean expandArchives) {

    public UploadPolicy {
        Objects.requireNonNull(purpose, "purpose");
        allowedTypes = Set.copyOf(allowedTypes);
        accepted = accepted == null || accepted.isBlank() ? describe(allowedTypes) : accepted;
    }

    /** The app's configured types ({@code suite.uploads.allowed-types}), archives expanded. */
    public static UploadPolicy configured(UploadConfig config, String purpose, String accepted) {
        return new UploadPolicy(purpose, config.allowedTypes(), accepted, true);
    }

    /** Only these types (an endpoint that takes, say, a certificate PDF); archives are not expanded. */
    public static UploadPolicy only(String purpose, ContentType... types) {
        var media = new LinkedHashSet<String>();
        for (var type : types) {
            media.add(type.mediaType());
        }
        return new UploadPolicy(purpose, media, null, false);
    }

    public boolean allows(ContentType type) {
        return allowedTypes.contains(type.mediaType());
    }

    /** The labels of the allowed types, in {@link ContentType#ALL}'s order. */
    static String describe(Set<String> mediaTypes) {
        return ContentType.ALL.stream().filter(t -> mediaTypes.contains(t.mediaType())).map(ContentType::label).distinct()
                .collect(Collectors.joining(", "));
    }
}
