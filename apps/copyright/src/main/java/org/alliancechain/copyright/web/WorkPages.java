package org.alliancechain.copyright.web;

import org.alliancechain.service.web.FormErrors;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.copyright.licences.Licence;
import org.alliancechain.copyright.licences.LicenceResource;
import org.alliancechain.copyright.licences.LicenceService;
import org.alliancechain.copyright.licences.LicenceUses;
import org.alliancechain.copyright.licences.LicenceViews;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.copyright.works.WorkIntake;
import org.alliancechain.copyright.works.WorkResource;
import org.alliancechain.copyright.works.WorkService;
import org.alliancechain.copyright.works.WorkTransfers;
import org.alliancechain.copyright.works.WorkUploads;
import org.alliancechain.service.jobs.BackgroundJobs;
import org.alliancechain.copyright.works.WorkViews;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.evidence.EvidenceConfig;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.tenancy.Tenancy;
import org.alliancechain.service.web.PageForms;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.service.web.QrCodes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The rights manager's works: the list with each work's registration state and a chart of the works
 * registered per day, the forms to register a text or a file, and one work's page — what was
 * registered, its digests and ISCC, its registration from submission to WorkRegistry's decision, the
 * signed certificate and the QR code to the public verifier, and its licences with the grant form.
 * The work's content and certificate are served to the page session here (the API wants a bearer token).
 */
@Path("/app/works")
@Produces(MediaType.TEXT_HTML)
public class WorkPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageShell page, List<WorkViews.WorkView> works, Charts.WorkDays chart, FormErrors errors,
                                            TextForm text, FileForm file, List<BackgroundJobs.JobView> uploads, boolean pending);

        static native TemplateInstance detail(PageShell page, Detail work, List<LicenceViews.LicenceView> licences, FormErrors errors,
                                              GrantForm grant, String transferTo, boolean pending);
    }

    /** The text form as entered. */
    public record TextForm(String title, String authors, String publishedAt, String url, String format, String text) {
        static final TextForm EMPTY = new TextForm("", "", "", "", "plain", "");
    }

    /** The file form's fields as entered (the file is chosen again). */
    public record FileForm(String title, String authors, String publishedAt, String url) {
        static final FileForm EMPTY = new FileForm("", "", "", "");
    }

    /** The grant form as entered. */
    public record GrantForm(String licensee, List<String> uses, List<String> channels, String territory, String validFrom, String validUntil,
                            String terms) {
        public boolean hasUse(String use) {
            return uses.contains(use);
        }

        public boolean hasChannel(String channel) {
            return channels.contains(channel);
        }
    }

    /** One step of the registration timeline. */
    public record Step(String state, String label, String detail, String transactionHash, Long blockNumber) {
    }

    /** A work's page: the view, its text excerpt (texts) or whether it is shown as an image, the timeline and the verifier's QR code. */
    public record Detail(WorkViews.WorkView view, String excerpt, boolean truncated, boolean image, List<Step> timeline, String verifyUrl,
                         String qr, boolean certificate, boolean transferring) {
    }

    static final int EXCERPT = 1_500;
    static final int CHART_DAYS = 14;

    private final Caller caller;
    private final CopyrightPages pages;
    private final Tenancy tenancy;
    private final WorkViews views;
    private final WorkService works;
    private final WorkIntake intake;
    private final WorkResource api;
    private final LicenceService licences;
    private final LicenceViews licenceViews;
    private final Validator validator;
    private final EvidenceConfig evidence;
    private final WorkTransfers transfers;

    private final WorkUploads uploads;

    WorkPages(Caller caller, CopyrightPages pages, Tenancy tenancy, WorkViews views, WorkService works, WorkIntake intake, WorkResource api,
              LicenceService licences, LicenceViews licenceViews, Validator validator, EvidenceConfig evidence, WorkTransfers transfers,
              WorkUploads uploads) {
        this.transfers = transfers;
        this.uploads = uploads;
        this.caller = caller;
        this.pages = pages;
        this.tenancy = tenancy;
        this.views = views;
        this.works = works;
        this.intake = intake;
        this.api = api;
        this.licences = licences;
        this.licenceViews = licenceViews;
        this.validator = validator;
        this.evidence = evidence;
    }

    @GET
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("notice") String notice) {
        return listPage(notice, FormErrors.NONE, TextForm.EMPTY, FileForm.EMPTY);
    }

    private TemplateInstance listPage(String notice, FormErrors errors, TextForm text, FileForm file) {
        String organisation = caller.requireOrganisation();
        var list = tenancy.list(Work.class, null, Map.of(), Sort.descending("id")).page(0, 100).<Work>list().stream().map(views::of).toList();
        var myUploads = uploads.mine();
        boolean pending = list.stream().anyMatch(w -> "PENDING".equals(w.status()) || w.record() == null || w.record().inProgress())
                || myUploads.stream().anyMatch(BackgroundJobs.JobView::unfinished);
        return Templates.list(pages.page(notice), list, chart(organisation), errors, text, file, myUploads, pending);
    }

    /** Works registered per day over the last two weeks (China time), texts and images. */
    private Charts.WorkDays chart(String organisation) {
        LocalDate today = LocalDate.now(PageForms.ZONE);
        Instant since = today.minusDays(CHART_DAYS - 1).atStartOfDay(PageForms.ZONE).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Work.getEntityManager().createNativeQuery("select cast((created_at at time zone 'Asia/Shanghai') as date), kind, "
                + "count(*) from cr_work where organisation = ?1 and created_at >= ?2 group by 1, 2")
                .setParameter(1, organisation).setParameter(2, since).getResultList();
        var counts = new HashMap<LocalDate, long[]>();
        for (Object[] row : rows) {
            LocalDate day = row[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[0];
            counts.computeIfAbsent(day, d -> new long[2])[Work.Kind.TEXT.name().equals(row[1]) ? 0 : 1] += ((Number) row[2]).longValue();
        }
        return Charts.workDays(today, CHART_DAYS, counts);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response registerText(@RestForm String title, @RestForm String authors, @RestForm String publishedAt, @RestForm String url,
                                 @RestForm String format, @RestForm String text, UriInfo uri) {
        var form = new TextForm(CopyrightPages.trim(title), CopyrightPages.trim(authors), CopyrightPages.trim(publishedAt),
                CopyrightPages.trim(url), format == null || format.isBlank() ? "plain" : format.strip(), text == null ? "" : text);
        try {
            var work = new WorkResource.TextWork(form.title(), lines(form.authors()), time(form.publishedAt(), "publishedAt"),
                    form.url().isEmpty() ? null : form.url(), form.format(), form.text());
            var violations = validator.validate(work);
            if (!violations.isEmpty()) {
                var errors = PageErrors.of("text", violations);
                return CopyrightPages.refused(errors, listPage(null, errors, form, FileForm.EMPTY));
            }
            var registered = works.register(caller.requireOrganisation(), caller.userName(), List.of(intake.text("work", work))).getFirst();
            return CopyrightPages.seeOther(uri, "app/works/" + registered.id, "registered");
        } catch (ProblemException e) {
            var errors = PageErrors.of("text", e);
            return CopyrightPages.refused(errors, listPage(null, errors, form, FileForm.EMPTY));
        }
    }

    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response registerFile(@RestForm("file") FileUpload file, @RestForm String title, @RestForm String authors,
                                 @RestForm String publishedAt, @RestForm String url, UriInfo uri) {
        var form = new FileForm(CopyrightPages.trim(title), CopyrightPages.trim(authors), CopyrightPages.trim(publishedAt),
                CopyrightPages.trim(url));
        try {
            Instant published = time(form.publishedAt(), "publishedAt");
            var submission = intake.file("file", file, form.title(), form.authors(), published == null ? null : published.toString(), form.url());
            var registered = works.register(caller.requireOrganisation(), caller.userName(), List.of(submission)).getFirst();
            return CopyrightPages.seeOther(uri, "app/works/" + registered.id, "registered");
        } catch (ProblemException e) {
            var errors = PageErrors.of("file", e);
            return CopyrightPages.refused(errors, listPage(null, errors, TextForm.EMPTY, form));
        }
    }

    @POST
    @Path("/uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response upload(@RestForm("files") List<FileUpload> files, @RestForm String authors, UriInfo uri) {
        try {
            uploads.start(files, authors);
            return CopyrightPages.seeOther(uri, "app/works", "upload-started");
        } catch (ProblemException e) {
            var errors = PageErrors.of("upload", e);
            return CopyrightPages.refused(errors, listPage(null, errors, TextForm.EMPTY, FileForm.EMPTY));
        }
    }

    @GET
    @Path("/uploads/{uploadId}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response uploadReport(@PathParam("uploadId") String id) {
        return Response.ok(uploads.report(id).toFile(), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"work-upload-" + id + ".json\"").build();
    }

    @GET
    @Path("/{workId: \\d+}")
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("workId") long id, @QueryParam("notice") String notice) {
        return detailPage(id, notice, FormErrors.NONE, emptyGrant(), "");
    }

    private GrantForm emptyGrant() {
        String now = LocalDateTime.now(PageForms.ZONE).truncatedTo(ChronoUnit.MINUTES).toString();
        return new GrantForm("", List.of("EXCERPT"), List.of("ONLINE"), "CN", now, "", "");
    }

    private TemplateInstance detailPage(long id, String notice, FormErrors errors, GrantForm grant, String transferTo) {
        var work = tenancy.find(Work.class, id, "Work");
        var view = views.of(work);
        var licenceList = Licence.<Licence>list("workId = ?1 and organisation = ?2", Sort.descending("id"), work.id, work.organisation)
                .stream().map(licenceViews::of).toList();
        boolean image = work.kind == Work.Kind.IMAGE;
        String excerpt = null;
        boolean truncated = false;
        if (!image) {
            String source = new String(work.content, StandardCharsets.UTF_8);
            String text = "text/html".equals(work.mediaType) ? org.jsoup.Jsoup.parse(source).text() : source;
            truncated = text.length() > EXCERPT;
            excerpt = truncated ? text.substring(0, EXCERPT) : text;
        }
        boolean anchored = view.record() != null && view.record().confirmed();
        String verifyUrl = anchored && work.status != Work.Status.REFUSED
                ? evidence.publicUrl().replaceAll("/+$", "") + "/verify?digest=" + view.recordDigest() : null;
        var transferList = transfers.of(work.id).stream().map(transfers::view).toList();
        // The first registrant: the holder before the first transfer, if the rights have moved.
        var steps = timeline(view, transferList.isEmpty() ? view.holder() : transferList.getFirst().from());
        for (var t : transferList) {
            steps.add(transferStep(t));
        }
        boolean transferring = transferList.stream().anyMatch(t -> "PENDING".equals(t.status()));
        var detail = new Detail(view, excerpt, truncated, image, steps, verifyUrl, verifyUrl == null ? null : QrCodes.svg(verifyUrl, 132),
                verifyUrl != null, transferring);
        boolean pending = "PENDING".equals(view.status()) || view.record() == null || view.record().inProgress()
                || licenceList.stream().anyMatch(l -> "PENDING".equals(l.status()) || "REVOKING".equals(l.status()));
        return Templates.detail(pages.page(notice), detail, licenceList, errors, grant, transferTo, pending);
    }

    /** Submitted → registration record time-stamped and anchored → WorkRegistry's decision (registered, or refused naming the first). */
    private static List<Step> timeline(WorkViews.WorkView w, String firstRegistrant) {
        var steps = new ArrayList<Step>();
        steps.add(new Step("CONFIRMED", "已提交 Submitted", "由 by " + w.createdBy() + " · " + local(w.createdAt()), null, null));
        ChainState record = w.record();
        steps.add(new Step(record == null ? "PENDING" : record.name(), "登记记录上链 Registration record anchored",
                record == null ? "待打包 waiting for its batch" : record.label(), record == null ? null : record.transactionHash(),
                record == null ? null : record.blockNumber()));
        ChainState registration = w.registration();
        switch (w.status()) {
            case "REGISTERED" -> steps.add(new Step("CONFIRMED", "WorkRegistry 已登记 Registered in WorkRegistry", "第一登记人 first registrant: "
                    + firstRegistrant, w.registeredTransaction(), w.registeredBlock()));
            case "REFUSED" -> steps.add(new Step("FAILED", "WorkRegistry 拒绝 Refused by WorkRegistry", "此内容已由 " + w.firstHolder()
                    + " 先行登记 · registered first by " + w.firstHolder(), w.registeredTransaction(), w.registeredBlock()));
            default -> steps.add(new Step(registration == null ? "PENDING" : registration.name(), "WorkRegistry 登记中 Registering in WorkRegistry",
                    registration == null ? "待签名 queued" : registration.label() + (registration.failureReason() == null ? ""
                            : " · " + registration.failureReason()), registration == null ? null : registration.transactionHash(),
                    registration == null ? null : registration.blockNumber()));
        }
        return steps;
    }

    /** A transfer of the rights: asked for → WorkRegistry's RightsTransferred (or its refusal of the write). */
    private static Step transferStep(WorkTransfers.TransferView t) {
        String parties = t.from() + " → " + t.to();
        return switch (t.status()) {
            case "TRANSFERRED" -> new Step("CONFIRMED", "权利已转让 Rights transferred", parties + " · WorkRegistry RightsTransferred",
                    t.transferredTransaction(), t.transferredBlock());
            case "FAILED" -> new Step("FAILED", "权利转让失败 Transfer refused", parties + " · " + t.statusLabel(),
                    t.transaction() == null ? null : t.transaction().transactionHash(), null);
            default -> new Step(t.transaction() == null ? "PENDING" : t.transaction().name(), "权利转让中 Transferring the rights", parties
                    + " · 由 by " + t.requestedBy() + " · " + local(t.requestedAt()), t.transaction() == null ? null
                    : t.transaction().transactionHash(), t.transaction() == null ? null : t.transaction().blockNumber());
        };
    }

    private static String local(Instant at) {
        return at == null ? "—" : LocalDateTime.ofInstant(at, PageForms.ZONE).truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

    @GET
    @Path("/{workId: \\d+}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response content(@PathParam("workId") long id) {
        return api.content(id);
    }

    @GET
    @Path("/{workId: \\d+}/certificate")
    @Produces("application/pdf")
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response certificate(@PathParam("workId") long id) {
        return api.certificate(id);
    }

    @POST
    @Path("/{workId: \\d+}/licences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response grant(@PathParam("workId") long id, @RestForm String licensee, @RestForm List<String> uses, @RestForm List<String> channels,
                          @RestForm String territory, @RestForm String validFrom, @RestForm String validUntil, @RestForm String terms,
                          UriInfo uri) {
        var form = new GrantForm(CopyrightPages.trim(licensee), uses == null ? List.of() : uses, channels == null ? List.of() : channels,
                CopyrightPages.trim(territory), CopyrightPages.trim(validFrom), CopyrightPages.trim(validUntil), terms == null ? "" : terms.strip());
        try {
            var request = new LicenceResource.GrantRequest(id, form.licensee(), enums(LicenceUses.Use.class, form.uses(), "uses"),
                    enums(LicenceUses.Channel.class, form.channels(), "channels"), form.territory(), time(form.validFrom(), "validFrom"),
                    time(form.validUntil(), "validUntil"), form.terms());
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                var errors = PageErrors.of("grant", violations);
                return CopyrightPages.refused(errors, detailPage(id, null, errors, form, ""));
            }
            licences.grant(caller.requireOrganisation(), caller.userName(), new LicenceService.Grant(id, request.licensee(), request.uses(),
                    request.channels(), request.territory(), request.validFrom(), request.validUntil(), request.terms()));
            return CopyrightPages.seeOther(uri, "app/works/" + id, "granted");
        } catch (ProblemException e) {
            var errors = PageErrors.of("grant", e);
            return CopyrightPages.refused(errors, detailPage(id, null, errors, form, ""));
        }
    }

    @POST
    @Path("/{workId: \\d+}/licences/{licenceId: \\d+}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response revoke(@PathParam("workId") long id, @PathParam("licenceId") long licenceId, UriInfo uri) {
        try {
            var licence = tenancy.find(Licence.class, licenceId, "Licence");
            if (licence.workId != id) {
                throw ProblemException.notFound("Licence " + licenceId);
            }
            licences.revoke(licenceId, null);
            return CopyrightPages.seeOther(uri, "app/works/" + id, "revoking");
        } catch (ProblemException e) {
            var errors = PageErrors.of("revoke-" + licenceId, e);
            return CopyrightPages.refused(errors, detailPage(id, null, errors, emptyGrant(), ""));
        }
    }

    @POST
    @Path("/{workId: \\d+}/transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response transfer(@PathParam("workId") long id, @RestForm String toOrganisation, UriInfo uri) {
        String to = CopyrightPages.trim(toOrganisation);
        try {
            var violations = validator.validate(new WorkResource.TransferRequest(to));
            if (!violations.isEmpty()) {
                var errors = PageErrors.of("transfer", violations);
                return CopyrightPages.refused(errors, detailPage(id, null, errors, emptyGrant(), to));
            }
            transfers.transfer(caller.requireOrganisation(), caller.userName(), id, to);
            // Once WorkRegistry records it the work is the new holder's: back to the list, which it then leaves.
            return CopyrightPages.seeOther(uri, "app/works", "transferring");
        } catch (ProblemException e) {
            var errors = PageErrors.of("transfer", e);
            return CopyrightPages.refused(errors, detailPage(id, null, errors, emptyGrant(), to));
        }
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A form's datetime-local (China time) or an ISO instant; null when blank; 422 naming the field otherwise. */
    static Instant time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return v.endsWith("Z") ? Instant.parse(v) : LocalDateTime.parse(v).atZone(PageForms.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "'" + v + "' is not a date and time (e.g. 2026-12-05T08:00)", field);
        }
    }

    static <E extends Enum<E>> List<E> enums(Class<E> type, List<String> values, String field) {
        var list = new ArrayList<E>();
        for (String v : values) {
            try {
                list.add(Enum.valueOf(type, v.strip()));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "'" + v + "' is not one of " + Arrays.toString(type.getEnumConstants()),
                        field);
            }
        }
        return list;
    }
}
