package org.alliancechain.copyright.fingerprint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The short grams' XXH3 computed from the chars ({@link Shingles#hashChars}) is hash4j's XXH3-64 of their UTF-16LE bytes,
 * and the fingerprints built with it are those of the build before it (digests and winnowing recorded then).
 */
class ShinglesHashTest {

    /** Chars from the ranges grams are made of, and from the ends of the char range (every bit of a char used). */
    private static char randomChar(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> (char) ('a' + r.nextInt(26));
            case 1 -> (char) (0x4E00 + r.nextInt(0x9FFF - 0x4E00));
            case 2 -> (char) (0xD800 + r.nextInt(0x800)); // surrogates, paired or not
            case 3 -> (char) (0xFF00 + r.nextInt(0x100));
            case 4 -> (char) r.nextInt(0x80);
            default -> (char) r.nextInt(0x10000);
        };
    }

    @Test
    void theHashFromCharsIsHash4jsOverTheirBytes() {
        var r = new SplittableRandom(20261207);
        for (int round = 0; round < 200_000; round++) {
            var chars = new char[20];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = randomChar(r);
            }
            String s = new String(chars);
            int from = r.nextInt(4);
            char prefix = randomChar(r);
            int k = 4 + r.nextInt(12);
            assertThat(Shingles.hashChars(prefix, s, from, k)).as("prefix %04x, k %d, %s", (int) prefix, k, s)
                    .isEqualTo(Shingles.HASH.hashCharsToLong(prefix + s.substring(from, from + k)));
            int plain = 5 + r.nextInt(4);
            assertThat(Shingles.hashChars(s, from, plain)).as("k %d, %s", plain, s)
                    .isEqualTo(Shingles.HASH.hashCharsToLong(s.substring(from, from + plain)));
        }
    }

    @Test
    void fingerprintsAndWinnowingAreThoseOfTheBuildBefore() {
        String[] texts = {
            "学而时习之，不亦说乎？有朋自远方来，不亦乐乎？人不知而不愠，不亦君子乎？其为人也孝弟，而好犯上者，鲜矣；不好犯上，而好作乱者，"
                    + "未之有也。君子务本，本立而道生。孝弟也者，其为仁之本与！",
            "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife. "
                    + "However little known the feelings or views of such a man may be on his first entering a neighbourhood.",
            "新华社北京电 The State Council said on Monday that 数字经济 grew 7.2% in 2025, 高于 GDP 增速；𠀀𠀁𠀂 古籍 👍 emoji "
                    + "與繁體字混排，測試轉換。ＡＢＣ全角 and café naïve.",
        };
        // recorded at a9febc1, whose grams were hashed over gathered bytes
        String[] digests = {
            "17e50e65a2df458532b85304ddfdefc3f846cc8be0394c9a4462b3874c1ab48e",
            "c6f222adc010a56af990c158a2ad3b9e4562fe4bcf0064bd76acdc980d3b0de5",
            "3c43fba62c726575cca0ae416d13114a91b1f2ee4458b3f77cda63e7aa58767c",
        };
        int[][] winnowing = {{-1476732664, -2024333444, 16}, {1798724190, 349612961, 36}, {176927660, 517373207, 20}};
        for (int i = 0; i < texts.length; i++) {
            var canonical = CanonicalText.ofPlain(texts[i]);
            assertThat(HexFormat.of().formatHex(TextFingerprinter.of(canonical).digest())).as("text %d", i).isEqualTo(digests[i]);
            var w = Winnowing.of(canonical.text());
            assertThat(new int[] {Arrays.hashCode(w.hashes()), Arrays.hashCode(w.positions()), w.size()}).as("text %d", i)
                    .isEqualTo(winnowing[i]);
        }
    }
}
