package org.alliancechain.copyright.works;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.alliancechain.service.chain.MemberAliases;
import org.hibernate.Session;

/**
 * Projects WorkRegistry's decisions into the works this service submitted: registered (with block
 * and transaction), or refused because the content was registered first by a member (named). One
 * stream in chain order; thousands of works a second, so a chunk is applied by set-based SQL.
 * A transfer of the rights ({@code RightsTransferred}) moves the work to its new holder and completes
 * the transfer asked for here, or records one made through another service.
 */
@ApplicationScoped
public class WorkLedger implements ChainEventHandler {

    static final String REGISTERED = "WorkRegistered";
    static final String REFUSED = "WorkRegistrationRefused";
    static final String TRANSFERRED = "RightsTransferred";

    private final String registry;
    private final MemberAliases members;

    WorkLedger(@ConfigProperty(name = "chain.contracts.work-registry") String registry, MemberAliases members) {
        this.registry = registry;
        this.members = members;
    }

    @Override
    public String stream() {
        return "cr-works";
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
                "WorkRegistered(bytes32 indexed contentDigest, bytes32 indexed holder, bytes32 fingerprintDigest, bytes32 metadataDigest)",
                "WorkRegistrationRefused(bytes32 indexed contentDigest, bytes32 indexed firstHolder, uint64 firstBlock, uint8 reason)",
                "RightsTransferred(bytes32 indexed contentDigest, bytes32 indexed from, bytes32 indexed to)");
    }

    @Override
    public boolean handlesInBulk() {
        return true;
    }

    @Override
    public void handle(ChainEvent event) {
        handleAll(List.of(event));
    }

    private record Pending(long id, String organisation) {
    }

    /**
     * The pending works of a chunk's digests are looked up on the content index alone ({@code = any(?)}), matched with the
     * events here, and decided by primary key. A join of the events with the works on the organisation as well leaves the
     * planner a scan of every work of a member per event (the table grows by thousands of rows a second between two
     * analyses) — the defect that made e-invoice's decisions take seconds per chunk.
     */
    private void decide(java.sql.Connection connection, List<ChainEvent> registered, List<ChainEvent> refused) throws java.sql.SQLException {
        var hex = java.util.HexFormat.of();
        var digests = new ArrayList<byte[]>();
        registered.forEach(e -> digests.add(e.bytes("contentDigest")));
        refused.forEach(e -> digests.add(e.bytes("contentDigest")));
        var pending = new java.util.HashMap<String, List<Pending>>();
        try (var query = connection.prepareStatement("select id, content_digest, organisation from cr_work where content_digest = any(?) and status = 'PENDING'")) {
            query.setArray(1, connection.createArrayOf("bytea", digests.toArray(byte[][]::new)));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    pending.computeIfAbsent(hex.formatHex(rows.getBytes(2)), k -> new ArrayList<>()).add(new Pending(rows.getLong(1), rows.getString(3)));
                }
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        var decided = new java.util.HashSet<Long>();
        var ids = new ArrayList<Long>();
        var blocks = new ArrayList<Long>();
        var txs = new ArrayList<String>();
        var logs = new ArrayList<Integer>();
        for (var e : registered) {
            // only the holder's own submission: another member registering the same bytes first is a refusal of ours
            String holder = members.aliasOf(e.bytes("holder"));
            for (var w : pending.getOrDefault(hex.formatHex(e.bytes("contentDigest")), List.of())) {
                if (w.organisation().equals(holder) && decided.add(w.id())) {
                    ids.add(w.id());
                    blocks.add(e.blockNumber());
                    txs.add(e.transactionHash());
                    logs.add(e.logIndex());
                }
            }
        }
        if (!ids.isEmpty()) {
            try (var update = connection.prepareStatement("""
                    update cr_work w set status = 'REGISTERED', registered_block = v.block, registered_tx = v.tx, registered_log = v.log
                    from unnest(?::bigint[], ?::bigint[], ?::text[], ?::int[]) as v(id, block, tx, log)
                    where w.id = v.id and w.status = 'PENDING'""")) {
                update.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                update.setArray(2, connection.createArrayOf("bigint", blocks.toArray()));
                update.setArray(3, connection.createArrayOf("text", txs.toArray()));
                update.setArray(4, connection.createArrayOf("int", logs.toArray()));
                update.executeUpdate();
            }
        }
        ids.clear();
        blocks.clear();
        txs.clear();
        var firsts = new ArrayList<String>();
        for (var e : refused) {
            // the refused submission is ours when it is still pending and another member holds the content: a refusal of
            // another service's submission of content we registered first does not touch ours
            String first = members.aliasOf(e.bytes("firstHolder"));
            for (var w : pending.getOrDefault(hex.formatHex(e.bytes("contentDigest")), List.of())) {
                if (!w.organisation().equals(first) && decided.add(w.id())) {
                    ids.add(w.id());
                    blocks.add(e.blockNumber());
                    txs.add(e.transactionHash());
                    firsts.add(first);
                }
            }
        }
        if (!ids.isEmpty()) {
            try (var update = connection.prepareStatement("""
                    update cr_work w set status = 'REFUSED', registered_block = v.block, registered_tx = v.tx, first_holder = v.first
                    from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as v(id, block, tx, first)
                    where w.id = v.id and w.status = 'PENDING'""")) {
                update.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                update.setArray(2, connection.createArrayOf("bigint", blocks.toArray()));
                update.setArray(3, connection.createArrayOf("text", txs.toArray()));
                update.setArray(4, connection.createArrayOf("text", firsts.toArray()));
                update.executeUpdate();
            }
        }
    }

    @Override
    public void handleAll(List<ChainEvent> events) {
        var registered = new ArrayList<ChainEvent>();
        var refused = new ArrayList<ChainEvent>();
        var transferred = new ArrayList<ChainEvent>();
        for (var e : events) {
            (e.event().startsWith(REGISTERED) ? registered : e.event().startsWith(TRANSFERRED) ? transferred : refused).add(e);
        }
        if (!registered.isEmpty() || !refused.isEmpty()) {
            Work.getEntityManager().unwrap(Session.class).doWork(connection -> decide(connection, registered, refused));
        }
        // A work is registered before its rights move, so registrations first; transfers (rare) one by one in chain order.
        for (var e : transferred) {
            transferred(e);
        }
    }

    private void transferred(ChainEvent e) {
        byte[] digest = e.bytes("contentDigest");
        String from = members.aliasOf(e.bytes("from"));
        String to = members.aliasOf(e.bytes("to"));
        Work.getEntityManager().createNativeQuery("update cr_work set organisation = ?1 where content_digest = ?2 and status = 'REGISTERED' "
                + "and organisation = ?3").setParameter(1, to).setParameter(2, digest).setParameter(3, from).executeUpdate();
        var asked = WorkTransfer.<WorkTransfer>find("contentDigest = ?1 and status = ?2 and fromOrganisation = ?3 and toOrganisation = ?4",
                digest, WorkTransfer.Status.PENDING, from, to).firstResultOptional();
        if (asked.isPresent()) {
            asked.get().status = WorkTransfer.Status.TRANSFERRED;
            asked.get().transferredBlock = e.blockNumber();
            asked.get().transferredTx = e.transactionHash();
            return;
        }
        // Transferred through another service (or WorkRegistry directly): the work's history records it all the same.
        var work = Work.<Work>find("contentDigest = ?1 and status = ?2", digest, Work.Status.REGISTERED).firstResultOptional();
        if (work.isEmpty() || WorkTransfer.count("contentDigest = ?1 and transferredTx = ?2", digest, e.transactionHash()) > 0) {
            return;
        }
        var transfer = new WorkTransfer();
        transfer.workId = work.get().id;
        transfer.contentDigest = digest;
        transfer.fromOrganisation = from;
        transfer.toOrganisation = to;
        transfer.status = WorkTransfer.Status.TRANSFERRED;
        transfer.transferredBlock = e.blockNumber();
        transfer.transferredTx = e.transactionHash();
        transfer.requestedAt = java.time.Instant.now();
        transfer.requestedBy = "WorkRegistry";
        transfer.persist();
    }
}
