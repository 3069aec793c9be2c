package org.alliancechain.copyright.fingerprint.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.alliancechain.copyright.CopyrightFlow;
import org.alliancechain.copyright.fingerprint.image.ImageFingerprint;
import org.alliancechain.copyright.fingerprint.image.ImageSearch;
import org.alliancechain.copyright.fingerprint.text.CanonicalText;
import org.alliancechain.copyright.fingerprint.text.TextFingerprinter;
import org.alliancechain.copyright.fingerprint.text.TextIndex;
import org.alliancechain.copyright.fingerprint.text.TextProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index written to disk and read back answers exactly as the one in memory; a damaged file is refused, never half-read. */
class IndexSnapshotTest {

    @TempDir
    Path dir;

    /**
     * Fewer than {@link TextIndex#MAX_POSTINGS_PER_ANCHOR} share the articles' common frame: a key past its cap keeps no
     * more postings, so removing works from it could never give back what a fresh index of the others would hold.
     */
    private static final int WORKS = 120;

    private static TextIndex texts(LongPredicate which) {
        var index = new TextIndex(16);
        for (int n = 1; n <= WORKS; n++) {
            if (which.test(n)) {
                index.add(n, TextFingerprinter.ofPlain(CopyrightFlow.article(n)));
            }
        }
        return index;
    }

    /** Excerpts of some articles and of none: the queries whose candidates are compared. */
    private static List<TextProbe> queries() {
        var out = new ArrayList<TextProbe>();
        for (int n = 1; n <= WORKS; n += 6) {
            String a = CopyrightFlow.article(n);
            out.add(TextFingerprinter.probe(CanonicalText.ofPlain(a.substring(a.length() / 3))));
        }
        out.add(TextFingerprinter.probe(CanonicalText.ofPlain(CopyrightFlow.article(WORKS + 50))));
        return out;
    }

    private static List<ImageFingerprint> images() throws IOException {
        var out = new ArrayList<ImageFingerprint>();
        for (String f : List.of("dihedral/bridge-1-original.jpg", "modifications/aaa-orig.jpg", "modifications/high-contrast.jpg")) {
            out.add(ImageFingerprint.of(CopyrightFlow.fixture(f)));
        }
        return out;
    }

    private Path write(TextIndex t, ImageSearch im) throws IOException {
        Path file = dir.resolve("index.snapshot");
        try (var out = SnapshotOutput.create(file)) {
            t.writeTo(out);
            im.writeTo(out);
            out.finish();
        }
        return file;
    }

    @Test
    void textsAndImagesReadBackAnswerEveryQueryAsBefore() throws IOException {
        TextIndex t = texts(n -> true);
        t.remove(5, TextFingerprinter.ofPlain(CopyrightFlow.article(5))); // a free slot, reused by the next add
        t.remove(9);
        var im = new ImageSearch();
        var pictures = images();
        for (int i = 0; i < pictures.size(); i++) {
            im.add(1_000 + i, pictures.get(i));
        }
        Path file = write(t, im);

        TextIndex t2;
        ImageSearch im2;
        try (var in = SnapshotInput.open(file)) {
            t2 = TextIndex.readFrom(in);
            im2 = ImageSearch.readFrom(in, id -> true);
            in.verifyEnd();
        }
        assertThat(t2.works()).isEqualTo(WORKS - 2);
        assertThat(t2.postings()).isEqualTo(t.postings());
        int found = 0;
        for (TextProbe q : queries()) {
            var before = t.candidates(q, 20);
            assertThat(t2.candidates(q, 20)).isEqualTo(before);
            found += before.isEmpty() ? 0 : 1;
        }
        assertThat(found).as("the excerpts find their articles").isGreaterThanOrEqualTo(15);
        // the restored index goes on taking works as the original would
        t.add(5, TextFingerprinter.ofPlain(CopyrightFlow.article(5)));
        t2.add(5, TextFingerprinter.ofPlain(CopyrightFlow.article(5)));
        for (TextProbe q : queries()) {
            assertThat(t2.candidates(q, 20)).isEqualTo(t.candidates(q, 20));
        }
        assertThat(im2.size()).isEqualTo(3);
        for (var p : pictures) {
            assertThat(im2.search(p, 10)).isEqualTo(im.search(p, 10)).isNotEmpty();
        }
    }

    @Test
    void worksLeftOutOnReadingAreGoneAsIfNeverAdded() throws IOException {
        LongPredicate keep = id -> id % 3 != 0 && id != 1_001;
        var im = new ImageSearch();
        var pictures = images();
        for (int i = 0; i < pictures.size(); i++) {
            im.add(1_000 + i, pictures.get(i));
        }
        Path file = write(texts(n -> true), im);
        TextIndex t2;
        ImageSearch im2;
        try (var in = SnapshotInput.open(file)) {
            t2 = TextIndex.readFrom(in);
            assertThat(t2.retain(keep)).isEqualTo(WORKS / 3);
            im2 = ImageSearch.readFrom(in, keep);
            in.verifyEnd();
        }
        TextIndex only = texts(keep);
        assertThat(t2.works()).isEqualTo(only.works());
        assertThat(t2.postings()).isEqualTo(only.postings());
        for (TextProbe q : queries()) {
            assertThat(t2.candidates(q, 20)).isEqualTo(only.candidates(q, 20));
        }
        assertThat(im2.contains(1_001)).isFalse();
        assertThat(im2.search(pictures.get(1), 10)).extracting(ImageSearch.Hit::id).doesNotContain(1_001L);
        assertThat(im2.search(pictures.get(0), 10)).extracting(ImageSearch.Hit::id).contains(1_000L);
    }

    @Test
    void aDamagedOrShortenedSnapshotIsRefused() throws IOException {
        var im = new ImageSearch();
        im.add(1, images().get(0));
        Path file = write(texts(n -> n <= 20), im);
        long size = Files.size(file);

        Path flipped = Files.copy(file, dir.resolve("flipped"));
        try (var raf = new RandomAccessFile(flipped.toFile(), "rw")) {
            raf.seek(size / 2);
            int b = raf.read();
            raf.seek(size / 2);
            raf.write(b ^ 0x10);
        }
        assertThatThrownBy(() -> readAll(flipped)).isInstanceOf(IOException.class).hasMessageContaining("damaged snapshot");

        Path shortened = Files.copy(file, dir.resolve("shortened"));
        try (var raf = new RandomAccessFile(shortened.toFile(), "rw")) {
            raf.setLength(size - 100);
        }
        assertThatThrownBy(() -> readAll(shortened)).isInstanceOf(IOException.class).hasMessageContaining("damaged snapshot");

        // a count claiming more than the file holds is refused before anything is allocated for it
        Path huge = Files.copy(file, dir.resolve("huge"));
        try (var raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.seek(0);
            raf.write(new byte[] {(byte) 0xF0, (byte) 0xFF, (byte) 0xFF, 0x7F}); // the posting table's length, little-endian
        }
        assertThatThrownBy(() -> readAll(huge)).isInstanceOf(IOException.class).hasMessageContaining("a count of 2147483632");

        readAll(file); // the original reads
    }

    private static void readAll(Path file) throws IOException {
        try (var in = SnapshotInput.open(file)) {
            TextIndex.readFrom(in);
            ImageSearch.readFrom(in, id -> true);
            in.verifyEnd();
        }
    }
}
