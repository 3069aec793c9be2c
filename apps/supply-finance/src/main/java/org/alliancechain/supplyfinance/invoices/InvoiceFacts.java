package org.alliancechain.supplyfinance.invoices;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Projects InvoiceRegistry's events into {@link InvoiceFact}s, so that the invoices behind a
 * receivable can be checked and shown from this service's own tables — the e-invoice service is
 * never asked (cross-application flows go through the chain). One stream in chain order, so an
 * invoice is always issued before it is red-lettered, reimbursed or pledged; issuance comes in bulk
 * (thousands of invoices a second), so runs of it are inserted with one batched statement.
 */
@ApplicationScoped
public class InvoiceFacts implements ChainEventHandler {

    private final String registry;

    InvoiceFacts(@ConfigProperty(name = "chain.contracts.invoice-registry") String registry) {
        this.registry = registry;
    }

    @Override
    public String stream() {
        return "sf-invoices";
    }

    @Override
    public String contract() {
        return registry;
    }

    @Override
    public String event() {
        return events().getFirst();
    }

    @Override
    public List<String> events() {
        return List.of(
                "InvoiceIssued(bytes32 indexed invoiceId, bytes32 indexed seller, bytes32 indexed buyer, uint8 kind, bytes32 recordDigest, "
                        + "uint256 totalCents, bytes3 currency, uint32 issueDate)",
                "InvoiceRedLettered(bytes32 indexed blueId, bytes32 indexed redId, bytes32 redRecordDigest, uint256 redCents, uint256 remainingCents)",
                "InvoiceReimbursed(bytes32 indexed invoiceId, bytes32 indexed member)",
                "InvoicePledged(bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents)",
                "InvoicePledgeReduced(bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents, uint256 pledgedCents)",
                "InvoiceReleased(bytes32 indexed invoiceId, bytes32 indexed financingId)");
    }

    @Override
    public boolean handlesInBulk() {
        return true;
    }

    @Override
    public void handle(ChainEvent event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<ChainEvent> events) {
        var issued = new ArrayList<ChainEvent>();
        for (var event : events) {
            if (event.event().equals("InvoiceIssued")) {
                issued.add(event);
                continue;
            }
            insert(issued); // what this event names may have been issued earlier in the chunk
            issued.clear();
            switch (event.event()) {
                case "InvoiceRedLettered" -> fact(event, "blueId").remainingCents = event.number("remainingCents").longValueExact();
                case "InvoiceReimbursed" -> fact(event, "invoiceId").reimbursed = true;
                case "InvoicePledged" -> fact(event, "invoiceId").pledgedCents += event.number("amountCents").longValueExact();
                case "InvoicePledgeReduced" -> fact(event, "invoiceId").pledgedCents = event.number("pledgedCents").longValueExact();
                case "InvoiceReleased" -> fact(event, "invoiceId").pledgedCents = 0;
                default -> throw new IllegalStateException("InvoiceFacts does not follow " + event.event());
            }
        }
        insert(issued);
    }

    /** The invoice an event of a later step names: issued by an event of this stream before it. */
    private static InvoiceFact fact(ChainEvent event, String field) {
        byte[] id = event.bytes(field);
        return InvoiceFact.byId(id).orElseThrow(() -> new IllegalStateException("invoice 0x" + java.util.HexFormat.of().formatHex(id)
                + " of " + event.event() + " at " + event.position() + " was never issued in InvoiceRegistry"));
    }

    private static void insert(List<ChainEvent> issued) {
        if (issued.isEmpty()) {
            return;
        }
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("""
                    insert into sf_invoice (invoice_id, kind, seller_member, buyer_member, total_cents, remaining_cents, issue_date, issued_block,
                                            issued_tx, issued_log)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (invoice_id) do nothing""")) {
                for (var event : issued) {
                    long total = event.number("totalCents").longValueExact();
                    insert.setBytes(1, event.bytes("invoiceId"));
                    insert.setShort(2, event.number("kind").shortValueExact());
                    insert.setBytes(3, event.bytes("seller"));
                    insert.setBytes(4, event.bytes("buyer"));
                    insert.setLong(5, total);
                    insert.setLong(6, total);
                    insert.setDate(7, Date.valueOf(date(event.number("issueDate").intValueExact())));
                    insert.setLong(8, event.blockNumber());
                    insert.setString(9, event.transactionHash());
                    insert.setInt(10, event.logIndex());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private static LocalDate date(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }
}
