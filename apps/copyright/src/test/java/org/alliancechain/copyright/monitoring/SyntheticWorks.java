package org.alliancechain.copyright.monitoring;

import io.quarkus.arc.ClientProxy;
import org.alliancechain.copyright.fingerprint.image.ImageFingerprint;
import org.alliancechain.copyright.fingerprint.text.TextFingerprint;

/** Test only: puts the benchmark's synthetic fingerprints (works without a row) into the service's index. */
public final class SyntheticWorks {

    private SyntheticWorks() {
    }

    /** Adds one synthetic work's text and/or image fingerprint; {@code id} above every registered work's. */
    public static void add(WorkIndex index, long id, TextFingerprint text, ImageFingerprint image) {
        ClientProxy.unwrap(index).addUnregistered(id, text, image);
    }

    /** The index written to a snapshot file and read back: {write ms, read ms, bytes}. */
    public static long[] snapshotRoundTrip(WorkIndex index, java.nio.file.Path file) throws java.io.IOException {
        return ClientProxy.unwrap(index).snapshotRoundTrip(file);
    }

    /** A new index built from the database alone, as a start without a snapshot: {works, milliseconds}. */
    public static long[] rebuildFromDatabase(io.agroal.api.AgroalDataSource db) {
        var fresh = new WorkIndex(db, 16, java.util.Optional.empty());
        long t0 = System.nanoTime();
        fresh.load();
        return new long[] {fresh.textWorks() + fresh.imageWorks(), (System.nanoTime() - t0) / 1_000_000};
    }
}
