package org.alliancechain.copyright.fingerprint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The document signature put together from the chunks' equals the one computed over every shingle at once. */
class TextFingerprinterTest {

    static final String HAN = "新华社北京电国家版权局工业和信息化部公安部互联网信息办公室近日联合启动打击网络侵权盗版专项行动重点整治短视频平台未经授权传播";
    static final String[] WORDS = {"the", "court", "found", "that", "copying", "excerpts", "of", "news", "articles", "without", "licence",
        "infringed", "rights", "holders", "media", "alliance", "reported"};

    @Test
    void theDocumentSignatureFoldedFromChunksIsTheWholeOne() {
        Random r = new Random(20261206);
        for (int t = 0; t < 300; t++) {
            String text = t % 3 == 0 ? latin(r) : t % 3 == 1 ? han(r) : han(r) + "\n\n" + latin(r);
            CanonicalText canonical = CanonicalText.ofPlain(text);
            long[] hashes = Shingles.of(canonical).hashes();
            int[] whole = MinHash.signature(hashes, 0, hashes.length, MinHash.DOC_PERMUTATIONS);
            var fingerprint = TextFingerprinter.of(canonical);
            assertThat(fingerprint.minhash()).as("text %d (%d shingles)", t, hashes.length).containsExactly(whole);
            assertThat(fingerprint.bandKeys()).containsExactly(MinHash.bandKeys(whole, MinHash.ROWS, MinHash.DOMAIN_DOC));
            assertThat(TextFingerprinter.probe(canonical).minhash()).containsExactly(whole);
        }
    }

    static String latin(Random r) {
        var b = new StringBuilder();
        int n = r.nextInt(2_000);
        for (int i = 0; i < n; i++) {
            b.append(WORDS[r.nextInt(WORDS.length)]).append(i % 17 == 16 ? ".\n\n" : " ");
        }
        return b.toString();
    }

    static String han(Random r) {
        var b = new StringBuilder();
        int n = r.nextInt(3_000);
        for (int i = 0; i < n; i++) {
            b.append(HAN.charAt(r.nextInt(HAN.length())));
            if (i % 120 == 119) {
                b.append("。\n\n");
            }
        }
        return b.toString();
    }
}
