package org.alliancechain.copyright.fingerprint.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalTextTest {

    @Test
    void traditional_becomes_simplified_characters_not_vocabulary() {
        CanonicalText t = CanonicalText.ofPlain("記者報導：臺灣經濟發展與網際網路");
        assertThat(t.text()).isEqualTo("记者报导台湾经济发展与网际网路");
        assertThat(t.isccCollapsed()).isEqualTo("記者報導臺灣經濟發展與網際網路");
    }

    @Test
    void offsets_point_back_to_the_source_so_quotes_are_original() {
        String src = "The  Quick, brown FOX — jumps!\n新華社記者";
        CanonicalText t = CanonicalText.ofPlain(src);
        assertThat(t.text()).isEqualTo("thequickbrownfoxjumps新华社记者");
        int i = t.text().indexOf("fox");
        assertThat(t.quote(i, i + 3)).isEqualTo("FOX");
        int j = t.text().indexOf("新华社");
        assertThat(t.quote(j, t.length())).isEqualTo("新華社記者");
        assertThat(t.tokenOf(0)).isEqualTo(t.tokenOf(2)); // "the"
        assertThat(t.tokenOf(3)).isNotEqualTo(t.tokenOf(2));
        assertThat(t.tokenOf(j)).isNotEqualTo(t.tokenOf(j + 1)); // each CJK character is its own unit
    }

    /**
     * The ISCC collapse is taken from the per-code-point table when every code point allows it; it must equal the
     * whole-string collapse for every text, and must be taken for ordinary Chinese and English news text. Random texts
     * mix code points that decompose, combine, change case by context or change under NFKC (accents and combining
     * marks, Hangul, kana voicing marks, Σ, İ, ligatures, full-width forms, compatibility ideographs, fractions, circled
     * letters, Roman numerals, emoji) with the ordinary ones.
     */
    @Test
    void the_iscc_collapse_by_code_point_equals_the_whole_string_collapse() {
        String news = "新华社北京12月7日电（记者 王磊）国家版权局今天发布《2026年网络版权保护报告》，“剑网”行动查处案件1,234件。"
                + " The National Copyright Administration said on Monday — in Beijing — that 1,234 cases (up 12%) were closed; "
                + "ＡＢＣ全角字母、１２３全角数字…";
        assertThat(CanonicalText.isccCollapseByCodePoint(news)).isNotNull().isEqualTo(CanonicalText.isccCollapse(news));
        assertThat(CanonicalText.isccCollapseByCodePoint("Café")).isNull(); // é decomposes under NFD
        assertThat(CanonicalText.isccCollapseByCodePoint("ΟΔΟΣ")).isNull(); // Σ lower-cases by its context
        int[] pool = {'a', 'Z', '7', ' ', '\n', '\t', ',', '.', '-', '中', '國', '台', '。', '，', '、', '「', '」', '\u3000', 'é', 'e', 0x0301,
                0x0308, 0x0327, 'Σ', 'σ', 'ς', 0x0130, 'İ', 'ß', 0x1E9E, 0xFB01, 0xFF21, 0xFF41, 0xFF11, 0xFF0C, 0xF900, 0xF91D, 0x2126,
                0x212B, 0x00BD, 0x00B2, 0x2460, 0x24B6, 0x216B, 0x3099, 0x304B, 0x304C, 0x30AB, 0xFF76, 0xFF9E, 0xAC00, 0x1100,
                0x1161, 0x11A8, 0x0627, 0x0644, 0x064B, 0x05D0, 0x05B0, 0x1F600, 0x1F1E8, 0x200B, 0x200D, 0xFE0F, 0x00A0, 0x2028,
                0x0085, 0x001C, 0x00AD, 0x2044, 0x3131, 0x1D400, 0x2F00, 0x32A4, 0x3300};
        var random = new java.util.SplittableRandom(20261207);
        int byTable = 0;
        for (int n = 0; n < 30_000; n++) {
            var text = new StringBuilder();
            int length = 1 + random.nextInt(24);
            boolean ordinary = n % 3 == 0; // a third from the ordinary code points only, so the table is taken often
            for (int k = 0; k < length; k++) {
                int cp = pool[random.nextInt(ordinary ? 18 : pool.length)];
                text.appendCodePoint(cp);
            }
            String t = text.toString();
            String fast = CanonicalText.isccCollapseByCodePoint(t);
            if (fast != null) {
                byTable++;
                assertThat(fast).as("collapse of %s", t.codePoints().mapToObj(Integer::toHexString).toList())
                        .isEqualTo(CanonicalText.isccCollapse(t));
            }
            assertThat(CanonicalText.ofPlain(t).isccCollapsed()).isEqualTo(CanonicalText.isccCollapse(t));
        }
        assertThat(byTable).isGreaterThan(10_000);
    }

    @Test
    void diacritics_and_punctuation_are_removed_like_iscc() {
        assertThat(CanonicalText.ofPlain("Café, naïve; “quoted”").text()).isEqualTo("cafenaivequoted");
    }

    @Test
    void html_main_text_without_scripts_or_fetching() {
        String html = "<html><head><title>t</title><script>document.write('EVIL')</script>"
                + "<link rel=stylesheet href='http://192.0.2.1/x.css'></head><body><nav>Home | About</nav>"
                + "<article><h1>国家版权局开展专项行动</h1><p>新华社记者今日报道，国家版权局开展打击网络侵权盗版专项行动，"
                + "重点整治未经授权转载新闻作品的行为。</p><p>The campaign targets unlicensed reprints of news articles "
                + "across many platforms and apps.</p><img src='http://192.0.2.1/tracker.png' onerror='alert(1)'>"
                + "</article><script>alert('x')</script></body></html>";
        CanonicalText t = CanonicalText.ofHtml(html);
        assertThat(t.extractor()).startsWith("jsoup-").contains("readability4j-");
        assertThat(t.source()).contains("国家版权局开展打击网络侵权盗版专项行动").contains("unlicensed reprints")
                .doesNotContain("EVIL").doesNotContain("alert");
    }
}
