package org.alliancechain.einvoice.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;

/**
 * Pledges of invoices to financings, as InvoiceRegistry records them when a financing registry
 * (supply-finance) pledges and releases them: a pledged invoice is shown as such to its parties and
 * cannot be booked, reimbursed or red-lettered here without the financier (the chain refuses it too).
 * Who financed it is not projected: the e-invoice ledger's users learn only that it is pledged.
 */
public final class Pledges {

    private Pledges() {
    }

    @ApplicationScoped
    public static class Pledged implements ChainEventHandler {

        private final InvoiceChain invoices;

        Pledged(InvoiceChain invoices) {
            this.invoices = invoices;
        }

        @Override
        public String stream() {
            return "einvoice-pledged";
        }

        @Override
        public String contract() {
            return invoices.registry();
        }

        @Override
        public String event() {
            return "InvoicePledged(bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents)";
        }

        @Override
        public void handle(ChainEvent event) {
            Invoice.byChainId(event.bytes("invoiceId")).ifPresent(invoice -> invoice.pledged = true);
        }
    }

    @ApplicationScoped
    public static class Released implements ChainEventHandler {

        private final InvoiceChain invoices;

        Released(InvoiceChain invoices) {
            this.invoices = invoices;
        }

        @Override
        public String stream() {
            return "einvoice-released";
        }

        @Override
        public String contract() {
            return invoices.registry();
        }

        @Override
        public String event() {
            return "InvoiceReleased(bytes32 indexed invoiceId, bytes32 indexed financingId)";
        }

        @Override
        public void handle(ChainEvent event) {
            Invoice.byChainId(event.bytes("invoiceId")).ifPresent(invoice -> invoice.pledged = false);
        }
    }
}
