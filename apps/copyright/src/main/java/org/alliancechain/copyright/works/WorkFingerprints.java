package org.alliancechain.copyright.works;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alliancechain.copyright.fingerprint.image.ImageFingerprint;
import org.alliancechain.copyright.fingerprint.image.ImageFingerprintException;
import org.alliancechain.copyright.fingerprint.text.CanonicalText;
import org.alliancechain.copyright.fingerprint.text.TextFingerprint;
import org.alliancechain.copyright.fingerprint.text.TextFingerprinter;
import org.alliancechain.copyright.fingerprint.text.WinnowingCache;
import org.alliancechain.service.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fingerprint of a submitted work — text (copyright.md §2) or image (§3) — serialised as it is
 * stored and digested as it is anchored, with the facts the registration record names (algorithm,
 * chunk Merkle root, PDQ quality). A work too small to fingerprint is refused with the reason.
 */
@ApplicationScoped
public class WorkFingerprints {

    /**
     * What registration keeps of a fingerprint; for a text also the fingerprint itself and its winnowing entry, which the
     * index takes after the commit without reading them back.
     */
    public record Fingerprinted(byte[] serialised, byte[] digest, String iscc, Map<String, String> recordFacts, TextFingerprint text,
                                WinnowingCache.Entry winnowing) {

        public Fingerprinted(byte[] serialised, byte[] digest, String iscc, Map<String, String> recordFacts) {
            this(serialised, digest, iscc, recordFacts, null, null);
        }

        /** What a work's row stores: the record after a text fingerprint's header (stored once), an image's whole record. */
        byte[] stored() {
            return text == null ? serialised : java.util.Arrays.copyOfRange(serialised, text.headerLength(), serialised.length);
        }
    }

    private final int minTextCharacters;

    WorkFingerprints(@ConfigProperty(name = "copyright.works.min-text-characters", defaultValue = "20") int minTextCharacters) {
        this.minTextCharacters = minTextCharacters;
    }

    public Fingerprinted of(WorkSubmission s) {
        return s.kind() == Work.Kind.TEXT ? text(s) : image(s);
    }

    /** The canonical text of a stored text work (what passages are quoted from). */
    public static CanonicalText canonical(String mediaType, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return "text/html".equals(mediaType) ? CanonicalText.ofHtml(text) : CanonicalText.ofPlain(text);
    }

    private Fingerprinted text(WorkSubmission s) {
        var canonical = canonical(s.mediaType(), s.content());
        if (canonical.length() < minTextCharacters) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the text has " + canonical.length() + " characters after "
                    + "normalisation (letters and digits); at least " + minTextCharacters + " are needed to fingerprint it "
                    + "(copyright.works.min-text-characters)", s.field() + ".text");
        }
        TextFingerprint fp = TextFingerprinter.of(canonical);
        var facts = new LinkedHashMap<String, String>();
        facts.put("fingerprint.alg", fp.alg().get("id"));
        facts.put("fingerprint.extractor", canonical.extractor());
        facts.put("fingerprint.canonicalLength", String.valueOf(fp.canonicalLength()));
        facts.put("fingerprint.chunks", String.valueOf(fp.chunks().size()));
        facts.put("fingerprint.chunkMerkleRoot", HexFormat.of().formatHex(fp.merkleRoot()));
        byte[] serialised = fp.toBytes();
        return new Fingerprinted(serialised, TextFingerprint.digestOf(serialised), fp.isccCode(), facts, fp,
                WinnowingCache.Entry.of(canonical));
    }

    private Fingerprinted image(WorkSubmission s) {
        ImageFingerprint fp;
        try {
            fp = ImageFingerprint.of(s.content());
        } catch (ImageFingerprintException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, e.getMessage(), s.field());
        }
        var facts = new LinkedHashMap<String, String>();
        facts.put("fingerprint.alg", ImageFingerprint.ALG);
        facts.put("fingerprint.pdq", fp.pdq().toHex());
        facts.put("fingerprint.pdqQuality", String.valueOf(fp.pdq().quality()));
        facts.put("fingerprint.regions", String.valueOf(fp.regions().size()));
        return new Fingerprinted(fp.toBytes(), fp.digest(), fp.iscc(), facts);
    }
}
