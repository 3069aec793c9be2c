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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.einvoice.invoices.Invoice;
import org.alliancechain.einvoice.invoices.InvoiceAccess;
import org.alliancechain.einvoice.invoices.InvoiceResource;
import org.alliancechain.einvoice.invoices.InvoiceService;
import org.alliancechain.einvoice.invoices.InvoiceViews;
import org.alliancechain.einvoice.issuers.Taxpayer;
import org.alliancechain.einvoice.reimbursement.BookingResource;
import org.alliancechain.einvoice.reimbursement.Claim;
import org.alliancechain.einvoice.reimbursement.ClaimService;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.tax.VatTreatment;
import org.alliancechain.service.evidence.EvidenceConfig;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.service.web.QrCodes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The invoice pages: the issuer's list of issued invoices and its issue form (lines with add-row,
 * rate or treatment per line, prices with or without tax; refusals shown next to the fields with the
 * API's messages), the buyer's list of received invoices with the booking form, and one invoice's
 * page for both sides (lines, totals, state, chain state, marks, record digest, and a QR code of its
 * public verification link).
 */
@Path("/app/invoices")
@Produces(MediaType.TEXT_HTML)
public class InvoicePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance issued(PageShell page, List<Row> invoices, boolean pending);

        static native TemplateInstance received(PageShell page, List<Row> invoices, List<Choice> marks, boolean mayBook, boolean pending,
                                                FormErrors errors);

        static native TemplateInstance form(PageShell page, IssueForm form, List<Choice> kinds, List<Choice> rates, List<Choice> buyers,
                                            FormErrors errors);

        static native TemplateInstance detail(PageShell page, InvoiceViews.InvoiceView invoice, String verifyUrl, String qr, boolean pending,
                                              String booking, RedLetterPanel.Panel red, List<Choice> reasons, FormErrors errors);
    }

    /** A code and its bilingual label, for selects. */
    public record Choice(String code, String label) {
    }

    /** One invoice of a list, with its booking (for the buyer): booked with which mark, or a booking on its way. */
    public record Row(InvoiceViews.InvoiceSummary invoice, String bookedMark, boolean bookingPending, boolean bookable) {
        public boolean pending() {
            return invoice.state() == InvoiceViews.State.PENDING;
        }
    }

    /** The issue form as entered (shown again when refused). */
    public record IssueForm(String kind, String buyerTaxId, String note, boolean taxInclusive, List<LineForm> lines) {
        static IssueForm empty() {
            return new IssueForm(InvoiceKind.DIGITAL_SPECIAL.name(), "", "", false, List.of(LineForm.empty(0)));
        }
    }

    /** One line of the issue form; {@code rate} is a rate ("0.13") or a treatment without tax ("EXEMPT"). */
    public record LineForm(int index, String name, String unit, String quantity, String unitPrice, String amount, String rate,
                           String exemptionReason) {
        static LineForm empty(int index) {
            return new LineForm(index, "", "", "", "", "", "0.13", "");
        }
    }

    static final List<Choice> KINDS = Arrays.stream(InvoiceKind.values()).filter(InvoiceKind::issuable)
            .map(k -> new Choice(k.name(), k.labelZh() + " " + k.labelEn())).toList();

    static final List<Choice> RATES = List.of(new Choice("0.13", "13%"), new Choice("0.09", "9%"), new Choice("0.06", "6%"),
            new Choice("0.05", "5%"), new Choice("0.03", "3%"), new Choice("0.01", "1%"),
            new Choice(VatTreatment.ZERO_RATED.name(), "0% " + VatTreatment.ZERO_RATED.labelZh() + " " + VatTreatment.ZERO_RATED.labelEn()),
            new Choice(VatTreatment.EXEMPT.name(), VatTreatment.EXEMPT.labelZh() + " " + VatTreatment.EXEMPT.labelEn()),
            new Choice(VatTreatment.NOT_TAXED.name(), VatTreatment.NOT_TAXED.labelZh() + " " + VatTreatment.NOT_TAXED.labelEn()));

    static final List<Choice> MARKS = List.of(Claim.Kind.BOOKED_DEDUCTIBLE, Claim.Kind.BOOKED_NON_DEDUCTIBLE).stream()
            .map(k -> new Choice(k.name(), k.chinese + " " + k.english)).toList();

    private final Caller caller;
    private final InvoiceService service;
    private final InvoiceViews views;
    private final InvoiceAccess access;
    private final ClaimService claims;
    private final EInvoicePages pages;
    private final Validator validator;
    private final EvidenceConfig evidence;
    private final RedLetterPanel redLetter;

    InvoicePages(Caller caller, InvoiceService service, InvoiceViews views, InvoiceAccess access, ClaimService claims, EInvoicePages pages,
                 Validator validator, EvidenceConfig evidence, RedLetterPanel redLetter) {
        this.caller = caller;
        this.service = service;
        this.views = views;
        this.access = access;
        this.claims = claims;
        this.pages = pages;
        this.validator = validator;
        this.evidence = evidence;
        this.redLetter = redLetter;
    }

    // ---- lists ----------------------------------------------------------------------------

    @GET
    @Path("/issued")
    @RolesAllowed("issuer")
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance issued(@QueryParam("notice") String notice) {
        var rows = rows("seller");
        return Templates.issued(pages.page(notice), rows, rows.stream().anyMatch(Row::pending));
    }

    @GET
    @Path("/received")
    @RolesAllowed({"receiver", "expense-approver"})
    @Operation(hidden = true)
    public TemplateInstance received(@QueryParam("notice") String notice) {
        return receivedPage(notice, FormErrors.NONE);
    }

    @POST
    @Path("/{invoiceId: \\d+}/booking")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"receiver", "expense-approver"})
    @Operation(hidden = true)
    public Response book(@PathParam("invoiceId") long id, @RestForm String mark, @RestForm String reference, UriInfo uri) {
        String form = "book-" + id;
        var unreadable = new HashMap<String, String>();
        Claim.Kind kind = null;
        try {
            kind = mark == null || mark.isBlank() ? null : Claim.Kind.valueOf(mark.strip());
        } catch (IllegalArgumentException e) {
            unreadable.put("mark", "'" + mark + "' is not a booking mark");
        }
        var request = new BookingResource.BookingRequest(kind, PagesText.blankToNull(reference));
        var violations = validator.validate(request);
        if (!violations.isEmpty() || !unreadable.isEmpty()) {
            var errors = FormErrors.of(form, violations, unreadable);
            return Response.status(errors.status()).entity(receivedPage(null, errors)).type(MediaType.TEXT_HTML).build();
        }
        try {
            claims.book(id, request.mark(), request.reference());
            return EInvoicePages.seeOther(uri, "app/invoices/received", "booked");
        } catch (ProblemException e) {
            var errors = FormErrors.of(form, e);
            return Response.status(errors.status()).entity(receivedPage(null, errors)).type(MediaType.TEXT_HTML).build();
        }
    }

    // ---- issuing --------------------------------------------------------------------------

    @GET
    @Path("/new")
    @RolesAllowed("issuer")
    @Operation(hidden = true)
    public TemplateInstance issueForm() {
        return formPage(IssueForm.empty(), FormErrors.NONE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("issuer")
    @Operation(hidden = true)
    public Response issue(@RestForm String kind, @RestForm String buyerTaxId, @RestForm String note, @RestForm String taxInclusive,
                          @RestForm("name") List<String> names, @RestForm("unit") List<String> units,
                          @RestForm("quantity") List<String> quantities, @RestForm("unitPrice") List<String> unitPrices,
                          @RestForm("amount") List<String> amounts, @RestForm("rate") List<String> rates,
                          @RestForm("exemptionReason") List<String> reasons, UriInfo uri) {
        boolean inclusive = taxInclusive != null && !taxInclusive.isBlank();
        var lines = new ArrayList<LineForm>();
        int count = names == null ? 0 : names.size();
        for (int i = 0; i < count; i++) {
            var line = new LineForm(lines.size(), at(names, i), at(units, i), at(quantities, i), at(unitPrices, i), at(amounts, i),
                    at(rates, i), at(reasons, i));
            boolean blank = line.name().isEmpty() && line.quantity().isEmpty() && line.unitPrice().isEmpty() && line.amount().isEmpty();
            if (!blank || count == 1) {
                lines.add(line);
            }
        }
        var form = new IssueForm(EInvoicePages.trim(kind), EInvoicePages.trim(buyerTaxId), EInvoicePages.trim(note), inclusive,
                lines.isEmpty() ? List.of(LineForm.empty(0)) : lines);
        var unreadable = new HashMap<String, String>();
        InvoiceKind invoiceKind = null;
        try {
            invoiceKind = form.kind().isEmpty() ? null : InvoiceKind.valueOf(form.kind());
        } catch (IllegalArgumentException e) {
            unreadable.put("kind", "'" + form.kind() + "' is not a kind of invoice");
        }
        var requestLines = new ArrayList<InvoiceResource.LineRequest>();
        for (var line : lines) {
            requestLines.add(lineRequest(line, inclusive, unreadable));
        }
        var request = new InvoiceResource.IssueRequest(invoiceKind, form.buyerTaxId(), requestLines, PagesText.blankToNull(form.note()));
        var violations = validator.validate(request);
        if (!violations.isEmpty() || !unreadable.isEmpty()) {
            var errors = FormErrors.of("issue", violations, unreadable);
            return Response.status(errors.status()).entity(formPage(form, errors)).type(MediaType.TEXT_HTML).build();
        }
        try {
            var invoice = service.issue(request.issue());
            return EInvoicePages.seeOther(uri, "app/invoices/" + invoice.id, "issued");
        } catch (ProblemException e) {
            var errors = FormErrors.of("issue", e);
            return Response.status(errors.status()).entity(formPage(form, errors)).type(MediaType.TEXT_HTML).build();
        }
    }

    // ---- one invoice ----------------------------------------------------------------------

    @GET
    @Path("/{invoiceId: \\d+}")
    @RolesAllowed({"issuer", "receiver", "expense-approver"})
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance detail(@PathParam("invoiceId") long id, @QueryParam("notice") String notice) {
        return detailPage(id, notice, null, FormErrors.NONE);
    }

    /**
     * Starts a red-letter form on this (blue) invoice from its page: state 01 issues the red invoice
     * at once, 02/03 await the other party; either way on to the red-letter forms. A refusal shows the
     * invoice page again with the service's messages next to the fields (by blue line).
     */
    @POST
    @Path("/{invoiceId: \\d+}/red-letter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"issuer", "receiver"})
    @Operation(hidden = true)
    public Response startRedLetter(@PathParam("invoiceId") long id, @RestForm String reason, @RestForm String fullRed,
                                   @RestForm String taxInclusive, @RestForm String buyerDeducted,
                                   @RestForm("redQuantity") List<String> quantities, @RestForm("redAmount") List<String> amounts,
                                   UriInfo uri) {
        var form = RedLetterPanel.entered(reason, fullRed, taxInclusive, buyerDeducted, quantities, amounts);
        try {
            var started = redLetter.start(id, form);
            return EInvoicePages.seeOther(uri, "app/red-letter", started.formState().issuesRedInvoice() ? "red-issued" : "red-started");
        } catch (RedLetterPanel.Refused e) {
            return Response.status(e.errors.status()).entity(detailPage(id, null, form, e.errors)).type(MediaType.TEXT_HTML).build();
        }
    }

    @Transactional
    TemplateInstance detailPage(long id, String notice, RedLetterPanel.StartForm form, FormErrors errors) {
        var entity = access.visible(id);
        var invoice = views.of(entity);
        String verifyUrl = evidence.publicUrl().replaceAll("/+$", "") + "/verify/invoice?kind=" + entity.kind.name() + "&number=" + entity.number
                    + "&issueDate=" + entity.issueDate + "&total=" + URLEncoder.encode(entity.total.toPlainString(), StandardCharsets.UTF_8);
        String qr = QrCodes.svg(verifyUrl, 132);
        boolean pending = invoice.state() == InvoiceViews.State.PENDING || invoice.chain() != null && invoice.chain().inProgress();
        String booking = null;
        if (access.sideOf(entity) == InvoiceAccess.Side.BUYER && entity.bookedBy == null && Claim.count(
                "invoiceId = ?1 and organisation = ?2 and status = ?3", entity.id, caller.requireOrganisation(), Claim.Status.PENDING) > 0) {
            booking = "PENDING";
            pending = true;
        }
        var red = redLetter.of(entity, invoice.state(), form);
        if (red != null && red.reds().stream().anyMatch(r -> r.state().equals(InvoiceViews.State.PENDING.name()))) {
            pending = true;
        }
        return Templates.detail(pages.page(notice), invoice, verifyUrl, qr, pending, booking, red, RedLetterPanel.REASONS, errors);
    }

    // ---- helpers --------------------------------------------------------------------------

    TemplateInstance receivedPage(String notice, FormErrors errors) {
        var rows = rows("buyer");
        var roles = caller.roles();
        return Templates.received(pages.page(notice), rows, MARKS, roles.contains("receiver") || roles.contains("expense-approver"),
                rows.stream().anyMatch(r -> r.pending() || r.bookingPending()), errors);
    }

    @Transactional
    List<Row> rows(String column) {
        String organisation = caller.requireOrganisation();
        var invoices = Invoice.<Invoice>find(column + " = ?1 order by id desc", organisation).page(0, 100).list();
        var pendingBookings = new java.util.HashSet<Long>();
        if ("buyer".equals(column) && !invoices.isEmpty()) {
            Claim.<Claim>list("organisation = ?1 and status = ?2 and kind in ?3 and invoiceId in ?4", organisation, Claim.Status.PENDING,
                    List.of(Claim.Kind.BOOKED_DEDUCTIBLE, Claim.Kind.BOOKED_NON_DEDUCTIBLE), invoices.stream().map(i -> i.id).toList())
                    .forEach(c -> pendingBookings.add(c.invoiceId));
        }
        return invoices.stream().map(i -> {
            var summary = views.summary(i);
            String mark = i.bookedMark == null ? null : label(i.bookedMark);
            boolean claimable = summary.state() == InvoiceViews.State.ISSUED || summary.state() == InvoiceViews.State.PARTLY_RED_LETTERED;
            boolean bookable = "buyer".equals(column) && i.bookedBy == null && !pendingBookings.contains(i.id) && claimable && !i.pledged;
            return new Row(summary, mark, pendingBookings.contains(i.id), bookable);
        }).toList();
    }

    @Transactional
    TemplateInstance formPage(IssueForm form, FormErrors errors) {
        String mine = caller.requireOrganisation();
        var buyers = Taxpayer.<Taxpayer>list("organisation <> ?1 order by organisation", mine).stream()
                .map(t -> new Choice(t.taxId, t.name + " (" + t.organisation + ")")).toList();
        return Templates.form(pages.page(null), form, KINDS, RATES, buyers, errors);
    }

    private static InvoiceResource.LineRequest lineRequest(LineForm line, boolean inclusive, Map<String, String> unreadable) {
        String at = "lines[" + line.index() + "].";
        var quantity = Amounts.parse(line.quantity(), at + "quantity", unreadable);
        var unitPrice = Amounts.parse(line.unitPrice(), at + "unitPrice", unreadable);
        var amount = Amounts.parse(line.amount(), at + "amount", unreadable);
        BigDecimal rate;
        VatTreatment treatment;
        String code = line.rate().isEmpty() ? "0.13" : line.rate();
        if (Character.isDigit(code.charAt(0))) {
            rate = Amounts.parse(code, at + "rate", unreadable);
            treatment = VatTreatment.STANDARD;
        } else {
            try {
                treatment = VatTreatment.valueOf(code);
            } catch (IllegalArgumentException e) {
                unreadable.put(at + "rate", "'" + code + "' is neither a rate nor a treatment");
                treatment = VatTreatment.STANDARD;
            }
            rate = treatment == VatTreatment.NOT_TAXED ? null : BigDecimal.ZERO;
        }
        return new InvoiceResource.LineRequest(line.name(), null, PagesText.blankToNull(line.unit()), quantity, unitPrice, amount, inclusive,
                rate, treatment, PagesText.blankToNull(line.exemptionReason()), null, null, null);
    }

    private static String at(List<String> values, int index) {
        return values == null || index >= values.size() || values.get(index) == null ? "" : values.get(index).strip();
    }

    private static String label(String mark) {
        try {
            var kind = Claim.Kind.valueOf(mark);
            return kind.chinese + " " + kind.english;
        } catch (IllegalArgumentException e) {
            return mark;
        }
    }
}
