package org.alliancechain.einvoice.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancechain.evidence.CanonicalJson;
import org.alliancechain.evidence.HashAlgorithm;
import org.junit.jupiter.api.Test;

/** The invoice record's own RFC 8785 writer gives byte for byte what the generic canonicaliser gives through Jackson's tree. */
class InvoiceRecordTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(6122026);
    private static final String[] TEXTS = {"", "服务器 Server", "a\"quoted\" \\ back\\slash", "tab\tnew\nline\r\u0001\u001f\u007f",
            "😀 surrogate pair 𠀀", "é è ü ß", "</script>", "\u2028\u2029", "0.00", "-1000.00", "91110108690017781B"};

    private static String text(boolean nullable) {
        return nullable && RANDOM.nextInt(4) == 0 ? null : TEXTS[RANDOM.nextInt(TEXTS.length)];
    }

    private static InvoiceRecord record(boolean red) {
        var lines = new ArrayList<InvoiceRecord.Line>();
        int n = RANDOM.nextInt(6);
        for (int i = 0; i < n; i++) {
            lines.add(new InvoiceRecord.Line(i + RANDOM.nextInt(3) * 1_000_000, text(false), text(true), text(true), text(true), text(true),
                    text(false), text(false), text(true), text(false), text(false), text(true)));
        }
        return new InvoiceRecord(red ? "einvoice.red-invoice" : "einvoice.invoice", text(false), text(false), text(false),
                RANDOM.nextInt(5) == 0 ? null : new InvoiceRecord.Party(text(false), text(true)),
                new InvoiceRecord.Party(text(true), text(false)), text(false), RANDOM.nextInt(9) == 0 ? null : lines, text(false), text(false),
                text(false), text(true), red ? new InvoiceRecord.Original(text(false), text(true), text(false)) : null);
    }

    @Test
    void theRecordsOwnCanonicalFormIsTheGenericOneByteForByte() {
        List<InvoiceRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(record(i % 3 == 0));
        }
        for (var r : records) {
            byte[] generic = CanonicalJson.canonicalize(r);
            var attested = r.attested();
            assertThat(attested.json).isEqualTo(new String(generic, StandardCharsets.UTF_8));
            assertThat(attested.digest).isEqualTo(HashAlgorithm.SHA256.hex(generic));
        }
    }
}
