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
