package org.alliancechain.copyright.fingerprint.text;

import java.util.ArrayList;
import java.util.List;

/** Computes {@link TextFingerprint}s (copyright.md §2). Stateless and thread-safe. */
public final class TextFingerprinter {

    private TextFingerprinter() {
    }

    public static TextFingerprint ofPlain(String text) {
        return of(CanonicalText.ofPlain(text));
    }

    public static TextFingerprint ofHtml(String html) {
        return of(CanonicalText.ofHtml(html));
    }

    /** What a search needs of a text (no chunks, no Merkle root, no ISCC Text-Code): the same values as {@link #of}'s. */
    public static TextProbe probe(CanonicalText text) {
        Shingles shingles = Shingles.of(text);
        long[] hs = shingles.hashes();
        int[] docSig = MinHash.signature(hs, 0, hs.length, MinHash.DOC_PERMUTATIONS);
        return new TextProbe(text.length(), docSig, MinHash.bandKeys(docSig, MinHash.ROWS, MinHash.DOMAIN_DOC),
                Anchors.of(text.text()));
    }

    /**
     * The chunks' signatures are the first {@link MinHash#CHUNK_PERMUTATIONS} permutations of the document's: those
     * values of the document's signature are folded from the chunks' (and any shingles after the last chunk), and only
     * the others are computed over every shingle — two thirds of the hashing of computing both in full, the same values.
     */
    public static TextFingerprint of(CanonicalText text) {
        Shingles shingles = Shingles.of(text);
        long[] hs = shingles.hashes();
        int[] pos = shingles.positions();
        int[] docSig = new int[MinHash.DOC_PERMUTATIONS];
        java.util.Arrays.fill(docSig, -1);
        List<TextFingerprint.Chunk> chunks = new ArrayList<>();
        int s = 0;
        for (int[] range : Chunker.chunks(text.text())) {
            int from = s;
            while (s < pos.length && pos[s] < range[1]) {
                s++;
            }
            int[] sig = MinHash.signature(hs, from, s, MinHash.CHUNK_PERMUTATIONS);
            MinHash.merge(docSig, 0, sig);
            long[] keys = MinHash.bandKeys(sig, MinHash.ROWS, MinHash.DOMAIN_CHUNK);
            int srcStart = range[1] > range[0] ? text.sourceStart(range[0]) : 0;
            int srcEnd = range[1] > range[0] ? text.sourceEnd(range[1] - 1) : 0;
            chunks.add(new TextFingerprint.Chunk(range[0], range[1], srcStart, srcEnd, sig, keys));
        }
        if (s < hs.length) {
            MinHash.merge(docSig, 0, MinHash.signature(hs, s, hs.length, MinHash.CHUNK_PERMUTATIONS));
        }
        MinHash.merge(docSig, MinHash.CHUNK_PERMUTATIONS, MinHash.signature(hs, 0, hs.length, MinHash.CHUNK_PERMUTATIONS,
                MinHash.DOC_PERMUTATIONS - MinHash.CHUNK_PERMUTATIONS));
        long[] docKeys = MinHash.bandKeys(docSig, MinHash.ROWS, MinHash.DOMAIN_DOC);
        return new TextFingerprint(TextFingerprint.algDescriptor(text.extractor()), text.length(), docSig, docKeys,
                List.copyOf(chunks), TextFingerprint.merkleRootOf(chunks), IsccTextCode.digest256(text.isccCollapsed()),
                Anchors.of(text.text()));
    }
}
