package org.alliancechain.copyright.capture;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Limits of web captures ({@code copyright.capture.*}): what the service fetches itself when given a URL,
 * and how far an uploaded or fetched WARC may expand when it is read.
 */
@ConfigMapping(prefix = "copyright.capture")
public interface CaptureConfig {

    /**
     * The networks a URL capture may connect to: CIDR blocks ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) and
     * {@code public}, every globally routable unicast address (not loopback, private, link-local, shared, multicast
     * or documentation ranges). The host is resolved once, every address it resolves to must be allowed, and the
     * connection goes to the address that was checked.
     */
    @WithDefault("public")
    List<String> allowedNetworks();

    /** Most bytes read from one response (headers and body) of a URL capture. */
    @WithDefault("10M")
    MemorySize maxBytes();

    /** How long a URL capture may take in all, redirects included (connecting, TLS, reading). */
    @WithDefault("20s")
    Duration timeout();

    /** Most redirects a URL capture follows; each hop is checked like the first URL. */
    @WithDefault("5")
    int maxRedirects();

    /** Most bytes a WARC expands to (all its gzip members, and a payload's Content-Encoding) when it is read. */
    @WithDefault("100M")
    MemorySize maxExpandedSize();

    /** Highest ratio of expanded to compressed bytes beyond the first megabyte (a higher one is taken for a gzip bomb). */
    @WithDefault("100")
    int maxRatio();

    /** The User-Agent of URL captures. */
    @WithDefault("AllianceChainSuite-Copyright-Capture/0.1 (+evidence capture)")
    String userAgent();
}
