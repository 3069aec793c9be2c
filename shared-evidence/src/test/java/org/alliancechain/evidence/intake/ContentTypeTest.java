package org.alliancechain.evidence.intake;

import static org.alliancechain.evidence.intake.Samples.ascii;
import static org.alliancechain.evidence.intake.Samples.bytes;
import static org.alliancechain.evidence.intake.Samples.concat;
import static org.alliancechain.evidence.intake.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ContentTypeTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("PDF", Samples.pdf(), ContentType.PDF),
                Arguments.of("PNG", Samples.png(), ContentType.PNG),
                Arguments.of("JPEG", Samples.jpeg(), ContentType.JPEG),
                Arguments.of("GIF", Samples.gif(), ContentType.GIF),
                Arguments.of("GIF87a", concat(ascii("GIF87a"), new byte[10]), ContentType.GIF),
                Arguments.of("WebP", Samples.webp(), ContentType.WEBP),
                Arguments.of("TIFF little-endian", Samples.tiff(), ContentType.TIFF),
                Arguments.of("TIFF big-endian", concat(bytes('M', 'M', 0, 0x2A, 0, 0, 0, 8), new byte[16]), ContentType.TIFF),
                Arguments.of("BMP", Samples.bmp(), ContentType.BMP),
                Arguments.of("HEIC", Samples.isoMedia("heic", "mif1", "heic"), ContentType.HEIC),
                Arguments.of("HEIF mif1", Samples.isoMedia("mif1", "heic"), ContentType.HEIC),
                Arguments.of("AVIF", Samples.isoMedia("avif", "mif1"), ContentType.AVIF),
                Arguments.of("AVIF by compatible brand", Samples.isoMedia("mif1", "avif"), ContentType.AVIF),
                Arguments.of("MP3 with ID3 tag", Samples.mp3WithId3(), ContentType.MP3),
                Arguments.of("MP3 frames", Samples.mp3Frames(), ContentType.MP3),
                Arguments.of("WAV", Samples.wav(), ContentType.WAV),
                Arguments.of("AMR", concat(ascii("#!AMR\n"), bytes(0x3C, 0x48, 0xF5)), ContentType.AMR),
                Arguments.of("AMR-WB", concat(ascii("#!AMR-WB\n"), bytes(0x04)), ContentType.AMR_WB),
                Arguments.of("FLAC", concat(ascii("fLaC"), bytes(0, 0, 0, 34)), ContentType.FLAC),
                Arguments.of("Ogg", concat(ascii("OggS"), bytes(0, 2, 0, 0)), ContentType.OGG),
                Arguments.of("M4A", Samples.isoMedia("M4A ", "M4A ", "mp42", "isom"), ContentType.M4A),
                Arguments.of("MP4 isom", Samples.isoMedia("isom", "isom", "iso2", "avc1", "mp41"), ContentType.MP4),
                Arguments.of("MP4 mp42", Samples.isoMedia("mp42", "mp42", "isom"), ContentType.MP4),
                Arguments.of("MOV", Samples.isoMedia("qt  ", "qt  "), ContentType.MOV),
                Arguments.of("3GP", Samples.isoMedia("3gp4", "isom", "3gp4"), ContentType.THREE_GP),
                Arguments.of("AVI", Samples.riff("AVI ", "LIST"), ContentType.AVI),
                Arguments.of("plain ZIP", Samples.plainZip(), ContentType.ZIP),
                Arguments.of("empty ZIP", concat(ascii("PK"), bytes(5, 6), new byte[18]), ContentType.ZIP),
                Arguments.of("DOCX", Samples.docx(), ContentType.DOCX),
                Arguments.of("XLSX", Samples.xlsx(), ContentType.XLSX),
                Arguments.of("PPTX", Samples.pptx(), ContentType.PPTX),
                Arguments.of("DOCM", Samples.docm(), ContentType.DOCM),
                Arguments.of("XLSM", ZipFixture.zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<w/>",
                        "xl/vbaProject.bin", "m"), ContentType.XLSM),
                Arguments.of("PPTM", ZipFixture.zip("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p/>",
                        "ppt/vbaProject.bin", "m"), ContentType.PPTM),
                Arguments.of("ODT", Samples.openDocument("application/vnd.oasis.opendocument.text"), ContentType.ODT),
                Arguments.of("ODT template", Samples.openDocument("application/vnd.oasis.opendocument.text-template"), ContentType.ODT),
                Arguments.of("ODS", Samples.openDocument("application/vnd.oasis.opendocument.spreadsheet"), ContentType.ODS),
                Arguments.of("ODP", Samples.openDocument("application/vnd.oasis.opendocument.presentation"), ContentType.ODP),
                Arguments.of("ODG", Samples.openDocument("application/vnd.oasis.opendocument.graphics"), ContentType.ODG),
                Arguments.of("unknown OpenDocument is a ZIP", Samples.openDocument("application/vnd.oasis.opendocument.chart"), ContentType.ZIP),
                Arguments.of("EPUB", Samples.openDocument("application/epub+zip"), ContentType.EPUB),
                Arguments.of("JAR", ZipFixture.zip("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n", "a/Main.class", "x"), ContentType.JAR),
                Arguments.of("APK", ZipFixture.zip("AndroidManifest.xml", "x", "classes.dex", "dex\n035"), ContentType.APK),
                Arguments.of("DOC", Samples.compoundFile(new byte[16], "WordDocument", "1Table", "\u0005SummaryInformation"), ContentType.DOC),
                Arguments.of("XLS", Samples.compoundFile(new byte[16], "Workbook"), ContentType.XLS),
                Arguments.of("XLS (Excel 5)", Samples.compoundFile(new byte[16], "Book"), ContentType.XLS),
                Arguments.of("PPT", Samples.compoundFile(new byte[16], "PowerPoint Document", "Current User"), ContentType.PPT),
                Arguments.of("Outlook MSG", Samples.compoundFile(new byte[16], "__properties_version1.0",
                        "__substg1.0_0037001F"), ContentType.MSG),
                Arguments.of("MSI", Samples.compoundFile(Samples.classId("000C1084-0000-0000-C000-000000000046"), "\u4840\u3f3f"), ContentType.MSI),
                Arguments.of("encrypted DOCX", Samples.compoundFile(new byte[16], "EncryptionInfo", "EncryptedPackage"),
                        ContentType.ENCRYPTED_OFFICE),
                Arguments.of("other OLE2", Samples.compoundFile(new byte[16], "VisioDocument"), ContentType.OLE),
                Arguments.of("truncated OLE2", bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0), ContentType.OLE),
                Arguments.of("RTF", ascii("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello}"), ContentType.RTF),
                Arguments.of("7z", concat(bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4), new byte[24]), ContentType.SEVEN_ZIP),
                Arguments.of("RAR 5", concat(ascii("Rar!"), bytes(0x1A, 0x07, 0x01, 0x00), new byte[8]), ContentType.RAR),
                Arguments.of("gzip", Samples.gzip(utf8("evidence")), ContentType.GZIP),
                Arguments.of("bzip2", concat(ascii("BZh9"), bytes(0x31, 0x41, 0x59, 0x26, 0x53, 0x59), new byte[8]), ContentType.BZIP2),
                Arguments.of("xz", concat(bytes(0xFD, '7', 'z', 'X', 'Z', 0), new byte[6]), ContentType.XZ),
                Arguments.of("tar", Samples.tar(), ContentType.TAR),
                Arguments.of("ELF", Samples.elf(), ContentType.ELF),
                Arguments.of("Windows PE", Samples.windowsExe(), ContentType.WINDOWS_EXE),
                Arguments.of("DOS MZ without PE header", concat(ascii("MZ"), bytes(0x90, 0, 3, 0, 0, 0, 4, 0)), ContentType.WINDOWS_EXE),
                Arguments.of("Mach-O 64-bit", concat(bytes(0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1), new byte[24]), ContentType.MACH_O),
                Arguments.of("Mach-O 32-bit big-endian", concat(bytes(0xFE, 0xED, 0xFA, 0xCE), new byte[24]), ContentType.MACH_O),
                Arguments.of("Mach-O universal", concat(bytes(0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 2), new byte[40]), ContentType.MACH_O),
                Arguments.of("Java class", concat(bytes(0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 65), new byte[10]), ContentType.JAVA_CLASS),
                Arguments.of("shell script", utf8("#!/bin/sh\nrm -rf /\n"), ContentType.SCRIPT),
                Arguments.of("Python script", utf8("#!/usr/bin/env python3\nprint('hi')\n"), ContentType.SCRIPT),
                Arguments.of("empty", new byte[0], ContentType.EMPTY),
                Arguments.of("random bytes", Samples.noise(4096, 7), ContentType.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recognisesEachTypeByContent(String description, byte[] content, ContentType expected) {
        assertThat(ContentType.detect(content)).isEqualTo(expected);
    }

    @Test
    void everyTypeIsListedOnceWithADistinctMediaTypeOrLabel() {
        Set<String> seen = new HashSet<>();
        for (ContentType type : ContentType.ALL) {
            assertThat(seen.add(type.mediaType() + "|" + type.label())).as(type.label()).isTrue();
            assertThat(type.label()).isNotBlank();
            assertThat(type.mediaType()).contains("/");
        }
        assertThat(ContentType.ALL).contains(ContentType.UNKNOWN, ContentType.EMPTY);
    }

    @Test
    void answersMediaTypeLabelAndCanonicalExtension() {
        ContentType pdf = ContentType.detect(Samples.pdf());
        assertThat(pdf.mediaType()).isEqualTo("application/pdf");
        assertThat(pdf.label()).isEqualTo("PDF document");
        assertThat(pdf.extension()).isEqualTo("pdf");
        assertThat(pdf.kind()).isEqualTo(ContentType.Kind.DOCUMENT);
        assertThat(ContentType.detect(Samples.docx()).extension()).isEqualTo("docx");
        assertThat(ContentType.detect(Samples.jpeg()).extension()).isEqualTo("jpg");
        assertThat(ContentType.UNKNOWN.mediaType()).isEqualTo("application/octet-stream");
    }

    @Test
    void executablesAreFlaggedSoCallersCanRefuseThem() {
        for (byte[] program : new byte[][] {Samples.elf(), Samples.windowsExe(), utf8("#!/bin/bash\n"),
                ZipFixture.zip("META-INF/MANIFEST.MF", "x", "Main.class", "x"),
                Samples.compoundFile(Samples.classId("000C1084-0000-0000-C000-000000000046"))}) {
            assertThat(ContentType.detect(program).executable()).isTrue();
            assertThat(ContentType.detect(program).kind()).isEqualTo(ContentType.Kind.EXECUTABLE);
        }
        assertThat(ContentType.detect(Samples.pdf()).executable()).isFalse();
        assertThat(ContentType.detect(Samples.plainZip()).executable()).isFalse();
    }

    @Test
    void docxAndPlainZipAreToldApart() {
        assertThat(ContentType.detect(Samples.docx())).isEqualTo(ContentType.DOCX);
        assertThat(ContentType.detect(Samples.plainZip())).isEqualTo(ContentType.ZIP);
        // A folder named word/ is not enough without [Content_Types].xml.
        assertThat(ContentType.detect(ZipFixture.zip("word/document.xml", "<x/>"))).isEqualTo(ContentType.ZIP);
        // A damaged ZIP is still a ZIP (SafeZip says what is wrong with it).
        byte[] docx = Samples.docx();
        assertThat(ContentType.detect(java.util.Arrays.copyOf(docx, docx.length - 10))).isEqualTo(ContentType.ZIP);
    }

    @Test
    void aZipWithSomethingPrependedIsWhatItsFirstBytesSay() {
        // A self-extracting archive is a program, whatever it carries.
        byte[] selfExtracting = ZipFixture.builder().prefix(Samples.windowsExe()).file("a.txt", "a").build();
        assertThat(ContentType.detect(selfExtracting)).isEqualTo(ContentType.WINDOWS_EXE);
    }

    @Nested
    class Text {

        @Test
        void utf8TextInAnyScriptIsPlainText() {
            assertThat(ContentType.detect(utf8("仲裁申请书\n申请人：张三\t日期：2024年1月1日\r\n"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("Hello\fpage two"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(concat(bytes(0xEF, 0xBB, 0xBF), utf8("with a byte order mark")))).isEqualTo(ContentType.TEXT);
        }

        @Test
        void utf16WithByteOrderMarkIsText() {
            assertThat(ContentType.detect(concat(bytes(0xFF, 0xFE), "记事本 Notepad".getBytes(StandardCharsets.UTF_16LE))))
                    .isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(concat(bytes(0xFE, 0xFF), "big endian".getBytes(StandardCharsets.UTF_16BE))))
                    .isEqualTo(ContentType.TEXT);
            // An odd number of bytes after the mark is not UTF-16.
            assertThat(ContentType.detect(concat(bytes(0xFF, 0xFE), ascii("abc")))).isNotEqualTo(ContentType.TEXT);
        }

        @Test
        void controlCharactersAndInvalidUtf8AreNotText() {
            assertThat(ContentType.detect(utf8("abc\u0000def"))).isEqualTo(ContentType.UNKNOWN);
            assertThat(ContentType.detect(utf8("\u001B[31mred\u001B[0m"))).isEqualTo(ContentType.UNKNOWN);
            assertThat(ContentType.detect(utf8("delete\u007F"))).isEqualTo(ContentType.UNKNOWN);
            assertThat(ContentType.detect(utf8("c1\u0085control"))).isEqualTo(ContentType.UNKNOWN);
            assertThat(ContentType.detect(bytes('a', 0xC3))).isEqualTo(ContentType.UNKNOWN); // cut short
            assertThat(ContentType.detect(bytes(0xC0, 0xAF))).isEqualTo(ContentType.UNKNOWN); // overlong "/"
            assertThat(ContentType.detect(bytes(0xED, 0xA0, 0x80))).isEqualTo(ContentType.UNKNOWN); // a surrogate
            // GBK is not UTF-8: legacy encodings are not recognised as text.
            assertThat(ContentType.detect("合同".getBytes(Charset.forName("GBK")))).isEqualTo(ContentType.UNKNOWN);
        }

        @Test
        void controlCharactersLateInALargeFileStillCount() {
            byte[] large = concat(Samples.repeat((byte) 'a', 3 * 1024 * 1024), bytes(0));
            assertThat(ContentType.detect(large)).isEqualTo(ContentType.UNKNOWN);
            assertThat(ContentType.detect(Samples.repeat((byte) 'a', 3 * 1024 * 1024))).isEqualTo(ContentType.TEXT);
        }

        @Test
        void json() {
            assertThat(ContentType.detect(utf8("{\"case\": \"(2024)杭仲字第1号\", \"amount\": -1.5e3, \"ok\": [true, false, null]}")))
                    .isEqualTo(ContentType.JSON);
            assertThat(ContentType.detect(utf8("  [1, 2, {\"a\": \"\\u00e9\\n\"}]\n"))).isEqualTo(ContentType.JSON);
            assertThat(ContentType.detect(utf8("{not json}"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("{\"a\": 01}"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("{\"a\": 1,}"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("{\"a\": 1} trailing"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("[".repeat(300) + "]".repeat(300)))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("42"))).isEqualTo(ContentType.TEXT);
        }

        @Test
        void largeJsonIsJudgedByItsEnds() {
            String body = "{\"items\": [" + "\"x\",".repeat(400_000) + "\"end\"]}";
            assertThat(ContentType.detect(utf8(body))).isEqualTo(ContentType.JSON);
        }

        @Test
        void markup() {
            assertThat(ContentType.detect(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<invoice><total>1</total></invoice>")))
                    .isEqualTo(ContentType.XML);
            assertThat(ContentType.detect(utf8("<invoice><total>1</total></invoice>\n"))).isEqualTo(ContentType.XML);
            assertThat(ContentType.detect(utf8("<!DOCTYPE html>\n<html><body>x</body></html>"))).isEqualTo(ContentType.HTML);
            assertThat(ContentType.detect(utf8("<!-- c --><HTML><script>alert(1)</script></HTML>"))).isEqualTo(ContentType.HTML);
            assertThat(ContentType.detect(utf8("<script>alert(1)</script>"))).isEqualTo(ContentType.HTML);
            assertThat(ContentType.detect(utf8("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>")))
                    .isEqualTo(ContentType.HTML);
            assertThat(ContentType.detect(utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg/>")))
                    .isEqualTo(ContentType.SVG);
            assertThat(ContentType.detect(utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")))
                    .isEqualTo(ContentType.SVG);
            assertThat(ContentType.detect(utf8("<3 this is just text"))).isEqualTo(ContentType.TEXT);
        }

        @Test
        void tables() {
            assertThat(ContentType.detect(utf8("date,amount,payee\n2024-01-01,100,\"Acme, Ltd\"\n2024-01-02,200,Nova\n")))
                    .isEqualTo(ContentType.CSV);
            assertThat(ContentType.detect(utf8("日期;金额\r\n2024-01-01;100\r\n"))).isEqualTo(ContentType.CSV);
            assertThat(ContentType.detect(utf8("date\tamount\n2024-01-01\t100\n2024-01-02\t200"))).isEqualTo(ContentType.TSV);
            assertThat(ContentType.detect(utf8("Dear Sir, I write\nabout the contract.\n"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("a,b\n\nc,d\n"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("a,b\n\"unterminated,c\n"))).isEqualTo(ContentType.TEXT);
        }

        @Test
        void email() {
            String mail = "Return-Path: <alice@example.com>\r\nReceived: from mx.example.com\r\n\tby mx2.example.com\r\n"
                    + "From: Alice <alice@example.com>\r\nTo: bob@example.com\r\nSubject: =?UTF-8?B?5ZCI5ZCM?=\r\n"
                    + "Date: Mon, 1 Jan 2024 10:00:00 +0800\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\n\r\nHello Bob.\r\n";
            assertThat(ContentType.detect(utf8(mail))).isEqualTo(ContentType.EML);
            assertThat(ContentType.detect(utf8("Subject: notes\nDate: today\n\nno sender"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("Note: From: is not a header block\n"))).isEqualTo(ContentType.TEXT);
        }

        @Test
        void textThatMerelyStartsLikeABinaryFormatIsText() {
            assertThat(ContentType.detect(utf8("MZ,Mozambique\nZA,South Africa\n"))).isEqualTo(ContentType.CSV);
            assertThat(ContentType.detect(utf8("BMW and Mercedes are car makers, and this is a sentence long enough."))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("ID3 tags are for audio"))).isEqualTo(ContentType.TEXT);
            assertThat(ContentType.detect(utf8("PK is a set of initials"))).isEqualTo(ContentType.TEXT);
        }
    }

    @Nested
    class Audio {

        @Test
        void mpegFrameLengthFollowsTheStandard() {
            assertThat(ContentType.mpegFrameLength(bytes(0xFF, 0xFB, 0x90, 0x64), 0)).isEqualTo(417);
            assertThat(ContentType.mpegFrameLength(bytes(0xFF, 0xFB, 0x92, 0x64), 0)).isEqualTo(418); // padded
            assertThat(ContentType.mpegFrameLength(bytes(0xFF, 0xF3, 0x90, 0x64), 0)).isEqualTo(261); // MPEG-2 layer III, 80 kbit/s, 22.05 kHz
            assertThat(ContentType.mpegFrameLength(bytes(0xFF, 0xFB, 0xF0, 0x64), 0)).isEqualTo(-1); // bitrate index 15
            assertThat(ContentType.mpegFrameLength(bytes(0xFF, 0xFB, 0x9C, 0x64), 0)).isEqualTo(-1); // sample rate index 3
            assertThat(ContentType.mpegFrameLength(bytes(0xFF, 0xE9, 0x90, 0x64), 0)).isEqualTo(-1); // reserved version
        }

        @Test
        void aLoneFrameSyncIsNotEnough() {
            byte[] frames = Samples.mp3Frames();
            frames[417] = 0; // the second frame is missing
            assertThat(ContentType.detect(frames)).isEqualTo(ContentType.UNKNOWN);
            assertThat(ContentType.detect(bytes(0xFF, 0xFB, 0x90, 0x64))).isEqualTo(ContentType.UNKNOWN); // shorter than a frame
        }
    }

    @Nested
    class Disguise {

        @ParameterizedTest(name = "{0} holding {1} -> disguised: {2}")
        @CsvSource({
                "invoice.pdf, WINDOWS_EXE, true",
                "invoice.pdf, ZIP, true",
                "invoice.pdf, PDF, false",
                "INVOICE.PDF, PDF, false",
                "invoice.pdf., WINDOWS_EXE, true",
                "'invoice.pdf  ', WINDOWS_EXE, true",
                "invoice.pdf.exe, PDF, true",
                "contract.docx, ZIP, true",
                "contract.docx, DOCX, false",
                "contract.docx, DOCM, true",
                "contract.dotx, DOCX, false",
                "bundle.zip, DOCX, true",
                "bundle.zip, ZIP, false",
                "photo.jpg, JPEG, false",
                "photo.jpeg, JPEG, false",
                "photo.jpg, PNG, true",
                "photo.jpg, UNKNOWN, true",
                "photo.heic, HEIC, false",
                "recording.m4a, M4A, false",
                "recording.mp3, MP4, true",
                "notes.txt, JSON, false",
                "data.csv, TEXT, false",
                "data.json, TEXT, false",
                "page.html, TEXT, false",
                "notes.txt, SCRIPT, true",
                "run.sh, SCRIPT, false",
                "report.xyz, ELF, true",
                "evidence.dat, PDF, false",
                "evidence, WINDOWS_EXE, false",
                "setup.exe, WINDOWS_EXE, false",
                "setup.exe, TEXT, true",
                "empty.pdf, EMPTY, false",
                "old.doc, DOC, false",
                "old.doc, OLE, false",
                "old.doc, RTF, true",
                "folder/sub\\invoice.pdf, ZIP, true",
                "'.profile', ELF, false",
                "letter.wps, DOC, false",
        })
        void nameAgainstContent(String name, String detected, boolean disguised) throws Exception {
            ContentType type = (ContentType) ContentType.class.getField(detected).get(null);
            assertThat(ContentType.disguised(name, type)).isEqualTo(disguised);
        }

        @Test
        void theBriefsExample() {
            assertThat(ContentType.disguised("invoice.pdf", ContentType.detect(Samples.windowsExe()))).isTrue();
            assertThat(ContentType.disguised("invoice.pdf", ContentType.detect(Samples.plainZip()))).isTrue();
            assertThat(ContentType.disguised("invoice.pdf", ContentType.detect(Samples.pdf()))).isFalse();
            assertThat(ContentType.disguised(null, ContentType.detect(Samples.windowsExe()))).isFalse();
        }

        @ParameterizedTest
        @CsvSource({"a.exe, true", "a.BAT, true", "a.ps1, true", "a.js, true", "a.jar, true", "a.lnk, true", "a.sh, true",
                "a.pdf, false", "a.txt, false", "exe, false", "a.exe.pdf, false"})
        void executableNames(String name, boolean executable) {
            assertThat(ContentType.executableName(name)).isEqualTo(executable);
        }

        @Test
        void extensions() {
            assertThat(ContentType.extensionOf("证据/合同.PDF")).contains("pdf");
            assertThat(ContentType.extensionOf("archive.tar.gz")).contains("gz");
            assertThat(ContentType.extensionOf("C:\\Users\\a\\b.Docx")).contains("docx");
            assertThat(ContentType.extensionOf(".profile")).isEmpty();
            assertThat(ContentType.extensionOf("name.")).isEmpty();
            assertThat(ContentType.extensionOf("dir.d/file")).isEmpty();
            assertThat(ContentType.extensionOf("")).isEmpty();
            assertThat(ContentType.extensionOf(null)).isEmpty();
        }
    }

    @Test
    void neverThrowsOnAnyContent() {
        Random random = new Random(42);
        byte[][] seeds = {Samples.docx(), Samples.openDocument("application/vnd.oasis.opendocument.text"),
                Samples.compoundFile(new byte[16], "WordDocument"), Samples.mp3Frames(), Samples.bmp(),
                Samples.isoMedia("heic", "mif1"), utf8("{\"a\": [1, 2]}"), utf8("<?xml version=\"1.0\"?><a/>"), Samples.windowsExe()};
        for (int round = 0; round < 3000; round++) {
            byte[] seed = seeds[round % seeds.length];
            byte[] mutated = random.nextBoolean() ? seed.clone() : java.util.Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            for (int flips = random.nextInt(8); flips >= 0 && mutated.length > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            assertThatCode(() -> ContentType.detect(mutated)).doesNotThrowAnyException();
        }
        for (int length = 0; length < 600; length++) {
            byte[] noise = Samples.noise(length, length);
            assertThatCode(() -> ContentType.detect(noise)).doesNotThrowAnyException();
        }
    }
}
