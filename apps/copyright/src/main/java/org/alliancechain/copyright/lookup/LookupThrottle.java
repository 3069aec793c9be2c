package org.alliancechain.copyright.lookup;

import jakarta.enterprise.context.ApplicationScoped;
import org.alliancechain.service.web.ClientWindows;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits the public look-up per client address (shared-service's {@link ClientWindows}): look-ups a
 * minute, and digest look-ups that find nothing an hour (so that digests cannot be tried in bulk).
 * The API and the page share the windows.
 */
@ApplicationScoped
public class LookupThrottle {

    private final ClientWindows windows;

    LookupThrottle(@ConfigProperty(name = "copyright.lookup.per-client-per-minute", defaultValue = "60") int perMinute,
                   @ConfigProperty(name = "copyright.lookup.misses-per-client-per-hour", defaultValue = "120") int missesPerHour) {
        this.windows = new ClientWindows(() -> perMinute, () -> missesPerHour, "查询过于频繁");
    }

    /** Counts a look-up by {@code client}; 429 with the seconds to wait when it is over an allowance. */
    public void admit(String client) {
        windows.admit(client, "look-ups of digests that are not registered");
    }

    /** Counts a digest look-up that found nothing. */
    public void missed(String client) {
        windows.nothingFound(client);
    }

    /** The client's address as the server sees it. */
    public static String client(io.vertx.core.http.HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
