package org.alliancechain.einvoice.verification;

import jakarta.enterprise.context.ApplicationScoped;
import org.alliancechain.einvoice.EInvoiceConfig;
import org.alliancechain.service.web.ClientWindows;

/**
 * Limits the public check per client instead of per invoice (the national platform allows five
 * checks of an invoice a day, whoever asks): a client may ask often, but may not enumerate numbers —
 * look-ups that match nothing have their own, smaller allowance per hour (shared-service's
 * {@link ClientWindows}, with {@code einvoice.verification.*}'s limits).
 */
@ApplicationScoped
public class ClientThrottle {

    private final ClientWindows windows;

    ClientThrottle(EInvoiceConfig config) {
        this.windows = new ClientWindows(() -> config.verification().perClientPerMinute(),
                () -> config.verification().failedPerClientPerHour(), "查验过于频繁");
    }

    /** Counts a look-up by {@code client}; 429 with the seconds to wait when it is over either allowance. */
    public void admit(String client) {
        windows.admit(client, "look-ups that matched no invoice");
    }

    /** Counts a look-up that matched no invoice. */
    public void failed(String client) {
        windows.nothingFound(client);
    }
}
