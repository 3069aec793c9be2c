package org.alliancechain.einvoice.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.einvoice.EInvoiceConfig;
import org.alliancechain.service.problem.ProblemException;

/**
 * Limits the public check per client instead of per invoice (the national platform allows five
 * checks of an invoice a day, whoever asks): a client may ask often, but may not enumerate numbers —
 * look-ups that match nothing have their own, smaller allowance per hour. Fixed windows per client
 * address, kept in memory (a restart forgives everyone; an enumeration needs far more than a window).
 */
@ApplicationScoped
public class ClientThrottle {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;

    private static final class Window {
        long minuteStart;
        int inMinute;
        long hourStart;
        int failedInHour;
    }

    private final Map<String, Window> clients = new ConcurrentHashMap<>();
    private final EInvoiceConfig config;

    ClientThrottle(EInvoiceConfig config) {
        this.config = config;
    }

    /** Counts a look-up by {@code client}; 429 with the seconds to wait when it is over either allowance. */
    public void admit(String client) {
        long now = System.currentTimeMillis();
        var window = clients.computeIfAbsent(client, c -> new Window());
        synchronized (window) {
            if (now - window.hourStart >= HOUR) {
                window.hourStart = now;
                window.failedInHour = 0;
            }
            if (window.failedInHour >= config.verification().failedPerClientPerHour()) {
                throw tooMany((HOUR - (now - window.hourStart)) / 1000 + 1, "too many look-ups that matched no invoice");
            }
            if (now - window.minuteStart >= MINUTE) {
                window.minuteStart = now;
                window.inMinute = 0;
            }
            if (++window.inMinute > config.verification().perClientPerMinute()) {
                throw tooMany((MINUTE - (now - window.minuteStart)) / 1000 + 1, "too many look-ups");
            }
        }
        if (clients.size() > 100_000) {
            clients.entrySet().removeIf(e -> now - e.getValue().minuteStart > HOUR && now - e.getValue().hourStart > HOUR);
        }
    }

    /** Counts a look-up that matched no invoice. */
    public void failed(String client) {
        var window = clients.get(client);
        if (window != null) {
            synchronized (window) {
                window.failedInHour++;
            }
        }
    }

    private static ProblemException tooMany(long retryAfterSeconds, String what) {
        return new ProblemException(Response.Status.TOO_MANY_REQUESTS, what + " from your address; try again in "
                + retryAfterSeconds + " s (查验过于频繁)");
    }
}
