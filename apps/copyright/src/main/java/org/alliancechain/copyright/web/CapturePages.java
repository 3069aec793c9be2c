package org.alliancechain.copyright.web;

import org.alliancechain.service.web.FormErrors;
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
import java.util.List;
import org.alliancechain.copyright.infringement.InfringementResource;
import org.alliancechain.copyright.licences.LicenceUses;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A suspected copy captured from the monitoring desk (kept as found, time-stamped, anchored, matched)
 * and its page, with a claim form beside each matched work of the caller's own: the first half of
 * infringement evidence in one step ({@link InfringementPages} shows the claim).
 */
@Path("/app/captures")
@Produces(MediaType.TEXT_HTML)
public class CapturePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance capture(PageShell page, InfringementResource.CaptureView capture, List<LicenceUses.Use> uses,
                                               List<LicenceUses.Channel> channels, FormErrors errors);
    }

    private final CopyrightPages pages;
    private final InfringementResource api;

    CapturePages(CopyrightPages pages, InfringementResource api) {
        this.pages = pages;
        this.api = api;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(hidden = true)
    public Response capture(@RestForm String text, @RestForm String format, @RestForm String sourceUrl, @RestForm String publisher,
                            UriInfo uri) {
        try {
            if (text == null || text.isBlank()) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "paste the suspected copy's text", "text");
            }
            var created = api.capture(new InfringementResource.TextCapture(text, "html".equals(format) ? "html" : "plain", blank(sourceUrl),
                    blank(publisher)));
            var view = (InfringementResource.CaptureView) created.getEntity();
            return CopyrightPages.seeOther(uri, "app/captures/" + view.id(), "captured");
        } catch (ProblemException e) {
            var errors = PageErrors.of("text", e);
            return CopyrightPages.refused(errors, MonitoringPages.Templates.desk(pages.page(null),
                    new MonitoringPages.SearchForm(text == null ? "" : text, "html".equals(format) ? "html" : "plain"), null, null, errors));
        }
    }

    /** A web archive (or any copy file) uploaded from the desk, kept as evidence. */
    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(hidden = true)
    public Response captureFile(@RestForm("file") FileUpload file, @RestForm String sourceUrl, @RestForm String publisher,
                                @RestForm("readText") boolean readText, @RestForm("form") String form, UriInfo uri) {
        try {
            var created = api.captureFile(file, blank(sourceUrl), blank(publisher), readText);
            var view = (InfringementResource.CaptureView) created.getEntity();
            return CopyrightPages.seeOther(uri, "app/captures/" + view.id(), "captured");
        } catch (ProblemException e) {
            // the desk's file form (a copy file, perhaps a screenshot) or its web-archive form
            var errors = PageErrors.of("file".equals(form) ? "file" : "archive", e);
            return CopyrightPages.refused(errors, MonitoringPages.Templates.desk(pages.page(null), MonitoringPages.SearchForm.EMPTY, null, null,
                    errors));
        }
    }

    /** A URL the service fetches into a WARC and keeps as evidence. */
    @POST
    @Path("/url")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(hidden = true)
    public Response captureUrl(@RestForm String url, @RestForm String publisher, @RestForm("readText") boolean readText, UriInfo uri) {
        try {
            if (url == null || url.isBlank()) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "give the URL of the page to capture", "url");
            }
            var created = api.captureUrl(new InfringementResource.UrlCapture(url.strip(), blank(publisher), readText));
            var view = (InfringementResource.CaptureView) created.getEntity();
            return CopyrightPages.seeOther(uri, "app/captures/" + view.id(), "captured");
        } catch (ProblemException e) {
            var errors = PageErrors.of("url", e);
            return CopyrightPages.refused(errors, MonitoringPages.Templates.desk(pages.page(null), MonitoringPages.SearchForm.EMPTY, null, null,
                    errors));
        } catch (jakarta.validation.ConstraintViolationException e) {
            var errors = PageErrors.of("url", e.getConstraintViolations());
            return CopyrightPages.refused(errors, MonitoringPages.Templates.desk(pages.page(null), MonitoringPages.SearchForm.EMPTY, null, null,
                    errors));
        }
    }

    @GET
    @Path("/{captureId: \\d+}")
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(hidden = true)
    public TemplateInstance capture(@PathParam("captureId") long id, @QueryParam("notice") String notice) {
        return Templates.capture(pages.page(notice), api.capture(id), List.of(LicenceUses.Use.values()), List.of(LicenceUses.Channel.values()),
                FormErrors.NONE);
    }

    @POST
    @Path("/{captureId: \\d+}/claims")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response claim(@PathParam("captureId") long id, @RestForm String workId, @RestForm String publisher, @RestForm String use,
                          @RestForm String channel, @RestForm String territory, @RestForm String claim, UriInfo uri) {
        try {
            long work;
            LicenceUses.Use u;
            LicenceUses.Channel c;
            try {
                work = Long.parseLong(CopyrightPages.trim(workId));
                u = LicenceUses.Use.valueOf(CopyrightPages.trim(use));
                c = LicenceUses.Channel.valueOf(CopyrightPages.trim(channel));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "choose the work, the use and the channel", "use");
            }
            if (CopyrightPages.trim(claim).isEmpty()) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "state the claim: what the respondent did and what you ask", "claim");
            }
            var accepted = api.claim(new InfringementResource.ClaimRequest(id, work, blank(publisher), u, c, CopyrightPages.trim(territory),
                    CopyrightPages.trim(claim), null));
            var view = (InfringementResource.InfringementView) accepted.getEntity();
            return CopyrightPages.seeOther(uri, "app/infringements/" + view.id(), "claimed");
        } catch (ProblemException e) {
            var errors = PageErrors.of("claim", e);
            return CopyrightPages.refused(errors, Templates.capture(pages.page(null), api.capture(id), List.of(LicenceUses.Use.values()),
                    List.of(LicenceUses.Channel.values()), errors));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
