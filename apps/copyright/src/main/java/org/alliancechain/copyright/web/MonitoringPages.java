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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.alliancechain.copyright.monitoring.Matches;
import org.alliancechain.copyright.works.Work;
import org.alliancechain.service.tenancy.Tenancy;
import org.alliancechain.copyright.monitoring.MonitoringResource;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.web.PageShell;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The monitoring desk: a suspected copy pasted (text or HTML) or uploaded (image, text or HTML file) is
 * searched against every registered work; the ranked matches show their band and score, and side by
 * side the passages of the copy and of the work that match — or, for images, the orientation and the
 * regions matched, with the registered image when it is the caller's own. A search stores nothing: its
 * answer is the page.
 */
@Path("/app/monitoring")
@Produces(MediaType.TEXT_HTML)
public class MonitoringPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(PageShell page, SearchForm form, Matches.SearchView result, String source, FormErrors errors);
    }

    /** The text form as entered. */
    public record SearchForm(String text, String format) {
        static final SearchForm EMPTY = new SearchForm("", "plain");
    }

    private final CopyrightPages pages;
    private final MonitoringResource api;
    private final Tenancy tenancy;

    MonitoringPages(CopyrightPages pages, MonitoringResource api, Tenancy tenancy) {
        this.pages = pages;
        this.api = api;
        this.tenancy = tenancy;
    }

    /** A matched registered image of the caller's own organisation, shown beside the match (monitors have no works pages). */
    @GET
    @Path("/works/{workId: \\d+}/image")
    @Produces("image/*")
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(hidden = true)
    public Response image(@PathParam("workId") long id) {
        var work = tenancy.find(Work.class, id, "Work");
        if (work.kind != Work.Kind.IMAGE) {
            throw ProblemException.notFound("Image work " + id);
        }
        return Response.ok(work.content, work.mediaType).header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'").build();
    }

    @GET
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(hidden = true)
    public TemplateInstance desk() {
        return Templates.desk(pages.page(null), SearchForm.EMPTY, null, null, FormErrors.NONE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(hidden = true)
    public Response searchText(@RestForm String text, @RestForm String format) {
        var form = new SearchForm(text == null ? "" : text, "html".equals(format) ? "html" : "plain");
        try {
            if (form.text().isBlank()) {
                throw new ProblemException(ProblemException.UNPROCESSABLE, "paste the suspected copy's text", "text");
            }
            var result = api.text(new MonitoringResource.TextQuery(form.text(), form.format()));
            return Response.ok(Templates.desk(pages.page(null), form, result, "text", FormErrors.NONE)).build();
        } catch (ProblemException e) {
            var errors = PageErrors.of("text", e);
            return CopyrightPages.refused(errors, Templates.desk(pages.page(null), form, null, null, errors));
        } catch (jakarta.validation.ConstraintViolationException e) {
            var errors = PageErrors.of("text", e.getConstraintViolations());
            return CopyrightPages.refused(errors, Templates.desk(pages.page(null), form, null, null, errors));
        }
    }

    @POST
    @Path("/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({"monitor", "rights-manager"})
    @Operation(hidden = true)
    public Response searchFile(@RestForm("file") FileUpload file, @RestForm("readText") boolean readText) {
        try {
            var result = api.file(file, readText);
            String name = file == null ? "file" : file.fileName();
            return Response.ok(Templates.desk(pages.page(null), SearchForm.EMPTY, result, name, FormErrors.NONE)).build();
        } catch (ProblemException e) {
            var errors = PageErrors.of("file", e);
            return CopyrightPages.refused(errors, Templates.desk(pages.page(null), SearchForm.EMPTY, null, null, errors));
        }
    }

}
