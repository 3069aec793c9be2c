package org.alliancechain.copyright.works;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.quarkus.panache.common.Sort;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.service.evidence.CertificateIssuer;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.jobs.BackgroundJobs;
import org.alliancechain.service.tenancy.Tenancy;
import org.alliancechain.service.upload.Downloads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/works")
@Tag(name = "Works")
@Produces(MediaType.APPLICATION_JSON)
public class WorkResource {

    static final EvidenceCertificate.Title CERTIFICATE = new EvidenceCertificate.Title("作品登记证书", "Work Registration Certificate");

    /** A text work given in the request. */
    public record TextWork(@NotBlank @Size(max = 300) String title,
                           @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100)
                           @Pattern(regexp = "[^\\r\\n]*", message = "one author per entry, without line breaks") String> authors,
                           Instant publishedAt,
                           @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String url,
                           @NotNull @Pattern(regexp = "plain|html", message = "must be plain or html") String format,
                           @NotBlank String text) {
    }

    /** A transfer of the rights in a work to another rights-holder member. */
    public record TransferRequest(@NotBlank @Size(max = 64) String toOrganisation) {
    }

    public record Bulk(@NotEmpty @Size(max = 1000) List<@NotNull @Valid TextWork> works) {
    }

    private final WorkService service;
    private final WorkViews views;
    private final WorkIntake intake;
    private final Tenancy tenancy;
    private final Caller caller;
    private final CertificateIssuer issuer;
    private final WorkTransfers transfers;
    private final WorkUploads uploads;
    private final org.alliancechain.service.attest.TimeStampTokens stamps;

    WorkResource(WorkService service, WorkViews views, WorkIntake intake, Tenancy tenancy, Caller caller, CertificateIssuer issuer,
                 WorkTransfers transfers, WorkUploads uploads, org.alliancechain.service.attest.TimeStampTokens stamps) {
        this.stamps = stamps;
        this.transfers = transfers;
        this.uploads = uploads;
        this.service = service;
        this.views = views;
        this.intake = intake;
        this.tenancy = tenancy;
        this.caller = caller;
        this.issuer = issuer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("rights-manager")
    @Operation(summary = "Register a text work (plain text or HTML, whose main text is fingerprinted) for your organisation (202): "
            + "fingerprinted, its registration record time-stamped and notarised, its content digest registered in WorkRegistry; "
            + "409 naming the member that registered the same content before")
    public Response register(@Valid @NotNull TextWork work, UriInfo uri) {
        var registered = service.register(caller.requireOrganisation(), caller.userName(), List.of(intake.text("work", work))).getFirst();
        return Response.accepted(views.justRegistered(registered))
                .location(uri.getBaseUriBuilder().path("api/works").path(String.valueOf(registered.id)).build()).build();
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("rights-manager")
    @Operation(summary = "Register up to 1,000 text works in one request (202), in WorkRegistry 100 per transaction; any refusal refuses "
            + "the request, naming the work (works[i])")
    public Response registerAll(@Valid @NotNull Bulk bulk) {
        var submissions = new ArrayList<WorkSubmission>(bulk.works().size());
        for (int i = 0; i < bulk.works().size(); i++) {
            submissions.add(intake.text("works[" + i + "]", bulk.works().get(i)));
        }
        var registered = service.register(caller.requireOrganisation(), caller.userName(), submissions);
        return Response.accepted(registered.stream().map(views::justRegistered).toList()).build();
    }

    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("rights-manager")
    @Operation(summary = "Register a work given as a file (part 'file': a JPEG, PNG, GIF, BMP or WebP image, a plain-text or an HTML file; "
            + "parts 'title', 'authors' one per line, optional 'publishedAt' and 'url') (202); its type is read from its content")
    public Response registerFile(@RestForm("file") FileUpload file, @RestForm("title") String title, @RestForm("authors") String authors,
                                 @RestForm("publishedAt") String publishedAt, @RestForm("url") String url, UriInfo uri) {
        var submission = intake.file("file", file, title, authors, publishedAt, url);
        var registered = service.register(caller.requireOrganisation(), caller.userName(), List.of(submission)).getFirst();
        return Response.accepted(views.justRegistered(registered))
                .location(uri.getBaseUriBuilder().path("api/works").path(String.valueOf(registered.id)).build()).build();
    }

    @POST
    @Path("/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("rights-manager")
    @Operation(summary = "Register the works of uploaded files (parts 'files': JPEG, PNG, GIF, BMP or WebP images, plain-text or HTML files, or "
            + "ZIP archives of them; 'authors' one per line, for every work; each title is its file's name) as a job with progress "
            + "(202); a file that cannot be a work refuses the upload (415/422 naming 'files'); a work refused on its own is reported "
            + "on its row of the report")
    public Response upload(@RestForm("files") List<FileUpload> files, @RestForm("authors") String authors, UriInfo uri) {
        var job = uploads.start(files, authors);
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("api/works/uploads").path(job.id()).build()).build();
    }

    @GET
    @Path("/uploads")
    @RolesAllowed("rights-manager")
    @Operation(summary = "Your uploads of the last hour, newest first, with their progress")
    public List<BackgroundJobs.JobView> uploads() {
        return uploads.mine();
    }

    @GET
    @Path("/uploads/{uploadId}")
    @RolesAllowed("rights-manager")
    @Operation(summary = "An upload's progress: done of total files")
    public BackgroundJobs.JobView uploadState(@PathParam("uploadId") String id) {
        return uploads.find(id);
    }

    @GET
    @Path("/uploads/{uploadId}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("rights-manager")
    @Operation(summary = "An upload's report once ready: per file its work and content digest (REGISTERING: WorkRegistry's decision "
            + "follows on the work), or why it was refused (409 while it runs)")
    public Response uploadReport(@PathParam("uploadId") String id) {
        return Response.ok(uploads.report(id).toFile(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @RolesAllowed("rights-manager")
    @Operation(summary = "Your organisation's works, newest first")
    public List<WorkViews.WorkView> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return tenancy.list(Work.class, null, Map.of(), Sort.descending("id")).page(page, size).<Work>list().stream().map(views::of).toList();
    }

    @GET
    @Path("/{workId}")
    @RolesAllowed("rights-manager")
    @Operation(summary = "One of your organisation's works with its registration on chain")
    public WorkViews.WorkView get(@PathParam("workId") long id) {
        return views.of(tenancy.find(Work.class, id, "Work"));
    }

    @GET
    @Path("/{workId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed("rights-manager")
    @Operation(summary = "The work's content exactly as it was registered")
    public Response content(@PathParam("workId") long id) {
        var work = tenancy.find(Work.class, id, "Work");
        String type = work.kind == Work.Kind.TEXT ? work.mediaType + "; charset=utf-8" : work.mediaType;
        return Downloads.file(work.content, type, work.fileName != null ? work.fileName : "work-" + work.id
                + (work.mediaType.equals("text/html") ? ".html" : ".txt"));
    }

    @GET
    @Path("/{workId}/certificate")
    @Produces("application/pdf")
    @RolesAllowed("rights-manager")
    @Operation(summary = "The signed registration certificate (PDF/A-3, PAdES B-T, QR code to the public verifier); 409 until the "
            + "registration record is anchored")
    public Response certificate(@PathParam("workId") long id) {
        var work = tenancy.find(Work.class, id, "Work");
        if (work.status == Work.Status.REFUSED) {
            throw new ProblemException(Response.Status.CONFLICT, "this content was registered first by " + work.firstHolder
                    + ": no registration certificate is issued for it");
        }
        byte[] pdf = issuer.issue("W-" + work.id, CERTIFICATE, work.organisation, work.record.json, work.record.notarisationItemId,
                work.stamp(stamps), PadesSigner.Level.B_T);
        return Downloads.file(pdf, "application/pdf", "work-registration-W-" + work.id + ".pdf");
    }

    @POST
    @Path("/{workId}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("rights-manager")
    @Operation(summary = "Transfer the rights in one of your registered works to another member holding RIGHTS_HOLDER (202): "
            + "WorkRegistry.transferRights signed by your organisation; once RightsTransferred is recorded the work belongs to the new "
            + "holder (you get 404 for it; the licences you granted stay yours to revoke). 422 for yourself, a non-member or a member "
            + "without RIGHTS_HOLDER; 409 while the work is not registered, a transfer is under way or a licence grant is pending")
    public Response transfer(@PathParam("workId") long id, @Valid @NotNull TransferRequest request) {
        var transfer = transfers.transfer(caller.requireOrganisation(), caller.userName(), id, request.toOrganisation());
        return Response.accepted(transfers.view(transfer)).build();
    }

    @GET
    @Path("/{workId}/transfers")
    @RolesAllowed("rights-manager")
    @Operation(summary = "The transfers of the rights in one of your works, oldest first (asked for, and recorded by WorkRegistry)")
    public List<WorkTransfers.TransferView> transfers(@PathParam("workId") long id) {
        var work = tenancy.find(Work.class, id, "Work");
        return transfers.of(work.id).stream().map(transfers::view).toList();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
