package org.alliancechain.einvoice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Settings of the e-invoice service ({@code einvoice.*}); documented in apps/e-invoice/README.md. */
@ConfigMapping(prefix = "einvoice")
public interface EInvoiceConfig {

    /**
     * The province-level code (GB/T 2260, two digits: 11 Beijing, 44 Guangdong) of each tax bureau
     * member, by its alias: the province of the taxpayers it registers and digits 3–4 of their invoice numbers.
     */
    Map<String, String> bureauProvinces();

    /** Digit 5 of the invoice numbers issued through this deployment (the issuing channel). */
    @WithDefault("1")
    String channel();

    Issuance issuance();

    Verification verification();

    RedLetter redLetter();

    interface RedLetter {
        /** How long the other party has to confirm a red-letter form before it is void (07). */
        @WithDefault("PT72H")
        java.time.Duration confirmationWindow();

        /** How often lapsed forms are looked for. */
        @WithDefault("60s")
        String checkEvery();
    }

    interface Issuance {
        /** Most invoices in one bulk request. */
        @WithDefault("5000")
        int maxPerRequest();

        /**
         * Invoices per InvoiceRegistry.issueBatch transaction. Each costs about 80,000 gas, and the
         * relay signs every transaction with one gas limit ({@code chain.relay.gas-limit}, 1,000,000
         * by default): keep perTransaction × 80,000 + 25,000 below it.
         */
        @WithDefault("10")
        int perTransaction();

        /** Reimbursements per InvoiceRegistry.reimburseBatch transaction (about 30,000 gas each). */
        @WithDefault("25")
        int reimbursementsPerTransaction();
    }

    interface Verification {
        /** Look-ups one client (address) may make per minute on the public check. */
        @WithDefault("600")
        int perClientPerMinute();

        /** Look-ups that match no invoice one client may make per hour before it is refused for the hour. */
        @WithDefault("60")
        int failedPerClientPerHour();
    }
}
