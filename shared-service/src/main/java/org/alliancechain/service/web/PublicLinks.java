package org.alliancechain.service.web;

import java.util.List;

/**
 * An application's public pages (no account needed, e.g. a look-up beside {@code /verify}): the
 * header of every public page of the service links them ({@link PageShells#anonymous}). An app
 * without such a bean has none.
 */
public interface PublicLinks {

    /** The links, in the order shown. */
    List<PageShell.Link> publicLinks();
}
