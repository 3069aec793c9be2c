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
}
