package org.alliancechain.einvoice.web;

import org.alliancechain.service.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.alliancechain.einvoice.issuers.IssuerResource;
import org.alliancechain.einvoice.issuers.IssuerService;
import org.alliancechain.einvoice.issuers.IssuerViews;
import org.alliancechain.einvoice.oversight.BureauStatistics;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The tax officer's pages: the bureau's taxpayers and issuers (register, authorise with kinds and
 * quota, change limits, suspend with a reason, reinstate), each issuer with its quota use, status and
 * the chain state of its last change; and the bureau's oversight figures as tables and charts. Every
 * form is checked against the API's request record and runs the same service step as the API.
 */
@Path("/app/bureau")
@Produces(MediaType.TEXT_HTML)
public class BureauPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bureau(PageShell page, Desk desk, FormErrors errors);

        static native TemplateInstance oversight(PageShell page, Oversight figures);
    }

    /** A kind of invoice an issuer may be authorised for. */
    public record KindChoice(String code, String label) {
    }

    /** One issuer with its quota-use bar and its last change's chain state. */
    public record IssuerRow(IssuerViews.IssuerView issuer, String quotaBar, String usedPercent, String chainPhase, String chainLabel,
                            String transactionHash, String lastChange) {
        public boolean allows(String kind) {
            return issuer.kinds().stream().anyMatch(k -> k.name().equals(kind));
        }

        public boolean suspended() {
            return issuer.status().name().equals("SUSPENDED");
        }
    }

    /** Everything the bureau page shows. */
    public record Desk(String bureau, List<IssuerViews.TaxpayerView> taxpayers, List<IssuerRow> issuers, List<String> authorisable,
                       List<KindChoice> kinds, boolean pending) {
    }

    /** The oversight page: the figures, their charts and the month totals of the bureau. */
    public record Oversight(BureauStatistics.Figures figures, List<MonthTotal> months, String amountChart, String monthChart,
                            String redRateChart, String duplicatesChart) {
    }

    /** All issuers of the bureau in one month. */
    public record MonthTotal(String month, long blueCount, BigDecimal blueAmount, BigDecimal blueTax, long redCount, BigDecimal redAmount,
                             BigDecimal redTax) {
    }

    private static final List<KindChoice> KINDS = Arrays.stream(InvoiceKind.values()).filter(InvoiceKind::issuable)
            .map(k -> new KindChoice(k.name(), k.labelZh() + " " + k.labelEn())).toList();

    private final IssuerService service;
    private final IssuerViews views;
    private final BureauStatistics statistics;
    private final EInvoicePages pages;
    private final Validator validator;

    BureauPages(IssuerService service, IssuerViews views, BureauStatistics statistics, EInvoicePages pages, Validator validator) {
        this.service = service;
        this.views = views;
        this.statistics = statistics;
        this.pages = pages;
        this.validator = validator;
    }

    @GET
    @RolesAllowed("tax-officer")
    @Operation(hidden = true)
    public TemplateInstance desk(@QueryParam("notice") String notice) {
        return Templates.bureau(pages.page(notice), desk(), FormErrors.NONE);
    }

    @POST
    @Path("/taxpayers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("tax-officer")
    @Operation(hidden = true)
    public Response register(@RestForm String organisation, @RestForm String taxId, @RestForm String name, UriInfo uri) {
        var request = new IssuerResource.TaxpayerRequest(EInvoicePages.trim(organisation), EInvoicePages.trim(taxId), EInvoicePages.trim(name));
        return step("register", request, Map.of(), uri, "registered",
                () -> service.register(new IssuerService.Registration(request.organisation(), request.taxId(), request.name())));
    }

    @POST
    @Path("/issuers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("tax-officer")
    @Operation(hidden = true)
    public Response authorise(@RestForm String organisation, @RestForm List<String> kinds, @RestForm String quota, UriInfo uri) {
        var unreadable = new HashMap<String, String>();
        var request = new IssuerResource.AuthorisationRequest(EInvoicePages.trim(organisation), kinds(kinds, unreadable),
                Amounts.parse(quota, "quota", unreadable));
        return step("authorise", request, unreadable, uri, "authorised",
                () -> service.authorise(new IssuerService.Authorisation(request.organisation(), request.kinds(), request.quota())));
    }

    @POST
    @Path("/issuers/{issuerId}/limits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("tax-officer")
    @Operation(hidden = true)
    public Response limits(@PathParam("issuerId") long id, @RestForm List<String> kinds, @RestForm String quota, UriInfo uri) {
        var unreadable = new HashMap<String, String>();
        var request = new IssuerResource.LimitsRequest(kinds(kinds, unreadable), Amounts.parse(quota, "quota", unreadable));
        return step("limits-" + id, request, unreadable, uri, "limits", () -> service.setLimits(id, request.kinds(), request.quota()));
    }

    @POST
    @Path("/issuers/{issuerId}/suspension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("tax-officer")
    @Operation(hidden = true)
    public Response suspend(@PathParam("issuerId") long id, @RestForm String reason, UriInfo uri) {
        var request = new IssuerResource.SuspensionRequest(EInvoicePages.trim(reason));
        return step("suspend-" + id, request, Map.of(), uri, "suspended", () -> service.suspend(id, request.reason()));
    }

    @POST
    @Path("/issuers/{issuerId}/reinstatement")
    @RolesAllowed("tax-officer")
    @Operation(hidden = true)
    public Response reinstate(@PathParam("issuerId") long id, UriInfo uri) {
        return step("reinstate-" + id, null, Map.of(), uri, "reinstated", () -> service.reinstate(id));
    }

    @GET
    @Path("/oversight")
    @RolesAllowed("tax-officer")
    @Operation(hidden = true)
    public TemplateInstance oversight() {
        var figures = statistics.figures();
        var totals = new java.util.TreeMap<String, MonthTotal>();
        for (var m : figures.months()) {
            totals.merge(m.month(), new MonthTotal(m.month(), m.blueCount(), m.blueAmount(), m.blueTax(), m.redCount(), m.redAmount(), m.redTax()),
                    (a, b) -> new MonthTotal(a.month(), a.blueCount() + b.blueCount(), a.blueAmount().add(b.blueAmount()),
                            a.blueTax().add(b.blueTax()), a.redCount() + b.redCount(), a.redAmount().add(b.redAmount()), a.redTax().add(b.redTax())));
        }
        var months = List.copyOf(totals.values());
        String amountChart = BarChart.svg("chart-amount", "开票金额（不含税）按开票方 · Amount excl. tax by issuer", figures.issuers().stream()
                .map(i -> new BarChart.Bar(i.organisation(), i.blueAmount(), Amounts.format(i.blueAmount()) + " (" + i.blueCount() + ")")).toList());
        String monthChart = BarChart.svg("chart-months", "每月开票金额（不含税）· Amount excl. tax by month", months.stream()
                .map(m -> new BarChart.Bar(m.month(), m.blueAmount(), Amounts.format(m.blueAmount()) + " (" + m.blueCount() + ")")).toList());
        String redRateChart = BarChart.svg("chart-red-rate", "红冲率按开票方 · Red-letter rate by issuer", figures.issuers().stream()
                .map(i -> new BarChart.Bar(i.organisation(), i.redLetterRate(), Amounts.percent(i.redLetterRate()))).toList(), true);
        String duplicatesChart = BarChart.svg("chart-duplicates", "被拒绝的重复报销/入账 · Refused duplicate claims by issuer", figures.issuers().stream()
                .map(i -> new BarChart.Bar(i.organisation(), BigDecimal.valueOf(i.refusedDuplicates()), String.valueOf(i.refusedDuplicates()))).toList(), true);
        return Templates.oversight(pages.page(null), new Oversight(figures, months, amountChart, monthChart, redRateChart, duplicatesChart));
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Checks the form's request record, runs the step, and returns to the desk — or shows it again with the refusal. */
    private Response step(String form, Object request, Map<String, String> unreadable, UriInfo uri, String notice, Supplier<?> step) {
        try {
            var violations = request == null ? Set.<jakarta.validation.ConstraintViolation<Object>>of() : validator.validate(request);
            if (!violations.isEmpty() || !unreadable.isEmpty()) {
                return refused(FormErrors.of(form, violations, unreadable));
            }
            step.get();
            return EInvoicePages.seeOther(uri, "app/bureau", notice);
        } catch (ProblemException e) {
            return refused(FormErrors.of(form, e));
        }
    }

    private Response refused(FormErrors errors) {
        return Response.status(errors.status()).entity(Templates.bureau(pages.page(null), desk(), errors)).type(MediaType.TEXT_HTML).build();
    }

    @Transactional
    Desk desk() {
        String bureau = service.requireBureau();
        var taxpayers = service.taxpayersOfBureau().stream().map(IssuerViews::of).toList();
        var issuers = service.ofBureau().stream().map(views::of).map(BureauPages::row).toList();
        var authorised = issuers.stream().map(r -> r.issuer().organisation()).collect(java.util.stream.Collectors.toSet());
        var authorisable = taxpayers.stream().map(IssuerViews.TaxpayerView::organisation).filter(o -> !authorised.contains(o)).toList();
        boolean pending = issuers.stream().anyMatch(r -> ChainState.isInProgress(r.chainPhase()));
        return new Desk(bureau, taxpayers, issuers, authorisable, KINDS, pending);
    }

    private static IssuerRow row(IssuerViews.IssuerView issuer) {
        var chain = issuer.chain();
        var last = issuer.changes().isEmpty() ? null : issuer.changes().getLast();
        String percent = issuer.quota().signum() == 0 ? "—"
                : Amounts.percent(issuer.used().divide(issuer.quota(), 4, java.math.RoundingMode.HALF_UP));
        return new IssuerRow(issuer, BarChart.quota(issuer.used(), issuer.quota()), percent, chain == null ? "NONE" : chain.name(),
                chain == null ? "—" : chain.label(), chain == null ? null : chain.transactionHash(), last == null ? null : last.change());
    }

    private static Set<InvoiceKind> kinds(List<String> codes, Map<String, String> unreadable) {
        var kinds = EnumSet.noneOf(InvoiceKind.class);
        for (String code : codes == null ? List.<String>of() : codes) {
            try {
                kinds.add(InvoiceKind.valueOf(code.strip()));
            } catch (IllegalArgumentException e) {
                unreadable.put("kinds", "'" + code + "' is not a kind of invoice");
            }
        }
        return kinds;
    }
}
