/**
 * Text fingerprints and near-duplicate search (copyright.md §2, §4; issue #20).
 *
 * <p>Pipeline: {@link org.alliancechain.copyright.fingerprint.text.CanonicalText} (extraction, ISCC collapse,
 * Traditional → Simplified, offset map) → {@link org.alliancechain.copyright.fingerprint.text.TextFingerprinter}, which
 * records document MinHash (CJK character 4-grams, Latin word 3-grams; 128 permutations, 32 × 4 bands), content-defined
 * chunks with 64-permutation MinHash and their Merkle root, {@link org.alliancechain.copyright.fingerprint.text.Anchors}
 * and the ISCC Text-Code in a versioned {@link org.alliancechain.copyright.fingerprint.text.TextFingerprint} (format 2,
 * {@code alg} descriptor inside) → {@link org.alliancechain.copyright.fingerprint.text.TextIndex} (document bands and
 * anchors → candidates → winnowing {@link org.alliancechain.copyright.fingerprint.text.Passages} → MATCH / REVIEW /
 * NONE).
 *
 * <p><b>Recall for excerpts and edits — what was measured and chosen.</b> With document bands plus chunk bands (16 × 4
 * per ≈ 256-character chunk) the harness found 20–50 % excerpts with recall 0.79 (zh) / 0.90 (en) and 10 % character
 * edits with 0.85 (zh) / 0.09 (en): an excerpt of 160–400 characters rarely holds a whole chunk, so its chunks have
 * Jaccard ≈ 0.3–0.6 with the work's, and Latin word 3-grams die when one letter in ten changes. Chosen instead:
 * <ul>
 *   <li><b>Anchors</b> — hash-sampled character grams (CJK 4, other scripts 8 characters of the space-free canonical
 *       text; 1 in 16), indexed as a second candidate source. Selection depends only on the gram, so an excerpt keeps
 *       every anchor inside it at any offset, and a copy with 10 % character edits keeps 66 % (CJK) / 43 % (Latin) of
 *       them. Recall rose to 1.000 on every row of the issue; this subsumes the query-side sliding-window idea (an
 *       excerpt needs no alignment with chunks at all) and the Latin character-shingle band set (anchors are Latin
 *       character grams), so neither was built.
 *   <li><b>Chunk bands not indexed</b> — measured with and without them: the same recall, 3.9 KB against 1.45 KB per
 *       work at 1,500 characters (budget ≈ 2 KB). Chunks remain in the record and its Merkle root (§2.5 anchoring);
 *       smaller or shifted chunkings and 32 × 2 chunk bands would only add postings to what anchors already find.
 *   <li><b>Verification counts only passages ≥ 24 characters</b>, needing 60 characters of them (or half the shorter
 *       text), and passages run on across small insertions/deletions (diagonal drift ≤ 4). With anchors, many more
 *       unrelated Europarl speeches reached verification, and their shared set phrases ("mrpresident", "thecommission")
 *       gave 20-odd passages of 5–11 characters and containment 0.08–0.2 → REVIEW: false positives 1.04 % of pairs.
 *       True copies, excerpts and 10 %-edited copies have ≥ 110 characters in long passages; unrelated texts at most
 *       ~90 (and those few are real shared text, e.g. a passage of 孟子 quoted twice).
 *   <li><b>Candidate floor</b> — at least 2 shared anchors and 10 % of the query's usable anchors, and a candidate with
 *       only 2 is dropped next to one with 4 times as many; anchors held by more than 128 works are ignored. Without
 *       the dominance rule a 300-character English excerpt drew 20 candidates sharing two common 8-grams each, and
 *       verifying them set the query-time p99 (≈ 30–45 ms against ≈ 9 ms); a floor of 3 anchors instead cost recall on
 *       edited English excerpts (stress row 0.900 against 0.969). Latin grams of 6 characters instead of 8 lost recall
 *       (0.985 on English excerpts): too many became stop anchors.
 * </ul>
 *
 * <p><b>Measured</b> (TextQualityTest: 130 Chinese + 130 English corpus works registered among 100,000 filler works of
 * 1,500 characters; 260 unrelated corpus texts as negatives): recall 1.000 for excerpts 20–50 % (zh, en, converted zh),
 * 10 % character edits (zh, en), synonym swaps, script conversion and paragraph reordering; excerpt plus 10 % edits
 * (beyond the issue) 0.985 zh / 0.969 en; false positives 2 of 67,600 unrelated corpus pairs (0.003 %), none against the
 * fillers; 1,448 bytes per work in the index (1.45 GB per million works); one thread, whole query (canonicalise,
 * fingerprint, candidates, verification of ≤ 20, the work texts regenerated in memory): wall mean ≈ 1.6 ms, p99 ≈ 9–13
 * ms on the first pass (JIT warm-up included; wall time varies with the shared machine's load); warm whole-document
 * queries 0.71 ms mean / 1.73 ms p99 of thread CPU time (≈ 1,400 queries/s per core); candidates alone ≈ 0.1–0.2 ms.
 * Loading candidate texts from the database is not included: the service should keep verification to the few
 * candidates this index returns.
 *
 * <p><b>Query and registration cost</b> (issue #20). A query needs a {@link org.alliancechain.copyright.fingerprint.text.TextProbe}
 * (document MinHash, band keys, anchors), not a whole record: no chunks, Merkle root or ISCC Text-Code. Canonicalisation
 * maps each source code point through a table filled once per code point (the steps are per code point), and the
 * whole-string ISCC collapse is made only when the ISCC code is asked for (registration). Candidates are verified
 * against their winnowing fingerprints kept in a {@link org.alliancechain.copyright.fingerprint.text.WinnowingCache}
 * (8 bytes per fingerprint, ≈ 2.8 KB per 1,500-character article, least recently used dropped beyond its byte budget;
 * registration fills it); the texts of candidates it does not hold are read in one query, and only the works that end
 * up in the answer are read again, in one query, for their quotes. {@link org.alliancechain.copyright.fingerprint.text.Passages#compare}
 * pairs fingerprints through sorted arrays (32-bit hashes). The ISCC digest hashes each 13-code-point window's UTF-8
 * bytes in place and reduces modulo 2^61 − 1 with shifts; MinHash takes the unsigned minimum as a signed one of
 * sign-flipped values (a branch-free loop). Every value stays bit-identical (IsccTextCodeTest, the records).
 * Measured after these changes (TextQualityTest, same recall and false positives): warm whole-document queries
 * 0.27–0.33 ms mean / 0.71 ms p99 of thread CPU (≈ 3,000–3,700 per core) against 0.71 / 1.73 ms before; the per-text
 * figures are in docs/benchmarks.md ("copyright", text path).
 */
package org.alliancechain.copyright.fingerprint.text;
