package org.alliancechain.copyright.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.alliancechain.copyright.infringement.InfringementResource;
import org.alliancechain.service.web.PageShell;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An infringement claim's pages: the licence registry's answer as of the capture's block, the report
 * being anchored, the case filed on chain with the commission, the signed report; and the list of claims.
 */
@Path("/app/infringements")
@Produces(MediaType.TEXT_HTML)
public class InfringementPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance infringement(PageShell page, InfringementResource.InfringementView claim, boolean pending);

        static native TemplateInstance infringements(PageShell page, List<InfringementResource.InfringementView> claims);
    }

    private final CopyrightPages pages;
    private final InfringementResource api;

    InfringementPages(CopyrightPages pages, InfringementResource api) {
        this.pages = pages;
        this.api = api;
    }

    @GET
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public TemplateInstance infringements() {
        return Templates.infringements(pages.page(null), api.infringements());
    }

    @GET
    @Path("/{infringementId: \\d+}")
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public TemplateInstance infringement(@PathParam("infringementId") long id, @QueryParam("notice") String notice) {
        var view = api.infringement(id);
        boolean pending = "PREPARED".equals(view.status()) || "FILING".equals(view.status());
        return Templates.infringement(pages.page(notice), view, pending);
    }

    @GET
    @Path("/{infringementId: \\d+}/report")
    @Produces("application/pdf")
    @RolesAllowed("rights-manager")
    @Operation(hidden = true)
    public Response report(@PathParam("infringementId") long id) {
        return api.report(id);
    }
}
