package org.alliancechain.einvoice.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;

/** How the e-invoice pages write figures (Qute template extensions): {@code rate.percent}. */
@TemplateExtension
public final class PageFigures {

    private PageFigures() {
    }

    /** A fraction (0.0125) as a percentage ("1.25 %"). */
    static String percent(BigDecimal fraction) {
        return fraction == null ? "—" : Amounts.percent(fraction);
    }
}
