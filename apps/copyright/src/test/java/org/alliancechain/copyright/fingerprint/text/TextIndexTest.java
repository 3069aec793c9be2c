package org.alliancechain.copyright.fingerprint.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextIndexTest {

    static final String ARTICLE = "新华社北京电 国家版权局、工业和信息化部、公安部、国家互联网信息办公室近日联合启动打击网络侵权盗版专项行动，"
            + "重点整治未经授权转载、摘编新闻作品的行为，规范网络转载版权秩序。专项行动期间，各地版权执法部门将加强对新闻网站、"
            + "移动客户端和公众账号的日常监管，对未经许可大量转载他人作品、歪曲篡改标题和作品原意的行为依法查处。"
            + "The campaign also covers foreign-language services that republish licensed wire copy without permission. "
            + "有关负责人表示，新闻作品的著作权人可以通过版权登记和区块链存证等方式固定权利证据，发现侵权后及时维权。";

    @Test
    void finds_an_excerpt_and_forgets_a_removed_work() {
        TextIndex index = new TextIndex(16);
        TextFingerprint original = TextFingerprinter.ofPlain(ARTICLE);
        index.add(1, original);
        index.add(2, TextFingerprinter.ofPlain("The quick brown fox jumps over the lazy dog while the cat sleeps on the mat."));
        CanonicalText excerpt = CanonicalText.ofPlain(ARTICLE.substring(40, 160));
        List<TextIndex.Result> results = index.query(excerpt, TextFingerprinter.of(excerpt),
                id -> id == 1 ? CanonicalText.ofPlain(ARTICLE) : null, 10);
        assertThat(results).extracting(r -> r.candidate().workId()).containsExactly(1L);
        assertThat(results.get(0).band()).isEqualTo(TextIndex.Band.MATCH);
        assertThat(results.get(0).match().containmentAinB()).isGreaterThan(0.9);
        assertThat(index.remove(1, original)).isTrue();
        assertThat(index.candidates(TextFingerprinter.of(excerpt), 10)).isEmpty();
        assertThat(index.works()).isEqualTo(1);
        assertThat(index.remove(2)).isTrue();
        assertThat(index.postings()).isZero();
    }

    @Test
    void a_probe_holds_the_fingerprints_search_values() {
        CanonicalText t = CanonicalText.ofPlain(ARTICLE);
        TextFingerprint fp = TextFingerprinter.of(t);
        TextProbe probe = TextFingerprinter.probe(t);
        assertThat(probe.canonicalLength()).isEqualTo(fp.canonicalLength());
        assertThat(probe.minhash()).containsExactly(fp.minhash());
        assertThat(probe.bandKeys()).containsExactly(fp.bandKeys());
        assertThat(probe.anchors()).containsExactly(fp.anchors());
    }

    @Test
    void verification_reads_missing_texts_once_then_answers_from_the_cache() {
        TextIndex index = new TextIndex(16);
        String other = "The quick brown fox jumps over the lazy dog while the cat sleeps on the mat, and nobody minds at all.";
        index.add(1, TextFingerprinter.ofPlain(ARTICLE));
        index.add(2, TextFingerprinter.ofPlain(other));
        index.add(3, TextFingerprinter.ofPlain(ARTICLE + " 补充一句。")); // refused since: the database no longer has its text
        CanonicalText excerpt = CanonicalText.ofPlain(ARTICLE.substring(40, 160));
        List<List<Long>> reads = new ArrayList<>();
        java.util.function.Function<List<Long>, java.util.Map<Long, CanonicalText>> db = ids -> {
            reads.add(List.copyOf(ids));
            var out = new java.util.HashMap<Long, CanonicalText>();
            ids.stream().filter(id -> id == 1).forEach(id -> out.put(id, CanonicalText.ofPlain(ARTICLE)));
            return out;
        };
        WinnowingCache cache = new WinnowingCache(1 << 20);
        var candidates = index.candidates(TextFingerprinter.probe(excerpt), 10);
        assertThat(candidates).extracting(TextIndex.Candidate::workId).contains(1L, 3L);
        List<TextIndex.Result> first = TextIndex.verify(excerpt, candidates, cache, db);
        assertThat(first).extracting(r -> r.candidate().workId()).containsExactly(1L);
        assertThat(reads).hasSize(1); // the candidates' texts in one read, which also served the quotes
        assertThat(first.get(0).match().passages().get(0).quoteB()).isNotEmpty();
        reads.clear();
        List<TextIndex.Result> again = TextIndex.verify(excerpt, candidates, cache, db);
        assertThat(reads).containsExactly(List.of(1L)); // verified from the cache; only the answer's text read, for its quotes
        assertThat(again.get(0).match()).isEqualTo(first.get(0).match());
        assertThat(again.get(0).match()).isEqualTo(index.query(excerpt, TextFingerprinter.of(excerpt),
                id -> id == 1 ? CanonicalText.ofPlain(ARTICLE) : null, 10).get(0).match());
    }

    @Test
    void the_cache_stays_within_its_budget_dropping_the_least_recently_used() {
        var entry = WinnowingCache.Entry.of(CanonicalText.ofPlain(ARTICLE));
        WinnowingCache cache = new WinnowingCache(entry.bytes() * 3);
        cache.put(1, entry);
        cache.put(2, entry);
        cache.put(3, entry);
        assertThat(cache.get(1)).isSameAs(entry); // 1 used: 2 is now the least recently used
        cache.put(4, entry);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.bytes()).isLessThanOrEqualTo(cache.budget());
        assertThat(cache.get(2)).isNull();
        assertThat(cache.get(1)).isNotNull();
        System.out.printf(Locale.ROOT, "verification cache: %d bytes for a text of %d canonical characters%n", entry.bytes(),
                entry.length());
    }

    @Test
    void fingerprint_record_round_trips_and_digest_is_stable() {
        TextFingerprint fp = TextFingerprinter.ofHtml("<html><body><article><p>" + ARTICLE + "</p></article></body></html>");
        TextFingerprint back = TextFingerprint.fromBytes(fp.toBytes());
        assertThat(back).isEqualTo(fp);
        assertThat(back.digest()).isEqualTo(fp.digest()).hasSize(32);
        assertThat(back.merkleRootConsistent()).isTrue();
        assertThat(fp.alg()).containsKeys("extractor", "shingles", "permutations", "bands", "chunking");
        assertThat(fp.minhash()).hasSize(128);
        assertThat(fp.bandKeys()).hasSize(32);
        assertThat(fp.chunks()).allSatisfy(c -> {
            assertThat(c.minhash()).hasSize(64);
            assertThat(c.bandKeys()).hasSize(16);
        });
        assertThat(fp.anchors()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(back.anchors()).containsExactly(fp.anchors());
        assertThat(fp.alg()).containsKeys("anchors", "index");
        byte[] tampered = fp.toBytes();
        tampered[tampered.length - 40] ^= 1;
        assertThat(TextFingerprint.fromBytes(tampered).digest()).isNotEqualTo(fp.digest());
    }

    /**
     * The record's bytes are what registrations put on chain (as their digest): pinned, so that a change of the
     * serialisation code that would give a registered text another fingerprint digest fails here. (Pinned from the
     * DataOutputStream serialisation this one replaced.)
     */
    @Test
    void the_serialised_record_of_a_known_text_keeps_its_digest() {
        TextFingerprint fp = TextFingerprinter.ofPlain(ARTICLE);
        assertThat(fp.toBytes()).hasSize(2803);
        assertThat(java.util.HexFormat.of().formatHex(fp.digest()))
                .isEqualTo("655a1927e754fbc6c05320e08b21e6d0551f571b65e4d39c764ee05de3e83402");
    }

    @Test
    void an_insertion_moves_only_nearby_chunk_boundaries() {
        String text = CanonicalText.ofPlain(ARTICLE.repeat(6)).text();
        String edited = text.substring(0, 500) + "插入的一段新文字内容" + text.substring(500);
        List<int[]> a = Chunker.chunks(text);
        List<int[]> b = Chunker.chunks(edited);
        int far = 0;
        int kept = 0;
        for (int[] c : a) {
            if (c[0] > 700) {
                far++;
                for (int[] d : b) {
                    kept += d[0] == c[0] + 10 && d[1] == c[1] + 10 ? 1 : 0;
                }
            }
        }
        assertThat(far).isPositive();
        assertThat(kept).isEqualTo(far);
    }

    @Test
    void a_record_of_another_format_version_is_refused_with_the_reason() {
        byte[] bytes = TextFingerprinter.ofPlain(ARTICLE).toBytes();
        bytes[4] = 1;
        assertThatThrownBy(() -> TextFingerprint.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format version 1").hasMessageContaining("recompute");
        byte[] trailing = Arrays.copyOf(TextFingerprinter.ofPlain(ARTICLE).toBytes(), bytes.length + 1);
        assertThatThrownBy(() -> TextFingerprint.fromBytes(trailing)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anchors_survive_excerpts_and_most_character_edits() {
        String text = CanonicalText.ofPlain(ARTICLE.repeat(3)).text();
        long[] all = Anchors.of(text);
        // about one gram in SAMPLE is an anchor
        assertThat(all.length).isBetween(text.length() / Anchors.SAMPLE / 3, text.length() / Anchors.SAMPLE * 3);
        // an excerpt keeps every anchor whose gram lies inside it, whatever its offset
        String excerpt = text.substring(37, 237);
        assertThat(Arrays.stream(Anchors.of(excerpt)).allMatch(a -> Arrays.stream(all).anyMatch(b -> b == a))).isTrue();
        assertThat(Anchors.of(excerpt)).isNotEmpty();
    }

    @Test
    void many_short_shared_phrases_are_no_match_but_an_excerpt_is() {
        String work = "Mr President, I would like to thank the rapporteur for her report on the common fisheries policy, "
                + "which the Commission has followed closely in the negotiations with the Member States this year.";
        String unrelated = "Mr President, the Commission would like to thank the Member States for the report on rail "
                + "safety; the negotiations this year on the freight corridors have closely followed the policy.";
        Passages.Match noise = Passages.match(CanonicalText.ofPlain(unrelated), CanonicalText.ofPlain(work));
        assertThat(noise.passages()).isNotEmpty();
        assertThat(TextIndex.band(noise)).isEqualTo(TextIndex.Band.NONE);
        Passages.Match copy = Passages.match(CanonicalText.ofPlain(work.substring(14, 120)), CanonicalText.ofPlain(work));
        assertThat(TextIndex.band(copy)).isEqualTo(TextIndex.Band.MATCH);
    }

    @Test
    void an_edited_copy_is_reported_as_long_passages_across_small_insertions() {
        String edited = ARTICLE.replace("联合启动", "联合正式启动").replace("规范网络", "进一步规范网络");
        Passages.Match m = Passages.match(CanonicalText.ofPlain(edited), CanonicalText.ofPlain(ARTICLE));
        assertThat(m.passages().stream().mapToInt(Passages.Passage::length).max().orElse(0)).isGreaterThan(100);
        assertThat(TextIndex.band(m)).isEqualTo(TextIndex.Band.MATCH);
    }

    /** Memory per million works, measured on synthetic fingerprints of 4 chunks (the figure is printed, not asserted). */
    @Test
    void memory_per_million_works_is_printed() {
        int works = 100_000;
        TextIndex index = new TextIndex(works);
        Random rnd = new Random(1);
        TextFingerprint probe = null;
        for (int w = 0; w < works; w++) {
            TextFingerprint fp = synthetic(rnd);
            index.add(w, fp);
            if (w == works / 2) {
                probe = fp;
            }
        }
        double perMillion = index.memoryBytes() * (1_000_000.0 / works);
        System.out.printf(Locale.ROOT, "TextIndex: %d works, %d postings, %.0f MB in arrays; %.2f GB per million works%n",
                index.works(), index.postings(), index.memoryBytes() / 1e6, perMillion / 1e9);
        long t0 = System.nanoTime();
        int found = 0;
        for (int i = 0; i < 1000; i++) {
            found += index.candidates(probe, 10).size();
        }
        System.out.printf(Locale.ROOT, "TextIndex: %.3f ms per candidate query at %d works%n",
                (System.nanoTime() - t0) / 1e6 / 1000, works);
        assertThat(found).isGreaterThanOrEqualTo(1000);
        assertThat(index.postings()).isEqualTo(works * (32 + ANCHORS));
    }

    /** Anchors of a 1,500-character article (one gram in 16). */
    static final int ANCHORS = 1500 / Anchors.SAMPLE;

    private static TextFingerprint synthetic(Random rnd) {
        int[] mh = rnd.ints(128).toArray();
        List<TextFingerprint.Chunk> chunks = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int[] cm = rnd.ints(64).toArray();
            chunks.add(new TextFingerprint.Chunk(c * 375, c * 375 + 375, c * 400, c * 400 + 400, cm,
                    MinHash.bandKeys(cm, 4, MinHash.DOMAIN_CHUNK)));
        }
        return new TextFingerprint(TextFingerprint.algDescriptor("plain"), 1500, mh, MinHash.bandKeys(mh, 4, MinHash.DOMAIN_DOC),
                chunks, new byte[32], new byte[32], rnd.longs(ANCHORS).toArray());
    }

    // ---- keys held by many works: lists and stop markers ----

    private static final long SHARED_BAND = 0x0B0B_0001_0000_0001L;
    private static final long STOP = 0x0A0A_0001_0000_0001L;
    private static final long FIFTY = 0x0A0A_0002_0000_0001L;
    private static final long AT_CAP = 0x0A0A_0003_0000_0001L;

    /**
     * Work {@code w}: band key {@link #SHARED_BAND} when w < 10 (a list), anchors {@link #STOP} (every work: a stop anchor
     * past 128), {@link #FIFTY} (w < 50), {@link #AT_CAP} (w < 128: exactly the cap, still usable) and two of its own.
     */
    private static TextFingerprint crowded(int w) {
        var r = new Random(w);
        int[] minhash = r.ints(MinHash.DOC_PERMUTATIONS).toArray();
        long[] bands = r.longs(32).toArray();
        if (w < 10) {
            bands[0] = SHARED_BAND;
        }
        var anchors = new ArrayList<Long>(List.of(STOP, own(w, 1), own(w, 2)));
        if (w < 50) {
            anchors.add(FIFTY);
        }
        if (w < 128) {
            anchors.add(AT_CAP);
        }
        return new TextFingerprint(TextFingerprint.algDescriptor("plain"), 1_000, minhash, bands, List.of(), new byte[32], new byte[32],
                anchors.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    private static long own(int w, int k) {
        return ((long) (0x100 + w * 4 + k) << 32) | k;
    }

    private static TextProbe probe(long[] bands, long... anchors) {
        return new TextProbe(1_000, new int[MinHash.DOC_PERMUTATIONS], bands, anchors);
    }

    private static List<Long> ids(TextIndex index, TextProbe q) {
        return index.candidates(q, 1_000).stream().map(TextIndex.Candidate::workId).sorted().toList();
    }

    @Test
    void keys_held_by_many_works_answer_from_their_lists_and_a_stop_anchor_from_its_marker() throws java.io.IOException {
        TextIndex index = new TextIndex(16);
        for (int w = 0; w < 300; w++) {
            index.add(w, crowded(w));
        }
        // 32 band keys each; anchors: STOP none (stopped at its 129th work), FIFTY 50, AT_CAP 128, two of their own
        assertThat(index.postings()).isEqualTo(300 * 32 + 50 + 128 + 600);
        TextProbe band = probe(new long[] {SHARED_BAND});
        TextProbe pair = probe(new long[0], STOP, FIFTY, own(7, 1));
        TextProbe capped = probe(new long[0], FIFTY, AT_CAP);
        TextProbe stopOnly = probe(new long[0], STOP, own(200, 1), own(200, 2));
        List<Long> firstTen = java.util.stream.LongStream.range(0, 10).boxed().toList();
        assertThat(ids(index, band)).isEqualTo(firstTen);
        // the stop anchor is not usable: FIFTY and work 7's own make the two hits only work 7 has
        assertThat(ids(index, pair)).containsExactly(7L);
        assertThat(index.candidates(pair, 1).getFirst().anchorHits()).isEqualTo(2);
        // an anchor held by exactly 128 works still counts
        assertThat(ids(index, capped)).isEqualTo(java.util.stream.LongStream.range(0, 50).boxed().toList());
        assertThat(ids(index, stopOnly)).containsExactly(200L);

        // a snapshot restores lists and markers
        java.nio.file.Path file = java.nio.file.Files.createTempFile("text-index", ".snapshot");
        try {
            try (var out = org.alliancechain.copyright.fingerprint.snapshot.SnapshotOutput.create(file)) {
                index.writeTo(out);
                out.finish();
            }
            TextIndex read;
            try (var in = org.alliancechain.copyright.fingerprint.snapshot.SnapshotInput.open(file)) {
                read = TextIndex.readFrom(in);
                in.verifyEnd();
            }
            assertThat(read.postings()).isEqualTo(index.postings());
            for (TextProbe q : List.of(band, pair, capped, stopOnly)) {
                assertThat(read.candidates(q, 1_000)).isEqualTo(index.candidates(q, 1_000));
            }
        } finally {
            java.nio.file.Files.delete(file);
        }

        // removing a work takes it out of every list it is in; the stop anchor stays a stop anchor
        assertThat(index.remove(7, crowded(7))).isTrue();
        assertThat(index.postings()).isEqualTo(300 * 32 + 50 + 128 + 600 - (32 + 1 + 1 + 2));
        assertThat(ids(index, band)).doesNotContain(7L).hasSize(9);
        assertThat(ids(index, pair)).isEmpty();
        assertThat(index.remove(3)).isTrue(); // without its fingerprint: the table and the lists scanned
        assertThat(ids(index, band)).doesNotContain(3L).hasSize(8);
        assertThat(index.retain(id -> id % 2 == 0)).isEqualTo(148);
        assertThat(ids(index, band)).containsExactly(0L, 2L, 4L, 6L, 8L);
        assertThat(ids(index, capped)).isEqualTo(java.util.stream.LongStream.range(0, 50).filter(w -> w % 2 == 0).boxed().toList());
        index.add(1_000, crowded(1));
        assertThat(ids(index, stopOnly)).containsExactly(200L);
        assertThat(ids(index, band)).containsExactly(0L, 2L, 4L, 6L, 8L, 1_000L);
    }
}
