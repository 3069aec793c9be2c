package org.alliancechain.service.web;

import java.util.List;
import java.util.Set;

/**
 * An application's own pages as the home page ({@code /app}) links them for the signed-in user's
 * roles. An app provides one CDI bean; without one the home page shows no app links.
 */
public interface AppLinks {

    /** The links for a user with {@code roles} (this application's and the realm's), in the order shown. */
    List<PageShell.Link> forRoles(Set<String> roles);
}
