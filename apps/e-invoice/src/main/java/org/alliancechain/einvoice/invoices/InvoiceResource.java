package org.alliancechain.einvoice.invoices;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import org.alliancechain.einvoice.tax.InvoiceKind;
import org.alliancechain.einvoice.tax.InvoiceLineInput;
import org.alliancechain.einvoice.tax.LineKind;
import org.alliancechain.einvoice.tax.VatTreatment;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issuing invoices and reading the ones your organisation issued or received. */
@Path("/api/invoices")
@Tag(name = "Invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    /**
     * One line as entered: a quantity and unit price (tax-exclusive), or an amount (tax-inclusive or
     * not); the rate, or a treatment without tax (EXEMPT, NOT_TAXED, ZERO_RATED) with its reason.
     */
    public record LineRequest(
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "\\d{19}", message = "must be the 19-digit tax classification code") String itemCode,
            @Size(max = 20) String unit,
            @Digits(integer = 18, fraction = 13) BigDecimal quantity,
            @Digits(integer = 18, fraction = 13) BigDecimal unitPrice,
            @Digits(integer = 16, fraction = 2) BigDecimal amount,
            boolean taxInclusive,
            @Digits(integer = 1, fraction = 3) BigDecimal rate,
            VatTreatment treatment,
            @Size(max = 200) String exemptionReason,
            LineKind kind,
            @Digits(integer = 16, fraction = 2) BigDecimal discountAmount,
            @Digits(integer = 16, fraction = 2) BigDecimal taxAmount) {

        InvoiceLineInput input() {
            return new InvoiceLineInput(name, itemCode, unit, quantity, unitPrice, amount, taxInclusive, rate,
                    treatment == null ? VatTreatment.STANDARD : treatment, exemptionReason, kind == null ? LineKind.NORMAL : kind,
                    discountAmount, taxAmount);
        }
    }

    public record IssueRequest(
            @NotNull InvoiceKind kind,
            @NotBlank @Size(max = 32) String buyerTaxId,
            @NotEmpty @Size(max = 2000) List<@Valid @NotNull LineRequest> lines,
            @Size(max = 500) String note) {

        public InvoiceService.Issue issue() {
            return new InvoiceService.Issue(kind, buyerTaxId.strip(), lines.stream().map(LineRequest::input).toList(), note);
        }
    }

    public record BulkIssueRequest(@NotEmpty @Size(max = 5000) List<@Valid @NotNull IssueRequest> invoices) {
    }

    public record BulkIssued(int count, BigDecimal total, List<InvoiceViews.InvoiceSummary> invoices) {
    }

    /** CSV tables, UBL invoices, or ZIP archives of them. */
    static final org.alliancechain.service.upload.UploadPolicy UPLOADS = new org.alliancechain.service.upload.UploadPolicy(
            "as invoices to issue", java.util.Set.of("text/csv", "text/plain", "application/xml"),
            "CSV tables (UTF-8), UBL 2.1 invoices (XML), or ZIP archives of them", true);

    private final InvoiceService service;
    private final InvoiceViews views;
    private final InvoiceAccess access;
    private final Caller caller;
    private final BulkIssuance bulk;
    private final org.alliancechain.service.upload.Uploads uploads;
    private final org.alliancechain.service.upload.UploadIntake intake;

    InvoiceResource(InvoiceService service, InvoiceViews views, InvoiceAccess access, Caller caller, BulkIssuance bulk,
                    org.alliancechain.service.upload.Uploads uploads, org.alliancechain.service.upload.UploadIntake intake) {
        this.service = service;
        this.views = views;
        this.access = access;
        this.caller = caller;
        this.bulk = bulk;
        this.uploads = uploads;
        this.intake = intake;
    }

    @POST
    @Path("/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("issuer")
    @Operation(summary = "Issue the invoices of uploaded files (part 'files': CSV tables with the columns of InvoiceFiles.COLUMNS, UBL 2.1 "
            + "invoices, or ZIPs of them) as a job with progress (202); a file that cannot be read is refused whole (422, naming file, "
            + "row and column, or the EN 16931 rule ids)")
    public Response upload(@org.jboss.resteasy.reactive.RestForm("files") List<org.jboss.resteasy.reactive.multipart.FileUpload> files,
                           UriInfo uri) {
        var accepted = intake.accept(uploads.read(org.alliancechain.service.upload.Uploads.chosen(files)), UPLOADS);
        var job = bulk.start(accepted);
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/invoices/uploads").path(job.id()).build()).build();
    }

    @GET
    @Path("/uploads/{uploadId}")
    @RolesAllowed("issuer")
    @Operation(summary = "An upload's progress: done of total invoices")
    public org.alliancechain.service.jobs.BackgroundJobs.JobView uploadState(@PathParam("uploadId") String id) {
        return bulk.find(id);
    }

    @GET
    @Path("/uploads/{uploadId}/report")
    @RolesAllowed("issuer")
    @Operation(summary = "An upload's report, once ready: per invoice its number, or why it was refused (409 while it runs)")
    public Response uploadReport(@PathParam("uploadId") String id) {
        return Response.ok(bulk.report(id).toFile(), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("issuer")
    @Operation(summary = "Issue a blue invoice to a member (201): tax computed per line, 20-digit number assigned, recorded in InvoiceRegistry")
    public Response issue(@Valid @NotNull IssueRequest request, UriInfo uri) {
        var invoice = service.issue(request.issue());
        return Response.created(uri.getBaseUriBuilder().path("api/invoices").path(String.valueOf(invoice.id)).build())
                .entity(views.of(invoice)).build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("issuer")
    @Operation(summary = "Issue up to 5,000 invoices in one request, all or none (a refusal names invoice, line and field); "
            + "recorded in InvoiceRegistry in batches")
    public Response issueAll(@Valid @NotNull BulkIssueRequest request) {
        var invoices = service.issue(request.invoices().stream().map(IssueRequest::issue).toList(), "invoices");
        var total = invoices.stream().map(i -> i.total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Response.status(Response.Status.CREATED).entity(new BulkIssued(invoices.size(), total,
                views.summaries(invoices))).build();
    }

    @GET
    @RolesAllowed({"issuer", "receiver", "expense-approver"})
    @Operation(summary = "Invoices your organisation issued (side=issued) or received (side=received), newest first, 100 a page")
    public List<InvoiceViews.InvoiceSummary> list(@QueryParam("side") @DefaultValue("received") String side,
                                                  @QueryParam("page") @DefaultValue("0") int page) {
        String organisation = caller.requireOrganisation();
        String column = switch (side) {
            case "issued" -> "seller";
            case "received" -> "buyer";
            default -> throw new ProblemException(ProblemException.UNPROCESSABLE, "side must be 'issued' or 'received'", "side");
        };
        if (page < 0 || page > 1_000_000) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "page must be 0 to 1000000", "page");
        }
        return views.summaries(Invoice.<Invoice>find(column + " = ?1 order by id desc", organisation).page(page, 100).list());
    }

    @GET
    @Path("/{invoiceId}")
    @RolesAllowed({"issuer", "receiver", "expense-approver"})
    @Operation(summary = "One invoice of your organisation (as seller or buyer) with its lines, marks and chain state")
    public InvoiceViews.InvoiceView get(@PathParam("invoiceId") long id) {
        return views.of(access.visible(id));
    }
}
