package org.alliancechain.supplyfinance.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.service.chain.ChainClock;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.supplyfinance.settlement.SettlementResource;
import org.alliancechain.supplyfinance.settlement.SettlementService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * What falls due and who defaulted: the calendar of unsettled certificates by payment date (a bar
 * per month, a row per certificate with the days left), the core enterprise's payment at maturity,
 * and every core enterprise's overdue disclosure.
 */
@Path("/app/settlements")
@Produces(MediaType.TEXT_HTML)
public class SettlementPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(PageShell page, List<SettlementResource.DueView> due, List<MonthBar> months,
                                                int chartWidth, List<SettlementResource.OverdueRecordView> disclosures, boolean isCore, LocalDate today,
                                                String error, boolean pending);
    }

    /** One bar of the chart: what falls due in a month, drawn to scale against the largest month. */
    public record MonthBar(String month, BigDecimal amount, int count, int x, int width, int height, int y) {
    }

    private final Caller caller;
    private final SupplyFinancePages pages;
    private final SettlementResource api;
    private final SettlementService service;
    private final ChainClock clock;

    SettlementPages(Caller caller, SupplyFinancePages pages, SettlementResource api, SettlementService service, ChainClock clock) {
        this.caller = caller;
        this.pages = pages;
        this.api = api;
        this.service = service;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({"core-enterprise", "supplier", "bank", "operator"})
    @Operation(hidden = true)
    public TemplateInstance calendar(@QueryParam("notice") String notice) {
        return page(notice, null);
    }

    private TemplateInstance page(String notice, String error) {
        String organisation = caller.requireOrganisation();
        var due = api.calendarOf(organisation);
        boolean pending = due.stream().anyMatch(d -> "SETTLING".equals(d.status()));
        var bars = bars(due);
        return Templates.calendar(pages.page(notice), due, bars, bars.size() * 72 + 60, api.disclosures(), caller.roles().contains("core-enterprise"),
                clock.today(), error, pending);
    }

    static List<MonthBar> bars(List<SettlementResource.DueView> due) {
        Map<YearMonth, BigDecimal> byMonth = new TreeMap<>();
        Map<YearMonth, Integer> counts = new TreeMap<>();
        for (var d : due) {
            var month = YearMonth.from(d.paymentDate());
            byMonth.merge(month, d.outstanding(), BigDecimal::add);
            counts.merge(month, 1, Integer::sum);
        }
        BigDecimal max = byMonth.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        var bars = new ArrayList<MonthBar>();
        int x = 40;
        for (var entry : byMonth.entrySet()) {
            int height = max.signum() == 0 ? 0 : entry.getValue().multiply(BigDecimal.valueOf(120)).divide(max, 0, java.math.RoundingMode.UP).intValue();
            bars.add(new MonthBar(entry.getKey().toString(), entry.getValue(), counts.get(entry.getKey()), x, 48, height, 140 - height));
            x += 72;
        }
        return bars;
    }

    @POST
    @Path("/pay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("core-enterprise")
    @Operation(hidden = true)
    public Response pay(@RestForm String certificateId, @RestForm String amount, @RestForm String paymentReference, UriInfo uri) {
        try {
            long id;
            BigDecimal yuan;
            try {
                id = Long.parseLong(CertificatePages.trim(certificateId));
                yuan = new BigDecimal(CertificatePages.trim(amount));
            } catch (NumberFormatException e) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "the amount is a number in yuan, e.g. 500000.00", "amount");
            }
            if (yuan.signum() <= 0 || yuan.scale() > 2) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "the amount is above zero, in yuan with at most two decimals", "amount");
            }
            if (CertificatePages.trim(paymentReference).isEmpty()) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "the payment reference (your bank transfer's number) is needed",
                        "paymentReference");
            }
            service.pay(id, yuan.movePointRight(2).longValueExact(), CertificatePages.trim(paymentReference));
            return SupplyFinancePages.seeOther(uri, "app/settlements", "settling");
        } catch (ProblemException e) {
            return Response.status(e.status().getStatusCode()).entity(page(null, e.getMessage())).type(MediaType.TEXT_HTML).build();
        }
    }
}
