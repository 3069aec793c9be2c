package org.alliancechain.service.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.MemorySize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.alliancechain.evidence.intake.ContentType;
import org.alliancechain.service.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * The upload gate every app's files pass: what each policy lets through, and how a refusal reads —
 * the status, the form field and the reason — before anything is stored.
 */
class UploadIntakeTest {

    private static final byte[] PDF = ascii("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
            0, 0, 0, (byte) 0x90, 0x77, 0x53, (byte) 0xDE};
    private static final byte[] ELF = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final UploadIntake intake = new UploadIntake(config(3));
    private final UploadPolicy evidence = new UploadPolicy("as evidence",
            Set.of("application/pdf", "image/png", "application/xml", "application/ofd", "application/wacz"), null, true);

    @Test
    void anAcceptedFileKeepsItsNameFieldAndTypeByContent() {
        var accepted = intake.accept(List.of(new IncomingFile("files", "scan.png", PNG)), evidence);
        assertThat(accepted).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("files");
            assertThat(f.name()).isEqualTo("scan.png");
            assertThat(f.type()).isEqualTo(ContentType.PNG);
            assertThat(f.archive()).isNull();
        });
    }

    @Test
    void aDisguisedFileIs415AndNamesItsField() {
        assertRefused(() -> intake.accept(List.of(new IncomingFile("documents", "invoice.pdf", ELF)), evidence), 415, "documents",
                "disguised file is not accepted as evidence");
    }

    @Test
    void aTypeThePolicyDoesNotListIs415WithWhatIsAccepted() {
        byte[] page = ascii("<!DOCTYPE html><html><body>x</body></html>");
        assertRefused(() -> intake.accept(List.of(new IncomingFile("files", "page.html", page)), evidence), 415, "files",
                "HTML page (text/html), which is not accepted as evidence; accepted: PDF document");
        var pdfOnly = UploadPolicy.only("as a certificate", ContentType.PDF);
        assertRefused(() -> intake.accept(List.of(new IncomingFile("certificate", "c.png", PNG)), pdfOnly), 415, "certificate",
                "accepted: PDF document (suite.uploads.allowed-types)");
    }

    @Test
    void aZipIsExpandedIntoItsFilesEachCheckedAndCounted() {
        byte[] zip = zip(Map.of("a.pdf", PDF, "photos/b.png", PNG));
        var accepted = intake.accept(List.of(new IncomingFile("files", "bundle.zip", zip)), evidence);
        assertThat(accepted).extracting(UploadIntake.AcceptedFile::name).containsExactlyInAnyOrder("a.pdf", "photos/b.png");
        assertThat(accepted).allSatisfy(f -> assertThat(f.archive()).isEqualTo("bundle.zip"));

        assertRefused(() -> intake.accept(List.of(new IncomingFile("files", "bad.zip", zip(Map.of("tool.pdf", ELF)))), evidence), 415, "files",
                "'tool.pdf' in 'bad.zip'");
        assertRefused(() -> intake.accept(List.of(new IncomingFile("files", "escape.zip", zip(Map.of("../../x.pdf", PDF)))), evidence), 422,
                "files", "leaves the archive");
        // Four files against a limit of three: the archive's files count one by one.
        assertRefused(() -> intake.accept(List.of(new IncomingFile("files", "four.zip",
                zip(Map.of("1.pdf", PDF, "2.pdf", PDF, "3.pdf", PDF, "4.pdf", PDF)))), evidence), 413, "files", "more than 3 files");
    }

    @Test
    void withoutExpansionAZipIsOneFileOfItsOwnType() {
        var keep = new UploadPolicy("as a bundle", Set.of("application/zip"), null, false);
        byte[] zip = zip(Map.of("a.pdf", PDF));
        assertThat(intake.accept(List.of(new IncomingFile("bundle", "b.zip", zip)), keep)).singleElement()
                .satisfies(f -> assertThat(f.type()).isEqualTo(ContentType.ZIP));
    }

    @Test
    void anOfdOrWaczIsKeptWholeButHeldToTheArchiveRules() {
        byte[] ofd = zip(Map.of("OFD.xml", ascii("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"), "Doc_0/Document.xml", ascii("<d/>")));
        assertThat(intake.accept(List.of(new IncomingFile("files", "invoice.ofd", ofd)), evidence)).singleElement()
                .satisfies(f -> assertThat(f.mediaType()).isEqualTo("application/ofd"));

        byte[] crafted = zip(Map.of("OFD.xml", ascii("<ofd:OFD/>"), "../../etc/cron.d/job", ascii("x")));
        assertRefused(() -> intake.accept(List.of(new IncomingFile("files", "invoice.ofd", crafted)), evidence), 422, "files",
                "the archive 'invoice.ofd' is refused");
        byte[] nested = zip(Map.of("datapackage.json", ascii("{}"), "archive/a.warc", ascii("WARC/1.1\r\n\r\n"), "archive/x.zip", zip(Map.of("a", PDF))));
        assertThat(ContentType.detect(nested)).isEqualTo(ContentType.WACZ);
        assertRefused(() -> intake.accept(List.of(new IncomingFile("files", "capture.wacz", nested)), evidence), 422, "files",
                "is itself an archive");
        // A plain ZIP named .ofd is disguised.
        assertRefused(() -> intake.accept(List.of(new IncomingFile("files", "invoice.ofd", zip(Map.of("a.pdf", PDF)))), evidence), 415, "files",
                "disguised");
    }

    @Test
    void aUblInvoiceIsXmlToThePolicy() {
        byte[] ubl = ascii("<?xml version=\"1.0\"?>\n<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><ID>1</ID></Invoice>");
        assertThat(intake.accept(List.of(new IncomingFile("files", "invoice.xml", ubl)), evidence)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(ContentType.UBL_INVOICE);
            assertThat(f.mediaType()).isEqualTo("application/xml");
        });
    }

    @Test
    void downloadsCarryAnAsciiAndAUtf8Name() {
        assertThat(Downloads.attachment("合同 \"v1\".pdf"))
                .isEqualTo("attachment; filename=\"__ _v1_.pdf\"; filename*=UTF-8''%E5%90%88%E5%90%8C%20%22v1%22.pdf");
        assertThat(Downloads.file(PDF, "application/pdf", "a.pdf").getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void namesAreShownWithoutPathsOrControlCharacters() {
        assertThat(Uploads.displayName("C:\\Users\\me\\证据\u202Egpj.exe")).isEqualTo("证据gpj.exe");
        assertThat(Uploads.displayName("../")).isEqualTo("unnamed");
        assertThat(Uploads.describe(2 * 1024 * 1024)).isEqualTo("2 MB");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String field, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().getStatusCode()).isEqualTo(status);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static UploadConfig config(int maxFiles) {
        return new UploadConfig() {
            @Override
            public MemorySize maxFileSize() {
                return new MemorySize(BigInteger.valueOf(2 * 1024 * 1024));
            }

            @Override
            public int maxFilesPerUpload() {
                return maxFiles;
            }

            @Override
            public Set<String> allowedTypes() {
                return Set.of("application/pdf");
            }

            @Override
            public Archives archives() {
                return new Archives() {
                    @Override
                    public int maxEntries() {
                        return 100;
                    }

                    @Override
                    public MemorySize maxExpandedSize() {
                        return new MemorySize(BigInteger.valueOf(20 * 1024 * 1024));
                    }

                    @Override
                    public int maxRatio() {
                        return 100;
                    }
                };
            }
        };
    }
}
