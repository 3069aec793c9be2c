package org.alliancechain.copyright.web;

import org.alliancechain.service.web.FormErrors;
import io.quarkus.panache.common.Sort;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.copyright.licences.Licence;
import org.alliancechain.copyright.licences.LicenceResource;
import org.alliancechain.copyright.licences.LicenceUses;
import org.alliancechain.copyright.licences.LicenceViews;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ParamValues;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageForms;
import org.alliancechain.service.web.PageShell;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Licences as their licensors and licensees see them — scope, territory, status and the period drawn
 * on one time axis — and the "as of" check: LicenceRegistry's yes or no for a licensee, a work, a use,
 * a channel, a territory and a time, as the chain recorded it at a block, with the licence that covered it.
 */
@Path("/app/licences")
@Produces(MediaType.TEXT_HTML)
public class LicencePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageShell page, List<Side> sides, CheckForm check, Answer answer, FormErrors errors,
                                            Map<String, String> works, boolean pending);
    }

    /** Licences granted (as licensor) or held (as licensee), with their periods on one time axis. */
    public record Side(String id, String heading, String empty, boolean licensor, List<LicenceViews.LicenceView> licences,
                       Charts.Periods chart) {
    }

    /** The check form as entered. */
    public record CheckForm(String work, String licensee, String use, String channel, String territory, String time, String block) {
    }

    /** LicenceRegistry's answer, with the licence that covered the use when the caller may see it. */
    public record Answer(LicenceResource.CheckView check, LicenceViews.LicenceView licence) {
    }

    private final Caller caller;
    private final CopyrightPages pages;
    private final LicenceViews views;
    private final LicenceResource api;

    LicencePages(Caller caller, CopyrightPages pages, LicenceViews views, LicenceResource api) {
        this.caller = caller;
        this.pages = pages;
        this.views = views;
        this.api = api;
    }

    @GET
    @RolesAllowed({"rights-manager", "licensee"})
    @Operation(hidden = true)
    public Response list(@QueryParam("notice") String notice, @QueryParam("check") String check, @QueryParam("work") String work,
                         @QueryParam("licensee") String licensee, @QueryParam("use") String use, @QueryParam("channel") String channel,
                         @QueryParam("territory") String territory, @QueryParam("time") String time, @QueryParam("block") String block) {
        String organisation = caller.requireOrganisation();
        boolean licensor = caller.roles().contains("rights-manager");
        var form = check == null
                ? new CheckForm("", licensor ? "" : organisation, "EXCERPT", "ONLINE", "CN",
                        LocalDateTime.now(PageForms.ZONE).truncatedTo(ChronoUnit.MINUTES).toString(), "")
                : new CheckForm(CopyrightPages.trim(work).toLowerCase(java.util.Locale.ROOT), CopyrightPages.trim(licensee), CopyrightPages.trim(use),
                        CopyrightPages.trim(channel), CopyrightPages.trim(territory), CopyrightPages.trim(time), CopyrightPages.trim(block));
        Answer answer = null;
        FormErrors errors = FormErrors.NONE;
        if (check != null) {
            try {
                answer = ask(organisation, form);
            } catch (ProblemException e) {
                errors = PageErrors.of("check", e);
            } catch (ConstraintViolationException e) {
                errors = PageErrors.of("check", e.getConstraintViolations());
            }
        }
        return Response.status(errors.message() == null ? 200 : errors.status())
                .entity(page(organisation, licensor, notice, form, answer, errors)).type(MediaType.TEXT_HTML).build();
    }

    private TemplateInstance page(String organisation, boolean licensor, String notice, CheckForm form, Answer answer, FormErrors errors) {
        var granted = licensor ? Licence.<Licence>find("organisation", Sort.descending("id"), organisation).page(0, 200).list().stream()
                .map(views::of).toList() : List.<LicenceViews.LicenceView>of();
        var held = Licence.<Licence>find("licensee", Sort.descending("id"), organisation).page(0, 200).list().stream().map(views::of).toList();
        var works = new LinkedHashMap<String, String>();
        granted.forEach(l -> works.putIfAbsent(l.workContentDigest(), "W-" + l.workId() + " " + l.workTitle()));
        held.forEach(l -> works.putIfAbsent(l.workContentDigest(), "W-" + l.workId() + " " + l.workTitle() + " (" + l.licensor() + ")"));
        boolean pending = granted.stream().anyMatch(l -> "PENDING".equals(l.status()) || "REVOKING".equals(l.status()));
        var sides = new java.util.ArrayList<Side>();
        if (licensor) {
            sides.add(new Side("granted", "本单位授出的许可 · Licences you granted", "尚未授出许可 · None granted yet.", true, granted, chart(granted)));
        }
        sides.add(new Side("held", "本单位获得的许可 · Licences you hold", "尚未获得许可 · None held.", false, held, chart(held)));
        return Templates.list(pages.page(notice), sides, form, answer, errors, works, pending);
    }

    private static Charts.Periods chart(List<LicenceViews.LicenceView> licences) {
        return Charts.periods(licences.stream().map(l -> new Charts.Period(l.id(), l.status(), l.validFrom(),
                l.revokedEffectiveAt() != null && (l.validUntil() == null || l.revokedEffectiveAt().isBefore(l.validUntil()))
                        ? l.revokedEffectiveAt() : l.validUntil(), "L-" + l.id() + " W-" + l.workId())).toList(), Instant.now());
    }

    private Answer ask(String organisation, CheckForm form) {
        if (!form.work().matches("[0-9a-f]{64}")) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "must be a content digest (64 hex digits)", "work");
        }
        if (form.licensee().isEmpty() || form.licensee().length() > 64) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "name the licensee (a member organisation)", "licensee");
        }
        var use = WorkPages.enums(LicenceUses.Use.class, List.of(form.use()), "use").getFirst();
        var channel = WorkPages.enums(LicenceUses.Channel.class, List.of(form.channel()), "channel").getFirst();
        Instant time = WorkPages.time(form.time(), "time");
        Long block = ParamValues.longValue(form.block(), "block", "a block number, or empty for the latest");
        var check = api.check(form.work(), form.licensee(), use, channel, form.territory(), time == null ? null : time.toString(), block);
        LicenceViews.LicenceView licence = null;
        if (check.licence() != null) {
            Licence l = Licence.findById(check.licence());
            if (l != null && (organisation.equals(l.organisation) || organisation.equals(l.licensee))) {
                licence = views.of(l);
            }
        }
        return new Answer(check, licence);
    }
}
