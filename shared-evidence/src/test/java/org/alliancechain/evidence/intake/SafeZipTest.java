package org.alliancechain.evidence.intake;

import static org.alliancechain.evidence.intake.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.alliancechain.evidence.intake.SafeZip.Entry;
import org.alliancechain.evidence.intake.SafeZip.Limits;
import org.alliancechain.evidence.intake.SafeZip.NestedArchives;
import org.alliancechain.evidence.intake.UnsafeArchiveException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeZipTest {

    private static final long MB = 1024 * 1024;
    private static final Limits LIMITS = Limits.DEFAULT;

    private static UnsafeArchiveException refusal(byte[] archive) {
        return refusal(archive, LIMITS);
    }

    private static UnsafeArchiveException refusal(byte[] archive, Limits limits) {
        UnsafeArchiveException e = catchThrowableOfType(UnsafeArchiveException.class, () -> SafeZip.expand(archive, limits));
        assertThat(e).as("the archive should have been refused").isNotNull();
        return e;
    }

    @Nested
    class HappyPath {

        @Test
        void expandsNestedFoldersAndUtf8NamesInOrder() throws Exception {
            Map<String, byte[]> content = new LinkedHashMap<>();
            content.put("证据/", new byte[0]);
            content.put("证据/合同.pdf", Samples.pdf());
            content.put("证据/聊天记录/2024-01-01.txt", utf8("甲：你好\n乙：你好\n"));
            content.put("photos/2024/01/IMG_0001.jpg", Samples.jpeg());
            content.put("readme.txt", utf8("Evidence bundle"));
            List<Entry> entries = SafeZip.expand(ZipFixture.zip(content), LIMITS);

            assertThat(entries).extracting(Entry::path).containsExactly(
                    "证据/合同.pdf", "证据/聊天记录/2024-01-01.txt", "photos/2024/01/IMG_0001.jpg", "readme.txt");
            assertThat(entries.get(0).bytes()).isEqualTo(Samples.pdf());
            assertThat(entries.get(0).size()).isEqualTo(Samples.pdf().length);
            assertThat(ContentType.detect(entries.get(0).bytes())).isEqualTo(ContentType.PDF);
            assertThat(new String(entries.get(1).bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("甲：你好\n乙：你好\n");
            assertThat(entries).isUnmodifiable();
        }

        @Test
        void storedAndDeflatedEntriesAndLargeFilesWithinLimits() throws Exception {
            byte[] noise = Samples.noise((int) (3 * MB), 1);
            byte[] archive = ZipFixture.builder()
                    .stored("stored.bin", noise)
                    .file("deflated.bin", noise)
                    .file("empty.txt", new byte[0])
                    .build();
            List<Entry> entries = SafeZip.expand(archive, LIMITS);
            assertThat(entries).extracting(Entry::path).containsExactly("stored.bin", "deflated.bin", "empty.txt");
            assertThat(entries.get(0).bytes()).isEqualTo(noise);
            assertThat(entries.get(1).bytes()).isEqualTo(noise);
            assertThat(entries.get(2).bytes()).isEmpty();
        }

        @Test
        void pathsAreNormalised() throws Exception {
            byte[] archive = ZipFixture.builder()
                    .file("./a//b/./c.txt", "1")
                    .file("windows\\style\\path.txt", "2")
                    .file("cafe\u0301.txt", "3") // NFD, as macOS writes it
                    .build();
            assertThat(SafeZip.expand(archive, LIMITS)).extracting(Entry::path)
                    .containsExactly("a/b/c.txt", "windows/style/path.txt", "caf\u00e9.txt");
        }

        @Test
        void foldersAreSkippedWhetherMarkedBySlashOrByMode() throws Exception {
            byte[] archive = ZipFixture.builder()
                    .folder("docs/")
                    .folder("docs\\sub\\")
                    .stored("unix-folder", new byte[0]).with(i -> i.externalAttributes = ZipFixture.UNIX_DIRECTORY)
                    .file("docs/sub/a.txt", "a")
                    .build();
            assertThat(SafeZip.expand(archive, LIMITS)).extracting(Entry::path).containsExactly("docs/sub/a.txt");
        }

        @Test
        void namesInGbkWithoutTheUtf8FlagAreRead() throws Exception {
            byte[] archive = ZipFixture.builder().file("证据/合同.pdf", Charset.forName("GBK"), Samples.pdf()).build();
            assertThat(SafeZip.expand(archive, LIMITS)).extracting(Entry::path).containsExactly("证据/合同.pdf");
        }

        @Test
        void zip64ArchivesAreRead() throws Exception {
            byte[] archive = ZipFixture.builder().file("a.txt", "alpha").stored("b/c.txt", utf8("gamma")).zip64().build();
            List<Entry> entries = SafeZip.expand(archive, LIMITS);
            assertThat(entries).extracting(Entry::path).containsExactly("a.txt", "b/c.txt");
            assertThat(entries.get(1).bytes()).isEqualTo(utf8("gamma"));
        }

        @Test
        void anArchiveCommentIsFine() throws Exception {
            byte[] archive = ZipFixture.builder().file("a.txt", "a").comment("made by hand PK\u0005\u0006").build();
            assertThat(SafeZip.expand(archive, LIMITS)).hasSize(1);
        }

        @Test
        void entriesDescribedByDataDescriptorsAreRead() throws Exception {
            // ZipOutputStream writes deflated entries with general-purpose bit 3 and zero sizes in the local header.
            byte[] archive = ZipFixture.zip("a.txt", "x".repeat(10_000));
            assertThat(ZipDirectory.u16(archive, 6) & 0x08).isEqualTo(0x08);
            assertThat(SafeZip.expand(archive, LIMITS).get(0).bytes()).hasSize(10_000);
        }

        @Test
        void fromAStream() throws Exception {
            byte[] archive = ZipFixture.zip("a.txt", "a", "b.txt", "b");
            List<Entry> entries = SafeZip.expand(new ByteArrayInputStream(archive), archive.length, LIMITS);
            assertThat(entries).extracting(Entry::path).containsExactly("a.txt", "b.txt");
        }

        @Test
        void entriesCompareByContent() {
            assertThat(new Entry("a", utf8("x"))).isEqualTo(new Entry("a", utf8("x")))
                    .hasSameHashCodeAs(new Entry("a", utf8("x")))
                    .isNotEqualTo(new Entry("a", utf8("y")));
            assertThat(new Entry("a", utf8("xy")).toString()).isEqualTo("Entry[a, 2 bytes]");
        }
    }

    @Nested
    class PathTraversal {

        @ParameterizedTest
        @ValueSource(strings = {"../../etc/passwd", "..", "a/../../b.txt", "a/../b.txt", "..\\..\\windows\\win.ini",
                "evidence/..\\..\\x", "a/.../b", "a/.. /b", "\uFF0E\uFF0E/x", "..\uFF0Fx", "\u2025/x"})
        void dotDotSegmentsAreRefused(String name) {
            UnsafeArchiveException e = refusal(ZipFixture.builder().file("ok.txt", "ok").file(name, "x").build());
            assertThat(e.reason()).isEqualTo(Reason.PATH_TRAVERSAL);
            assertThat(e.entryName()).contains(name);
        }

        @Test
        void theMessageNamesTheEntry() {
            UnsafeArchiveException e = refusal(ZipFixture.zip("../../etc/passwd", "root:x:0:0"));
            assertThat(e).hasMessage("archive entry '../../etc/passwd' leaves the archive's folder");
        }

        @Test
        void aTraversingFolderIsRefusedToo() {
            assertThat(refusal(ZipFixture.builder().folder("../up/").file("a.txt", "a").build()).reason())
                    .isEqualTo(Reason.PATH_TRAVERSAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/etc/passwd", "\\windows\\system32\\x.dll", "C:\\Windows\\x.txt", "c:/x.txt", "C:x.txt",
                "\\\\server\\share\\x.txt", "//server/share/x.txt", "\uFF0Fetc/passwd"})
        void absolutePathsAreRefused(String name) {
            UnsafeArchiveException e = refusal(ZipFixture.builder().file(name, "x").build());
            assertThat(e.reason()).isEqualTo(Reason.ABSOLUTE_PATH);
            assertThat(e.getMessage()).contains("is an absolute path");
        }

        @Test
        void aFullWidthColonIsNotADrive() throws Exception {
            assertThat(SafeZip.expand(ZipFixture.zip("A：合同.pdf", "x"), LIMITS)).extracting(Entry::path).containsExactly("A：合同.pdf");
        }

        @Test
        void nulAndControlCharactersInNamesAreRefused() {
            UnsafeArchiveException nul = refusal(ZipFixture.builder().file("invoice.pdf\u0000.exe", "x").build());
            assertThat(nul.reason()).isEqualTo(Reason.BAD_NAME);
            assertThat(nul).hasMessage("archive entry name 'invoice.pdf\\u0000.exe' contains a control or invisible formatting character");
            assertThat(refusal(ZipFixture.builder().file("bell\u0007.txt", "x").build()).reason()).isEqualTo(Reason.BAD_NAME);
            assertThat(refusal(ZipFixture.builder().file("line\nbreak.txt", "x").build()).reason()).isEqualTo(Reason.BAD_NAME);
        }

        @Test
        void bidiOverridesThatDisguiseExtensionsAreRefused() {
            // Displays as "invoiceexe.pdf".
            UnsafeArchiveException e = refusal(ZipFixture.builder().file("invoice\u202Efdp.exe", "x").build());
            assertThat(e.reason()).isEqualTo(Reason.BAD_NAME);
            assertThat(e.getMessage()).contains("invoice\\u202Efdp.exe");
        }

        @Test
        void aFileWithoutANameIsRefused() {
            assertThat(refusal(ZipFixture.builder().file("./", "x").with(i -> i.name = utf8("."))
                    .build()).reason()).isEqualTo(Reason.BAD_NAME);
        }
    }

    @Nested
    class Links {

        @Test
        void symbolicLinksAreRefused() {
            UnsafeArchiveException e = refusal(ZipFixture.builder()
                    .file("a.txt", "a")
                    .symlink("passwd", "/etc/passwd")
                    .build());
            assertThat(e.reason()).isEqualTo(Reason.LINK);
            assertThat(e.entryName()).contains("passwd");
            assertThat(e).hasMessage("archive entry 'passwd' is a symbolic link; links are not accepted");
        }

        @Test
        void symbolicLinksPatchedIntoAZipOutputStreamArchiveAreRefused() throws Exception {
            byte[] archive = ZipFixture.zip("docs/a.txt", "a", "docs/link", "../../../etc/shadow");
            assertThat(SafeZip.expand(archive, LIMITS)).hasSize(2); // as written: two files
            byte[] patched = ZipFixture.withExternalAttributes(archive, "docs/link", ZipFixture.UNIX_SYMLINK);
            assertThat(refusal(patched).reason()).isEqualTo(Reason.LINK);
        }

        @Test
        void devicesAndFifosAreRefused() {
            assertThat(refusal(ZipFixture.builder().stored("tty", new byte[0])
                    .with(i -> i.externalAttributes = ZipFixture.UNIX_CHARACTER_DEVICE).build()))
                    .hasMessageContaining("is a device or other special file")
                    .extracting(UnsafeArchiveException::reason).isEqualTo(Reason.LINK);
            assertThat(refusal(ZipFixture.builder().stored("pipe", new byte[0])
                    .with(i -> i.externalAttributes = ZipFixture.UNIX_FIFO).build()).reason()).isEqualTo(Reason.LINK);
        }

        @Test
        void msDosAttributesAreNotMistakenForUnixModes() throws Exception {
            byte[] archive = ZipFixture.builder().file("a.txt", "a")
                    .with(i -> {
                        i.versionMadeBy = 20; // MS-DOS
                        i.externalAttributes = 0x20; // archive bit
                    }).build();
            assertThat(SafeZip.expand(archive, LIMITS)).hasSize(1);
        }
    }

    @Nested
    class ZipBombs {

        @Test
        void tooManyEntries() {
            byte[] archive = ZipFixture.zip("1", "1", "2", "2", "3", "3", "4", "4");
            UnsafeArchiveException e = refusal(archive, new Limits(3, MB, MB, 100));
            assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ENTRIES);
            assertThat(e).hasMessage("archive holds more than 3 entries (files and folders)");
            assertThatCode(() -> SafeZip.expand(archive, new Limits(4, MB, MB, 100))).doesNotThrowAnyException();
        }

        @Test
        void anEntryLargerThanAllowed() {
            byte[] archive = ZipFixture.builder().file("big.bin", Samples.noise((int) (2 * MB), 3)).build();
            UnsafeArchiveException e = refusal(archive, new Limits(10, MB, 10 * MB, 100));
            assertThat(e.reason()).isEqualTo(Reason.ENTRY_TOO_LARGE);
            assertThat(e).hasMessage("archive entry 'big.bin' expands beyond 1 MB");
        }

        @Test
        void anEntryThatLiesAboutItsSizeIsCaughtWhileInflating() {
            for (int method : new int[] {0, 8}) {
                byte[] archive = ZipFixture.builder().file("liar.bin", Samples.noise((int) (2 * MB), 4))
                        .with(i -> {
                            i.method = method;
                            i.declaredSize = 100L;
                            if (method == 0) {
                                i.compressedOverride = i.data;
                                i.declaredCompressedSize = (long) i.data.length;
                            }
                        })
                        .build();
                UnsafeArchiveException e = refusal(archive, new Limits(10, MB, 10 * MB, 100));
                assertThat(e.reason()).as("method " + method).isIn(Reason.ENTRY_TOO_LARGE, Reason.DAMAGED);
                if (method == 8) {
                    assertThat(e.reason()).isEqualTo(Reason.ENTRY_TOO_LARGE);
                }
            }
        }

        @Test
        void allEntriesTogetherLargerThanAllowed() {
            byte[] archive = ZipFixture.builder()
                    .file("a.bin", Samples.noise((int) (600 * 1024), 5))
                    .file("b.bin", Samples.noise((int) (600 * 1024), 6))
                    .build();
            UnsafeArchiveException e = refusal(archive, new Limits(10, MB, MB, 100));
            assertThat(e.reason()).isEqualTo(Reason.TOTAL_TOO_LARGE);
            assertThat(e).hasMessage("archive expands beyond 1 MB");
        }

        @Test
        void entriesThatLieAboutTheirSizesAreCountedWhileInflating() {
            // Declared: 600 KB + 10 bytes, within 1 MB. Actual: 1.2 MB, caught while the second entry inflates.
            byte[] archive = ZipFixture.builder()
                    .file("a.bin", Samples.noise((int) (600 * 1024), 5))
                    .file("b.bin", Samples.noise((int) (600 * 1024), 6)).with(i -> i.declaredSize = 10L)
                    .build();
            assertThat(refusal(archive, new Limits(10, MB, MB, 100)).reason()).isEqualTo(Reason.TOTAL_TOO_LARGE);
            // Within the limits the lie itself is refused: the entry is not the size it declares.
            assertThat(refusal(archive, new Limits(10, MB, 10 * MB, 100))).hasMessage(
                    "the archive is damaged: entry 'b.bin' is not the size the archive declares");
        }

        @Test
        void aBombThatDeclaresATinySizeIsCaughtByItsRatio() {
            byte[] archive = ZipFixture.builder().file("tiny.txt", new byte[(int) (20 * MB)]).with(i -> i.declaredSize = 10L).build();
            assertThat(refusal(archive, new Limits(10, 100 * MB, 100 * MB, 100)).reason()).isEqualTo(Reason.COMPRESSION_RATIO);
        }

        @Test
        void highlyCompressedLargeEntriesAreRefused() {
            byte[] zeros = new byte[(int) (5 * MB)];
            byte[] archive = ZipFixture.builder().file("bomb.bin", zeros).build();
            UnsafeArchiveException e = refusal(archive, new Limits(10, 100 * MB, 100 * MB, 100));
            assertThat(e.reason()).isEqualTo(Reason.COMPRESSION_RATIO);
            assertThat(e).hasMessage("archive entry 'bomb.bin' is compressed more than 100 to 1, which is typical of zip bombs");
        }

        @Test
        void theRatioLimitAppliesOnlyAboveOneMegabyte() throws Exception {
            byte[] archive = ZipFixture.builder().file("small-zeros.bin", new byte[(int) (RATIO_BELOW)]).build();
            assertThat(SafeZip.expand(archive, LIMITS).get(0).size()).isEqualTo((int) RATIO_BELOW);
        }

        private static final long RATIO_BELOW = SafeZip.RATIO_CHECKED_ABOVE;

        @Test
        void aRatioJustWithinTheLimitIsAccepted() throws Exception {
            // Text-like content compresses well, but far less than 100:1.
            StringBuilder text = new StringBuilder();
            Random random = new Random(9);
            while (text.length() < 3 * MB) {
                text.append("Line ").append(random.nextInt(1_000_000)).append(": the respondent paid ")
                        .append(random.nextInt(100_000)).append(" yuan.\n");
            }
            byte[] archive = ZipFixture.builder().file("ledger.txt", text.toString()).build();
            assertThat(SafeZip.expand(archive, LIMITS)).hasSize(1);
        }

        @Test
        void overlappingEntriesAreRefused() {
            // The non-recursive zip bomb: a second central record points inside the first entry's data.
            ZipFixture fixture = ZipFixture.builder().stored("outer.bin", new byte[0]).stored("inner.bin", utf8("kernel"));
            ZipFixture.Item outer = fixture.items().get(0);
            ZipFixture.Item inner = fixture.items().get(1);
            byte[] innerRecord = fixture.localRecord(inner);
            outer.data = Samples.concat(innerRecord, utf8("tail"));
            inner.writeLocal = false;
            inner.offsetOverride = 30L + outer.name.length;
            UnsafeArchiveException e = refusal(fixture.build());
            assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
            assertThat(e.getMessage()).contains("overlap");
        }

        @Test
        void twoRecordsForTheSameDataAreRefused() {
            ZipFixture fixture = ZipFixture.builder().file("a.txt", "same").file("a.txt", "same");
            fixture.items().get(1).writeLocal = false;
            fixture.items().get(1).offsetOverride = 0L;
            UnsafeArchiveException e = refusal(fixture.build());
            assertThat(e.reason()).isIn(Reason.DAMAGED, Reason.DUPLICATE_NAME);
        }

        @Test
        void fromAStreamLongerThanAllowed() {
            byte[] archive = ZipFixture.builder().file("a.bin", Samples.noise(5000, 8)).build();
            UnsafeArchiveException e = catchThrowableOfType(UnsafeArchiveException.class,
                    () -> SafeZip.expand(new ByteArrayInputStream(archive), 1024, LIMITS));
            assertThat(e.reason()).isEqualTo(Reason.ARCHIVE_TOO_LARGE);
            assertThat(e).hasMessage("archive is larger than 1 KB");
        }
    }

    @Nested
    class NestedArchivesPolicy {

        private final byte[] archive = ZipFixture.builder()
                .file("statement.pdf", Samples.pdf())
                .stored("more/evidence.zip", Samples.plainZip())
                .build();

        @Test
        void byDefaultAnInnerZipIsReturnedUnexpanded() throws Exception {
            List<Entry> entries = SafeZip.expand(archive, LIMITS);
            assertThat(entries).extracting(Entry::path).containsExactly("statement.pdf", "more/evidence.zip");
            assertThat(entries.get(1).bytes()).isEqualTo(Samples.plainZip());
            assertThat(SafeZip.expand(archive, LIMITS, NestedArchives.KEEP)).isEqualTo(entries);
        }

        @Test
        void onRequestAnInnerArchiveIsRefused() {
            UnsafeArchiveException e = catchThrowableOfType(UnsafeArchiveException.class,
                    () -> SafeZip.expand(archive, LIMITS, NestedArchives.REFUSE));
            assertThat(e.reason()).isEqualTo(Reason.NESTED_ARCHIVE);
            assertThat(e.entryName()).contains("more/evidence.zip");
            assertThat(e).hasMessage("archive entry 'more/evidence.zip' is itself an archive; please upload its files directly");
        }

        @Test
        void innerArchivesAreRecognisedByContentNotName() {
            byte[] hidden = ZipFixture.builder().file("notes.txt", Samples.gzip(utf8("x"))).build();
            assertThat(catchThrowableOfType(UnsafeArchiveException.class,
                    () -> SafeZip.expand(hidden, LIMITS, NestedArchives.REFUSE)).reason()).isEqualTo(Reason.NESTED_ARCHIVE);
        }

        @Test
        void officeDocumentsAreNotArchives() throws Exception {
            byte[] withDocx = ZipFixture.builder().file("contract.docx", Samples.docx()).build();
            assertThat(SafeZip.expand(withDocx, LIMITS, NestedArchives.REFUSE)).hasSize(1);
        }
    }

    @Nested
    class Names {

        @Test
        void duplicateNamesAreRefused() {
            UnsafeArchiveException e = refusal(ZipFixture.builder().file("a/b.pdf", "1").file("a/b.pdf", "2").build());
            assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_NAME);
            assertThat(e).hasMessage("archive holds two entries named 'a/b.pdf'");
        }

        @Test
        void namesThatBecomeEqualAfterNormalisationAreDuplicates() {
            assertThat(refusal(ZipFixture.builder().file("a/b.pdf", "1").file("a\\b.pdf", "2").build()).reason())
                    .isEqualTo(Reason.DUPLICATE_NAME);
            assertThat(refusal(ZipFixture.builder().file("x.txt", "1").file("./x.txt", "2").build()).reason())
                    .isEqualTo(Reason.DUPLICATE_NAME);
            assertThat(refusal(ZipFixture.builder().file("caf\u00e9.txt", "1").file("cafe\u0301.txt", "2").build()).reason())
                    .isEqualTo(Reason.DUPLICATE_NAME);
        }

        @Test
        void namesThatDifferOnlyInCaseAreDuplicates() {
            UnsafeArchiveException e = refusal(ZipFixture.builder().file("Contract.pdf", "1").file("contract.PDF", "2").build());
            assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_NAME);
            assertThat(e).hasMessage("archive entries 'Contract.pdf' and 'contract.PDF' differ only in letter case");
        }

        @Test
        void aNameUsedAsFileAndFolderIsRefused() {
            UnsafeArchiveException e = refusal(ZipFixture.builder().file("a", "file").file("a/b.txt", "in folder").build());
            assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_NAME);
            assertThat(e).hasMessage("archive entry 'a' is both a file and a folder");
            assertThat(refusal(ZipFixture.builder().folder("a/").file("A", "file").build()).reason()).isEqualTo(Reason.DUPLICATE_NAME);
        }

        @Test
        void veryLongNamesAreShortenedInMessages() {
            String name = "x".repeat(500) + "/../y";
            UnsafeArchiveException e = refusal(ZipFixture.builder().file(name, "x").build());
            assertThat(e.getMessage()).hasSizeLessThan(260).contains("…");
            assertThat(e.entryName()).contains(name);
        }
    }

    @Nested
    class Refusals {

        @Test
        void encryptedEntries() {
            UnsafeArchiveException e = refusal(ZipFixture.builder().file("secret.pdf", Samples.pdf())
                    .with(i -> i.flags |= 0x0001).build());
            assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED);
            assertThat(e).hasMessage("archive entry 'secret.pdf' is password-protected; please upload it without a password");
        }

        @Test
        void encryptionFlaggedOnlyInTheLocalHeaderOrByAesOrStrongEncryption() {
            assertThat(refusal(ZipFixture.builder().file("a.pdf", "x").with(i -> i.localFlags = 0x0801).build()).reason())
                    .isEqualTo(Reason.ENCRYPTED);
            assertThat(refusal(ZipFixture.builder().file("a.pdf", "x").with(i -> i.method = 99).build()).reason())
                    .isEqualTo(Reason.ENCRYPTED);
            assertThat(refusal(ZipFixture.builder().file("a.pdf", "x").with(i -> i.flags |= 0x0041).build()).reason())
                    .isEqualTo(Reason.ENCRYPTED);
        }

        @Test
        void unsupportedCompressionMethods() {
            UnsafeArchiveException e = refusal(ZipFixture.builder().file("a.txt", "x").with(i -> i.method = 12).build());
            assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
            assertThat(e.getMessage()).contains("bzip2");
        }

        @Test
        void emptyArchives() {
            byte[] empty = ZipFixture.zip(new LinkedHashMap<>());
            UnsafeArchiveException e = refusal(empty);
            assertThat(e.reason()).isEqualTo(Reason.EMPTY);
            assertThat(e).hasMessage("the archive holds no files");
            assertThat(refusal(ZipFixture.zip("a/", "", "a/b/", "")).reason()).isEqualTo(Reason.EMPTY);
        }

        @Test
        void somethingElseThanAZip() {
            for (byte[] notZip : new byte[][] {Samples.pdf(), new byte[0], utf8("PK"), Samples.gzip(utf8("x"))}) {
                UnsafeArchiveException e = refusal(notZip);
                assertThat(e.reason()).isEqualTo(Reason.NOT_AN_ARCHIVE);
                assertThat(e).hasMessage("the file is not a ZIP archive");
            }
            // A self-extracting archive starts with a program.
            assertThat(refusal(ZipFixture.builder().prefix(Samples.windowsExe()).file("a.txt", "a").build()).reason())
                    .isEqualTo(Reason.NOT_AN_ARCHIVE);
        }

        @Test
        void splitArchives() {
            UnsafeArchiveException e = refusal(ZipFixture.builder().file("a.txt", "a").disk(1).build());
            assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
            assertThat(e.getMessage()).contains("split");
        }
    }

    @Nested
    class DamagedArchives {

        private final byte[] good = ZipFixture.builder().file("a.txt", "alpha".repeat(100)).file("b.txt", "beta").build();

        @Test
        void truncated() {
            for (int cut : new int[] {1, 10, 22, 60, good.length / 2}) {
                assertThat(refusal(Arrays.copyOf(good, good.length - cut)).reason()).as("cut " + cut).isEqualTo(Reason.DAMAGED);
            }
        }

        @Test
        void trailingBytesAfterTheEndRecord() {
            assertThat(refusal(Samples.concat(good, utf8("junk"))).reason()).isEqualTo(Reason.DAMAGED);
        }

        @Test
        void wrongChecksum() {
            UnsafeArchiveException e = refusal(ZipFixture.builder().file("a.txt", "alpha").with(i -> i.declaredCrc = 1L).build());
            assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
            assertThat(e).hasMessage("the archive is damaged: entry 'a.txt' fails its checksum");
        }

        @Test
        void wrongSize() {
            assertThat(refusal(ZipFixture.builder().file("a.txt", "alpha").with(i -> i.declaredSize = 4L).build()).reason())
                    .isEqualTo(Reason.DAMAGED);
            assertThat(refusal(ZipFixture.builder().stored("a.txt", utf8("alpha")).with(i -> i.declaredSize = 4L).build()).reason())
                    .isEqualTo(Reason.DAMAGED);
        }

        @Test
        void localAndCentralNamesDiffer() {
            UnsafeArchiveException e = refusal(ZipFixture.builder().file("harmless.txt", "x")
                    .with(i -> i.localName = utf8("evil.exe_____")).build());
            assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
            assertThat(e.getMessage()).contains("two different names");
        }

        @Test
        void corruptDeflateData() {
            byte[] archive = ZipFixture.builder().file("a.txt", "alpha")
                    .with(i -> i.compressedOverride = new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}).build();
            assertThat(refusal(archive).reason()).isEqualTo(Reason.DAMAGED);
        }

        @Test
        void aCompressedSizePointingIntoTheCentralDirectory() {
            byte[] archive = ZipFixture.builder().file("a.txt", "alpha").with(i -> i.declaredCompressedSize = 10_000L).build();
            assertThat(refusal(archive).reason()).isEqualTo(Reason.DAMAGED);
        }

        @Test
        void randomDamageIsAlwaysRefusedCleanly() {
            byte[] seed = ZipFixture.builder().file("证据/a.txt", "alpha".repeat(50)).stored("b.pdf", Samples.pdf())
                    .folder("c/").file("c/d.bin", Samples.noise(300, 1)).build();
            Random random = new Random(2024);
            for (int round = 0; round < 5000; round++) {
                byte[] mutated = round % 3 == 0 ? Arrays.copyOf(seed, random.nextInt(seed.length + 1)) : seed.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0 && mutated.length > 0; flips--) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                try {
                    List<Entry> entries = SafeZip.expand(mutated, new Limits(10, MB, MB, 100));
                    assertThat(entries).isNotEmpty();
                } catch (UnsafeArchiveException e) {
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
        }
    }

    @Nested
    class LimitsRecord {

        @Test
        void defaults() {
            assertThat(Limits.DEFAULT).isEqualTo(new Limits(1_000, 100 * MB, 200 * MB, 100));
        }

        @Test
        void nonsenseLimitsAreRejected() {
            assertThatThrownBy(() -> new Limits(0, MB, MB, 100)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Limits(1, 0, MB, 100)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Limits(1, Integer.MAX_VALUE, MB, 100)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Limits(1, MB, 0, 100)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Limits(1, MB, MB, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void sizesReadWellInMessages() {
            assertThat(SafeZip.formatSize(100 * MB)).isEqualTo("100 MB");
            assertThat(SafeZip.formatSize(1536)).isEqualTo("1.5 KB");
            assertThat(SafeZip.formatSize(1)).isEqualTo("1 byte");
            assertThat(SafeZip.formatSize(12)).isEqualTo("12 bytes");
            assertThat(SafeZip.formatSize(2L * 1024 * MB)).isEqualTo("2 GB");
        }
    }
}
