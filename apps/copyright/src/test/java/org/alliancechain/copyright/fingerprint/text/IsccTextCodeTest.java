package org.alliancechain.copyright.fingerprint.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Conformance vectors of iscc_core data.json, gen_text_code_v0 (inputs: text, bits). */
class IsccTextCodeTest {

    @Test
    void iscc_core_text_code_vectors() {
        assertThat(IsccTextCode.code("", 64)).isEqualTo("ISCC:EAASL4F2WZY7KBXB");
        assertThat(IsccTextCode.code("Hello World", 64)).isEqualTo("ISCC:EAASKDNZNYGUUF5A");
        assertThat(IsccTextCode.code("Hello World", 256))
                .isEqualTo("ISCC:EADSKDNZNYGUUF5AMFEJLZ5P66CP5YKCOA3X7F36RWE4CIRCBTUWXYY");
        assertThat(IsccTextCode.code("Iñtërnâtiônàlizætiøn☃    Iñtërnâtiônàlizætiøn☃", 256))
                .isEqualTo("ISCC:EADTJCW2DT555KK6DEQAR5DQT7VYJGZM6CXHG3BM56WOMQDDVS7754I");
        assertThat(IsccTextCode.code("Their most significant and usefull property of similarity-preserving fingerprints "
                + "gets lost in the fragmentation of individual, propietary and use case specific implementations. The real "
                + "benefit lies in similarity preservation beyond your local data archive on a global scale accross "
                + "vendors.\n", 128)).isEqualTo("ISCC:EABZHFKU6PNI7UVWYEEIQLOYHYLX6");
    }

    @Test
    void collapsed_character_counts_match_the_vectors() {
        assertThat(CanonicalText.isccCollapse("Hello World")).hasSize(10);
        assertThat(CanonicalText.isccCollapse("Iñtërnâtiônàlizætiøn☃    Iñtërnâtiônàlizætiøn☃")).hasSize(42);
    }

    @Test
    void fingerprint_record_carries_the_same_code() {
        assertThat(TextFingerprinter.ofPlain("Hello World").isccCode()).isEqualTo("ISCC:EAASKDNZNYGUUF5A");
    }
}
