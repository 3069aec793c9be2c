package org.alliancechain.copyright.monitoring;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.alliancechain.copyright.fingerprint.image.ImageFingerprint;
import org.alliancechain.copyright.fingerprint.text.CanonicalText;
import org.alliancechain.copyright.fingerprint.text.TextFingerprinter;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/**
 * The work index restarts from its snapshot: checked against the database (works registered since read from it, a work
 * whose fingerprint changed read again), and a damaged snapshot set aside for a rebuild from the database. Each start is a
 * new {@link WorkIndex} over the service's database, loaded as the service loads its own.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class WorkIndexSnapshotTest {

    @Inject
    AgroalDataSource db;

    private WorkIndex started(Path snapshot) {
        var index = new WorkIndex(db, 16, Optional.of(snapshot.toString()));
        index.load();
        assertThat(index.ready()).isTrue();
        return index;
    }

    private static boolean finds(WorkIndex index, String text, long id) {
        var canonical = CanonicalText.ofPlain(text);
        return index.searchText(canonical, TextFingerprinter.probe(canonical), 10).stream().anyMatch(r -> r.candidate().workId() == id);
    }

    private static boolean findsImage(WorkIndex index, byte[] image, long id) {
        return index.searchImage(ImageFingerprint.of(image), 10).stream().anyMatch(h -> h.id() == id);
    }

    @Test
    void aRestartReadsTheSnapshotAndTheDatabaseOnlyForWhatChanged() throws Exception {
        String first = article(9101) + article(9102);
        long text = registerText(RIGHTS, "快照 9101", first);
        awaitWork(RIGHTS, text, "REGISTERED");
        byte[] photo = marked(fixture("modifications/aaa-orig.jpg")); // bytes of its own: registered, not refused as a duplicate
        long image = as(RIGHTS).multiPart("file", "snapshot.png", photo, "image/png").multiPart("title", "快照图").multiPart("authors", "赵六")
                .post("/api/works/files").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitWork(RIGHTS, image, "REGISTERED");
        Path snapshot = Files.createTempDirectory("work-index").resolve("works.snapshot");

        // no snapshot yet: built from the database, then written
        var cold = started(snapshot);
        assertThat(cold.origin()).isEqualTo("PostgreSQL");
        assertThat(snapshot).isRegularFile();
        assertThat(finds(cold, first, text)).isTrue();

        // the next start: everything from the snapshot, nothing read from the database
        var warm = started(snapshot);
        assertThat(warm.origin()).startsWith("snapshot ").endsWith("(0 works dropped, 0 read from the database)");
        assertThat(warm.textWorks()).isEqualTo(cold.textWorks());
        assertThat(warm.imageWorks()).isEqualTo(cold.imageWorks());
        assertThat(finds(warm, first, text)).isTrue();
        assertThat(findsImage(warm, photo, image)).as("image works are decided REGISTERED or REFUSED; this one is new").isTrue();

        // a work registered after the snapshot, and one whose stored fingerprint changed since (as after a new fingerprint
        // format): the first read from the database, the second dropped and read again
        String second = article(9103) + article(9104);
        long later = registerText(RIGHTS, "快照 9103", second);
        awaitWork(RIGHTS, later, "REGISTERED");
        byte[] digest;
        try (var c = db.getConnection(); var q = c.prepareStatement("select fingerprint_digest from cr_work where id = ?")) {
            q.setLong(1, text);
            try (var rs = q.executeQuery()) {
                rs.next();
                digest = rs.getBytes(1);
            }
        }
        setDigest(text, new byte[32]);
        try {
            var caughtUp = started(snapshot);
            assertThat(caughtUp.origin()).startsWith("snapshot ").contains("1 works dropped");
            assertThat(caughtUp.origin()).endsWith(", 2 read from the database)");
            assertThat(finds(caughtUp, second, later)).isTrue();
            assertThat(finds(caughtUp, first, text)).isTrue();
        } finally {
            setDigest(text, digest);
        }

        // a row stored before V5062 keeps its whole fingerprint record without a header id: read as it is
        assertThat(execute("""
                update cr_work w set fingerprint = h.header || w.fingerprint, fingerprint_header = null
                  from cr_fingerprint_header h where h.id = w.fingerprint_header and w.id = ?""", later)).isEqualTo(1);

        // a damaged snapshot is set aside and the index rebuilt from the database
        try (var raf = new RandomAccessFile(snapshot.toFile(), "rw")) {
            long middle = raf.length() / 2;
            raf.seek(middle);
            int b = raf.read();
            raf.seek(middle);
            raf.write(b ^ 0x01);
        }
        var rebuilt = started(snapshot);
        assertThat(rebuilt.origin()).isEqualTo("PostgreSQL");
        assertThat(snapshot.resolveSibling("works.snapshot.unusable")).isRegularFile();
        assertThat(snapshot).as("a good one written again").isRegularFile();
        assertThat(finds(rebuilt, second, later)).isTrue();
        assertThat(finds(rebuilt, first, text)).as("a work whose row names its header").isTrue();
        assertThat(started(snapshot).origin()).endsWith("(0 works dropped, 0 read from the database)");
    }

    private int execute(String sql, long id) throws Exception {
        try (var c = db.getConnection(); var s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            return s.executeUpdate();
        }
    }

    /**
     * The service writes its snapshot when it stops, when the database may already refuse connections (under {@code ./run}
     * PostgreSQL stops with the suite): the snapshot is written from what the index holds in memory, works added since the
     * start included, and the next start reads nothing from the database.
     */
    @Test
    void theSnapshotIsWrittenWithoutTheDatabase() throws Exception {
        Path snapshot = Files.createTempDirectory("work-index").resolve("works.snapshot");
        var down = new java.util.concurrent.atomic.AtomicBoolean();
        var flaky = (AgroalDataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AgroalDataSource.class}, (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new java.sql.SQLException("the database is stopping");
                    }
                    try {
                        return method.invoke(db, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        var index = new WorkIndex(flaky, 16, Optional.of(snapshot.toString()));
        index.load();
        assertThat(index.ready()).isTrue();
        long before = Files.exists(snapshot) ? Files.getLastModifiedTime(snapshot).toMillis() : 0; // none when no work was registered

        String text = article(9105) + article(9106);
        long id = registerText(RIGHTS, "快照 9105", text);
        awaitWork(RIGHTS, id, "REGISTERED");
        index.onRegistered(new org.alliancechain.copyright.works.WorkService.WorksRegistered(java.util.List.of(id)));
        assertThat(finds(index, text, id)).isTrue();

        down.set(true);
        Thread.sleep(5); // a later modification time than the first snapshot's
        index.saveIfChanged();
        down.set(false);
        assertThat(Files.getLastModifiedTime(snapshot).toMillis()).as("written while the database refused connections").isGreaterThan(before);

        var next = started(snapshot);
        assertThat(next.origin()).endsWith("(0 works dropped, 0 read from the database)");
        assertThat(finds(next, text, id)).isTrue();
    }

    private static byte[] marked(byte[] jpeg) throws Exception {
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        var g = image.createGraphics();
        g.setColor(java.awt.Color.MAGENTA);
        g.fillRect(3, 3, 5, 4);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private void setDigest(long id, byte[] digest) throws Exception {
        try (var c = db.getConnection(); var u = c.prepareStatement("update cr_work set fingerprint_digest = ? where id = ?")) {
            u.setBytes(1, digest);
            u.setLong(2, id);
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }
}
