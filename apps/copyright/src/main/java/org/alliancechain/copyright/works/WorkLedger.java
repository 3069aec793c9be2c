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

    @Override
    public void handleAll(List<ChainEvent> events) {
        var registered = new ArrayList<ChainEvent>();
        var refused = new ArrayList<ChainEvent>();
        var transferred = new ArrayList<ChainEvent>();
        for (var e : events) {
            (e.event().startsWith(REGISTERED) ? registered : e.event().startsWith(TRANSFERRED) ? transferred : refused).add(e);
        }
        Work.getEntityManager().unwrap(Session.class).doWork(connection -> {
            if (!registered.isEmpty()) {
                try (var update = connection.prepareStatement("""
                        update cr_work w set status = 'REGISTERED', registered_block = v.block, registered_tx = v.tx, registered_log = v.log
                        from unnest(?::bytea[], ?::bigint[], ?::text[], ?::int[], ?::text[]) as v(digest, block, tx, log, holder)
                        where w.content_digest = v.digest and w.status = 'PENDING' and w.organisation = v.holder""")) {
                    update.setArray(1, connection.createArrayOf("bytea", registered.stream().map(e -> e.bytes("contentDigest")).toArray(byte[][]::new)));
                    update.setArray(2, connection.createArrayOf("bigint", registered.stream().map(ChainEvent::blockNumber).toArray(Long[]::new)));
                    update.setArray(3, connection.createArrayOf("text", registered.stream().map(ChainEvent::transactionHash).toArray(String[]::new)));
                    update.setArray(4, connection.createArrayOf("int", registered.stream().map(ChainEvent::logIndex).toArray(Integer[]::new)));
                    // Only the holder's own submission: another member registering the same bytes first is a refusal of ours.
                    update.setArray(5, connection.createArrayOf("text", registered.stream().map(e -> members.aliasOf(e.bytes("holder")))
                            .toArray(String[]::new)));
                    update.executeUpdate();
                }
            }
            if (!refused.isEmpty()) {
                // The refused submission is ours when it is still pending and another member holds the content: a refusal
                // of another service's submission of content we registered first does not touch ours.
                try (var update = connection.prepareStatement("""
                        update cr_work w set status = 'REFUSED', registered_block = v.block, registered_tx = v.tx, first_holder = v.first
                        from unnest(?::bytea[], ?::bigint[], ?::text[], ?::text[]) as v(digest, block, tx, first)
                        where w.content_digest = v.digest and w.status = 'PENDING' and w.organisation <> v.first""")) {
                    update.setArray(1, connection.createArrayOf("bytea", refused.stream().map(e -> e.bytes("contentDigest")).toArray(byte[][]::new)));
                    update.setArray(2, connection.createArrayOf("bigint", refused.stream().map(ChainEvent::blockNumber).toArray(Long[]::new)));
                    update.setArray(3, connection.createArrayOf("text", refused.stream().map(ChainEvent::transactionHash).toArray(String[]::new)));
                    update.setArray(4, connection.createArrayOf("text", refused.stream().map(e -> members.aliasOf(e.bytes("firstHolder"))).toArray(String[]::new)));
                    update.executeUpdate();
                }
            }
        });
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
