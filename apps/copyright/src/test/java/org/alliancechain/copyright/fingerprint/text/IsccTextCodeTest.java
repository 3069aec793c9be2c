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
    void mersenne_reduction_by_shifts_equals_the_unsigned_remainder() {
        long p = (1L << 61) - 1;
        long[] edges = {0, 1, p - 1, p, p + 1, 2 * p, 2 * p + 1, (1L << 61), (1L << 62) - 1, Long.MAX_VALUE, Long.MIN_VALUE, -1L, -2L,
                8 * p - 1, 7 * p, 7 * p + 6};
        for (long x : edges) {
            assertThat(IsccTextCode.mersenneRemainder(x)).as("x = %s", Long.toUnsignedString(x)).isEqualTo(Long.remainderUnsigned(x, p));
        }
        var random = new java.util.SplittableRandom(61);
        for (int i = 0; i < 1_000_000; i++) {
            long x = random.nextLong();
            assertThat(IsccTextCode.mersenneRemainder(x)).isEqualTo(Long.remainderUnsigned(x, p));
        }
    }

    @Test
    void multi_byte_windows_hash_the_same_utf8_as_the_reference() {
        // 13-code-point windows over 1-, 2-, 3- and 4-byte UTF-8 characters (iscc_core data.json has ASCII and Latin-1)
        assertThat(IsccTextCode.code("Iñtërnâtiônàlizætiøn☃    Iñtërnâtiônàlizætiøn☃", 256))
                .isEqualTo("ISCC:EADTJCW2DT555KK6DEQAR5DQT7VYJGZM6CXHG3BM56WOMQDDVS7754I");
        String mixed = "新华社记者今日报道𠀀𠀁国家版权局 café ☃ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 한국어";
        assertThat(IsccTextCode.digest256(CanonicalText.isccCollapse(mixed))).isEqualTo(referenceDigest(CanonicalText.isccCollapse(mixed)));
    }

    /** The former implementation, window by window as iscc_core describes it (a String per window, its UTF-8 bytes). */
    private static byte[] referenceDigest(String collapsed) {
        int[] cps = collapsed.codePoints().toArray();
        int windows = Math.max(cps.length - IsccTextCode.NGRAM + 1, 1);
        long[] minima = new long[64];
        java.util.Arrays.fill(minima, Long.MAX_VALUE);
        var xxh32 = com.dynatrace.hash4j.hashing.Hashing.xxh32();
        long[] a = mp("MPA");
        long[] b = mp("MPB");
        for (int w = 0; w < windows; w++) {
            String gram = new String(cps, w, Math.min(IsccTextCode.NGRAM, cps.length - w));
            long f = Integer.toUnsignedLong(xxh32.hashBytesToInt(gram.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            for (int i = 0; i < 64; i++) {
                minima[i] = Math.min(minima[i], Long.remainderUnsigned(a[i] * f + b[i], (1L << 61) - 1) & 0xFFFFFFFFL);
            }
        }
        byte[] out = new byte[32];
        int bit = 0;
        for (int lsb = 0; lsb < 4; lsb++) {
            for (int i = 0; i < 64; i++, bit++) {
                if (((minima[i] >>> lsb) & 1) != 0) {
                    out[bit >> 3] |= (byte) (0x80 >>> (bit & 7));
                }
            }
        }
        return out;
    }

    private static long[] mp(String name) {
        try {
            var field = IsccTextCode.class.getDeclaredField(name);
            field.setAccessible(true);
            return (long[]) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fingerprint_record_carries_the_same_code() {
        assertThat(TextFingerprinter.ofPlain("Hello World").isccCode()).isEqualTo("ISCC:EAASKDNZNYGUUF5A");
    }
}
