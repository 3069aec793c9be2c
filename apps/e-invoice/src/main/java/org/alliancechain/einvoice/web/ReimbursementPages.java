package org.alliancechain.einvoice.web;

import org.alliancechain.service.web.FormErrors;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.einvoice.invoices.Invoice;
import org.alliancechain.einvoice.reimbursement.Claim;
import org.alliancechain.einvoice.reimbursement.ClaimResource;
import org.alliancechain.einvoice.reimbursement.ClaimService;
import org.alliancechain.einvoice.reimbursement.ClaimViews;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.tenancy.Tenancy;
import org.alliancechain.service.web.PageShell;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Reimbursement for expense approvers (and the organisation's bookings for receivers): the
 * reimburse form (kind, number, issue date, total, as the expense claim presents the invoice) and the
 * organisation's claims with the chain's decision. A refusal names the member that reimbursed (or
 * booked) the invoice first and when — nothing else of that member's claim.
 */
@Path("/app/reimbursements")
@Produces(MediaType.TEXT_HTML)
public class ReimbursementPages {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance claims(PageShell page, List<Row> claims, Presented form, List<InvoicePages.Choice> kinds,
                                              boolean mayReimburse, boolean pending, FormErrors errors, String firstClaim);
    }

    /** The reimburse form as entered (shown again when refused). */
    public record Presented(String kind, String number, String issueDate, String total, String reference) {
        static Presented empty() {
            return new Presented(InvoiceKind.DIGITAL_SPECIAL.name(), "", "", "", "");
        }
    }

    /** One claim with what a refusal says in words. */
    public record Row(ClaimViews.ClaimView claim, String refusalText, boolean mayReverse) {
        public boolean pending() {
            return claim.status() == Claim.Status.PENDING || claim.reversalRequestedAt() != null && claim.status() == Claim.Status.ACCEPTED
                    && (claim.reversal() == null || !claim.reversal().failed());
        }
    }

    private final Caller caller;
    private final ClaimService service;
    private final ClaimViews views;
    private final Tenancy tenancy;
    private final EInvoicePages pages;
    private final Validator validator;

    ReimbursementPages(Caller caller, ClaimService service, ClaimViews views, Tenancy tenancy, EInvoicePages pages, Validator validator) {
        this.caller = caller;
        this.service = service;
        this.views = views;
        this.tenancy = tenancy;
        this.pages = pages;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({"receiver", "expense-approver"})
    @Operation(hidden = true)
    public TemplateInstance claims(@QueryParam("notice") String notice) {
        return page(notice, Presented.empty(), FormErrors.NONE, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("expense-approver")
    @Operation(hidden = true)
    public Response reimburse(@RestForm String kind, @RestForm String number, @RestForm String issueDate, @RestForm String total,
                              @RestForm String reference, UriInfo uri) {
        var form = new Presented(EInvoicePages.trim(kind), EInvoicePages.trim(number), EInvoicePages.trim(issueDate), EInvoicePages.trim(total),
                EInvoicePages.trim(reference));
        var unreadable = new HashMap<String, String>();
        InvoiceKind invoiceKind = null;
        try {
            invoiceKind = form.kind().isEmpty() ? null : InvoiceKind.valueOf(form.kind());
        } catch (IllegalArgumentException e) {
            unreadable.put("kind", "'" + form.kind() + "' is not a kind of invoice");
        }
        LocalDate date = null;
        try {
            date = form.issueDate().isEmpty() ? null : LocalDate.parse(form.issueDate());
        } catch (DateTimeParseException e) {
            unreadable.put("issueDate", "'" + form.issueDate() + "' 不是日期 is not a date (yyyy-mm-dd)");
        }
        var request = new ClaimResource.ReimbursementRequest(invoiceKind, form.number(), date, Amounts.parse(form.total(), "total", unreadable),
                PagesText.blankToNull(form.reference()));
        var violations = validator.validate(request);
        if (!violations.isEmpty() || !unreadable.isEmpty()) {
            var errors = FormErrors.of("reimburse", violations, unreadable);
            return Response.status(errors.status()).entity(page(null, form, errors, null)).type(MediaType.TEXT_HTML).build();
        }
        try {
            service.reimburse(request.presented());
            return EInvoicePages.seeOther(uri, "app/reimbursements", "reimbursing");
        } catch (ProblemException e) {
            var errors = FormErrors.of("reimburse", e);
            String first = e.status().getStatusCode() == 409 ? firstClaim(request) : null;
            return Response.status(errors.status()).entity(page(null, form, errors, first)).type(MediaType.TEXT_HTML).build();
        }
    }

    TemplateInstance page(String notice, Presented form, FormErrors errors, String firstClaim) {
        var rows = rows();
        return Templates.claims(pages.page(notice), rows, form, InvoicePages.KINDS, caller.roles().contains("expense-approver"),
                rows.stream().anyMatch(Row::pending), errors, firstClaim);
    }

    @Transactional
    List<Row> rows() {
        return views.of(tenancy.list(Claim.class, null, Map.of(), Sort.descending("id")).page(0, 200).list()).stream()
                .map(c -> new Row(c, refusalText(c.refusal(), c.holder(), c.holderAt(), c.refusalLabel()), mayReverse(c))).toList();
    }

    /** An accepted claim not being taken back already; a reimbursement only for an expense approver. */
    private boolean mayReverse(ClaimViews.ClaimView c) {
        return c.status() == Claim.Status.ACCEPTED && (c.reversalRequestedAt() == null || c.reversal() != null && c.reversal().failed())
                && (c.kind() != Claim.Kind.REIMBURSEMENT || caller.roles().contains("expense-approver"));
    }

    /** Takes back an accepted booking or reimbursement with the reason (the API's {@code POST /api/claims/{id}/reversal}). */
    @POST
    @Path("/claims/{claimId}/reversal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"receiver", "expense-approver"})
    @Operation(hidden = true)
    public Response reverse(@jakarta.ws.rs.PathParam("claimId") long claimId, @RestForm String reason, UriInfo uri) {
        var request = new ClaimResource.ReversalRequest(PagesText.blankToNull(EInvoicePages.trim(reason)));
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            var errors = FormErrors.of("reversal", violations, Map.of());
            return Response.status(errors.status()).entity(page(null, Presented.empty(), errors, null)).type(MediaType.TEXT_HTML).build();
        }
        try {
            service.reverse(claimId, request.reason());
            return EInvoicePages.seeOther(uri, "app/reimbursements", "reversing");
        } catch (ProblemException e) {
            var errors = FormErrors.of("reversal", e);
            return Response.status(errors.status()).entity(page(null, Presented.empty(), errors, null)).type(MediaType.TEXT_HTML).build();
        }
    }

    /** Who reimbursed or booked the presented invoice first, and when (what the API's refusal says too), in both languages. */
    @Transactional
    String firstClaim(ClaimResource.ReimbursementRequest request) {
        return Invoice.byNumber(request.kind(), request.number())
                .filter(i -> i.issueDate.equals(request.issueDate()) && i.total.compareTo(request.total()) == 0)
                .map(i -> i.reimbursedBy != null ? refusalText("ALREADY_REIMBURSED", i.reimbursedBy, i.reimbursedAt, null)
                        : i.bookedBy != null && !i.bookedBy.equals(caller.requireOrganisation())
                        ? refusalText("ALREADY_BOOKED_ELSEWHERE", null, null, null) : null)
                .orElse(null);
    }

    /** "已由 nova-manufacturing 于 2026-12-05 07:10 报销 · Already reimbursed by nova-manufacturing on 2026-12-05 07:10". */
    static String refusalText(String refusal, String holder, Instant at, String label) {
        if (refusal == null) {
            return null;
        }
        String when = at == null ? "" : LOCAL.format(at);
        return switch (refusal) {
            case "ALREADY_REIMBURSED" -> holder == null ? "已报销 · Already reimbursed"
                    : "已由 " + holder + " 于 " + when + " 报销 · Already reimbursed by " + holder + " on " + when;
            case "ALREADY_BOOKED_ELSEWHERE" -> holder == null ? "已被其他单位入账 · Already booked by another organisation"
                    : "已由 " + holder + " 于 " + when + " 入账 · Already booked by " + holder + " on " + when;
            default -> label == null ? refusal : label;
        };
    }
}
