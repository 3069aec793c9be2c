package org.alliancechain.supplyfinance.web;

import org.alliancechain.service.chain.ChainClock;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.LocalDate;
import java.util.List;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.supplyfinance.financing.FinancingResource;
import org.alliancechain.supplyfinance.financing.FinancingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The financing desk: a holder's requests with the banks' quotes side by side (days, interest, fee,
 * proceeds) to accept one; a bank's open requests to quote and its accepted ones to record payment.
 */
@Path("/app/financings")
@Produces(MediaType.TEXT_HTML)
public class FinancingPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(PageShell page, List<FinancingResource.FinancingView> mine, List<FinancingResource.FinancingView> open,
                                            List<FinancingResource.FinancingView> toPay, boolean isBank, String organisation, String error,
                                            LocalDate today, String validUntil, boolean pending);
    }

    private final Caller caller;
    private final SupplyFinancePages pages;
    private final FinancingService service;
    private final FinancingResource api;

    private final ChainClock clock;

    FinancingPages(Caller caller, SupplyFinancePages pages, FinancingService service, FinancingResource api, ChainClock clock) {
        this.clock = clock;
        this.caller = caller;
        this.pages = pages;
        this.service = service;
        this.api = api;
    }

    @GET
    @RolesAllowed({"supplier", "bank"})
    @Operation(hidden = true)
    public TemplateInstance desk(@QueryParam("notice") String notice) {
        return deskPage(notice, null);
    }

    private TemplateInstance deskPage(String notice, String error) {
        String organisation = caller.requireOrganisation();
        var all = api.list();
        var mine = all.stream().filter(f -> organisation.equals(f.holder())).toList();
        var open = all.stream().filter(f -> !organisation.equals(f.holder()) && "REQUESTED".equals(f.status())).toList();
        var toPay = all.stream().filter(f -> organisation.equals(f.bank())).toList();
        boolean pending = all.stream().anyMatch(f -> "PENDING".equals(f.status())
                || f.quotes().stream().anyMatch(q -> "PENDING".equals(q.status())) || (f.lastStep() != null && f.lastStep().inProgress()));
        return Templates.desk(pages.page(notice), mine, open, toPay, caller.roles().contains("bank"), organisation, error,
                clock.today(),
                java.time.LocalDateTime.ofInstant(clock.now(), ChainClock.CHINA).plusDays(2).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        .toString(), pending);
    }

    @POST
    @Path("/{financingId: \\d+}/quotes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("bank")
    @Operation(hidden = true)
    public Response quote(@PathParam("financingId") long id, @RestForm String annualRate, @RestForm String fee, @RestForm boolean recourse,
                          @RestForm String discountDate, @RestForm String validUntil, UriInfo uri) {
        try {
            BigDecimal rate;
            BigDecimal feeAmount;
            try {
                rate = new BigDecimal(CertificatePages.trim(annualRate));
                feeAmount = CertificatePages.trim(fee).isEmpty() ? BigDecimal.ZERO : new BigDecimal(CertificatePages.trim(fee));
            } catch (NumberFormatException e) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "the rate and the fee are numbers, e.g. 3.90 and 1500.00");
            }
            if (rate.signum() <= 0 || feeAmount.signum() < 0 || feeAmount.scale() > 2) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "the rate is above zero; the fee is zero or more, in yuan with two decimals");
            }
            service.quote(id, new FinancingService.Terms(rate, feeAmount.movePointRight(2).longValueExact(), recourse,
                    CertificatePages.date(discountDate, "discountDate"), CertificatePages.instant(validUntil)));
            return SupplyFinancePages.seeOther(uri, "app/financings", "quoted");
        } catch (ProblemException e) {
            return Response.status(e.status().getStatusCode()).entity(deskPage(null, e.getMessage())).type(MediaType.TEXT_HTML).build();
        }
    }

    @POST
    @Path("/{financingId: \\d+}/{step: accept|payment|withdraw}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"supplier", "bank"})
    @Operation(hidden = true)
    public Response step(@PathParam("financingId") long id, @PathParam("step") String step, @RestForm String quote,
                         @RestForm String paymentReference, @RestForm String crcRegistration, UriInfo uri) {
        try {
            String notice = switch (step) {
                case "accept" -> {
                    service.accept(id, Long.parseLong(CertificatePages.trim(quote)));
                    yield "accepted";
                }
                case "payment" -> {
                    if (CertificatePages.trim(paymentReference).isEmpty() || CertificatePages.trim(crcRegistration).isEmpty()) {
                        throw new ProblemException(ProblemException.UNPROCESSABLE, "the payment reference and the CRC registration number are needed");
                    }
                    service.recordPayment(id, CertificatePages.trim(paymentReference), CertificatePages.trim(crcRegistration));
                    yield "paid";
                }
                default -> {
                    service.withdraw(id);
                    yield "withdrawn";
                }
            };
            return SupplyFinancePages.seeOther(uri, "app/financings", notice);
        } catch (NumberFormatException e) {
            return Response.status(422).entity(deskPage(null, "choose a quote")).type(MediaType.TEXT_HTML).build();
        } catch (ProblemException e) {
            return Response.status(e.status().getStatusCode()).entity(deskPage(null, e.getMessage())).type(MediaType.TEXT_HTML).build();
        }
    }
}
