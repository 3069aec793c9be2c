package org.alliancechain.service.upload;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/**
 * Limits of file uploads through forms ({@code suite.uploads.*}), the same in every app; each app
 * chooses the types it accepts ({@code suite.uploads.allowed-types}) and an endpoint may narrow them
 * with its own {@link UploadPolicy}. See shared-service/README.md.
 */
@ConfigMapping(prefix = "suite.uploads")
public interface UploadConfig {

    /** Largest single file (also the largest archive); larger ones answer 413 before anything is stored. */
    @WithDefault("25M")
    MemorySize maxFileSize();

    /** Most files in one upload request (an archive's files count one by one). */
    @WithDefault("50")
    int maxFilesPerUpload();

    /**
     * Media types accepted, as recognised from the content (never from the name). The default is
     * PDF and the common image types; an app lists what its users upload.
     */
    @WithDefault("application/pdf,image/png,image/jpeg")
    Set<String> allowedTypes();

    Archives archives();

    /**
     * ZIP archives are expanded into their files, and ZIP-based packages that are kept whole (OFD,
     * WACZ) are checked the same way, within these bounds.
     */
    interface Archives {
        @WithDefault("100")
        int maxEntries();

        /** Largest total expanded size of one archive. */
        @WithDefault("200M")
        MemorySize maxExpandedSize();

        /** Highest compression ratio of an entry (larger ones are taken for a zip bomb). */
        @WithDefault("100")
        int maxRatio();
    }
}
