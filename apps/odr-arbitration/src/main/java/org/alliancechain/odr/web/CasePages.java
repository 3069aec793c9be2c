package org.alliancechain.odr.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.alliancechain.odr.award.AwardResource;
import org.alliancechain.odr.award.AwardViews;
import org.alliancechain.odr.cases.CaseAccess;
import org.alliancechain.odr.cases.CaseActionRefused;
import org.alliancechain.odr.cases.CaseForms;
import org.alliancechain.odr.cases.CasePageSteps;
import org.alliancechain.odr.cases.CaseStatus;
import org.alliancechain.odr.cases.CaseViews;
import org.alliancechain.odr.cases.OdrCase;
import org.alliancechain.odr.cases.Timeline;
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
    private final CaseFiling filing;
    private final PageShells shells;
    private final CaseAccess access;
    private final CaseViews views;
    private final EvidenceService evidence;
    private final EvidenceViews evidenceViews;
    private final EvidenceExports exports;
    private final Uploads uploads;
    private final AwardViews awardViews;
    private final EvidenceConfig evidenceConfig;
    private final CaseForms forms;

    CasePages(Caller caller, CaseFiling filing, CaseAccess access, CaseViews views, EvidenceService evidence, EvidenceViews evidenceViews,
              Uploads uploads, AwardViews awardViews, EvidenceConfig evidenceConfig,
              CaseForms forms, EvidenceExports exports, PageShells shells) {
        this.exports = exports;
        this.shells = shells;
        this.caller = caller;
        this.filing = filing;
        this.access = access;
        this.views = views;
        this.evidence = evidence;
        this.evidenceViews = evidenceViews;
        this.uploads = uploads;
        this.awardViews = awardViews;
        this.evidenceConfig = evidenceConfig;
        this.forms = forms;
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
            var request = forms.requireValid(new FilingResource.FilingRequest(form.title(), form.commission(), form.respondent(), form.claim(),
                    amount(form.amount()), form.currency().isEmpty() ? null : form.currency(), form.agreementReference()));
            var filed = filing.file(request.filing(), uploads.read(Uploads.chosen(documents)));
            return CasePageSteps.seeCase(uri, filed.id, "filed");
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

    // ---- downloads ------------------------------------------------------------------------

    /** The case page again, with the reason a step taken from it was refused and the refusal's status. */
    public Response refused(CaseActionRefused refusal) {
        long id = refusal.caseId();
        return Response.status(refusal.problem().status().getStatusCode())
                .entity(Templates.detail(page(null), detail(id), refusal.getMessage())).type(MediaType.TEXT_HTML).build();
    }

    // ---- helpers --------------------------------------------------------------------------



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





    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

}
