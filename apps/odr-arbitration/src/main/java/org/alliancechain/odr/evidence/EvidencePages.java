package org.alliancechain.odr.evidence;

import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.alliancechain.odr.cases.CaseAccess;
import org.alliancechain.odr.cases.CaseForms;
import org.alliancechain.odr.cases.CasePageSteps;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.Downloads;
import org.alliancechain.service.upload.Uploads;

/**
 * Evidence from the case page: uploads, attachments by reference, cross-examination comments,
 * downloads of files, certificates and packages, the signed evidence list and exports with progress.
 */
@Path("/app/cases")
public class EvidencePages {

    private final CaseAccess access;
    private final EvidenceService evidence;
    private final EvidenceViews evidenceViews;
    private final EvidenceExports exports;
    private final Uploads uploads;
    private final CaseForms forms;

    EvidencePages(CaseAccess access, EvidenceService evidence, EvidenceViews evidenceViews, EvidenceExports exports, Uploads uploads, CaseForms forms) {
        this.access = access;
        this.evidence = evidence;
        this.evidenceViews = evidenceViews;
        this.exports = exports;
        this.uploads = uploads;
        this.forms = forms;
    }

    @POST
    @Path("/{caseId}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(hidden = true)
    public Response upload(@PathParam("caseId") long id, @RestForm("files") List<FileUpload> files, UriInfo uri) {
        return CasePageSteps.run(id, uri, "uploaded", () -> {
            access.find(id);
            var read = uploads.read(Uploads.chosen(files));
            if (read.isEmpty()) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "choose at least one file · 请选择文件");
            }
            evidence.submit(id, read);
        });
    }

    @POST
    @Path("/{caseId}/evidence/references")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(hidden = true)
    public Response attachReference(@PathParam("caseId") long id, @RestForm String reference, @RestForm String title,
                                    @RestForm("certificate") List<FileUpload> certificate, UriInfo uri) {
        return CasePageSteps.run(id, uri, "referenced", () -> {
            access.find(id);
            var files = uploads.read(Uploads.chosen(certificate));
            String given = reference == null || reference.isBlank() ? null : reference.strip();
            if (files.isEmpty() && given == null) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "请填写引用或选择证书 · give a reference or choose a certificate");
            }
            forms.requireValid(EvidenceResource.ReferenceRequest.class, "title", title);
            evidence.attachReference(id, given, null, files.isEmpty() ? null : files.getFirst().content(), title);
        });
    }

    @POST
    @Path("/{caseId}/evidence/{itemId}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(hidden = true)
    public Response comment(@PathParam("caseId") long id, @PathParam("itemId") long itemId, @RestForm String authenticity,
                            @RestForm String legality, @RestForm String relevance, @RestForm String opinion, UriInfo uri) {
        return CasePageSteps.run(id, uri, "commented", () -> {
            var request = forms.requireValid(new EvidenceResource.CommentRequest(position(authenticity, "authenticity"),
                    position(legality, "legality"), position(relevance, "relevance"), opinion));
            evidence.comment(id, itemId, new EvidenceService.Comment(request.authenticity(), request.legality(), request.relevance(),
                    request.opinion()));
        });
    }

    @GET
    @Path("/{caseId}/evidence/{itemId}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response content(@PathParam("caseId") long id, @PathParam("itemId") long itemId) {
        var item = evidence.find(id, itemId);
        return Downloads.file(evidence.content(id, itemId), item.mediaType, item.fileName);
    }

    @GET
    @Path("/{caseId}/evidence/{itemId}/certificate")
    @Produces("application/pdf")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response certificate(@PathParam("caseId") long id, @PathParam("itemId") long itemId,
                                @QueryParam("level") @DefaultValue("B-T") String level) {
        if (!Set.of("B-T", "B-LT", "B-LTA").contains(level)) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "level must be B-T, B-LT or B-LTA");
        }
        var certificate = evidenceViews.certificate(id, itemId, level);
        return Downloads.file(certificate.pdf(), "application/pdf", certificate.fileName());
    }

    @GET
    @Path("/{caseId}/evidence/{itemId}/package")
    @Produces("application/zip")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response evidencePackage(@PathParam("caseId") long id, @PathParam("itemId") long itemId) {
        var pkg = evidenceViews.evidencePackage(id, itemId);
        return Downloads.file(pkg.pdf(), "application/zip", pkg.fileName());
    }

    @POST
    @Path("/{caseId}/evidence/exports")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response startExport(@PathParam("caseId") long id, UriInfo uri) {
        return CasePageSteps.run(id, uri, "exporting", () -> exports.start(id));
    }

    @GET
    @Path("/{caseId}/evidence/exports/{exportId}/file")
    @Produces("application/zip")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response exportFile(@PathParam("caseId") long id, @PathParam("exportId") String exportId) {
        return EvidenceResource.exportFileOf(exports, id, exportId);
    }

    @GET
    @Path("/{caseId}/evidence/list")
    @Produces("application/pdf")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response evidenceList(@PathParam("caseId") long id) {
        return EvidenceResource.download(evidenceViews.evidenceList(id), "application/pdf");
    }

    @GET
    @Path("/{caseId}/evidence/export")
    @Produces("application/zip")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response export(@PathParam("caseId") long id) throws java.io.IOException {
        return EvidenceResource.exportOf(evidenceViews, id);
    }

    private static EvidenceComment.Position position(String value, String what) {
        try {
            return EvidenceComment.Position.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "choose a position on " + what + " (ADMITTED, DISPUTED or PARTLY)");
        }
    }
}
