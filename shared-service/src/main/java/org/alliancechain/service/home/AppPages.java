package org.alliancechain.service.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;
import org.alliancechain.service.identity.Caller;
import jakarta.enterprise.inject.Instance;
import org.alliancechain.service.web.AppLinks;
import org.alliancechain.service.web.PageShell;
import org.alliancechain.service.web.PageShells;
import org.alliancechain.service.notarisation.Notarisation;
import org.alliancechain.service.notarisation.NotarisationService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The service's pages for signed-in members, in Chinese and English. They sit under {@code /app},
 * the path of the browser OIDC tenant ({@code quarkus.oidc.web.*}: authorization code + PKCE with
 * Keycloak, session cookie, refresh while Keycloak's session lives, RP-initiated logout at
 * {@code /app/logout}); the API keeps bearer tokens. Pages are not part of the API document.
 */
@Path("/app")
public class AppPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(PageShell page, List<Row> notarisations);

        static native TemplateInstance signedOut(String service, boolean expired);
    }

    /** One of the organisation's notarisations, as the home page lists it. */
    public record Row(long id, String label, String sha256, String createdAt, String createdBy, String status, String transactionHash) {
    }

    private final Caller caller;
    private final NotarisationService notarisations;
    private final ChainStates states;
    private final PageShells shells;
    private final String service;
    private final Instance<AppLinks> links;

    AppPages(Caller caller, NotarisationService notarisations, ChainStates states, PageShells shells,
             @ConfigProperty(name = "quarkus.application.name") String service, Instance<AppLinks> links) {
        this.links = links;
        this.caller = caller;
        this.notarisations = notarisations;
        this.states = states;
        this.shells = shells;
        this.service = service;
    }

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance home() {
        var organisation = caller.organisation().orElse(null);
        List<Row> rows = organisation == null ? List.of() : notarisations.latest(20).stream().map(this::row).toList();
        // The app's own pages for the caller's roles (an app without an AppLinks bean has none): in the header and on the page.
        List<PageShell.Link> nav = links.isResolvable() ? links.get().forRoles(caller.roles()) : List.of();
        return Templates.home(shells.of(shells.currentTitle(), nav, null), rows);
    }

    /** Where Keycloak sends the browser back after logout. */
    @GET
    @Path("signed-out")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance signedOut() {
        return Templates.signedOut(service, false);
    }

    /** Where the browser lands when its session could not be extended (Keycloak's session has ended). */
    @GET
    @Path("session-expired")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance sessionExpired() {
        return Templates.signedOut(service, true);
    }

    private Row row(Notarisation n) {
        var state = states.notarisation(n.record.notarisationItemId);
        String status = state.map(ChainState::name).orElse("UNKNOWN");
        String tx = state.map(ChainState::transactionHash).orElse(null);
        return new Row(n.id, n.label, n.sha256, n.createdAt.toString(), n.createdBy, status, tx);
    }
}
