package org.alliancechain.copyright.fingerprint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
        byte[] tampered = fp.toBytes();
        tampered[tampered.length - 40] ^= 1;
        assertThat(TextFingerprint.fromBytes(tampered).digest()).isNotEqualTo(fp.digest());
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
        assertThat(index.postings()).isEqualTo(works * 96);
    }

    private static TextFingerprint synthetic(Random rnd) {
        int[] mh = rnd.ints(128).toArray();
        List<TextFingerprint.Chunk> chunks = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int[] cm = rnd.ints(64).toArray();
            chunks.add(new TextFingerprint.Chunk(c * 375, c * 375 + 375, c * 400, c * 400 + 400, cm,
                    MinHash.bandKeys(cm, 4, MinHash.DOMAIN_CHUNK)));
        }
        return new TextFingerprint(TextFingerprint.algDescriptor("plain"), 1500, mh, MinHash.bandKeys(mh, 4, MinHash.DOMAIN_DOC),
                chunks, new byte[32], new byte[32]);
    }
}
