package org.alliancechain.odr;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** Settings of the arbitration service ({@code odr.*}); documented in apps/odr-arbitration/README.md. */
@ConfigMapping(prefix = "odr")
public interface OdrConfig {

    Evidence evidence();

    Deadlines deadlines();

    interface Evidence {
        /** Largest single evidence file (also the largest archive); larger ones answer 413. */
        @WithDefault("25M")
        MemorySize maxFileSize();

        /** Most files in one upload request (an archive's files count one by one). */
        @WithDefault("50")
        int maxFilesPerUpload();

        /** Most evidence items in one case, both sides together. */
        @WithDefault("300")
        int maxItemsPerCase();

        /** Largest total size of one case's evidence. */
        @WithDefault("1G")
        MemorySize maxCaseSize();

        /** Media types accepted, as recognised from the content (never from the name). */
        @WithDefault("application/pdf,application/rtf,text/plain,text/csv,text/tab-separated-values,application/json,application/xml,message/rfc822,"
                + "application/msword,application/vnd.ms-excel,application/vnd.ms-powerpoint,application/vnd.ms-outlook,application/x-ole-storage,"
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                + "application/vnd.openxmlformats-officedocument.presentationml.presentation,"
                + "application/vnd.oasis.opendocument.text,application/vnd.oasis.opendocument.spreadsheet,"
                + "application/vnd.oasis.opendocument.presentation,"
                + "image/png,image/jpeg,image/gif,image/webp,image/tiff,image/bmp,image/heic,"
                + "audio/mpeg,audio/wav,audio/mp4,audio/amr,audio/flac,video/mp4,video/quicktime,video/3gpp")
        Set<String> allowedTypes();

        Archives archives();
    }

    /** ZIP archives uploaded as evidence are expanded into one item per file, within these bounds. */
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

    /** Default time limits set when a case is accepted (the clerk may set others). */
    interface Deadlines {
        @WithDefault("P10D")
        Duration answer();

        @WithDefault("P15D")
        Duration evidence();

        @WithDefault("P45D")
        Duration award();

        /** How often overdue steps are looked for. */
        @WithDefault("60s")
        String checkEvery();
    }
}
