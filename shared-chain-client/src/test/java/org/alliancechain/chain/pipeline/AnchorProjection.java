package org.alliancechain.chain.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Test projection of AnchorRegistry's RootAnchored events. Idempotent by (block, logIndex); it
 * counts repeated applications, so a test can prove the indexer never applied a log twice.
 */
@ApplicationScoped
public class AnchorProjection implements ChainEventHandler {

    @ConfigProperty(name = "chain.contracts.anchor-registry")
    String anchorRegistry;

    private final EntityManager em;

    AnchorProjection(EntityManager em) {
        this.em = em;
    }

    @Override
    public String stream() {
        return "test-anchors";
    }

    @Override
    public String contract() {
        return anchorRegistry;
    }

    @Override
    public String event() {
        return "RootAnchored(bytes32 indexed batchId, bytes32 indexed root, bytes32 indexed memberId, uint32 leafCount, uint64 timestamp)";
    }

    @Override
    public void handle(ChainEvent event) {
        em.createNativeQuery("""
                insert into test_anchor_projection (block_number, log_index, batch_id, root) values (?1, ?2, ?3, ?4)
                on conflict (block_number, log_index) do update set applied_count = test_anchor_projection.applied_count + 1""")
                .setParameter(1, event.blockNumber())
                .setParameter(2, event.logIndex())
                .setParameter(3, event.bytes("batchId"))
                .setParameter(4, event.bytes("root"))
                .executeUpdate();
    }
}
