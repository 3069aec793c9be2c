package org.alliancechain.service.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.alliancechain.service.identity.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the {@link PageShell} of the signed-in caller's page. */
@ApplicationScoped
public class PageShells {

    private final Caller caller;
    private final SuiteApps apps;
    private final String service;
    private final Instance<PublicLinks> publicLinks;

    PageShells(Caller caller, SuiteApps apps, @ConfigProperty(name = "quarkus.application.name") String service,
               @Any Instance<PublicLinks> publicLinks) {
        this.publicLinks = publicLinks;
        this.caller = caller;
        this.apps = apps;
        this.service = service;
    }

    /** The shell of a page of this application, with its own links and an optional notice. */
    public PageShell of(String title, List<PageShell.Link> nav, String notice) {
        return new PageShell(service, title, caller.userName(), caller.displayName(), caller.organisation().orElse(null), caller.roles(),
                notice, apps(), nav);
    }

    /** The shell of a public page (no one signed in): the same header, with a sign-in link and the app's public pages ({@link PublicLinks}). */
    public PageShell anonymous(String title) {
        var nav = publicLinks.stream().flatMap(links -> links.publicLinks().stream()).toList();
        return new PageShell(service, title, null, null, null, java.util.Set.of(), null, apps(), nav);
    }

    /** This application's bilingual name, e.g. "在线仲裁 Arbitration". */
    public String currentTitle() {
        return apps().stream().filter(PageShell.Link::current).map(link -> link.label().toString()).findFirst().orElse(service);
    }

    /** The four applications, the current one marked; the app pages live under {@code /app}. */
    public List<PageShell.Link> apps() {
        return List.of(
                app("odr-arbitration", "在线仲裁", "Arbitration", apps.odrArbitration()),
                app("e-invoice", "电子发票", "E-invoice", apps.eInvoice()),
                app("supply-finance", "供应链金融", "Supply finance", apps.supplyFinance()),
                app("copyright", "版权", "Copyright", apps.copyright()));
    }

    private PageShell.Link app(String id, String chinese, String english, String url) {
        boolean current = id.equals(service);
        return new PageShell.Link(id, BilingualLabel.of(chinese, english), current ? "/app" : url.replaceAll("/+$", "") + "/app", current);
    }

    /** A link of an app's own navigation. */
    public static PageShell.Link link(String id, String chinese, String english, String href) {
        return new PageShell.Link(id, BilingualLabel.of(chinese, english), href, false);
    }
}
