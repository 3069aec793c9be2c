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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.alliancechain.einvoice.redletter.FormState;
import org.alliancechain.einvoice.redletter.RedLetterResource;
import org.alliancechain.einvoice.redletter.RedLetterService;
import org.alliancechain.einvoice.redletter.RedLetterViews;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The organisation's red-letter forms (红字发票信息确认单), as initiator or counterparty: state badges
 * by the bureau's codes (01/04 issued, 02/03 awaiting with the time left of the 72 hours, 05–13
 * void), confirm and refuse (with a note) for the counterparty of an open form, withdraw for its
 * initiator, and once a red invoice is issued its number and chain state, refreshed until the chain
 * confirms it. Refusals are shown in the form's row.
 */
@Path("/app/red-letter")
@Produces(MediaType.TEXT_HTML)
public class RedLetterPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forms(PageShell page, List<Row> forms, boolean pending, FormErrors errors);
    }

    /**
     * One form with what the caller's organisation is to it and may do now.
     *
     * @param badge    the badge class: ISSUED (01/04), PENDING (02/03) or VOID (05–13)
     * @param timeLeft of the 72 hours, for an open form
     */
    public record Row(RedLetterViews.FormView form, boolean initiator, String party, String badge, String timeLeft, boolean mayDecide,
                      boolean mayWithdraw) {
        /** Whether the red invoice is still on its way to the chain (the page refreshes itself meanwhile). */
        public boolean pending() {
            return form.redInvoiceId() != null && (form.redChain() == null || form.redChain().inProgress());
        }
    }

    private final Caller caller;
    private final RedLetterService service;
    private final RedLetterViews views;
    private final EInvoicePages pages;
    private final Validator validator;

    RedLetterPages(Caller caller, RedLetterService service, RedLetterViews views, EInvoicePages pages, Validator validator) {
        this.caller = caller;
        this.service = service;
        this.views = views;
        this.pages = pages;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({"issuer", "receiver"})
    @Operation(hidden = true)
    public TemplateInstance forms(@QueryParam("notice") String notice) {
        return page(notice, FormErrors.NONE);
    }

    @POST
    @Path("/{formId: \\d+}/confirmation")
    @RolesAllowed({"issuer", "receiver"})
    @Operation(hidden = true)
    public Response confirm(@PathParam("formId") long id, UriInfo uri) {
        return step("confirm", id, uri, "red-confirmed", service::confirm);
    }

    @POST
    @Path("/{formId: \\d+}/refusal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"issuer", "receiver"})
    @Operation(hidden = true)
    public Response refuse(@PathParam("formId") long id, @RestForm String note, UriInfo uri) {
        return noted("refuse", id, note, uri, "red-refused", n -> service.refuse(id, n));
    }

    @POST
    @Path("/{formId: \\d+}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"issuer", "receiver"})
    @Operation(hidden = true)
    public Response withdraw(@PathParam("formId") long id, @RestForm String note, UriInfo uri) {
        return noted("withdraw", id, note, uri, "red-withdrawn", n -> service.withdraw(id, n));
    }

    // ---- helpers --------------------------------------------------------------------------

    /** A refusal or withdrawal: the note checked as the API's {@link RedLetterResource.NoteRequest}. */
    private Response noted(String kind, long id, String note, UriInfo uri, String notice, java.util.function.Consumer<String> step) {
        var request = new RedLetterResource.NoteRequest(PagesText.blankToNull(note));
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            var errors = FormErrors.of(kind + "-" + id, violations, Map.of());
            return Response.status(errors.status()).entity(page(null, errors)).type(MediaType.TEXT_HTML).build();
        }
        return step(kind, id, uri, notice, formId -> {
            step.accept(request.note());
            return null;
        });
    }

    private Response step(String kind, long id, UriInfo uri, String notice, LongFunction<?> step) {
        try {
            step.apply(id);
            return EInvoicePages.seeOther(uri, "app/red-letter", notice);
        } catch (ProblemException e) {
            var errors = FormErrors.of(kind + "-" + id, e);
            return Response.status(errors.status()).entity(page(null, errors)).type(MediaType.TEXT_HTML).build();
        }
    }

    TemplateInstance page(String notice, FormErrors errors) {
        var rows = rows();
        return Templates.forms(pages.page(notice), rows, rows.stream().anyMatch(Row::pending), errors);
    }

    @Transactional
    List<Row> rows() {
        String organisation = caller.requireOrganisation();
        Instant now = Instant.now();
        return service.mine().stream().limit(200).map(views::of).map(f -> {
            boolean initiator = f.initiator().equals(organisation);
            var state = FormState.ofCode(f.state());
            String badge = state.issuesRedInvoice() ? "ISSUED" : state.open() ? "PENDING" : "VOID";
            String party = initiator ? "发起方 Initiator" : "对方 Counterparty";
            String left = state.open() && f.confirmBy() != null ? timeLeft(Duration.between(now, f.confirmBy())) : null;
            return new Row(f, initiator, party, badge, left, state.open() && !initiator, state.open() && initiator);
        }).toList();
    }

    /** "剩余 71 小时 58 分 · 71 h 58 min left", or that the window has passed. */
    static String timeLeft(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "已超过 72 小时，即将作废 · The 72 hours have passed; it becomes void at the next check";
        }
        long hours = left.toHours();
        long minutes = left.toMinutesPart();
        return "剩余 " + hours + " 小时 " + minutes + " 分 · " + hours + " h " + minutes + " min left";
    }
}
