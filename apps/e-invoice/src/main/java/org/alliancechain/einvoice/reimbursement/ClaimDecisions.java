package org.alliancechain.einvoice.reimbursement;

import org.alliancechain.service.chain.MemberAliases;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.alliancechain.einvoice.invoices.ChainRefusal;
import org.alliancechain.einvoice.invoices.Invoice;

/**
 * InvoiceRegistry's decisions on bookings and reimbursements, projected: the invoice's marks (set
 * whichever member's service asked) and this service's pending claims. Each handler is idempotent:
 * it only moves a claim out of PENDING and only fills a mark that is empty.
 *
 * <p>The indexer applies up to thousands of events in one transaction; with Hibernate's default
 * flush mode every look-up would first flush (dirty-check) every entity changed so far — quadratic
 * in the batch. The handlers' look-ups never need to see their own batch's pending changes, so the
 * transaction flushes at commit only.
 */
public final class ClaimDecisions {

    private ClaimDecisions() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static void decide(Invoice invoice, String organisation, java.util.Set<Claim.Kind> kinds, Claim.Status status,
                       java.util.function.Consumer<Claim> details) {
        Claim.<Claim>list("invoiceId = ?1 and organisation = ?2 and kind in ?3 and status = ?4", invoice.id, organisation, kinds,
                Claim.Status.PENDING).forEach(claim -> {
                    claim.status = status;
                    claim.decidedAt = now();
                    details.accept(claim);
                });
    }

    /** One InvoiceRegistry event projected under its own checkpoint; members are named by their aliases. */
    abstract static class Projection implements ChainEventHandler {

        final MemberAliases names;
        private final ClaimChain chain;
        private final String stream;
        private final String event;

        Projection(ClaimChain chain, MemberAliases names, String stream, String event) {
            this.chain = chain;
            this.names = names;
            this.stream = stream;
            this.event = event;
        }

        @Override
        public String stream() {
            return stream;
        }

        @Override
        public String contract() {
            return chain.registry();
        }

        @Override
        public String event() {
            return event;
        }
    }

    @Singleton // no client proxy: the shared base class has no no-args constructor
    public static class Reimbursed extends Projection {

        Reimbursed(ClaimChain chain, MemberAliases names) {
            super(chain, names, "einvoice-reimbursed", "InvoiceReimbursed(bytes32 indexed invoiceId, bytes32 indexed member)");
        }

        @Override
        public boolean handlesInBulk() {
            return true;
        }

        /** Two set-based statements per chunk: the invoices' marks, then the claims they decide. */
        @Override
        public void handleAll(java.util.List<ChainEvent> events) {
            var ids = events.stream().map(e -> e.bytes("invoiceId")).toArray(byte[][]::new);
            var members = events.stream().map(e -> names.aliasOf(e.bytes("member"))).toArray(String[]::new);
            Invoice.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
                var chainIds = connection.createArrayOf("bytea", ids);
                var aliases = connection.createArrayOf("text", members);
                try (var marks = connection.prepareStatement("""
                        update einv_invoice i set reimbursed_by = v.member, reimbursed_at = now()
                        from unnest(?::bytea[], ?::text[]) as v(chain_id, member)
                        where i.chain_invoice_id = v.chain_id and i.reimbursed_by is null""");
                     var claims = connection.prepareStatement("""
                             update einv_claim c set status = 'ACCEPTED', decided_at = now()
                             from unnest(?::bytea[], ?::text[]) as v(chain_id, member)
                             join einv_invoice i on i.chain_invoice_id = v.chain_id
                             where c.invoice_id = i.id and c.organisation = v.member and c.kind = 'REIMBURSEMENT'
                               and c.status = 'PENDING'""")) {
                    marks.setArray(1, chainIds);
                    marks.setArray(2, aliases);
                    marks.executeUpdate();
                    claims.setArray(1, chainIds);
                    claims.setArray(2, aliases);
                    claims.executeUpdate();
                }
            });
        }

        @Override
        public void handle(ChainEvent event) {
            Invoice.getEntityManager().setFlushMode(jakarta.persistence.FlushModeType.COMMIT); // flush at commit only (see above)
            Invoice.byChainId(event.bytes("invoiceId")).ifPresent(invoice -> {
                String member = names.aliasOf(event.bytes("member"));
                if (invoice.reimbursedBy == null) {
                    invoice.reimbursedBy = member;
                    invoice.reimbursedAt = now();
                }
                decide(invoice, member, java.util.Set.of(Claim.Kind.REIMBURSEMENT), Claim.Status.ACCEPTED, c -> { });
            });
        }
    }

    @Singleton // no client proxy: the shared base class has no no-args constructor
    public static class ReimbursementRefused extends Projection {

        ReimbursementRefused(ClaimChain chain, MemberAliases names) {
            super(chain, names, "einvoice-reimbursement-refused",
                    "InvoiceReimbursementRefused(bytes32 indexed invoiceId, bytes32 indexed member, uint8 reason, bytes32 holder, uint64 at)");
        }

        @Override
        public boolean handlesInBulk() {
            return true;
        }

        /** One set-based statement per chunk: each refused claim with the reason and the member that holds the invoice. */
        @Override
        public void handleAll(java.util.List<ChainEvent> events) {
            var ids = events.stream().map(e -> e.bytes("invoiceId")).toArray(byte[][]::new);
            var members = events.stream().map(e -> names.aliasOf(e.bytes("member"))).toArray(String[]::new);
            var reasons = events.stream().map(e -> ChainRefusal.ofCode(e.number("reason").intValue()).name()).toArray(String[]::new);
            var holders = events.stream().map(e -> hasHolder(e) ? names.aliasOf(e.bytes("holder")) : null).toArray(String[]::new);
            var times = events.stream().map(e -> hasHolder(e) ? java.sql.Timestamp.from(Instant.ofEpochSecond(e.number("at").longValue())) : null)
                    .toArray(java.sql.Timestamp[]::new);
            Invoice.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
                try (var claims = connection.prepareStatement("""
                        update einv_claim c set status = 'REFUSED', decided_at = now(), refusal = v.reason, holder = v.holder,
                               holder_at = v.holder_at
                        from unnest(?::bytea[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                             as v(chain_id, member, reason, holder, holder_at)
                        join einv_invoice i on i.chain_invoice_id = v.chain_id
                        where c.invoice_id = i.id and c.organisation = v.member and c.kind = 'REIMBURSEMENT' and c.status = 'PENDING'""")) {
                    claims.setArray(1, connection.createArrayOf("bytea", ids));
                    claims.setArray(2, connection.createArrayOf("text", members));
                    claims.setArray(3, connection.createArrayOf("text", reasons));
                    claims.setArray(4, connection.createArrayOf("text", holders));
                    claims.setArray(5, connection.createArrayOf("timestamptz", times));
                    claims.executeUpdate();
                }
            });
        }

        private static boolean hasHolder(ChainEvent event) {
            byte[] holder = event.bytes("holder");
            return event.number("at").longValue() > 0 && holder != null && new java.math.BigInteger(1, holder).signum() != 0;
        }

        @Override
        public void handle(ChainEvent event) {
            Invoice.getEntityManager().setFlushMode(jakarta.persistence.FlushModeType.COMMIT); // flush at commit only (see above)
            Invoice.byChainId(event.bytes("invoiceId")).ifPresent(invoice -> {
                var reason = ChainRefusal.ofCode(event.number("reason").intValue());
                byte[] holder = event.bytes("holder");
                long at = event.number("at").longValue();
                decide(invoice, names.aliasOf(event.bytes("member")), java.util.Set.of(Claim.Kind.REIMBURSEMENT), Claim.Status.REFUSED,
                        claim -> {
                            claim.refusal = reason.name();
                            if (at > 0 && holder != null && new java.math.BigInteger(1, holder).signum() != 0) {
                                claim.holder = names.aliasOf(holder);
                                claim.holderAt = Instant.ofEpochSecond(at);
                            }
                        });
            });
        }
    }

    @Singleton // no client proxy: the shared base class has no no-args constructor
    public static class Booked extends Projection {

        Booked(ClaimChain chain, MemberAliases names) {
            super(chain, names, "einvoice-booked", "InvoiceBooked(bytes32 indexed invoiceId, bytes32 indexed member, uint8 mark)");
        }

        @Override
        public void handle(ChainEvent event) {
            Invoice.getEntityManager().setFlushMode(jakarta.persistence.FlushModeType.COMMIT); // flush at commit only (see above)
            Invoice.byChainId(event.bytes("invoiceId")).ifPresent(invoice -> {
                String member = names.aliasOf(event.bytes("member"));
                var mark = Claim.Kind.values()[Math.max(0, event.number("mark").intValue() - 1)];
                if (invoice.bookedBy == null) {
                    invoice.bookedBy = member;
                    invoice.bookedMark = mark.name();
                    invoice.bookedAt = now();
                }
                decide(invoice, member, java.util.EnumSet.of(Claim.Kind.BOOKED_DEDUCTIBLE, Claim.Kind.BOOKED_NON_DEDUCTIBLE),
                        Claim.Status.ACCEPTED, c -> { });
            });
        }
    }
}
