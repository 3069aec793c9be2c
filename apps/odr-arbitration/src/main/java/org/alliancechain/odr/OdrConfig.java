package org.alliancechain.odr;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the arbitration service ({@code odr.*}); documented in apps/odr-arbitration/README.md. */
@ConfigMapping(prefix = "odr")
public interface OdrConfig {

    Evidence evidence();

    Deadlines deadlines();

    /** Per-case bounds; what one upload may hold and which types are accepted are {@code suite.uploads.*} (application.properties). */
    interface Evidence {
        /** Most evidence items in one case, both sides together. */
        @WithDefault("300")
        int maxItemsPerCase();

        /** Largest total size of one case's evidence. */
        @WithDefault("1G")
        MemorySize maxCaseSize();
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
