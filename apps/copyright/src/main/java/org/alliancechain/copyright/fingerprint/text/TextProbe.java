package org.alliancechain.copyright.fingerprint.text;

/**
 * What a search needs of a text — the document MinHash and its band keys, the anchors and the canonical length — without
 * what only a registration record holds (chunks, their Merkle root, the ISCC Text-Code): {@link TextFingerprinter#probe}
 * computes it for a query at a fraction of the cost of a whole {@link TextFingerprint}.
 */
public record TextProbe(int canonicalLength, int[] minhash, long[] bandKeys, long[] anchors) {
}
