package org.alliancechain.einvoice.invoices;

import jakarta.enterprise.context.ApplicationScoped;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainTxView;

/**
 * Marks the invoices InvoiceRegistry refused inside a batch that otherwise went through. Only an
 * invoice whose own batch transaction is the one that carried the refusal is marked: a refusal of
 * somebody else's duplicate of our number leaves ours as it is.
 */
@ApplicationScoped
public class IssueRefusals implements ChainEventHandler {

    private final InvoiceChain invoices;
    private final ChainPort chain;

    IssueRefusals(InvoiceChain invoices, ChainPort chain) {
        this.invoices = invoices;
        this.chain = chain;
    }

    @Override
    public String stream() {
        return "einvoice-issue-refused";
    }

    @Override
    public String contract() {
        return invoices.registry();
    }

    @Override
    public String event() {
        return "InvoiceIssueRefused(bytes32 indexed invoiceId, bytes32 indexed seller, uint8 reason)";
    }

    @Override
    public void handle(ChainEvent event) {
        Invoice.getEntityManager().setFlushMode(jakarta.persistence.FlushModeType.COMMIT); // flush at commit only: look-ups need not see this batch's changes
        Invoice.byChainId(event.bytes("invoiceId")).ifPresent(invoice -> {
            boolean ours = invoice.chainTxId != null && chain.status(invoice.chainTxId).map(ChainTxView::transactionHash)
                    .filter(hash -> hash.equalsIgnoreCase(event.transactionHash())).isPresent();
            if (ours && invoice.chainRefusal == null) {
                invoice.chainRefusal = ChainRefusal.ofCode(event.number("reason").intValue()).name();
            }
        });
    }
}
