package org.alliancechain.evidence.intake;

import static org.alliancechain.evidence.intake.Samples.ascii;
import static org.alliancechain.evidence.intake.Samples.concat;
import static org.alliancechain.evidence.intake.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.alliancechain.evidence.intake.UnsafeArchiveException.Reason;
import org.alliancechain.testsupport.SharedFixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The types the next verticals receive — OFD and UBL e-invoices, HTML and MHTML pages, WARC and WACZ
 * web captures, WebP images — each recognised by content, each refused under a name that claims
 * another type, and the ZIP-based ones (OFD, WACZ) held to SafeZip's rules. Real OFD invoices and the
 * official EN 16931 UBL examples come from {@code ../shared/fixtures}; the others are built here.
 */
class WebAndInvoiceTypesTest {

    @Nested
    class Ofd {

        static java.util.List<Path> realInvoices() {
            return SharedFixtures.list("ofd", ".ofd");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("realInvoices")
        void aReal数电InvoiceIsAnOfdDocumentAndExpandsSafely(Path file) throws Exception {
            byte[] ofd = java.nio.file.Files.readAllBytes(file);
            assertThat(ContentType.detect(ofd)).isEqualTo(ContentType.OFD);
            assertThat(ContentType.disguised(file.getFileName().toString(), ContentType.OFD)).isFalse();
            assertThat(ContentType.OFD.zipPackage()).isTrue();
            assertThat(SafeZip.expand(ofd, SafeZip.Limits.DEFAULT, SafeZip.NestedArchives.REFUSE))
                    .extracting(SafeZip.Entry::path).contains("OFD.xml");
        }

        @Test
        void aPlainZipNamedOfdIsDisguisedAndAnOfdNamedZipToo() {
            byte[] plain = ZipFixture.zip("invoice.xml", "<Invoice/>", "Doc_0/Document.xml", "<Document/>");
            assertThat(ContentType.detect(plain)).isEqualTo(ContentType.ZIP);
            assertThat(ContentType.disguised("invoice.ofd", ContentType.detect(plain))).isTrue();
            assertThat(ContentType.disguised("invoice.zip", ContentType.detect(SharedFixtures.bytes("ofd/20240531141733.ofd")))).isTrue();
        }

        @Test
        void onlyAnOfdXmlAtTheRootMakesAnOfd() {
            assertThat(ContentType.detect(ZipFixture.zip("OFD.xml", "<ofd:OFD/>"))).isEqualTo(ContentType.OFD);
            assertThat(ContentType.detect(ZipFixture.zip("docs/OFD.xml", "<ofd:OFD/>"))).isEqualTo(ContentType.ZIP);
        }

        @Test
        void anOfdWithATraversalALinkOrANestedArchiveIsRefusedLikeAnyZip() {
            byte[] traversal = ZipFixture.zip("OFD.xml", "<ofd:OFD/>", "../../etc/cron.d/x", "boom");
            assertThat(ContentType.detect(traversal)).isEqualTo(ContentType.OFD);
            assertThatThrownBy(() -> SafeZip.expand(traversal, SafeZip.Limits.DEFAULT, SafeZip.NestedArchives.REFUSE))
                    .isInstanceOfSatisfying(UnsafeArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PATH_TRAVERSAL));

            byte[] link = ZipFixture.builder().file("OFD.xml", "<ofd:OFD/>").symlink("Doc_0/Document.xml", "/etc/passwd").build();
            assertThat(ContentType.detect(link)).isEqualTo(ContentType.OFD);
            assertThatThrownBy(() -> SafeZip.expand(link, SafeZip.Limits.DEFAULT, SafeZip.NestedArchives.REFUSE))
                    .isInstanceOfSatisfying(UnsafeArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LINK));

            byte[] nested = ZipFixture.builder().file("OFD.xml", "<ofd:OFD/>").file("Doc_0/inner.zip", Samples.plainZip()).build();
            assertThatThrownBy(() -> SafeZip.expand(nested, SafeZip.Limits.DEFAULT, SafeZip.NestedArchives.REFUSE))
                    .isInstanceOfSatisfying(UnsafeArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NESTED_ARCHIVE));
        }
    }

    @Nested
    class Ubl {

        static java.util.List<Path> invoices() {
            return SharedFixtures.list("en16931", ".xml").stream().filter(p -> p.getFileName().toString().contains("example")).toList();
        }

        static java.util.List<Path> creditNotes() {
            return SharedFixtures.list("en16931", ".xml").stream().filter(p -> p.getFileName().toString().toLowerCase().contains("creditnote"))
                    .toList();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invoices")
        void anOfficialEn16931ExampleInvoiceIsAUblInvoice(Path file) throws Exception {
            assertThat(ContentType.detect(java.nio.file.Files.readAllBytes(file))).isEqualTo(ContentType.UBL_INVOICE);
            assertThat(ContentType.disguised(file.getFileName().toString(), ContentType.UBL_INVOICE)).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("creditNotes")
        void anOfficialEn16931CreditNoteIsAUblCreditNote(Path file) throws Exception {
            assertThat(ContentType.detect(java.nio.file.Files.readAllBytes(file))).isEqualTo(ContentType.UBL_CREDIT_NOTE);
        }

        @Test
        void theFixturesAreThere() {
            assertThat(invoices()).hasSize(10);
            assertThat(creditNotes()).hasSize(4);
        }

        @Test
        void aPrefixedRootIsReadByItsBinding() {
            assertThat(ContentType.detect(utf8("<?xml version=\"1.0\"?>\n<ubl:Invoice xmlns:ubl=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
                    + " xmlns='urn:other'><cbc:ID>1</cbc:ID></ubl:Invoice>"))).isEqualTo(ContentType.UBL_INVOICE);
        }

        @Test
        void anInvoiceElementInAnotherNamespaceOrCaseIsPlainXml() {
            assertThat(ContentType.detect(utf8("<?xml version=\"1.0\"?><Invoice xmlns=\"urn:example:invoice\"><ID>1</ID></Invoice>")))
                    .isEqualTo(ContentType.XML);
            assertThat(ContentType.detect(utf8("<?xml version=\"1.0\"?><Invoice><ID>1</ID></Invoice>"))).isEqualTo(ContentType.XML);
            assertThat(ContentType.detect(utf8("<?xml version=\"1.0\"?><invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>")))
                    .isEqualTo(ContentType.XML);
            // A credit note's root with the invoice namespace is not a credit note.
            assertThat(ContentType.detect(utf8("<?xml version=\"1.0\"?><CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>")))
                    .isEqualTo(ContentType.XML);
        }

        @Test
        void anXmlFileThatIsHtmlIsDisguisedAndAUblInvoiceNamedPdfToo() {
            byte[] page = utf8("<!DOCTYPE html>\n<html><body><script>fetch('/api/me')</script></body></html>");
            assertThat(ContentType.detect(page)).isEqualTo(ContentType.HTML);
            assertThat(ContentType.disguised("invoice.xml", ContentType.detect(page))).isTrue();
            assertThat(ContentType.disguised("invoice.pdf", ContentType.detect(SharedFixtures.bytes("en16931/ubl-tc434-example1.xml")))).isTrue();
            assertThat(ContentType.disguised("invoice.xml", ContentType.XML)).isFalse();
        }
    }

    @Nested
    class Html {

        @Test
        void aPageIsHtmlUnderItsOwnNamesOnly() {
            byte[] page = utf8("<!doctype html><html lang=\"zh\"><head><title>作品</title></head><body><p>正文</p></body></html>");
            assertThat(ContentType.detect(page)).isEqualTo(ContentType.HTML);
            assertThat(ContentType.disguised("work.html", ContentType.HTML)).isFalse();
            assertThat(ContentType.disguised("work.htm", ContentType.HTML)).isFalse();
            // A browser would run it: named as plain text or data, it is disguised.
            assertThat(ContentType.disguised("work.txt", ContentType.HTML)).isTrue();
            assertThat(ContentType.disguised("work.json", ContentType.HTML)).isTrue();
        }
    }

    @Nested
    class Mhtml {

        static byte[] savedByChrome() {
            return ascii("""
                    From: <Saved by Blink>\r
                    Snapshot-Content-Location: https://news.example.cn/2026/12/04/article.html\r
                    Subject: =?utf-8?Q?Article?=\r
                    Date: Fri, 4 Dec 2026 09:30:00 +0800\r
                    MIME-Version: 1.0\r
                    Content-Type: multipart/related;\r
                    \ttype="text/html";\r
                    \tboundary="----MultipartBoundary--x1----"\r
                    \r
                    \r
                    ------MultipartBoundary--x1----\r
                    Content-Type: text/html\r
                    Content-ID: <frame-1@mhtml.blink>\r
                    Content-Transfer-Encoding: quoted-printable\r
                    Content-Location: https://news.example.cn/2026/12/04/article.html\r
                    \r
                    <html><body><p>Article text</p><img src=3D"cid:img-1"></body></html>\r
                    ------MultipartBoundary--x1----\r
                    Content-Type: image/png\r
                    Content-Transfer-Encoding: base64\r
                    Content-Location: https://news.example.cn/logo.png\r
                    \r
                    iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC\r
                    ------MultipartBoundary--x1------\r
                    """);
        }

        @Test
        void aPageSavedByABrowserIsMhtml() {
            assertThat(ContentType.detect(savedByChrome())).isEqualTo(ContentType.MHTML);
            byte[] internetExplorer = ascii("From: <Saved by Windows Internet Explorer 8>\r\nSubject: page\r\nDate: Tue, 1 Mar 2016 10:00:00 +0800\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n--b\r\n"
                    + "Content-Type: text/html\r\n\r\n<html></html>\r\n--b--\r\n");
            assertThat(ContentType.detect(internetExplorer)).isEqualTo(ContentType.MHTML);
            assertThat(ContentType.disguised("article.mhtml", ContentType.MHTML)).isFalse();
            assertThat(ContentType.disguised("article.mht", ContentType.MHTML)).isFalse();
        }

        @Test
        void aSentHtmlMailWithInlineImagesStaysAnEmail() {
            byte[] mail = ascii("Received: from mx.example.cn by mail.example.com; Fri, 4 Dec 2026 09:30:00 +0800\r\n"
                    + "From: editor@example.cn\r\nTo: rights@example.com\r\nMessage-ID: <1@example.cn>\r\nSubject: news\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n"
                    + "<p>hi</p>\r\n--b--\r\n");
            assertThat(ContentType.detect(mail)).isEqualTo(ContentType.EML);
        }

        @Test
        void anMhtmlNamedAsAPageOrAnEmailIsDisguised() {
            assertThat(ContentType.disguised("article.html", ContentType.detect(savedByChrome()))).isTrue();
            assertThat(ContentType.disguised("article.eml", ContentType.detect(savedByChrome()))).isTrue();
            assertThat(ContentType.disguised("article.mhtml", ContentType.detect(utf8("<html><body>x</body></html>")))).isTrue();
        }
    }

    @Nested
    class Warc {

        static byte[] record(String version, byte[] payload) {
            byte[] http = concat(ascii("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + payload.length + "\r\n\r\n"), payload);
            return concat(ascii(version + "\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:6c1b8c3e-0b4e-4a53-9c1e-3f9d6a1b2c3d>\r\n"
                    + "WARC-Date: 2026-12-04T01:30:00Z\r\nWARC-Target-URI: https://news.example.cn/logo.png\r\n"
                    + "Content-Type: application/http;msgtype=response\r\nContent-Length: " + http.length + "\r\n\r\n"), http, ascii("\r\n\r\n"));
        }

        static byte[] gzipPerRecord(byte[]... records) {
            var out = new ByteArrayOutputStream();
            for (byte[] r : records) {
                out.writeBytes(gzip(r));
            }
            return out.toByteArray();
        }

        @Test
        void warc10And11RecordsAreWarcEvenWithBinaryPayloads() {
            assertThat(ContentType.detect(record("WARC/1.1", Samples.png()))).isEqualTo(ContentType.WARC);
            assertThat(ContentType.detect(record("WARC/1.0", utf8("<html>…</html>")))).isEqualTo(ContentType.WARC);
            assertThat(ContentType.disguised("capture.warc", ContentType.WARC)).isFalse();
        }

        @Test
        void gzipCompressedPerRecordIsWarcToo() {
            byte[] warcGz = gzipPerRecord(record("WARC/1.1", Samples.png()), record("WARC/1.1", utf8("second")));
            assertThat(ContentType.detect(warcGz)).isEqualTo(ContentType.WARC_GZIP);
            assertThat(ContentType.WARC_GZIP.mediaType()).isEqualTo("application/warc");
            assertThat(ContentType.disguised("capture.warc.gz", ContentType.WARC_GZIP)).isFalse();
            assertThat(ContentType.detect(gzip(utf8("just text")))).isEqualTo(ContentType.GZIP);
        }

        @Test
        void otherVersionsAndLookAlikesAreNot() {
            assertThat(ContentType.detect(ascii("WARC/0.17\r\nWARC-Type: warcinfo\r\n\r\n"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(ascii("WARC/1.10 is not a version\n"))).isEqualTo(ContentType.TEXT);
        }

        @Test
        void aWarcThatIsTextIsDisguised() {
            assertThat(ContentType.disguised("capture.warc", ContentType.detect(utf8("WARC-Type: response\nnot a record\n")))).isTrue();
            assertThat(ContentType.disguised("capture.warc.gz", ContentType.detect(Samples.pdf()))).isTrue();
            assertThat(ContentType.disguised("capture.txt", ContentType.WARC)).isTrue();
        }
    }

    @Nested
    class Wacz {

        static byte[] capture() {
            return ZipFixture.builder()
                    .file("datapackage.json", "{\"profile\": \"data-package\", \"wacz_version\": \"1.1.1\", \"resources\": []}")
                    .file("datapackage-digest.json", "{\"path\": \"datapackage.json\", \"hash\": \"sha256:00\"}")
                    .stored("archive/data.warc.gz", Warc.gzipPerRecord(Warc.record("WARC/1.1", Samples.png())))
                    .file("indexes/index.cdx", "cn,example,news)/logo.png 20261204013000 {}")
                    .file("pages/pages.jsonl", "{\"format\": \"json-pages-1.0\"}")
                    .build();
        }

        @Test
        void aCaptureIsAWaczAndExpandsSafelyWithItsWarcFiles() throws Exception {
            assertThat(ContentType.detect(capture())).isEqualTo(ContentType.WACZ);
            assertThat(ContentType.WACZ.zipPackage()).isTrue();
            var entries = SafeZip.expand(capture(), SafeZip.Limits.DEFAULT, SafeZip.NestedArchives.REFUSE);
            assertThat(entries).extracting(SafeZip.Entry::path).contains("archive/data.warc.gz", "datapackage.json");
            assertThat(ContentType.detect(entries.stream().filter(e -> e.path().endsWith(".warc.gz")).findFirst().orElseThrow().bytes()))
                    .isEqualTo(ContentType.WARC_GZIP);
        }

        @Test
        void aDatapackageWithoutWarcFilesIsAPlainZipAndDisguisedAsWacz() {
            byte[] plain = ZipFixture.zip("datapackage.json", "{}", "archive/readme.txt", "no captures");
            assertThat(ContentType.detect(plain)).isEqualTo(ContentType.ZIP);
            assertThat(ContentType.disguised("capture.wacz", ContentType.detect(plain))).isTrue();
            assertThat(ContentType.disguised("capture.zip", ContentType.detect(capture()))).isTrue();
        }

        @Test
        void aWaczWithATraversalOrAGzipBombInsideIsRefused() {
            byte[] traversal = ZipFixture.builder().file("datapackage.json", "{}").file("archive/a.warc", "WARC/1.1\r\n\r\n")
                    .file("archive/../../../x.warc", "WARC/1.1\r\n\r\n").build();
            assertThat(ContentType.detect(traversal)).isEqualTo(ContentType.WACZ);
            assertThatThrownBy(() -> SafeZip.expand(traversal, SafeZip.Limits.DEFAULT, SafeZip.NestedArchives.REFUSE))
                    .isInstanceOfSatisfying(UnsafeArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PATH_TRAVERSAL));
            byte[] nested = ZipFixture.builder().file("datapackage.json", "{}").file("archive/a.warc", "WARC/1.1\r\n\r\n")
                    .file("archive/other.warc.gz", gzip(utf8("not a capture"))).build();
            assertThatThrownBy(() -> SafeZip.expand(nested, SafeZip.Limits.DEFAULT, SafeZip.NestedArchives.REFUSE))
                    .isInstanceOfSatisfying(UnsafeArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NESTED_ARCHIVE));
        }
    }

    @Nested
    class WebP {

        @Test
        void aWebpImageIsWebpAndAPngNamedWebpIsDisguised() {
            assertThat(ContentType.detect(Samples.webp())).isEqualTo(ContentType.WEBP);
            assertThat(ContentType.disguised("cover.webp", ContentType.detect(Samples.webp()))).isFalse();
            assertThat(ContentType.disguised("cover.webp", ContentType.detect(Samples.png()))).isTrue();
            assertThat(ContentType.disguised("cover.png", ContentType.detect(Samples.webp()))).isTrue();
            // A RIFF file of another form (a WAV recording) is not a WebP image.
            assertThat(ContentType.detect(Samples.riff("WAVE", "fmt "))).isEqualTo(ContentType.WAV);
        }
    }

    static byte[] gzip(byte[] data) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
