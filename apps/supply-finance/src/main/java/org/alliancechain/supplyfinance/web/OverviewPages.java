package org.alliancechain.supplyfinance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.supplyfinance.overview.PlatformOverview;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The operator's page: the platform at a glance, with the face value by state drawn as one stacked bar. */
@Path("/app/overview")
@Produces(MediaType.TEXT_HTML)
public class OverviewPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(PageShell page, PlatformOverview.Overview o, List<Segment> segments);
    }

    /** One state's share of the face value, as a segment of the bar (x and width in a 600-wide drawing). */
    public record Segment(String status, BigDecimal face, long certificates, int x, int width) {
    }

    private final SupplyFinancePages pages;
    private final PlatformOverview api;

    OverviewPages(SupplyFinancePages pages, PlatformOverview api) {
        this.pages = pages;
        this.api = api;
    }

    @GET
    @RolesAllowed("operator")
    @Operation(hidden = true)
    public TemplateInstance overview() {
        var o = api.overview();
        BigDecimal total = o.byStatus().stream().map(PlatformOverview.StatusRow::face).reduce(BigDecimal.ZERO, BigDecimal::add);
        var segments = new ArrayList<Segment>();
        int x = 0;
        for (var row : o.byStatus()) {
            int width = total.signum() == 0 ? 0 : row.face().multiply(BigDecimal.valueOf(600)).divide(total, 0, RoundingMode.HALF_UP).intValue();
            segments.add(new Segment(row.status(), row.face(), row.certificates(), x, Math.max(width, row.certificates() > 0 ? 2 : 0)));
            x += width;
        }
        return Templates.overview(pages.page(null), o, segments);
    }
}
