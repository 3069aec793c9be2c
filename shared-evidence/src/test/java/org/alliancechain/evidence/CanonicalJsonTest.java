package org.alliancechain.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
    }

    /** RFC 8785 §3.2.2 — the sample input and its canonical form. */
    @Test
    void theRfcSampleCanonicalisesAsPublished() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        assertThat(canonical(input)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    /** RFC 8785 §3.2.3 — members sorted by UTF-16 code units, not by code points or locale. */
    @Test
    void membersAreSortedByUtf16CodeUnits() {
        String input = """
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                 "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}""";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    /** RFC 8785 Appendix B — IEEE 754 doubles and their ECMAScript form. */
    @Test
    void numbersAreWrittenAsEcmaScriptWritesThem() {
        double[][] none = {};
        Object[][] cases = {
                {0.0, "0"}, {-0.0, "0"}, {Double.MIN_VALUE, "5e-324"}, {-Double.MIN_VALUE, "-5e-324"},
                {Double.MAX_VALUE, "1.7976931348623157e+308"}, {9007199254740992.0, "9007199254740992"},
                {295147905179352830000.0, "295147905179352830000"}, {1e21, "1e+21"}, {999999999999999900000.0, "999999999999999900000"},
                {0.000001, "0.000001"}, {0.0000001, "1e-7"}, {1.0, "1"}, {-1.5, "-1.5"}, {123456789012345680.0, "123456789012345680"},
        };
        for (Object[] c : cases) {
            assertThat(CanonicalJson.number((double) c[0])).as("%s", c[0]).isEqualTo(c[1]);
        }
        assertThat(none).isEmpty();
    }

    @Test
    void duplicateMemberNamesAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void nanAndInfinityAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.number(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An independent implementation (erdtman's, a reference implementation listed for RFC 8785) agrees on random records. */
    @Test
    void anIndependentImplementationProducesTheSameBytes() throws Exception {
        var random = new Random(8785);
        for (int i = 0; i < 2_000; i++) {
            String json = "[" + randomValue(random, 0) + "]";
            assertThat(canonical(json)).as(json).isEqualTo(new JsonCanonicalizer(json).getEncodedString());
        }
    }

    @Test
    void aRecordHashDoesNotDependOnMemberOrderOrWhitespace() {
        byte[] a = CanonicalJson.digest(HashAlgorithm.SM3, java.util.Map.of("a", "x"));
        assertThat(CanonicalJson.canonicalize("{ \"a\" : \"x\",\n \"b\" : 1.0 }")).isEqualTo("{\"a\":\"x\",\"b\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(HashAlgorithm.SHA256.digest("{\"a\":\"x\",\"b\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(CanonicalJson.digest(HashAlgorithm.SHA256, java.util.Map.of("b", 1, "a", "x")));
        assertThat(a).hasSize(32);
    }

    private static String randomValue(Random random, int depth) {
        int kind = depth > 3 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> randomString(random);
            case 1 -> randomNumber(random);
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> String.valueOf(random.nextInt(2_000_000) - 1_000_000);
            case 4 -> {
                var sb = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i > 0 ? "," : "").append(randomValue(random, depth + 1));
                }
                yield sb.append(']').toString();
            }
            default -> {
                var sb = new StringBuilder("{");
                int n = random.nextInt(5);
                var names = new java.util.HashSet<String>();
                for (int i = 0; i < n; i++) {
                    String name = randomString(random);
                    if (names.add(name)) {
                        sb.append(names.size() > 1 ? "," : "").append(name).append(':').append(randomValue(random, depth + 1));
                    }
                }
                yield sb.append('}').toString();
            }
        };
    }

    private static String randomNumber(Random random) {
        double v = switch (random.nextInt(4)) {
            case 0 -> random.nextDouble();
            case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            case 2 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            default -> random.nextInt(100_000) / 100.0;
        };
        return Double.toString(v);
    }

    private static String randomString(Random random) {
        String alphabet = "aZ09 \"\\/\b\f\n\r\t\u0001\u001f\u007f\u00e9\u4ef2\u88c1\u20ac\ud83d\ude00";
        var sb = new StringBuilder("\"");
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
                sb.append(c).append(alphabet.charAt(at + 1));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
