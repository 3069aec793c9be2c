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

    /** The invoices of a chunk of events and their pending reimbursement claims, found by index only. */
    record Pending(java.util.Map<String, Long> invoiceIds, java.util.Map<String, java.util.List<Long>> claims) {

        /** The pending claims of this invoice (chain id) by this member. */
        java.util.List<Long> of(byte[] chainInvoiceId, String organisation) {
            return claims.getOrDefault(key(chainInvoiceId, organisation), java.util.List.of());
        }
    }

    /**
     * The invoices (by chain id) and their pending reimbursement claims (by invoice and organisation, {@link #key}), in two
     * single-table look-ups ({@code = any(?)} on the invoices' unique chain id, then on the claims' invoice index), the
     * events' members matched here. Joins in the updates themselves (with the organisation, or with "not reimbursed yet")
     * let the planner pick scans of every claim of an organisation, or of every invoice not yet reimbursed, per chunk — the
     * tables grow by tens of thousands of rows between two analyses: up to seconds per chunk of 500 events, and a chunk's
     * time growing with the rows still pending.
     */
    static Pending pending(java.sql.Connection connection, byte[][] chainIds) throws java.sql.SQLException {
        var invoices = new java.util.HashMap<Long, String>();
        var byChainId = new java.util.HashMap<String, Long>();
        try (var query = connection.prepareStatement("select id, chain_invoice_id from einv_invoice where chain_invoice_id = any(?)")) {
            query.setArray(1, connection.createArrayOf("bytea", chainIds));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    String hex = java.util.HexFormat.of().formatHex(rows.getBytes(2));
                    invoices.put(rows.getLong(1), hex);
                    byChainId.put(hex, rows.getLong(1));
                }
            }
        }
        var claims = new java.util.HashMap<String, java.util.List<Long>>();
        if (invoices.isEmpty()) {
            return new Pending(byChainId, claims);
        }
        try (var query = connection.prepareStatement("""
                select id, invoice_id, organisation from einv_claim
                where invoice_id = any(?) and kind = 'REIMBURSEMENT' and status = 'PENDING'""")) {
            query.setArray(1, connection.createArrayOf("bigint", invoices.keySet().toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    claims.computeIfAbsent(invoices.get(rows.getLong(2)) + "|" + rows.getString(3), k -> new java.util.ArrayList<>())
                            .add(rows.getLong(1));
                }
            }
        }
        return new Pending(byChainId, claims);
    }

    static String key(byte[] chainInvoiceId, String organisation) {
        return java.util.HexFormat.of().formatHex(chainInvoiceId) + "|" + organisation;
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

        static final String REVERSED = "InvoiceReimbursementReversed(bytes32 indexed invoiceId, bytes32 indexed member, bytes32 reasonHash)";

        Reimbursed(ClaimChain chain, MemberAliases names) {
            super(chain, names, "einvoice-reimbursed", "InvoiceReimbursed(bytes32 indexed invoiceId, bytes32 indexed member)");
        }

        /** Reversals come in the same stream, in chain order: a reimbursement, its reversal and another member's reimbursement. */
        @Override
        public java.util.List<String> events() {
            return java.util.List.of(event(), REVERSED);
        }

        @Override
        public boolean handlesInBulk() {
            return true;
        }

        /**
         * Per chunk: the invoices and their pending reimbursement claims looked up by index ({@link #pending}), then the
         * invoices' marks (one statement per member) and the claims the events decide, by primary key.
         */
        @Override
        public void handleAll(java.util.List<ChainEvent> events) {
            // runs of reimbursements in bulk, each reversal between them on its own, in chain order
            int from = 0;
            for (int i = 0; i <= events.size(); i++) {
                if (i == events.size() || "InvoiceReimbursementReversed".equals(events.get(i).event())) {
                    if (i > from) {
                        reimbursed(events.subList(from, i));
                    }
                    if (i < events.size()) {
                        reversed(events.get(i));
                    }
                    from = i + 1;
                }
            }
        }

        /**
         * A member took its reimbursement back: the invoice's mark cleared (if it is that member's) and the member's accepted
         * reimbursement claims REVERSED, by statements in the chunk's connection like the reimbursements around it.
         */
        private void reversed(ChainEvent e) {
            byte[] invoiceId = e.bytes("invoiceId");
            String member = names.aliasOf(e.bytes("member"));
            Invoice.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
                try (var mark = connection.prepareStatement(
                        "update einv_invoice set reimbursed_by = null, reimbursed_at = null where chain_invoice_id = ? and reimbursed_by = ?")) {
                    mark.setBytes(1, invoiceId);
                    mark.setString(2, member);
                    mark.executeUpdate();
                }
                try (var claims = connection.prepareStatement("update einv_claim set status = 'REVERSED', reversed_at = now() "
                        + "where invoice_id = (select id from einv_invoice where chain_invoice_id = ?) and organisation = ? "
                        + "and kind = 'REIMBURSEMENT' and status = 'ACCEPTED'")) {
                    claims.setBytes(1, invoiceId);
                    claims.setString(2, member);
                    claims.executeUpdate();
                }
            });
        }

        private void reimbursed(java.util.List<ChainEvent> events) {
            var ids = events.stream().map(e -> e.bytes("invoiceId")).toArray(byte[][]::new);
            var members = events.stream().map(e -> names.aliasOf(e.bytes("member"))).toArray(String[]::new);
            Invoice.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
                var pending = pending(connection, ids);
                var marked = new java.util.LinkedHashMap<String, java.util.List<Long>>(); // member → its invoices
                var decided = new java.util.ArrayList<Long>();
                for (int i = 0; i < ids.length; i++) {
                    Long invoice = pending.invoiceIds().get(java.util.HexFormat.of().formatHex(ids[i]));
                    if (invoice != null) {
                        marked.computeIfAbsent(members[i], m -> new java.util.ArrayList<>()).add(invoice);
                    }
                    decided.addAll(pending.of(ids[i], members[i]));
                }
                // one member reimburses an invoice first: the chain emits one InvoiceReimbursed per invoice
                for (var m : marked.entrySet()) {
                    try (var marks = connection.prepareStatement("""
                            update einv_invoice set reimbursed_by = ?, reimbursed_at = now()
                            where id = any(?) and reimbursed_by is null""")) {
                        marks.setString(1, m.getKey());
                        marks.setArray(2, connection.createArrayOf("bigint", m.getValue().toArray()));
                        marks.executeUpdate();
                    }
                }
                if (decided.isEmpty()) {
                    return;
                }
                try (var claims = connection.prepareStatement(
                        "update einv_claim set status = 'ACCEPTED', decided_at = now() where id = any(?) and status = 'PENDING'")) {
                    claims.setArray(1, connection.createArrayOf("bigint", decided.toArray()));
                    claims.executeUpdate();
                }
            });
        }

        /** One event: the same statements as a chunk ({@link #handleAll}). */
        @Override
        public void handle(ChainEvent event) {
            handleAll(java.util.List.of(event));
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

        /**
         * Per chunk: the pending reimbursement claims of the invoices looked up by index (see
         * {@link #pending}), then each refused one, by primary key, with the reason and the member that holds
         * the invoice.
         */
        @Override
        public void handleAll(java.util.List<ChainEvent> events) {
            var ids = events.stream().map(e -> e.bytes("invoiceId")).toArray(byte[][]::new);
            Invoice.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
                var pending = pending(connection, ids);
                var claimIds = new java.util.ArrayList<Long>();
                var reasons = new java.util.ArrayList<String>();
                var holders = new java.util.ArrayList<String>();
                var times = new java.util.ArrayList<java.sql.Timestamp>();
                for (int i = 0; i < ids.length; i++) {
                    var e = events.get(i);
                    var claims = pending.of(ids[i], names.aliasOf(e.bytes("member")));
                    for (long claim : claims) {
                        claimIds.add(claim);
                        reasons.add(ChainRefusal.ofCode(e.number("reason").intValue()).name());
                        holders.add(hasHolder(e) ? names.aliasOf(e.bytes("holder")) : null);
                        times.add(hasHolder(e) ? java.sql.Timestamp.from(Instant.ofEpochSecond(e.number("at").longValue())) : null);
                    }
                }
                if (claimIds.isEmpty()) {
                    return;
                }
                try (var claims = connection.prepareStatement("""
                        update einv_claim c set status = 'REFUSED', decided_at = now(), refusal = v.reason, holder = v.holder,
                               holder_at = v.holder_at
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::timestamptz[]) as v(id, reason, holder, holder_at)
                        where c.id = v.id and c.status = 'PENDING'""")) {
                    claims.setArray(1, connection.createArrayOf("bigint", claimIds.toArray()));
                    claims.setArray(2, connection.createArrayOf("text", reasons.toArray()));
                    claims.setArray(3, connection.createArrayOf("text", holders.toArray()));
                    claims.setArray(4, connection.createArrayOf("timestamptz", times.toArray()));
                    claims.executeUpdate();
                }
            });
        }

        private static boolean hasHolder(ChainEvent event) {
            byte[] holder = event.bytes("holder");
            return event.number("at").longValue() > 0 && holder != null && new java.math.BigInteger(1, holder).signum() != 0;
        }

        /** One event: the same statement as a chunk ({@link #handleAll}). */
        @Override
        public void handle(ChainEvent event) {
            handleAll(java.util.List.of(event));
        }
    }

    @Singleton // no client proxy: the shared base class has no no-args constructor
    public static class Booked extends Projection {

        Booked(ClaimChain chain, MemberAliases names) {
            super(chain, names, "einvoice-booked", "InvoiceBooked(bytes32 indexed invoiceId, bytes32 indexed member, uint8 mark)");
        }

        /** Unbookings come in the same stream, in chain order. */
        @Override
        public java.util.List<String> events() {
            return java.util.List.of(event(), "InvoiceUnbooked(bytes32 indexed invoiceId, bytes32 indexed member, bytes32 reasonHash)");
        }

        @Override
        public void handle(ChainEvent event) {
            if ("InvoiceUnbooked".equals(event.event())) {
                unbooked(event);
                return;
            }
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

        /** A member took its booking back: the invoice's booking mark cleared (if it is that member's), its accepted bookings REVERSED. */
        private void unbooked(ChainEvent event) {
            Invoice.getEntityManager().flush(); // the claims' status is asked of the database: this chunk's bookings first
            Invoice.byChainId(event.bytes("invoiceId")).ifPresent(invoice -> {
                String member = names.aliasOf(event.bytes("member"));
                if (member.equals(invoice.bookedBy)) {
                    invoice.bookedBy = null;
                    invoice.bookedMark = null;
                    invoice.bookedAt = null;
                }
                Claim.<Claim>list("invoiceId = ?1 and organisation = ?2 and kind in ?3 and status = ?4", invoice.id, member,
                        java.util.EnumSet.of(Claim.Kind.BOOKED_DEDUCTIBLE, Claim.Kind.BOOKED_NON_DEDUCTIBLE), Claim.Status.ACCEPTED)
                        .forEach(claim -> {
                            claim.status = Claim.Status.REVERSED;
                            claim.reversedAt = now();
                        });
            });
        }
    }
}
