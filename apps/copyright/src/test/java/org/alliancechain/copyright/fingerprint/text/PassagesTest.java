package org.alliancechain.copyright.fingerprint.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PassagesTest {

    @Test
    void shared_passage_is_reported_at_source_offsets_with_original_quotes() {
        String original = "今天天气很好。新華社記者今日報道，國家版權局開展打擊網絡侵權盜版專項行動，重點整治未經授權轉載新聞作品的行為。我们去公园散步吧。";
        String copy = "据悉，新华社记者今日报道，国家版权局开展打击网络侵权盗版专项行动，重点整治未经授权转载新闻作品的行为。另外，明天下雨。";
        CanonicalText a = CanonicalText.ofPlain(original);
        CanonicalText b = CanonicalText.ofPlain(copy);
        Passages.Match m = Passages.match(a, b);
        assertThat(m.passages()).isNotEmpty();
        Passages.Passage p = m.passages().get(0);
        assertThat(p.quoteA()).contains("國家版權局開展打擊網絡侵權盜版專項行動");
        assertThat(p.quoteB()).contains("国家版权局开展打击网络侵权盗版专项行动");
        assertThat(original.substring(p.sourceStartA(), p.sourceEndA())).isEqualTo(p.quoteA());
        assertThat(copy.substring(p.sourceStartB(), p.sourceEndB())).isEqualTo(p.quoteB());
        assertThat(m.containmentAinB()).isGreaterThan(0.5);
        assertThat(m.containmentBinA()).isGreaterThan(0.5);
    }

    @Test
    void unrelated_texts_share_no_passage() {
        Passages.Match m = Passages.match(CanonicalText.ofPlain("The quick brown fox jumps over the lazy dog again and again."),
                CanonicalText.ofPlain("国家版权局开展打击网络侵权盗版专项行动，重点整治未经授权转载新闻作品的行为。"));
        assertThat(m.passages()).isEmpty();
        assertThat(m.jaccard()).isZero();
    }

    @Test
    void winnowing_keeps_rightmost_minimum_and_guarantees_runs_of_twelve() {
        String s = "abcdefghijklmnopqrstuvwxyz0123456789";
        Winnowing w = Winnowing.of(s);
        assertThat(w.size()).isBetween(1, s.length());
        // every window of W hashes has a selected fingerprint
        for (int start = 0; start + Winnowing.W <= s.length() - Winnowing.K + 1; start++) {
            boolean covered = false;
            for (int p : w.positions()) {
                covered |= p >= start && p < start + Winnowing.W;
            }
            assertThat(covered).isTrue();
        }
        assertThat(Winnowing.of("aaaaaaaaaaaaaaaaaaaa").positions()).contains(7); // ties: rightmost of the first window
    }

    @Test
    void winnowing_hashes_each_gram_as_hash4j_hashes_its_chars() {
        // Chinese, Latin, digits, a surrogate pair and a lone surrogate: the K-gram hashes are XXH3 of the chars as a char
        // sequence (hash4j's hashCharsToLong), whatever the chars; the selection over them is the rightmost minimum per window
        String s = CanonicalText.ofPlain("新华社北京12月6日电 The library lends tools, tents and telescopes 图书馆借出工具").text()
                + "\uD83D\uDCDA书籍\uD800x" + "abcdefghijabcdefghij";
        long[] all = new long[s.length() - Winnowing.K + 1];
        for (int i = 0; i < all.length; i++) {
            all[i] = Shingles.HASH.hashCharsToLong(s.substring(i, i + Winnowing.K));
        }
        var hashes = new java.util.ArrayList<Long>();
        var positions = new java.util.ArrayList<Integer>();
        for (int w = 0, last = -1; w + Winnowing.W <= all.length; w++) {
            int best = w;
            for (int i = w + 1; i < w + Winnowing.W; i++) {
                best = Long.compareUnsigned(all[i], all[best]) <= 0 ? i : best;
            }
            if (best != last) {
                hashes.add(all[best]);
                positions.add(best);
                last = best;
            }
        }
        Winnowing w = Winnowing.of(s);
        assertThat(w.hashes()).containsExactly(hashes.stream().mapToLong(Long::longValue).toArray());
        assertThat(w.positions()).containsExactly(positions.stream().mapToInt(Integer::intValue).toArray());
    }
}
