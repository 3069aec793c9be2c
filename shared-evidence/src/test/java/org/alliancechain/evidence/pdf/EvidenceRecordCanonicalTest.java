package org.alliancechain.evidence.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.alliancechain.evidence.CanonicalJson;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/** A record writes its canonical bytes directly: they are the generic canonicaliser's and an independent RFC 8785 implementation's. */
class EvidenceRecordCanonicalTest {

    private static final String[] PIECES = {"", "a", "合同", "\"", "\\", "\n", "\t", "\u0001", "\u001f", "\u007f", "é", "😀", "\ud83d", "Z", "€",
            "/", "<script>", " ", "\u2028"};

    private static String text(Random random) {
        var out = new StringBuilder();
        for (int i = random.nextInt(5); i > 0; i--) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    private static String maybe(Random random) {
        return random.nextInt(4) == 0 ? null : text(random);
    }

    private static Map<String, String> map(Random random) {
        var map = new HashMap<String, String>();
        for (int i = random.nextInt(4); i > 0; i--) {
            map.put(text(random) + i, text(random));
        }
        return map;
    }

    @Test
    void directBytesEqualTheGenericCanonicalFormForRandomRecords() throws Exception {
        var random = new Random(20261205);
        for (int i = 0; i < 5_000; i++) {
            var file = random.nextInt(3) == 0 ? null : new EvidenceRecord.FileFacts(maybe(random), maybe(random),
                    random.nextBoolean() ? null : (long) random.nextInt(Integer.MAX_VALUE) * (random.nextBoolean() ? 1 : 4096), maybe(random), maybe(random));
            var at = random.nextInt(5) == 0 ? null : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000));
            var record = new EvidenceRecord(maybe(random), maybe(random), maybe(random), maybe(random), map(random), file, map(random), at);
            byte[] direct = record.canonicalBytes();
            byte[] generic = CanonicalJson.canonicalize(CanonicalJson.MAPPER.valueToTree(record));
            assertThat(new String(direct, StandardCharsets.UTF_8)).as("record %d", i).isEqualTo(new String(generic, StandardCharsets.UTF_8));
            assertThat(direct).isEqualTo(generic);
            if (i % 50 == 0 && !new String(direct, StandardCharsets.UTF_8).contains("?")) {
                // Erdtman's RFC 8785 reference canonicaliser, on records without a lone surrogate (UTF-8 turns it into '?',
                // which sorts elsewhere than the surrogate did).
                assertThat(new JsonCanonicalizer(direct).getEncodedUTF8()).isEqualTo(direct);
            }
        }
    }
}
