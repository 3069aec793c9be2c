package org.alliancechain.einvoice.web;

import org.alliancechain.service.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.verification.ClientThrottle;
import org.alliancechain.einvoice.verification.InvoiceVerification;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public check of an invoice (发票查验), for anyone, signed in or not: number, issue date and total
 * including tax in, and out whether it is valid, its state, red-letter status and remaining amount,
 * whether it was reimbursed, and its InvoiceRegistry transaction — never the parties. The same answer
 * and the same per-client throttle as the API's {@code /api/public/invoices/verification}; the
 * invoice page's QR code links here with the three facts filled in.
 */
@Path("/verify/invoice")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class InvoiceVerifyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance verify(PageShell page, Query query, List<InvoicePages.Choice> kinds, InvoiceVerification.Answer answer,
                                              FormErrors errors);
    }

    /** The form as entered. */
    public record Query(String kind, String number, String issueDate, String total) {
    }

    private final InvoiceVerification verification;
    private final ClientThrottle throttle;
    private final EInvoicePages pages;
    private final Validator validator;

    InvoiceVerifyPage(InvoiceVerification verification, ClientThrottle throttle, EInvoicePages pages, Validator validator) {
        this.verification = verification;
        this.throttle = throttle;
        this.pages = pages;
        this.validator = validator;
    }

    @GET
    @Operation(hidden = true)
    public Response verify(@QueryParam("kind") String kind, @QueryParam("number") String number, @QueryParam("issueDate") String issueDate,
                           @QueryParam("total") String total, @Context HttpServerRequest request) {
        var query = new Query(EInvoicePages.trim(kind), EInvoicePages.trim(number), EInvoicePages.trim(issueDate), EInvoicePages.trim(total));
        if (query.number().isEmpty() && query.issueDate().isEmpty() && query.total().isEmpty()) {
            return page(200, query, null, FormErrors.NONE);
        }
        var unreadable = new HashMap<String, String>();
        InvoiceKind invoiceKind = null;
        try {
            invoiceKind = query.kind().isEmpty() ? null : InvoiceKind.valueOf(query.kind());
        } catch (IllegalArgumentException e) {
            unreadable.put("kind", "'" + query.kind() + "' is not a kind of invoice");
        }
        LocalDate date = null;
        try {
            date = query.issueDate().isEmpty() ? null : LocalDate.parse(query.issueDate());
        } catch (DateTimeParseException e) {
            unreadable.put("issueDate", "'" + query.issueDate() + "' 不是日期 is not a date (yyyy-mm-dd)");
        }
        BigDecimal amount = Amounts.parse(query.total(), "total", unreadable);
        // The API's constraints on the three facts, checked through its request record for reimbursements (the same fields).
        var facts = new org.alliancechain.einvoice.reimbursement.ClaimResource.ReimbursementRequest(
                invoiceKind == null ? InvoiceKind.DIGITAL_SPECIAL : invoiceKind, query.number(), date, amount, null);
        var violations = validator.validate(facts);
        if (!violations.isEmpty() || !unreadable.isEmpty()) {
            return page(400, query, null, FormErrors.of("verify", violations, unreadable));
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        try {
            throttle.admit(client);
        } catch (ProblemException e) {
            return page(e.status().getStatusCode(), query, null, FormErrors.of("verify", e));
        }
        var answer = check(invoiceKind, query.number(), date, amount);
        if (!answer.found()) {
            throttle.failed(client);
        }
        return page(200, query, answer, FormErrors.NONE);
    }

    @Transactional
    InvoiceVerification.Answer check(InvoiceKind kind, String number, LocalDate issueDate, BigDecimal total) {
        return verification.check(kind, number, issueDate, total);
    }

    private Response page(int status, Query query, InvoiceVerification.Answer answer, FormErrors errors) {
        return Response.status(status).entity(Templates.verify(pages.anonymous(), query, InvoicePages.KINDS, answer, errors))
                .type(MediaType.TEXT_HTML).build();
    }
}
