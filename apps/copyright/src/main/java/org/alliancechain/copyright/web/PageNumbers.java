package org.alliancechain.copyright.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** How the copyright pages write similarity figures (Qute template extensions: {@code score.percent}). */
@TemplateExtension
final class PageNumbers {

    private PageNumbers() {
    }

    /** A share as a percentage with one decimal: 0.873 → "87.3 %"; null → "—". */
    static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f %%", value * 100);
    }
}
