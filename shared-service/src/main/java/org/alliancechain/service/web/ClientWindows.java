package org.alliancechain.service.web;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.alliancechain.service.problem.ProblemException;

/**
 * Limits a public look-up per client (its address) rather than per object looked up: a client may ask
 * often, but may not enumerate — look-ups that find nothing have their own, smaller allowance per hour.
 * Fixed windows per client, kept in memory (a restart forgives everyone; an enumeration needs far more
 * than a window). Each public look-up keeps its own windows, with its limits read when they are used.
 */
public final class ClientWindows {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;
    private static final int CLIENTS_BEFORE_SWEEP = 100_000;

    private static final class Window {
        long minuteStart;
        int inMinute;
        long hourStart;
        int failedInHour;
    }

    private final Map<String, Window> clients = new ConcurrentHashMap<>();
    private final IntSupplier perMinute;
    private final IntSupplier failedPerHour;
    private final String suffix;
    private final LongSupplier clock;

    /**
     * @param perMinute     look-ups a client may make per minute
     * @param failedPerHour look-ups finding nothing a client may make per hour, before it is refused for the rest of it
     * @param suffix        appended to the refusal (e.g. its name in Chinese)
     */
    public ClientWindows(IntSupplier perMinute, IntSupplier failedPerHour, String suffix) {
        this(perMinute, failedPerHour, suffix, System::currentTimeMillis);
    }

    ClientWindows(IntSupplier perMinute, IntSupplier failedPerHour, String suffix, LongSupplier clock) {
        this.perMinute = perMinute;
        this.failedPerHour = failedPerHour;
        this.suffix = suffix;
        this.clock = clock;
    }

    /**
     * Counts a look-up by {@code client}; 429 with the seconds to wait when it is over either allowance.
     *
     * @param nothingFound how the refusal names look-ups that found nothing, e.g. "look-ups that matched no invoice"
     */
    public void admit(String client, String nothingFound) {
        long now = clock.getAsLong();
        var window = clients.computeIfAbsent(client, c -> new Window());
        synchronized (window) {
            if (now - window.hourStart >= HOUR) {
                window.hourStart = now;
                window.failedInHour = 0;
            }
            if (window.failedInHour >= failedPerHour.getAsInt()) {
                throw tooMany((HOUR - (now - window.hourStart)) / 1000 + 1, "too many " + nothingFound);
            }
            if (now - window.minuteStart >= MINUTE) {
                window.minuteStart = now;
                window.inMinute = 0;
            }
            if (++window.inMinute > perMinute.getAsInt()) {
                throw tooMany((MINUTE - (now - window.minuteStart)) / 1000 + 1, "too many look-ups");
            }
        }
        if (clients.size() > CLIENTS_BEFORE_SWEEP) {
            clients.entrySet().removeIf(e -> now - e.getValue().minuteStart > HOUR && now - e.getValue().hourStart > HOUR);
        }
    }

    /** Counts a look-up by {@code client} that found nothing. */
    public void nothingFound(String client) {
        var window = clients.get(client);
        if (window != null) {
            synchronized (window) {
                window.failedInHour++;
            }
        }
    }

    private ProblemException tooMany(long retryAfterSeconds, String what) {
        return new ProblemException(Response.Status.TOO_MANY_REQUESTS, what + " from your address; try again in " + retryAfterSeconds + " s"
                + (suffix == null || suffix.isEmpty() ? "" : " (" + suffix + ")"));
    }
}
