package org.alliancechain.einvoice.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.alliancechain.einvoice.tax.Cents;

/**
 * What InvoiceRegistry says is left of a blue invoice after each red-letter invoice: the chain's
 * figure replaces the one this service set when it queued the red invoice (they agree unless the
 * chain refused the red invoice, and then the chain is right).
 */
@ApplicationScoped
public class RemainingAmounts implements ChainEventHandler {

    private final InvoiceChain invoices;

    RemainingAmounts(InvoiceChain invoices) {
        this.invoices = invoices;
    }

    @Override
    public String stream() {
        return "einvoice-red-lettered";
    }

    @Override
    public String contract() {
        return invoices.registry();
    }

    @Override
    public String event() {
        return "InvoiceRedLettered(bytes32 indexed blueId, bytes32 indexed redId, bytes32 redRecordDigest, uint256 redCents, uint256 remainingCents)";
    }

    @Override
    public void handle(ChainEvent event) {
        Invoice.getEntityManager().setFlushMode(jakarta.persistence.FlushModeType.COMMIT); // flush at commit only: look-ups need not see this batch's changes
        Invoice.byChainId(event.bytes("blueId")).ifPresent(blue -> blue.remaining = Cents.toAmount(event.number("remainingCents")));
    }
}
