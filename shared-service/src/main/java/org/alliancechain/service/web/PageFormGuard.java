package org.alliancechain.service.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.alliancechain.service.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery guard for the signed-in pages. The pages' forms post with the browser's
 * session cookie, so a form on another site could post too; every state-changing request under
 * {@code /app} must therefore come from this service's own origin: its {@code Origin} header (sent
 * by browsers with every form post), or failing that its {@code Referer}, must name the origin the
 * request was addressed to. A request with neither is refused. This is OWASP's "verifying origin
 * with standard headers"; the session cookie's {@code SameSite=Lax} (Quarkus' default) is the
 * second line. The bearer-token API under {@code /api} carries no ambient credentials and is not
 * concerned.
 */
public class PageFormGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    public Response guard(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || !isPage(request.getUriInfo().getPath())) {
            return null;
        }
        String expected = origin(request.getUriInfo().getBaseUri());
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.isBlank() && !"null".equals(origin)) {
            return expected.equals(normalise(origin)) ? null : refuse("the form was posted from " + origin + ", not from this service");
        }
        String referer = request.getHeaderString("Referer");
        if (referer != null && !referer.isBlank()) {
            try {
                return expected.equals(origin(URI.create(referer))) ? null
                        : refuse("the form was posted from another site, not from this service");
            } catch (IllegalArgumentException e) {
                return refuse("the request's Referer is not a URL");
            }
        }
        return refuse("the request names no origin (Origin or Referer header); pages accept forms from their own site only");
    }

    private static boolean isPage(String path) {
        return path.equals("/app") || path.startsWith("/app/");
    }

    private static Response refuse(String detail) {
        return Problem.of(Response.Status.FORBIDDEN, detail, null).toResponse();
    }

    private static String normalise(String origin) {
        try {
            return origin(URI.create(origin.strip()));
        } catch (IllegalArgumentException e) {
            return origin;
        }
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
            return scheme + "://" + host;
        }
        return scheme + "://" + host + ":" + port;
    }
}
