package org.alliancechain.evidence.pdf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alliancechain.evidence.CanonicalJson;
import org.alliancechain.evidence.HashAlgorithm;

/**
 * What a certificate attests, as it is hashed: the record's RFC 8785 canonical JSON, hashed with
 * SHA-256 (or SM3), is the item digest that was notarised (a leaf of an anchored Merkle tree). It is embedded
 * in the certificate PDF as {@code record.json}, so anyone can recompute the digest.
 *
 * @param kind        what sort of thing this is, e.g. {@code odr.evidence-item}, {@code invoice}
 * @param reference   the issuing application's id for it, e.g. a case number and item number
 * @param issuer      the organisation (alias) on whose behalf it was registered
 * @param title       a short human title, in the language the user gave it
 * @param parties     who is involved, by role (claimant, respondent, …) → names
 * @param file        the document the record is about, when there is one
 * @param attributes  further facts shown on the certificate (label → value)
 * @param registeredAt when the record was registered with the suite
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceRecord(
        String kind,
        String reference,
        String issuer,
        String title,
        Map<String, String> parties,
        FileFacts file,
        Map<String, String> attributes,
        Instant registeredAt) {

    public EvidenceRecord {
        parties = parties == null ? Map.of() : Map.copyOf(parties);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * A file by its name, media type, size and digests (hex). Files uploaded to the suite have all of
     * them; a hash registered without its file has only the SHA-256 (the other fields are left out).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileFacts(String name, String mediaType, Long size, String sha256, String sm3) {

        public static FileFacts of(String name, String mediaType, byte[] content) {
            return new FileFacts(name, mediaType, (long) content.length, HashAlgorithm.SHA256.hex(content), HashAlgorithm.SM3.hex(content));
        }

        /** The canonical JSON object, written directly: members in RFC 8785 order, null ones left out (as Jackson's NON_NULL). */
        void appendCanonical(StringBuilder out) {
            out.append('{');
            boolean first = true;
            first = member(out, first, "mediaType", mediaType);
            first = member(out, first, "name", name);
            first = member(out, first, "sha256", sha256);
            if (size != null) {
                out.append(first ? "" : ",").append("\"size\":");
                CanonicalJson.appendNumber(out, size.doubleValue());
                first = false;
            }
            member(out, first, "sm3", sm3);
            out.append('}');
        }

        /** True when the content has every digest (and the size) recorded here. */
        public boolean matches(byte[] content) {
            return (size == null || content.length == size) && HashAlgorithm.SHA256.hex(content).equals(sha256)
                    && (sm3 == null || HashAlgorithm.SM3.hex(content).equals(sm3));
        }
    }

    /**
     * The record's canonical bytes (RFC 8785): written directly, member by member in RFC 8785 order —
     * the same bytes as {@code CanonicalJson.canonicalize(this)} (tested), without building a JSON tree
     * first, which was a fifth of a bulk notarisation.
     */
    public byte[] canonicalBytes() {
        var out = new StringBuilder(320);
        out.append("{\"attributes\":");
        CanonicalJson.appendObject(out, attributes);
        if (file != null) {
            out.append(",\"file\":");
            file.appendCanonical(out);
        }
        member(out, false, "issuer", issuer);
        member(out, false, "kind", kind);
        out.append(",\"parties\":");
        CanonicalJson.appendObject(out, parties);
        member(out, false, "reference", reference);
        // Jackson writes an Instant as ISO-8601 (DateTimeFormatter.ISO_INSTANT), which is Instant.toString().
        member(out, false, "registeredAt", registeredAt == null ? null : registeredAt.toString());
        member(out, false, "title", title);
        out.append('}');
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Appends {@code ,"name":"value"} (no comma first), unless the value is null; answers whether nothing was written yet. */
    private static boolean member(StringBuilder out, boolean first, String name, String value) {
        if (value == null) {
            return first;
        }
        out.append(first ? "\"" : ",\"").append(name).append("\":");
        CanonicalJson.appendString(out, value);
        return false;
    }

    /** The item digest that is notarised: the chosen hash over {@link #canonicalBytes()}. */
    public byte[] digest(HashAlgorithm algorithm) {
        return algorithm.digest(canonicalBytes());
    }

    /** All the parties, in a stable order for display. */
    public List<Map.Entry<String, String>> partiesInOrder() {
        return parties.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }
}
