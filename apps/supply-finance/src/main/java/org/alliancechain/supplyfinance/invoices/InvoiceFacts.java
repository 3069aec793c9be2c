package org.alliancechain.supplyfinance.invoices;

import io.quarkus.hibernate.orm.panache.Panache;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Projects InvoiceRegistry's events into {@link InvoiceFact}s, so that the invoices behind a
 * receivable can be checked and shown from this service's own tables — the e-invoice service is
 * never asked (cross-application flows go through the chain). Issuance comes in bulk (thousands of
 * invoices a second), so it is applied a chunk at a time with one batched statement.
 */
public final class InvoiceFacts {

    private InvoiceFacts() {
    }

    /**
     * The invoice an event of a later step names. Each event kind is its own stream with its own
     * checkpoint, so this one may run ahead of the issuance stream within a round: an invoice not
     * projected yet fails the chunk, which the indexer retries once issuance caught up (every
     * invoice InvoiceRegistry knows was issued by an event this service follows from block 0).
     */
    static java.util.stream.Stream<InvoiceFact> projected(ChainEvent event, String field) {
        byte[] id = event.bytes(field);
        return java.util.stream.Stream.of(InvoiceFact.byId(id).orElseThrow(() -> new IllegalStateException(
                "invoice 0x" + java.util.HexFormat.of().formatHex(id) + " of " + event.event() + " at " + event.position()
                        + " is not projected yet; retried once its issuance is")));
    }

    abstract static class OfInvoiceRegistry implements ChainEventHandler {
        private final String registry;

        OfInvoiceRegistry(String registry) {
            this.registry = registry;
        }

        @Override
        public String contract() {
            return registry;
        }
    }

    @jakarta.inject.Singleton
    public static class Issued extends OfInvoiceRegistry {

        Issued(@ConfigProperty(name = "chain.contracts.invoice-registry") String registry) {
            super(registry);
        }

        @Override
        public String stream() {
            return "sf-invoice-issued";
        }

        @Override
        public String event() {
            return "InvoiceIssued(bytes32 indexed invoiceId, bytes32 indexed seller, bytes32 indexed buyer, uint8 kind, bytes32 recordDigest, "
                    + "uint256 totalCents, bytes3 currency, uint32 issueDate)";
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
            Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
                try (var insert = connection.prepareStatement("""
                        insert into sf_invoice (invoice_id, kind, seller_member, buyer_member, total_cents, remaining_cents, issue_date, issued_block)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (invoice_id) do nothing""")) {
                    for (var event : events) {
                        long total = event.number("totalCents").longValueExact();
                        insert.setBytes(1, event.bytes("invoiceId"));
                        insert.setShort(2, event.number("kind").shortValueExact());
                        insert.setBytes(3, event.bytes("seller"));
                        insert.setBytes(4, event.bytes("buyer"));
                        insert.setLong(5, total);
                        insert.setLong(6, total);
                        insert.setDate(7, Date.valueOf(date(event.number("issueDate").intValueExact())));
                        insert.setLong(8, event.blockNumber());
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

    @jakarta.inject.Singleton
    public static class RedLettered extends OfInvoiceRegistry {

        RedLettered(@ConfigProperty(name = "chain.contracts.invoice-registry") String registry) {
            super(registry);
        }

        @Override
        public String stream() {
            return "sf-invoice-red-lettered";
        }

        @Override
        public String event() {
            return "InvoiceRedLettered(bytes32 indexed blueId, bytes32 indexed redId, bytes32 redRecordDigest, uint256 redCents, uint256 remainingCents)";
        }

        @Override
        public void handle(ChainEvent event) {
            projected(event, "blueId").forEach(i -> i.remainingCents = event.number("remainingCents").longValueExact());
        }
    }

    @jakarta.inject.Singleton
    public static class Reimbursed extends OfInvoiceRegistry {

        Reimbursed(@ConfigProperty(name = "chain.contracts.invoice-registry") String registry) {
            super(registry);
        }

        @Override
        public String stream() {
            return "sf-invoice-reimbursed";
        }

        @Override
        public String event() {
            return "InvoiceReimbursed(bytes32 indexed invoiceId, bytes32 indexed member)";
        }

        @Override
        public void handle(ChainEvent event) {
            projected(event, "invoiceId").forEach(i -> i.reimbursed = true);
        }
    }

    @jakarta.inject.Singleton
    public static class Pledged extends OfInvoiceRegistry {

        Pledged(@ConfigProperty(name = "chain.contracts.invoice-registry") String registry) {
            super(registry);
        }

        @Override
        public String stream() {
            return "sf-invoice-pledged";
        }

        @Override
        public String event() {
            return "InvoicePledged(bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents)";
        }

        @Override
        public void handle(ChainEvent event) {
            projected(event, "invoiceId").forEach(i -> i.pledgedCents += event.number("amountCents").longValueExact());
        }
    }

    @jakarta.inject.Singleton
    public static class PledgeReduced extends OfInvoiceRegistry {

        PledgeReduced(@ConfigProperty(name = "chain.contracts.invoice-registry") String registry) {
            super(registry);
        }

        @Override
        public String stream() {
            return "sf-invoice-pledge-reduced";
        }

        @Override
        public String event() {
            return "InvoicePledgeReduced(bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents, uint256 pledgedCents)";
        }

        @Override
        public void handle(ChainEvent event) {
            projected(event, "invoiceId").forEach(i -> i.pledgedCents = event.number("pledgedCents").longValueExact());
        }
    }

    @jakarta.inject.Singleton
    public static class Released extends OfInvoiceRegistry {

        Released(@ConfigProperty(name = "chain.contracts.invoice-registry") String registry) {
            super(registry);
        }

        @Override
        public String stream() {
            return "sf-invoice-released";
        }

        @Override
        public String event() {
            return "InvoiceReleased(bytes32 indexed invoiceId, bytes32 indexed financingId)";
        }

        @Override
        public void handle(ChainEvent event) {
            projected(event, "invoiceId").forEach(i -> i.pledgedCents = 0);
        }
    }
}
