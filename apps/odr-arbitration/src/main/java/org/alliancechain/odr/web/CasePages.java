package org.alliancechain.odr.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
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
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.alliancechain.odr.award.AwardResource;
import org.alliancechain.odr.award.AwardService;
import org.alliancechain.odr.award.AwardViews;
import org.alliancechain.odr.cases.CaseAccess;
import org.alliancechain.odr.cases.CaseResource;
import org.alliancechain.odr.cases.CaseService;
import org.alliancechain.odr.cases.CaseStatus;
import org.alliancechain.odr.cases.CaseViews;
import org.alliancechain.odr.cases.OdrCase;
import org.alliancechain.odr.cases.Timeline;
import org.alliancechain.odr.evidence.EvidenceComment;
import org.alliancechain.odr.filing.CaseFiling;
import org.alliancechain.odr.filing.FilingResource;
import org.alliancechain.odr.evidence.EvidenceExports;
import org.alliancechain.odr.evidence.EvidenceResource;
import org.alliancechain.odr.evidence.EvidenceService;
import org.alliancechain.odr.evidence.EvidenceViews;
import org.alliancechain.service.evidence.EvidenceConfig;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.service.web.PageShells;
import org.alliancechain.service.upload.Downloads;
import org.alliancechain.service.upload.Uploads;
import org.alliancechain.service.web.QrCodes;
import org.alliancechain.service.chain.ChainState;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The case pages for signed-in parties, clerks and arbitrators, in Chinese and English: the case list
 * with status badges, the filing form, and one page per case with its progress, parties, deadlines,
 * evidence (upload, certificates, cross-examination), hearing, award and timeline — each form shown
 * to whom it concerns. Every action goes through the same services as the API (same checks, same
 * chain writes); a refused action shows the page again with the reason and the API's status code.
 * Pages live under {@code /app} (browser OIDC tenant, {@code PageFormGuard} against cross-site posts).
 */
@Path("/app/cases")
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageShell page, List<CaseViews.CaseSummary> cases, List<StatusChoice> statuses, String status);

        static native TemplateInstance filing(PageShell page, Filing form, List<String> commissions, List<String> counterparts, String error);

        static native TemplateInstance detail(PageShell page, Detail view, String error);
    }

    public record StatusChoice(String code, String chinese, String english) {
    }

    /** The filing form's values (shown again when a filing is refused). */
    public record Filing(String title, String commission, String respondent, String claim, String amount, String currency,
                         String agreementReference) {
        static Filing empty() {
            return new Filing("", "", "", "", "", "CNY", "");
        }
    }

    /** One evidence item with its comments and whether the viewer may comment on it. */
    public record Item(EvidenceResource.ItemView item, List<EvidenceResource.CommentView> comments, boolean commentable,
                       String sideChinese, String sideEnglish) {
        public boolean confirmed() {
            return ChainState.isConfirmed(item.chainStatus());
        }

        /** The three aspects of cross-examination, for the comment form. */
        public List<Aspect> aspects() {
            return ASPECTS;
        }
    }

    public record Aspect(String name, String chinese, String english) {
    }

    private static final List<Aspect> ASPECTS = List.of(new Aspect("authenticity", "真实性", "Authenticity"),
            new Aspect("legality", "合法性", "Legality"), new Aspect("relevance", "关联性", "Relevance"));

    /** A stage of the progress bar: done, current or still ahead. */
    public record Stage(String chinese, String english, String state) {
    }

    /** Everything the case page shows, and which of its forms the viewer gets. */
    public record Detail(CaseViews.CaseView c, List<Stage> stages, List<Item> evidence, List<Timeline.Entry> timeline,
                         AwardResource.AwardView award, String awardQr, String awardVerifyUrl, List<AwardResource.MinutesView> minutes,
                         Actions can, boolean pending, List<EvidenceExports.ExportView> exports) {
    }

    /** The forms shown to the viewer; the services decide in the end. */
    public record Actions(boolean accept, boolean answer, boolean upload, boolean withdraw, boolean openHearing, boolean minutes,
                          boolean draft, boolean vote, boolean issue, boolean close, boolean downloadAward) {
    }

    private static final List<CaseStatus> PROGRESS = List.of(CaseStatus.FILED, CaseStatus.ACCEPTED, CaseStatus.EVIDENCE,
            CaseStatus.HEARING, CaseStatus.AWARDED, CaseStatus.CLOSED);

    private static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("filed", "案件已提交，正在上链 · The case is filed and being recorded on chain"),
            Map.entry("accepted", "已受理并组成仲裁庭，举证期开始 · Accepted, tribunal formed, evidence period open"),
            Map.entry("rejected", "已决定不予受理 · The case is rejected"),
            Map.entry("answered", "答辩已提交 · The answer is submitted"),
            Map.entry("withdrawn", "案件已撤回 · The case is withdrawn"),
            Map.entry("uploaded", "证据已提交，正在存证上链 · Evidence submitted; being time-stamped and anchored"),
            Map.entry("referenced", "已按引用附加证据并核验链上证明，正在存证上链 · Attached by reference, its proofs checked against the chain; "
                    + "being time-stamped and anchored"),
            Map.entry("exporting", "正在生成证据导出包，进度见下方 · The evidence export is being built; its progress is shown below"),
            Map.entry("commented", "质证意见已提交 · The comment is recorded"),
            Map.entry("hearing", "已开庭审理 · The hearing is open"),
            Map.entry("minutes", "庭审笔录已记录 · The minutes are recorded"),
            Map.entry("drafted", "裁决书草稿已保存 · The draft award is saved"),
            Map.entry("voted", "表决已记录 · Your vote is recorded"),
            Map.entry("issued", "裁决已作出并送达双方 · The award is issued and made available to both parties"),
            Map.entry("closed", "已结案 · The case is closed"));

    private final Caller caller;
    private final CaseService cases;
    private final CaseFiling filing;
    private final PageShells shells;
    private final CaseAccess access;
    private final CaseViews views;
    private final EvidenceService evidence;
    private final EvidenceViews evidenceViews;
    private final EvidenceExports exports;
    private final Uploads uploads;
    private final AwardService awards;
    private final AwardViews awardViews;
    private final EvidenceConfig evidenceConfig;
    private final Validator validator;

    CasePages(Caller caller, CaseService cases, CaseFiling filing, CaseAccess access, CaseViews views, EvidenceService evidence, EvidenceViews evidenceViews,
              Uploads uploads, AwardService awards, AwardViews awardViews, EvidenceConfig evidenceConfig,
              Validator validator, EvidenceExports exports, PageShells shells) {
        this.exports = exports;
        this.shells = shells;
        this.caller = caller;
        this.cases = cases;
        this.filing = filing;
        this.access = access;
        this.views = views;
        this.evidence = evidence;
        this.evidenceViews = evidenceViews;
        this.uploads = uploads;
        this.awards = awards;
        this.awardViews = awardViews;
        this.evidenceConfig = evidenceConfig;
        this.validator = validator;
    }

    // ---- list and filing ------------------------------------------------------------------

    @GET
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    @jakarta.transaction.Transactional
    public TemplateInstance list(@QueryParam("status") String status) {
        CaseStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = CaseStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "unknown case status '" + status + "'");
            }
        }
        var statuses = Arrays.stream(CaseStatus.values()).map(s -> new StatusChoice(s.name(), s.chinese, s.english)).toList();
        return Templates.list(page(null), views.summaries(access.mine(wanted, 200)), statuses, wanted == null ? "" : wanted.name());
    }

    @GET
    @Path("/new")
    @RolesAllowed("claimant")
    @Operation(hidden = true)
    @jakarta.transaction.Transactional
    public TemplateInstance filingForm() {
        return filingPage(Filing.empty(), null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("claimant")
    @Operation(hidden = true)
    public Response file(@RestForm String title, @RestForm String commission, @RestForm String respondent, @RestForm String claim,
                         @RestForm String amount, @RestForm String currency, @RestForm String agreementReference,
                         @RestForm("documents") List<FileUpload> documents, UriInfo uri) {
        var form = new Filing(trim(title), trim(commission), trim(respondent), trim(claim), trim(amount), trim(currency),
                trim(agreementReference));
        try {
            var request = requireValid(new FilingResource.FilingRequest(form.title(), form.commission(), form.respondent(), form.claim(),
                    amount(form.amount()), form.currency().isEmpty() ? null : form.currency(), form.agreementReference()));
            var filed = filing.file(request.filing(), uploads.read(Uploads.chosen(documents)));
            return seeCase(uri, filed.id, "filed");
        } catch (ProblemException e) {
            return Response.status(e.status().getStatusCode()).entity(filingPage(form, e.getMessage())).type(MediaType.TEXT_HTML).build();
        }
    }

    // ---- one case -------------------------------------------------------------------------

    @GET
    @Path("/{caseId}")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("caseId") long id, @QueryParam("notice") String notice) {
        return Templates.detail(page(notice), detail(id), null);
    }

    @POST
    @Path("/{caseId}/acceptance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("clerk")
    @Operation(hidden = true)
    public Response accept(@PathParam("caseId") long id, @RestForm List<String> arbitrator, @RestForm String presiding,
                           @RestForm String answerDue, @RestForm String evidenceDue, @RestForm String awardDue, UriInfo uri) {
        return act(id, uri, "accepted", () -> {
            var names = arbitrator == null ? List.<String>of() : arbitrator.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            var request = new CaseResource.TribunalRequest(names, blankToNull(presiding));
            requireValid(request);
            cases.accept(id, new CaseService.Tribunal(request.arbitrators(), request.presiding()),
                    new CaseService.Deadlines(endOfDay(answerDue, "answer"), endOfDay(evidenceDue, "evidence"), endOfDay(awardDue, "award")));
        });
    }

    @POST
    @Path("/{caseId}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("clerk")
    @Operation(hidden = true)
    public Response reject(@PathParam("caseId") long id, @RestForm String reason, UriInfo uri) {
        return act(id, uri, "rejected", () -> cases.reject(id, requireValid(new CaseResource.ReasonRequest(reason)).reason()));
    }

    @POST
    @Path("/{caseId}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(hidden = true)
    public Response answer(@PathParam("caseId") long id, @RestForm String text, UriInfo uri) {
        return act(id, uri, "answered", () -> cases.answer(id, requireValid(new CaseResource.AnswerRequest(text)).text()));
    }

    @POST
    @Path("/{caseId}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(hidden = true)
    public Response withdraw(@PathParam("caseId") long id, @RestForm String reason, UriInfo uri) {
        return act(id, uri, "withdrawn", () -> cases.withdraw(id, requireValid(new CaseResource.ReasonRequest(reason)).reason()));
    }

    @POST
    @Path("/{caseId}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"claimant", "respondent"})
    @Operation(hidden = true)
    public Response upload(@PathParam("caseId") long id, @RestForm("files") List<FileUpload> files, UriInfo uri) {
        return act(id, uri, "uploaded", () -> {
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
        return act(id, uri, "referenced", () -> {
            access.find(id);
            var files = uploads.read(Uploads.chosen(certificate));
            String given = reference == null || reference.isBlank() ? null : reference.strip();
            if (files.isEmpty() && given == null) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "请填写引用或选择证书 · give a reference or choose a certificate");
            }
            requireValid(EvidenceResource.ReferenceRequest.class, "title", title);
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
        return act(id, uri, "commented", () -> {
            var request = requireValid(new EvidenceResource.CommentRequest(position(authenticity, "authenticity"),
                    position(legality, "legality"), position(relevance, "relevance"), opinion));
            evidence.comment(id, itemId, new EvidenceService.Comment(request.authenticity(), request.legality(), request.relevance(),
                    request.opinion()));
        });
    }

    @POST
    @Path("/{caseId}/hearing")
    @RolesAllowed({"clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response openHearing(@PathParam("caseId") long id, UriInfo uri) {
        return act(id, uri, "hearing", () -> cases.openHearing(id));
    }

    @POST
    @Path("/{caseId}/minutes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response minutes(@PathParam("caseId") long id, @RestForm String heldAt, @RestForm String text, UriInfo uri) {
        return act(id, uri, "minutes", () -> {
            var request = requireValid(new AwardResource.MinutesRequest(localTime(heldAt, "held at"), text));
            awards.recordMinutes(id, request.heldAt(), request.text());
        });
    }

    @POST
    @Path("/{caseId}/award")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("arbitrator")
    @Operation(hidden = true)
    public Response draft(@PathParam("caseId") long id, @RestForm String decision, @RestForm String reasoning, UriInfo uri) {
        return act(id, uri, "drafted", () -> {
            var request = requireValid(new AwardResource.DraftRequest(decision, reasoning));
            awards.draft(id, request.decision(), request.reasoning());
        });
    }

    @POST
    @Path("/{caseId}/award/votes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("arbitrator")
    @Operation(hidden = true)
    public Response vote(@PathParam("caseId") long id, @RestForm String approve, @RestForm String note, UriInfo uri) {
        return act(id, uri, "voted", () -> {
            if (!"true".equals(approve) && !"false".equals(approve)) {
                throw new ProblemException(Response.Status.BAD_REQUEST, "choose to approve or to dissent · 请选择同意或不同意");
            }
            var request = requireValid(new AwardResource.VoteRequest(Boolean.parseBoolean(approve), note));
            awards.vote(id, request.approve(), request.note());
        });
    }

    @POST
    @Path("/{caseId}/award/issue")
    @RolesAllowed("arbitrator")
    @Operation(hidden = true)
    public Response issue(@PathParam("caseId") long id, UriInfo uri) {
        return act(id, uri, "issued", () -> awards.issue(id));
    }

    @POST
    @Path("/{caseId}/closure")
    @RolesAllowed("clerk")
    @Operation(hidden = true)
    public Response close(@PathParam("caseId") long id, UriInfo uri) {
        return act(id, uri, "closed", () -> cases.close(id));
    }

    // ---- downloads ------------------------------------------------------------------------

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
        return act(id, uri, "exporting", () -> exports.start(id));
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

    @GET
    @Path("/{caseId}/award/pdf")
    @Produces("application/pdf")
    @RolesAllowed({"claimant", "respondent", "clerk", "arbitrator"})
    @Operation(hidden = true)
    public Response awardPdf(@PathParam("caseId") long id) {
        var signed = awards.pdf(id);
        return Downloads.file(signed.pdf(), "application/pdf", signed.fileName());
    }

    // ---- helpers --------------------------------------------------------------------------

    /** Runs a step; on success back to the case page (303, with a notice), on refusal the page again with the reason. */
    private Response act(long id, UriInfo uri, String notice, Runnable step) {
        try {
            step.run();
            return seeCase(uri, id, notice);
        } catch (ProblemException e) {
            if (e.status().getStatusCode() == 404) {
                throw e;
            }
            return Response.status(e.status().getStatusCode()).entity(Templates.detail(page(null), detail(id), e.getMessage()))
                    .type(MediaType.TEXT_HTML).build();
        }
    }

    private static Response seeCase(UriInfo uri, long id, String notice) {
        URI target = uri.getBaseUriBuilder().path("app/cases").path(String.valueOf(id)).queryParam("notice", notice).build();
        return Response.seeOther(target).build();
    }

    /** The shared page shell: the suite's header, ODR's own links (filing for claimants), the notice of the last step. */
    private PageShell page(String notice) {
        var nav = new java.util.ArrayList<PageShell.Link>();
        nav.add(PageShells.link("cases", "案件", "Cases", "/app/cases"));
        if (caller.roles().contains("claimant")) {
            nav.add(PageShells.link("file", "申请仲裁", "File a case", "/app/cases/new"));
        }
        return shells.of("在线仲裁 Online arbitration", nav, notice == null ? null : NOTICES.get(notice));
    }

    @jakarta.transaction.Transactional
    TemplateInstance filingPage(Filing form, String error) {
        String mine = caller.requireOrganisation();
        var previous = OdrCase.<OdrCase>find("claimant = ?1 or respondent = ?1 order by id desc", mine).page(0, 100).list();
        var commissions = previous.stream().map(c -> c.commission).distinct().sorted().toList();
        var counterparts = previous.stream().map(c -> mine.equals(c.claimant) ? c.respondent : c.claimant).distinct().sorted().toList();
        return Templates.filing(page(null), form, commissions, counterparts, error);
    }

    @jakarta.transaction.Transactional
    Detail detail(long id) {
        var c = views.find(id);
        var status = CaseStatus.valueOf(c.status().code());
        String side = c.yourSide();
        boolean party = "CLAIMANT".equals(side) || "RESPONDENT".equals(side);
        boolean commission = "COMMISSION".equals(side);
        String me = caller.userName();
        boolean onTribunal = commission && caller.roles().contains("arbitrator")
                && c.arbitrators().stream().anyMatch(a -> a.username().equals(me));
        boolean presiding = onTribunal && c.arbitrators().stream().anyMatch(a -> a.username().equals(me) && a.presiding());
        boolean clerk = commission && caller.roles().contains("clerk");

        var items = new ArrayList<Item>();
        for (var item : evidence.list(id)) {
            var comments = evidence.comments(id, item.id).stream().map(EvidenceResource.CommentView::of).toList();
            boolean commentable = party && !item.side.name().equals(side) && !status.isFinal() && status != CaseStatus.AWARDED;
            items.add(new Item(evidenceViews.item(item), comments, commentable, item.side.chinese, item.side.english));
        }
        var award = awardViews.awardIfAny(id).orElse(null);
        boolean issued = award != null && "ISSUED".equals(award.status());
        String verifyUrl = issued && award.recordDigest() != null ? evidenceConfig.publicUrl() + "/verify?digest=" + award.recordDigest() : null;
        var timeline = views.timeline(id);
        boolean pending = timeline.stream().anyMatch(e -> isPending(e.chainStatus()))
                || items.stream().anyMatch(i -> isPending(i.item().chainStatus()))
                || (award != null && isPending(award.chainStatus()));
        var can = new Actions(
                clerk && status == CaseStatus.FILED,
                "RESPONDENT".equals(side) && c.answer() == null && (status == CaseStatus.ACCEPTED || status == CaseStatus.EVIDENCE),
                party && status.takesEvidence() && status != CaseStatus.FILED,
                "CLAIMANT".equals(side) && status.withdrawable(),
                (clerk || onTribunal) && status == CaseStatus.EVIDENCE,
                (clerk || onTribunal) && status == CaseStatus.HEARING,
                presiding && (status == CaseStatus.EVIDENCE || status == CaseStatus.HEARING),
                onTribunal && "PANEL".equals(c.tribunal()) && award != null && "DRAFT".equals(award.status()),
                presiding && award != null && "DRAFT".equals(award.status()),
                clerk && status == CaseStatus.AWARDED,
                issued && ChainState.isConfirmed(award.chainStatus()));
        var myExports = exports.mine(id);
        pending = pending || myExports.stream().anyMatch(e -> e.state() == EvidenceExports.State.QUEUED || e.state() == EvidenceExports.State.RUNNING);
        return new Detail(c, stages(status, timeline), items, timeline, award, verifyUrl == null ? null : QrCodes.svg(verifyUrl, 132),
                verifyUrl, party || commission ? awardViews.minutesOf(id) : List.of(), can, pending, myExports);
    }

    private static boolean isPending(String chainStatus) {
        return ChainState.isInProgress(chainStatus);
    }

    private static List<Stage> stages(CaseStatus status, List<Timeline.Entry> timeline) {
        var stages = new ArrayList<Stage>();
        if (status == CaseStatus.REJECTED || status == CaseStatus.WITHDRAWN) {
            stages.add(new Stage(CaseStatus.FILED.chinese, CaseStatus.FILED.english, "done"));
            stages.add(new Stage(status.chinese, status.english, "stopped"));
            return stages;
        }
        int current = PROGRESS.indexOf(status);
        for (int i = 0; i < PROGRESS.size(); i++) {
            var s = PROGRESS.get(i);
            stages.add(new Stage(s.chinese, s.english, i < current ? "done" : i == current ? (s == CaseStatus.CLOSED ? "done" : "current") : "ahead"));
        }
        return stages;
    }

    /** The page's form checked against the API's request record (one set of limits for both), 400 naming each field. */
    private <T> T requireValid(T request) {
        refuse(validator.validate(request));
        return request;
    }

    /** One field of a form checked against the API's request record's constraint on it. */
    private <T> void requireValid(Class<T> type, String field, Object value) {
        refuse(validator.validateValue(type, field, value));
    }

    private static void refuse(java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, violations.stream()
                    .map(v -> label(v.getPropertyPath().toString()) + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
    }

    private static String label(String field) {
        return switch (field) {
            case "title" -> "案由 title";
            case "commission" -> "仲裁委员会 commission";
            case "respondent" -> "被申请人 respondent";
            case "claim" -> "仲裁请求 claim";
            case "amount" -> "金额 amount";
            case "currency" -> "币种 currency";
            case "agreementReference" -> "仲裁协议 agreement reference";
            case "reason" -> "理由 reason";
            case "text" -> "内容 text";
            case "opinion" -> "质证意见 opinion";
            case "decision" -> "裁决主文 decision";
            case "reasoning" -> "事实与理由 reasoning";
            case "note" -> "意见 note";
            case "heldAt" -> "开庭时间 held at";
            default -> field.startsWith("arbitrators") ? "仲裁员 arbitrators" : field;
        };
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "金额 amount '" + text + "' is not a number");
        }
    }

    private static Instant endOfDay(String date, String what) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the " + what + " deadline '" + date + "' is not a date (yyyy-mm-dd)");
        }
    }

    private static Instant localTime(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, what + " is required");
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, what + " '" + value + "' is not a date and time");
        }
    }

    private static EvidenceComment.Position position(String value, String what) {
        try {
            return EvidenceComment.Position.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "choose a position on " + what + " (ADMITTED, DISPUTED or PARTLY)");
        }
    }


    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
