package org.alliancechain.copyright.infringement;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alliancechain.copyright.capture.WebCaptures;
import org.alliancechain.copyright.licences.LicenceUses;
import org.alliancechain.copyright.monitoring.Matches;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.copyright.works.WorkIntake;
import org.alliancechain.evidence.intake.ContentType;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.evidence.CertificateIssuer;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.tenancy.Tenancy;
import org.alliancechain.service.upload.Downloads;
import org.alliancechain.service.upload.UploadIntake;
import org.alliancechain.service.upload.UploadPolicy;
import org.alliancechain.service.upload.Uploads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api")
@Tag(name = "Infringement evidence")
@Produces(MediaType.APPLICATION_JSON)
public class InfringementResource {

    static final EvidenceCertificate.Title REPORT = new EvidenceCertificate.Title("侵权取证报告", "Infringement Evidence Report");
    static final UploadPolicy COPIES = UploadPolicy.only("as captured copies", ContentType.JPEG, ContentType.PNG, ContentType.GIF,
            ContentType.BMP, ContentType.WEBP, ContentType.TEXT, ContentType.HTML, ContentType.WARC, ContentType.WARC_GZIP, ContentType.WACZ);

    public record TextCapture(@NotBlank @Size(max = 1_000_000) String text,
                              @NotNull @Pattern(regexp = "plain|html", message = "must be plain or html") String format,
                              @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String sourceUrl,
                              @Size(max = 64) String publisher) {
    }

    /** {@code readText} true: the page is an image of a text (a screenshot), whose recognised text is compared. */
    public record UrlCapture(@NotBlank @Size(max = 2000) String url, @Size(max = 64) String publisher, Boolean readText) {
    }

    /**
     * A web capture's page: the archive's response record for it.
     *
     * @param capturedAt   the record's WARC-Date
     * @param recordDigest its WARC-Block-Digest (checked), or sha256: of the record's block
     * @param requestedUrl a URL capture's URL as given (url is where its redirects ended)
     */
    public record ArchiveView(String url, Instant capturedAt, String recordId, String recordDigest, String ipAddress, String requestedUrl,
                              String payloadMediaType) {
    }

    public record CaptureView(long id, String kind, String mediaType, String fileName, String sha256, String sourceUrl, String publisher,
                              String recordDigest, Instant timeStamp, ChainState anchoring, List<Matches.MatchView> matches, Instant createdAt,
                              ArchiveView archive, String recognisedText) {
    }

    public record ClaimRequest(@NotNull Long captureId, @NotNull Long workId, @Size(max = 64) String publisher, @NotNull LicenceUses.Use use,
                               @NotNull LicenceUses.Channel channel, @NotBlank @Size(max = 32) String territory,
                               @NotBlank @Size(max = 20_000) String claim, @Size(max = 64) String commission) {
    }

    public record InfringementView(long id, long captureId, long workId, String publisher, String usesLabel, String territory, Instant usedAt,
                                   long asOfBlock, boolean licensed, String licenceHead, int licenceEvents, String commission, String caseNumber,
                                   String recordDigest, String status, String statusLabel, ChainState report, ChainState filing,
                                   Integer citations, String refusal, Instant createdAt) {
    }

    private final CaptureService captures;
    private final WebCaptures web;
    private final InfringementService infringements;
    private final Caller caller;
    private final Tenancy tenancy;
    private final Uploads uploads;
    private final UploadIntake intake;
    private final WorkIntake texts;
    private final ChainStates states;
    private final CertificateIssuer issuer;
    private final ObjectMapper json;

    InfringementResource(CaptureService captures, WebCaptures web, InfringementService infringements, Caller caller, Tenancy tenancy, Uploads uploads,
                         UploadIntake intake, WorkIntake texts, ChainStates states, CertificateIssuer issuer, ObjectMapper json) {
        this.captures = captures;
        this.texts = texts;
        this.web = web;
        this.infringements = infringements;
        this.caller = caller;
        this.tenancy = tenancy;
        this.uploads = uploads;
        this.intake = intake;
        this.states = states;
        this.issuer = issuer;
        this.json = json;
    }

    @POST
    @Path("/captures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(summary = "Capture a suspected copy given as text (plain or HTML) as evidence (201): matched against every registered work, "
            + "kept exactly as given, its record time-stamped (RFC 3161) and anchored; name the publisher (a member) when known")
    public Response capture(@Valid @NotNull TextCapture request) {
        boolean html = "html".equals(request.format());
        var capture = captures.capture(caller.requireOrganisation(), caller.userName(), new CaptureService.Copy(Work.Kind.TEXT,
                html ? "text/html" : "text/plain", null, request.text().getBytes(StandardCharsets.UTF_8), request.sourceUrl(),
                blankToNull(request.publisher()), "text"), null);
        return Response.status(Response.Status.CREATED).entity(view(capture)).build();
    }

    @POST
    @Path("/captures/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(summary = "Capture a suspected copy given as a file (part 'file': image, plain-text or HTML file, or a web archive — WARC, "
            + "plain or gzip-compressed per record, or WACZ; optional 'sourceUrl', 'publisher') as evidence (201). For a web archive "
            + "'sourceUrl' names the page to capture (optional when the archive holds one page): its response record (HTTP 200) is "
            + "matched, the archive kept whole is what is time-stamped and anchored. 'readText' = true: the image (or the archived page, an "
            + "image) is a screenshot of a text — the text recognised in it is compared, as in POST /api/matches/files, and the record "
            + "names the recogniser and the recognised text's SHA-256")
    public Response captureFile(@RestForm("file") FileUpload file, @RestForm("sourceUrl") String sourceUrl, @RestForm("publisher") String publisher,
                                @RestForm("readText") boolean readText) {
        if (file == null || Uploads.chosen(List.of(file)).isEmpty()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "choose the file of the copy", "file");
        }
        if (sourceUrl != null && !sourceUrl.isBlank() && (sourceUrl.length() > 2000 || !sourceUrl.strip().matches("https?://\\S+"))) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "must be an http or https URL", "sourceUrl");
        }
        String organisation = caller.requireOrganisation();
        if (readText) {
            captures.requireMember(blankToNull(publisher)); // before the recognition, which takes a second or more
        }
        var accepted = intake.accept(List.of(uploads.read(file)), COPIES).getFirst();
        Capture capture;
        if (WebCaptures.isArchive(accepted.type())) {
            var page = web.page(accepted.content(), accepted.type(), blankToNull(sourceUrl), "file", "sourceUrl");
            String recognised = readText ? captures.readScreenshot(page, "readText") : null;
            capture = captures.capture(organisation, caller.userName(), new CaptureService.ArchiveCopy(accepted.mediaType(),
                    accepted.name(), accepted.content(), page, null, blankToNull(publisher), "sourceUrl"), recognised);
        } else {
            boolean text = accepted.type().kind() == ContentType.Kind.TEXT;
            if (text) {
                texts.textOf(accepted, "file"); // kept as given, searched as its characters
            }
            var copy = new CaptureService.Copy(text ? Work.Kind.TEXT : Work.Kind.IMAGE, accepted.mediaType(), accepted.name(), accepted.content(),
                    blankToNull(sourceUrl), blankToNull(publisher), "file");
            String recognised = readText ? captures.readScreenshot(copy, "readText") : null;
            capture = captures.capture(organisation, caller.userName(), copy, recognised);
        }
        return Response.status(Response.Status.CREATED).entity(view(capture)).build();
    }

    @POST
    @Path("/captures/url")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(summary = "Capture a URL as evidence (201): the service fetches the page itself (http or https, only networks "
            + "copyright.capture.allowed-networks allows, within its time, size and redirect limits), writes the requests and responses "
            + "into a WARC and keeps that WARC as the capture, exactly like an uploaded one; 'readText': true when the page is an image of a "
            + "text (a screenshot), whose recognised text is compared")
    public Response captureUrl(@Valid @NotNull UrlCapture request) {
        String organisation = caller.requireOrganisation();
        if (Boolean.TRUE.equals(request.readText())) {
            captures.requireMember(blankToNull(request.publisher()));
        }
        var fetched = web.fetch(request.url().strip(), "url");
        String host = java.net.URI.create(fetched.page().url()).getHost();
        // at most 255 characters (the capture's file name): a host name may have 253
        String name = "capture-" + (host == null ? "page" : host.replaceAll("[^A-Za-z0-9.-]", "_").substring(0, Math.min(host.length(), 200))) + "-"
                + fetched.page().capturedAt().toString().replaceAll("[^0-9TZ]", "") + ".warc.gz";
        String recognised = Boolean.TRUE.equals(request.readText()) ? captures.readScreenshot(fetched.page(), "readText") : null;
        var capture = captures.capture(organisation, caller.userName(), new CaptureService.ArchiveCopy(ContentType.WARC_GZIP.mediaType(), name,
                fetched.warc(), fetched.page(), request.url().strip(), blankToNull(request.publisher()), "url"), recognised);
        return Response.status(Response.Status.CREATED).entity(view(capture)).build();
    }

    @GET
    @Path("/captures")
    @Transactional
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(summary = "Your organisation's captures, newest first")
    public List<CaptureView> captures() {
        return tenancy.list(Capture.class, null, Map.of(), Sort.descending("id")).page(0, 200).<Capture>list().stream().map(this::view).toList();
    }

    @GET
    @Path("/captures/{captureId}")
    @Transactional
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(summary = "A capture with what it matched and where its anchoring stands")
    public CaptureView capture(@PathParam("captureId") long id) {
        return view(tenancy.find(Capture.class, id, "Capture"));
    }

    @POST
    @Path("/infringements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("rights-manager")
    @Operation(summary = "Claim that a capture infringes one of your works (202): LicenceRegistry is asked whether any licence covered the "
            + "publisher, the work and the use at the capture's time-stamp as of the block that anchored the capture (409 naming the licence "
            + "when one did); the signed forensics report's record is anchored, then the case is filed on chain with the commission "
            + "(odr-arbitration takes it from there)")
    public Response claim(@Valid @NotNull ClaimRequest r) {
        var i = infringements.prepare(caller.requireOrganisation(), caller.userName(), new InfringementService.Claim(r.captureId(), r.workId(),
                r.publisher(), r.use(), r.channel(), r.territory(), r.claim(), r.commission()));
        return Response.accepted(view(i)).build();
    }

    @GET
    @Path("/infringements")
    @Transactional
    @RolesAllowed("rights-manager")
    @Operation(summary = "Your organisation's infringement claims, newest first")
    public List<InfringementView> infringements() {
        return tenancy.list(Infringement.class, null, Map.of(), Sort.descending("id")).page(0, 200).<Infringement>list().stream().map(this::view)
                .toList();
    }

    @GET
    @Path("/infringements/{infringementId}")
    @Transactional
    @RolesAllowed("rights-manager")
    @Operation(summary = "An infringement claim: the licence answer, the report's anchoring and the filing")
    public InfringementView infringement(@PathParam("infringementId") long id) {
        return view(tenancy.find(Infringement.class, id, "Infringement"));
    }

    @GET
    @Path("/infringements/{infringementId}/report")
    @Produces("application/pdf")
    @Transactional
    @RolesAllowed("rights-manager")
    @Operation(summary = "The signed forensics report (PDF/A-3, PAdES B-T, QR code to the public verifier), with the captured text printed "
            + "in full; 409 until its record is anchored")
    public Response report(@PathParam("infringementId") long id) {
        var i = tenancy.find(Infringement.class, id, "Infringement");
        Capture capture = Capture.findById(i.captureId);
        String recognised = capture.searched(json).recognisedText();
        EvidenceCertificate.Document copy = recognised != null
                ? new EvidenceCertificate.Document("被控侵权内容（截图中识别出的文字）The text recognised in the captured screenshot", "recognised-text.txt",
                        recognised.getBytes(StandardCharsets.UTF_8))
                : capture.kind != Work.Kind.TEXT ? null
                : capture.archived() ? new EvidenceCertificate.Document("被控侵权内容（网页存档中的页面）The captured copy (the page in the web archive)",
                        "page." + (capture.payloadMediaType != null && capture.payloadMediaType.contains("html") ? "html" : "txt"), capture.textUtf8())
                : new EvidenceCertificate.Document("被控侵权内容 The captured copy", capture.fileName != null ? capture.fileName : "capture.txt",
                        capture.content);
        byte[] pdf = issuer.issue(i.caseNumber, REPORT, i.organisation, i.record.json, i.record.notarisationItemId, i.record.timestampToken,
                PadesSigner.Level.B_T, copy);
        return Downloads.file(pdf, "application/pdf", "infringement-report-" + i.id + ".pdf");
    }

    private CaptureView view(Capture c) {
        Matches.SearchView found = c.searched(json);
        return new CaptureView(c.id, c.kind.name(), c.mediaType, c.fileName, c.sha256, c.sourceUrl, c.publisher, c.record.digest,
                c.record.timeStampedAt().orElse(null), states.notarisation(c.record.notarisationItemId).orElse(null),
                found.matches(), c.createdAt, c.archived() ? new ArchiveView(c.archiveUrl, c.archiveCapturedAt, c.archiveRecordId, c.archiveRecordDigest,
                        c.archiveIp, c.requestedUrl, c.payloadMediaType) : null, found.recognisedText());
    }

    private InfringementView view(Infringement i) {
        return new InfringementView(i.id, i.captureId, i.workId, i.publisher, LicenceUses.describe(i.uses), i.territory, i.usedAt, i.asOfBlock,
                i.licensed, i.licenceHead, i.licenceEvents, i.commission, i.caseNumber, i.record.digest, i.status.name(),
                i.status.chinese + " " + i.status.english, states.notarisation(i.record.notarisationItemId).orElse(null),
                states.transaction(i.filingTxId).orElse(null), i.citations, i.refusal, i.createdAt);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
