package org.alliancechain.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.alliancechain.evidence.fixture.TamperedCertificates;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.evidence.verify.VerificationReport.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier's own reader for single-revision files must see what iText sees: the same embedded
 * files, the same report for every input, and no file it misreads instead of handing it to iText.
 */
class SingleRevisionPdfTest {

    private static byte[] file;
    private static byte[] certificate;
    private static CertificateVerifier verifier;

    @BeforeAll
    static void signOne() {
        file = EvidenceFixture.someFile();
        certificate = EvidenceFixture.signedCertificate(PadesSigner.Level.B_T, file);
        verifier = EvidenceFixture.verifier();
    }

    @Test
    void readsOurCertificatesAttachmentsAsITextDoes() throws Exception {
        var read = SingleRevisionPdf.read(certificate);
        assertThat(read).as("a B-T certificate is a single revision with a classic table").isNotNull();
        var ours = read.embeddedFiles();
        Map<String, byte[]> itext;
        try (var document = new PdfDocument(new PdfReader(new ByteArrayInputStream(certificate)))) {
            itext = SignedRevisions.embeddedFiles(document);
        }
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(itext.keySet()).contains("record.json", "proof.json");
        itext.forEach((name, bytes) -> assertThat(ours.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void givesTheSameReportAsReadingWithIText() {
        var forged = EvidenceFixture.record("伪造 forged", "other".getBytes(StandardCharsets.UTF_8)).canonicalBytes();
        List<byte[]> inputs = new ArrayList<>(List.of(certificate, TamperedCertificates.flippedByte(certificate),
                TamperedCertificates.manipulatedByteRange(certificate), TamperedCertificates.incrementalUpdate(certificate),
                TamperedCertificates.swappedAttachment(certificate, forged), TamperedCertificates.infoUpdate(certificate, "forged"),
                TamperedCertificates.xmpUpdate(certificate, "forged"), TamperedCertificates.openActionUpdate(certificate),
                TamperedCertificates.unlistedObject(certificate)));
        inputs.addAll(TamperedCertificates.appendedBytes(certificate).values());
        for (byte[] pdf : inputs) {
            for (byte[] original : new byte[][] {null, file, "another file".getBytes(StandardCharsets.UTF_8)}) {
                assertThat(verifier.verify(pdf, original).toText()).isEqualTo(verifier.verifyWithItext(pdf, original).toText());
            }
        }
        assertThat(verifier.verify(certificate, file).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void leavesLaterRevisionsToIText() {
        assertThat(SingleRevisionPdf.read(TamperedCertificates.incrementalUpdate(certificate))).isNull();
        var extended = EvidenceFixture.signedCertificate(PadesSigner.Level.B_LT, file);
        assertThat(SingleRevisionPdf.read(extended)).isNull();
        assertThat(verifier.verify(extended, file).verdict()).isEqualTo(Verdict.VALID);
    }

    /** Appended bytes take the signed ranges off the end of the file: our reader never takes such a file, whatever it ends with. */
    @Test
    void leavesAppendedBytesToIText() {
        for (byte[] tail : new byte[][] {"\n".getBytes(StandardCharsets.US_ASCII), "% note\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)}) {
            byte[] appended = java.util.Arrays.copyOf(certificate, certificate.length + tail.length);
            System.arraycopy(tail, 0, appended, certificate.length, tail.length);
            assertThat(SingleRevisionPdf.read(appended)).as("still one revision to our reader").isNotNull();
            assertThat(verifier.verify(appended, file).toText()).isEqualTo(verifier.verifyWithItext(appended, file).toText());
        }
        byte[] newline = java.util.Arrays.copyOf(certificate, certificate.length + 1);
        newline[certificate.length] = '\n';
        var report = verifier.verify(newline, file);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.VALID);
        assertThat(report.check(VerifierChecks.MODIFICATIONS).orElseThrow().detail()).isEqualTo("nothing was added after signing but 1 end-of-line byte(s)");
    }

    /** The bytes after a signed revision are read as an incremental update, strictly: anything else is named. */
    @Test
    void readsIncrementalUpdatesStrictly() {
        byte[] base = new MiniPdf().add("<< /Type /Catalog >>").bytes();
        String head = new String(base, StandardCharsets.ISO_8859_1);
        int previous = Integer.parseInt(head.substring(head.lastIndexOf("startxref") + 10, head.lastIndexOf("%%EOF")).trim());
        java.util.function.BiFunction<String, String, byte[]> update = (between, object) -> {
            String prefix = head + between;
            int offset = prefix.length();
            String body = prefix + object;
            int xref = body.length();
            return (body + "xref\n1 1\n" + String.format("%010d 00000 n\r\n", offset) + "trailer\n<< /Size 2 /Root 1 0 R /Prev " + previous
                    + " >>\n% a comment\nstartxref\n" + xref + "\n%%EOF\r\n").getBytes(StandardCharsets.ISO_8859_1);
        };
        String catalogue = "1 0 obj\n<< /Type /Catalog /Lang (en) >>\nendobj\n";
        byte[] good = update.apply("", catalogue);
        var objects = SingleRevisionPdf.updateObjects(good, base.length, good.length);
        assertThat(objects).hasSize(1);
        assertThat(objects.getFirst()).containsExactly(1, 0, base.length, 0);
        byte[] stream = update.apply("", "1 0 obj\n<< /Length 5 >>\nstream\nendob\nendstream\nendobj\n");
        assertThat(SingleRevisionPdf.updateObjects(stream, base.length, stream.length)).hasSize(1);
        for (String junk : new String[] {"junk ", "2 0 obj\n(unlisted)\nendobj\n", "1 0 R "}) {
            byte[] bad = update.apply(junk, catalogue);
            var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SingleRevisionPdf.updateObjects(bad, base.length, bad.length));
            if (junk.startsWith("2 0 obj")) {
                // Syntactically an object: the verifier finds it in no cross-reference section.
                assertThat(thrown).isNull();
            } else {
                assertThat(thrown).as(junk).isInstanceOf(IllegalStateException.class).hasMessageContaining("at byte " + base.length);
            }
        }
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 12);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SingleRevisionPdf.updateObjects(cut, base.length, cut.length))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsStringNameAndStreamSyntax() throws Exception {
        byte[] payload = "{\"a\":\"(b)\\\\\"}".getBytes(StandardCharsets.UTF_8);
        var pdf = new MiniPdf()
                .add("<< /Type /Catalog /Names 2 0 R /Odd /A#20B /Esc (a\\(b\\)c\\\\\\101\\n\\\r\nd (nested) ) /Hex <4142 43 4> >>")
                .add("<< /EmbeddedFiles << /Kids [3 0 R] >> >>")
                .add("<< /Names [<FEFF00E9002E006A0073006F006E> 4 0 R (plain.json) 6 0 R] >>")
                .add("<< /Type /Filespec /EF << /F 5 0 R >> >>")
                .addStream("<< /Type /EmbeddedFile /Filter /FlateDecode /Length %d >>", deflate(payload))
                .add("<< /Type /Filespec /EF << /F 7 0 R >> >>")
                .addStream("<< /Type /EmbeddedFile /Length 8 0 R >>", payload)
                .add(String.valueOf(payload.length))
                .bytes();
        var read = SingleRevisionPdf.read(pdf);
        assertThat(read).isNotNull();
        var catalog = read.catalog();
        assertThat(catalog.get("Odd")).isEqualTo(new SingleRevisionPdf.Name("A B"));
        assertThat(((SingleRevisionPdf.Str) catalog.get("Esc")).text()).isEqualTo("a(b)c\\A\nd (nested) ");
        assertThat(((SingleRevisionPdf.Str) catalog.get("Hex")).bytes()).containsExactly('A', 'B', 'C', 0x40);
        var files = read.embeddedFiles();
        assertThat(files.keySet()).containsExactlyInAnyOrder("é.json", "plain.json");
        assertThat(files.get("é.json")).isEqualTo(payload);
        assertThat(files.get("plain.json")).isEqualTo(payload);
    }

    @Test
    void refusesWhatItDoesNotHandle() {
        var encrypted = new MiniPdf().add("<< /Type /Catalog >>").trailer("/Encrypt << /Filter /Standard >>").bytes();
        assertThat(SingleRevisionPdf.read(encrypted)).isNull();
        var updated = new MiniPdf().add("<< /Type /Catalog >>").trailer("/Prev 9").bytes();
        assertThat(SingleRevisionPdf.read(updated)).isNull();
        assertThat(SingleRevisionPdf.read("not a PDF at all, not even close to one".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(SingleRevisionPdf.read(new byte[0])).isNull();
        var notCatalog = new MiniPdf().add("<< /Type /Pages >>").bytes();
        assertThat(SingleRevisionPdf.read(notCatalog)).isNull();
    }

    /** Readers differ on unusual name trees: ours refuses them (then iText reads the file) instead of guessing. */
    @Test
    void refusesUnusualNameTreesAndOversizedFiles() {
        String spec = "<< /Type /Filespec /EF << /F 4 0 R >> >>";
        String stream = "<< /Type /EmbeddedFile /Length 2 >>";
        for (String tree : new String[] {
                "<< /Names [(a.json) 3 0 R (b.json)] >>",
                "<< /Names [(a.json) 3 0 R] /Kids [2 0 R] >>",
                "<< /Kids [2 0 R] >>",
                "<< /Names [(a.json) 3 0 R (a.json) 3 0 R] >>",
                "<< /Names [/a.json 3 0 R] >>"}) {
            var pdf = new MiniPdf().add("<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>").add(tree).add(spec)
                    .addStream(stream, "{}".getBytes(StandardCharsets.UTF_8)).bytes();
            var read = SingleRevisionPdf.read(pdf);
            assertThat(read).isNotNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(read::embeddedFiles).as(tree).isInstanceOf(IllegalStateException.class);
        }
        byte[] bomb = deflate(new byte[9 << 20]);
        var pdf = new MiniPdf().add("<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>").add("<< /Names [(big) 3 0 R] >>")
                .add("<< /Type /Filespec /EF << /F 4 0 R >> >>")
                .addStream("<< /Type /EmbeddedFile /Filter /FlateDecode /Length %d >>", bomb).bytes();
        org.assertj.core.api.Assertions.assertThatThrownBy(SingleRevisionPdf.read(pdf)::embeddedFiles)
                .hasMessageContaining("decode to more than");
    }

    /**
     * Bytes changed anywhere but in the signature value's zero padding (which no signature covers, by PAdES's design,
     * and which the CMS reader never reads) or cut off: never VALID, never an exception.
     */
    @Test
    void damagedCopiesNeverThrowAndNeverPass() {
        var range = java.util.regex.Pattern.compile("/ByteRange \\[0 (\\d+) (\\d+) \\d+ *\\]")
                .matcher(new String(certificate, StandardCharsets.ISO_8859_1));
        assertThat(range.find()).isTrue();
        int holeStart = Integer.parseInt(range.group(1));
        int holeEnd = Integer.parseInt(range.group(2));
        var random = new Random(7);
        for (int i = 0; i < 150; i++) {
            byte[] damaged = certificate.clone();
            if (i % 3 == 0) {
                damaged = java.util.Arrays.copyOf(damaged, random.nextInt(damaged.length));
            } else {
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    int at = random.nextInt(damaged.length - (holeEnd - holeStart));
                    at = at < holeStart ? at : at + (holeEnd - holeStart);
                    damaged[at] = (byte) (damaged[at] ^ (1 + random.nextInt(255)));
                }
            }
            var read = SingleRevisionPdf.read(damaged);
            if (read != null) {
                try {
                    read.embeddedFiles();
                } catch (RuntimeException e) {
                    // a damaged stream: the verifier then reads the file with iText
                }
            }
            var report = verifier.verify(damaged, file);
            if (!java.util.Arrays.equals(damaged, certificate)) {
                assertThat(report.verdict()).as(report.toText()).isNotEqualTo(Verdict.VALID);
            }
        }
    }

    private static byte[] deflate(byte[] data) {
        var deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A PDF written object by object, with a correct classic cross-reference table. */
    private static final class MiniPdf {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<Integer> offsets = new ArrayList<>();
        private String trailerExtra = "";

        MiniPdf() {
            write("%PDF-1.7\n");
        }

        MiniPdf add(String object) {
            offsets.add(out.size());
            write(offsets.size() + " 0 obj\n" + object + "\nendobj\n");
            return this;
        }

        MiniPdf addStream(String dictionary, byte[] data) {
            offsets.add(out.size());
            write(offsets.size() + " 0 obj\n" + dictionary.replace("%d", String.valueOf(data.length)) + "\nstream\n");
            out.writeBytes(data);
            write("\nendstream\nendobj\n");
            return this;
        }

        MiniPdf trailer(String extra) {
            trailerExtra = " " + extra;
            return this;
        }

        byte[] bytes() {
            int xref = out.size();
            var table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f\r\n");
            offsets.forEach(offset -> table.append(String.format("%010d 00000 n\r\n", offset)));
            write(table + "trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R" + trailerExtra + " >>\nstartxref\n" + xref + "\n%%EOF\n");
            return out.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
