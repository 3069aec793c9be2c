package org.alliancechain.odr.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.odr.cases.CaseAccess;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.Downloads;
import org.alliancechain.service.upload.Uploads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Evidence of a case: upload (files or ZIP archives), download, certificates, cross-examination. */
@Path("/api/cases/{caseId}/evidence")
@Tag(name = "Evidence")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    /** An item as the parties see it; {@code chain} is its notarisation's state and proof once anchored. */
    public record ItemView(long id, String number, String side, String organisation, String submittedBy, String title, String fileName,
                           String mediaType, long size, String sha256, String sm3, String source, String reference, String recordDigest,
                           boolean timeStamped, Instant submittedAt, String chainStatus, String transactionHash, Long blockNumber) {
    }

    /**
     * Evidence by reference: {@code reference} is {@code event:0x<tx hash>[:<log index>]}, {@code anchor:<record digest>} or a
     * verification URL; {@code proof} is the inclusion proof of another service's record (its proof.json).
     */
    public record ReferenceRequest(@NotBlank @Size(max = 300) String reference, @Size(max = 200) String title, @Valid InclusionProof proof) {
    }

    public record CommentRequest(@NotNull EvidenceComment.Position authenticity, @NotNull EvidenceComment.Position legality,
                                 @NotNull EvidenceComment.Position relevance, @NotBlank @Size(max = 10000) String opinion) {
    }

    public record CommentView(long id, String organisation, String author, String authenticity, String legality, String relevance,
                              String opinion, Instant createdAt) {
        public static CommentView of(EvidenceComment c) {
            return new CommentView(c.id, c.organisation, c.author, c.authenticity.name(), c.legality.name(), c.relevance.name(),
                    c.opinion, c.createdAt);
        }
    }

    private final EvidenceService service;
    private final Uploads uploads;
    private final EvidenceViews views;
    private final CaseAccess access;
    private final EvidenceExports exports;

    EvidenceResource(EvidenceService service, Uploads uploads, EvidenceViews views, CaseAccess access, EvidenceExports exports) {
        this.exports = exports;
        this.service = service;
        this.uploads = uploads;
        this.views = views;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(summary = "Submit evidence: parts 'files' (any accepted type, recognised by content; ZIP archives are expanded into one "
            + "item per file). Each item is hashed (SHA-256, SM3), time-stamped and notarised by your organisation; 201 with the items")
    public Response submit(@PathParam("caseId") long caseId, @RestForm("files") List<FileUpload> files) {
        access.find(caseId); // another organisation's case answers 404 before its upload is even read
        var items = service.submit(caseId, uploads.read(files));
        return Response.status(Response.Status.CREATED).entity(items.stream().map(views::item).toList()).build();
    }

    @POST
    @Path("/references")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(summary = "Attach evidence by reference, in one step: an event of a suite contract (event:0x<tx hash>[:<log index>]) or an "
            + "anchored record (anchor:<record digest> or its verification URL; another service's record with its proof). The reference "
            + "is resolved and checked against the chain; the item's content is the canonical JSON of what it names and its proofs, "
            + "hashed, time-stamped and notarised like any file. 201 with the item; 404 when the chain holds nothing under it, 409 "
            + "while it is not anchored or mined yet or when the case holds it already, 422 when its proof does not hold")
    public Response attach(@PathParam("caseId") long caseId, @Valid @NotNull ReferenceRequest request) {
        var item = service.attachReference(caseId, request.reference(), request.proof(), null, request.title());
        return Response.status(Response.Status.CREATED).entity(views.item(item)).build();
    }

    @POST
    @Path("/references")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(summary = "Attach another service's anchored record by its certificate: part 'certificate' (the certificate PDF or the "
            + "evidence package ZIP), optional 'reference' (anchor:<record digest>, checked against the certificate) and 'title'. The "
            + "certificate must verify VALID (signature, signer chain, time-stamp, record, proof against the chain); 201 with the item")
    public Response attachCertificate(@PathParam("caseId") long caseId, @RestForm("certificate") FileUpload certificate,
                                      @RestForm("reference") String reference, @RestForm("title") String title) {
        access.find(caseId);
        if (certificate == null) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the form holds no part 'certificate' (the certificate PDF or evidence package)",
                    "certificate");
        }
        if (title != null && title.length() > 200) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "title: at most 200 characters", "title");
        }
        var file = uploads.read(certificate);
        var item = service.attachReference(caseId, reference, null, file.content(), title);
        return Response.status(Response.Status.CREATED).entity(views.item(item)).build();
    }

    @GET
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "The evidence list of a case, both sides, with each item's anchoring state")
    public List<ItemView> list(@PathParam("caseId") long caseId) {
        return service.list(caseId).stream().map(views::item).toList();
    }

    @GET
    @Path("/{itemId}")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "One evidence item")
    public ItemView get(@PathParam("caseId") long caseId, @PathParam("itemId") long itemId) {
        return views.item(service.find(caseId, itemId));
    }

    @GET
    @Path("/{itemId}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "The item's file, as submitted")
    public Response content(@PathParam("caseId") long caseId, @PathParam("itemId") long itemId) {
        var item = service.find(caseId, itemId);
        return Downloads.file(service.content(caseId, itemId), item.mediaType, item.fileName);
    }

    @GET
    @Path("/{itemId}/certificate")
    @Produces("application/pdf")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "The item's signed evidence certificate (PDF/A-3, PAdES by the submitting organisation); 409 until anchored")
    public Response certificate(@PathParam("caseId") long caseId, @PathParam("itemId") long itemId,
                                @QueryParam("level") @DefaultValue("B-T") @jakarta.validation.constraints.Pattern(regexp = "B-T|B-LT|B-LTA",
                                        message = "must be B-T, B-LT or B-LTA") String level) {
        var certificate = views.certificate(caseId, itemId, level);
        return Downloads.file(certificate.pdf(), "application/pdf", certificate.fileName());
    }

    @GET
    @Path("/{itemId}/package")
    @Produces("application/zip")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "The item's evidence package (ZIP: the file, its signed certificate, record, proof, time-stamp token and the "
            + "roots), checkable offline with ./verify-evidence --rpc <node> package.zip; 409 until anchored")
    public Response evidencePackage(@PathParam("caseId") long caseId, @PathParam("itemId") long itemId) {
        var pkg = views.evidencePackage(caseId, itemId);
        return Downloads.file(pkg.pdf(), "application/zip", pkg.fileName());
    }

    @GET
    @Path("/list")
    @Produces("application/pdf")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "The case's evidence list as a PDF/A-3 signed PAdES B-T by your organisation: every item with its hashes, "
            + "record digest, anchoring and the other side's cross-examination; evidence-list.csv and evidence-list.json embedded")
    public Response evidenceList(@PathParam("caseId") long caseId) {
        return download(views.evidenceList(caseId), "application/pdf");
    }

    /** A generated document as a download under its file name. */
    public static Response download(EvidenceViews.Certificate document, String mediaType) {
        return Downloads.file(document.pdf(), mediaType, document.fileName());
    }

    @GET
    @Path("/export")
    @Produces("application/zip")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "The case's evidence export (ZIP): evidence-list.csv (every item, hashes, anchoring) and packages/<No.>.zip, "
            + "the evidence package of each anchored item")
    public Response export(@PathParam("caseId") long caseId) throws java.io.IOException {
        return exportOf(views, caseId);
    }

    @POST
    @Path("/exports")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "Start building the case's evidence export in the background (the same ZIP as GET …/export); 202 with the "
            + "export's progress and its Location. While one of yours for the case is unfinished, that one is answered")
    public Response startExport(@PathParam("caseId") long caseId, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        var export = exports.start(caseId);
        return Response.accepted(export).location(uri.getAbsolutePathBuilder().path(export.id()).build()).build();
    }

    @GET
    @Path("/exports/{exportId}")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "An export's progress: QUEUED, RUNNING (done of total items), READY or FAILED; yours only")
    public EvidenceExports.ExportView export(@PathParam("caseId") long caseId, @PathParam("exportId") String exportId) {
        return exports.find(caseId, exportId);
    }

    @GET
    @Path("/exports/{exportId}/file")
    @Produces("application/zip")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "A finished export's ZIP (kept for an hour); 409 while it is being built")
    public Response exportFile(@PathParam("caseId") long caseId, @PathParam("exportId") String exportId) {
        return exportFileOf(exports, caseId, exportId);
    }

    /** A finished background export as a download. */
    public static Response exportFileOf(EvidenceExports exports, long caseId, String exportId) {
        var file = exports.file(caseId, exportId);
        jakarta.ws.rs.core.StreamingOutput body = out -> Files.copy(file, out);
        return Downloads.file(body, "application/zip", "evidence-case-" + caseId + ".zip");
    }

    /** The export as a streamed download; the temporary file is deleted once sent. */
    public static Response exportOf(EvidenceViews views, long caseId) throws java.io.IOException {
        var file = views.export(caseId);
        jakarta.ws.rs.core.StreamingOutput body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return Downloads.file(body, "application/zip", "evidence-case-" + caseId + ".zip");
    }

    @POST
    @Path("/{itemId}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(summary = "Cross-examine the other party's item: authenticity, legality, relevance (ADMITTED, DISPUTED, PARTLY) and reasons")
    public Response comment(@PathParam("caseId") long caseId, @PathParam("itemId") long itemId, @Valid @NotNull CommentRequest request) {
        var saved = service.comment(caseId, itemId, new EvidenceService.Comment(request.authenticity(), request.legality(),
                request.relevance(), request.opinion()));
        return Response.status(Response.Status.CREATED).entity(CommentView.of(saved)).build();
    }

    @GET
    @Path("/{itemId}/comments")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(summary = "The cross-examination comments on an item")
    public List<CommentView> comments(@PathParam("caseId") long caseId, @PathParam("itemId") long itemId) {
        return service.comments(caseId, itemId).stream().map(CommentView::of).toList();
    }

}
