package org.alliancechain.supplyfinance.web;

import org.alliancechain.service.chain.ChainClock;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.supplyfinance.financing.FinancingService;
import org.alliancechain.supplyfinance.receivables.CertificateResource;
import org.alliancechain.supplyfinance.receivables.CertificateService;
import org.alliancechain.supplyfinance.receivables.CertificateViews;
import org.alliancechain.supplyfinance.receivables.PartService;
import org.alliancechain.supplyfinance.receivables.ReceivableCertificate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The certificate pages: the list (confirmed by the core enterprise, held by suppliers), the core
 * enterprise's confirmation form, and one certificate's page — its facts, the split tree drawn,
 * its history from the chain, and the holder's and recipient's steps on its parts.
 */
@Path("/app/certificates")
@Produces(MediaType.TEXT_HTML)
public class CertificatePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageShell page, List<CertificateViews.CertificateView> certificates, boolean mayConfirm, String error,
                                            ConfirmForm form);

        static native TemplateInstance detail(PageShell page, CertificateViews.CertificateView certificate, SplitTree.Drawing tree,
                                              List<CertificateViews.PartView> mine, List<CertificateViews.PartView> offeredToMe,
                                              List<CertificateViews.PartView> myOffers, String organisation, String error, boolean pending,
                                              String defaultExpiry, List<CertificateViews.PartView> overdueMine, String defaultClaim);
    }

    /** The confirmation form as entered; invoices one 20-digit number per line (数电专票). */
    public record ConfirmForm(String supplier, String face, String maturity, String poNumber, String invoices, boolean longTenor) {
        static ConfirmForm empty(LocalDate today) {
            return new ConfirmForm("", "", today.plusMonths(3).toString(), "", "", false);
        }
    }

    private final Caller caller;
    private final SupplyFinancePages pages;
    private final CertificateService certificates;
    private final CertificateViews views;
    private final PartService parts;
    private final FinancingService financing;
    private final Validator validator;
    private final org.alliancechain.service.chain.ChainStates chainStates;
    private final ChainClock clock;
    private final org.alliancechain.supplyfinance.arbitration.DefaultArbitration arbitration;

    CertificatePages(Caller caller, SupplyFinancePages pages, CertificateService certificates, CertificateViews views, PartService parts,
                     FinancingService financing, Validator validator, org.alliancechain.service.chain.ChainStates chainStates, ChainClock clock,
                     org.alliancechain.supplyfinance.arbitration.DefaultArbitration arbitration) {
        this.clock = clock;
        this.arbitration = arbitration;
        this.chainStates = chainStates;
        this.caller = caller;
        this.pages = pages;
        this.certificates = certificates;
        this.views = views;
        this.parts = parts;
        this.financing = financing;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({"core-enterprise", "supplier", "bank"})
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("notice") String notice) {
        return listPage(notice, null, ConfirmForm.empty(clock.today()));
    }

    private TemplateInstance listPage(String notice, String error, ConfirmForm form) {
        String organisation = caller.requireOrganisation();
        return Templates.list(pages.page(notice), ReceivableCertificate.visibleTo(organisation, 200).stream().map(c -> views.of(c, false)).toList(),
                caller.roles().contains("core-enterprise"), error, form);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("core-enterprise")
    @Operation(hidden = true)
    public Response confirm(@RestForm String supplier, @RestForm String face, @RestForm String maturity, @RestForm String poNumber,
                            @RestForm String invoices, @RestForm boolean longTenor, UriInfo uri) {
        var form = new ConfirmForm(supplier, face, maturity, poNumber, invoices, longTenor);
        try {
            var refs = new ArrayList<CertificateResource.InvoiceRequest>();
            for (String line : (invoices == null ? "" : invoices).split("[\\s,;]+")) {
                if (!line.isBlank()) {
                    refs.add(new CertificateResource.InvoiceRequest(CertificateService.InvoiceKind.DIGITAL_SPECIAL, line.strip()));
                }
            }
            var request = new CertificateResource.ConfirmRequest(trim(supplier), decimal(face, "face"), date(maturity, "maturity"), longTenor,
                    false, null, trim(poNumber), null, refs);
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                var v = violations.iterator().next();
                throw new ProblemException(ProblemException.UNPROCESSABLE, v.getPropertyPath() + ": " + v.getMessage());
            }
            var c = certificates.confirm(request.confirmation());
            return SupplyFinancePages.seeOther(uri, "app/certificates/" + c.id, "confirmed");
        } catch (ProblemException e) {
            return Response.status(e.status().getStatusCode()).entity(listPage(null, e.getMessage(), form)).type(MediaType.TEXT_HTML).build();
        }
    }

    @GET
    @Path("/{certificateId: \\d+}")
    @RolesAllowed({"core-enterprise", "supplier", "bank"})
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("certificateId") long id, @QueryParam("notice") String notice) {
        return detailPage(id, notice, null);
    }

    private TemplateInstance detailPage(long id, String notice, String error) {
        String organisation = caller.requireOrganisation();
        var c = ReceivableCertificate.<ReceivableCertificate>findByIdOptional(id).filter(x -> x.visibleTo(organisation))
                .orElseThrow(() -> ProblemException.notFound("certificate " + id));
        var view = views.of(c, true);
        var mine = view.parts().stream().filter(p -> organisation.equals(p.holder()) && "ACTIVE".equals(p.state())).toList();
        var offeredToMe = view.parts().stream().filter(p -> "PENDING".equals(p.state()) && organisation.equals(p.recipient())).toList();
        var myOffers = view.parts().stream().filter(p -> "PENDING".equals(p.state()) && organisation.equals(p.splitter())).toList();
        boolean pending = "PENDING".equals(view.status()) || stepsUnderway(c.id);
        var overdueMine = view.parts().stream().filter(p -> organisation.equals(p.holder()) && "OVERDUE".equals(p.state())).toList();
        String defaultClaim = "申请人请求裁决被申请人 " + c.core + " 支付应收账款凭证 " + c.number + " 项下到期未付款项及逾期利息。\n"
                + "The claimant asks the tribunal to order " + c.core + " to pay what it owes under receivable certificate " + c.number
                + ", unpaid since its payment date " + c.paymentDate + ", with late-payment interest.";
        return Templates.detail(pages.page(notice), view, SplitTree.of(view.parts()), mine, offeredToMe, myOffers, organisation, error, pending,
                java.time.LocalDateTime.ofInstant(clock.now(), ChainClock.CHINA).plusDays(7).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(),
                overdueMine, defaultClaim);
    }

    /** Whether a step queued on one of the certificate's parts is still on its way: not mined, or mined but not yet projected. */
    private boolean stepsUnderway(long certificateId) {
        List<org.alliancechain.supplyfinance.receivables.ReceivablePart> parts = org.alliancechain.supplyfinance.receivables.ReceivablePart
                .list("certificateId = ?1 and lastChainTxId is not null", certificateId);
        for (var part : parts) {
            var state = chainStates.transaction(part.lastChainTxId).orElse(null);
            if (state != null && (state.inProgress() || state.confirmed() && state.blockNumber() != null && part.updatedBlock < state.blockNumber())) {
                return true;
            }
        }
        return false;
    }

    @POST
    @Path("/{certificateId: \\d+}/parts/{partId: \\d+}/{step: split|offer|accept|reject|withdraw|finance}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("supplier")
    @Operation(hidden = true)
    public Response step(@PathParam("certificateId") long id, @PathParam("partId") long partId, @PathParam("step") String step,
                         @RestForm String value, @RestForm String recipient, @RestForm String expiresAt, UriInfo uri) {
        try {
            String notice = switch (step) {
                case "split" -> {
                    parts.split(partId, cents(value));
                    yield "split";
                }
                case "offer" -> {
                    parts.offer(partId, cents(value), trim(recipient), instant(expiresAt));
                    yield "offered";
                }
                case "accept", "reject" -> {
                    parts.answer(partId, step.equals("accept"));
                    yield "answered";
                }
                case "withdraw" -> {
                    parts.withdraw(partId);
                    yield "answered";
                }
                default -> {
                    financing.request(partId, cents(value));
                    yield "requested";
                }
            };
            return SupplyFinancePages.seeOther(uri, "app/certificates/" + id, notice);
        } catch (ProblemException e) {
            return Response.status(e.status().getStatusCode()).entity(detailPage(id, null, e.getMessage())).type(MediaType.TEXT_HTML).build();
        }
    }

    @POST
    @Path("/{certificateId: \\d+}/parts/{partId: \\d+}/arbitration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"supplier", "bank"})
    @Operation(hidden = true)
    public Response arbitration(@PathParam("certificateId") long id, @PathParam("partId") long partId, @RestForm String claim, UriInfo uri) {
        try {
            if (trim(claim).isEmpty() || trim(claim).length() > 20_000) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "the claim statement is needed, at most 20000 characters", "claim");
            }
            arbitration.file(partId, trim(claim), null);
            return SupplyFinancePages.seeOther(uri, "app/certificates/" + id, "arbitration");
        } catch (ProblemException e) {
            return Response.status(e.status().getStatusCode()).entity(detailPage(id, null, e.getMessage())).type(MediaType.TEXT_HTML).build();
        }
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    static long cents(String value) {
        return decimal(value, "value").movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
    }

    static BigDecimal decimal(String value, String field) {
        try {
            var amount = new BigDecimal(trim(value).replace(",", ""));
            if (amount.signum() <= 0 || amount.scale() > 2) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, field + ": '" + trim(value) + "' is not an amount in yuan with at most two decimals",
                    field);
        }
    }

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(trim(value));
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, field + ": '" + trim(value) + "' is not a date (YYYY-MM-DD)", field);
        }
    }

    static Instant instant(String value) {
        try {
            String v = trim(value);
            // A datetime-local field gives 2026-12-12T10:00 in the browser's time: taken as China Standard Time.
            return v.endsWith("Z") ? Instant.parse(v) : java.time.LocalDateTime.parse(v).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "expiresAt: '" + trim(value) + "' is not a date and time", "expiresAt");
        }
    }
}
