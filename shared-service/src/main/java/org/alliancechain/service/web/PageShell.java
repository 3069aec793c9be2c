package org.alliancechain.service.web;

import java.util.List;
import java.util.Set;

/**
 * What the shared page layout ({@code templates/suite-layout.html}) shows around every page: the
 * service's name, the links to the suite's four applications (the current one marked), the app's own
 * navigation, who is signed in, and a notice after a step. Pages name it {@code page}.
 *
 * @param service      the application's id, e.g. {@code odr-arbitration}
 * @param title        the application's bilingual name in the header, e.g. "在线仲裁 Online arbitration"
 * @param user         the signed-in user's name
 * @param displayName  the user's display name
 * @param organisation the user's member organisation, or null
 * @param roles        the user's roles in this application
 * @param notice       what the last step did, or null
 * @param apps         the suite's applications, in a fixed order
 * @param nav          this application's own links
 */
public record PageShell(String service, String title, String user, String displayName, String organisation, Set<String> roles,
                        String notice, List<Link> apps, List<Link> nav) {

    /** A link of the header: {@code id} becomes the element id ({@code app-…} or {@code nav-…}). */
    public record Link(String id, BilingualLabel label, String href, boolean current) {
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public PageShell withNotice(String notice) {
        return new PageShell(service, title, user, displayName, organisation, roles, notice, apps, nav);
    }
}
