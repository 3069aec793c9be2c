package org.alliancechain.supplyfinance.risk;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainEventHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows CaseRegistry for the cases filed on chain — through odr-arbitration, this service or any
 * other — so a bank sees the disputes on file against a core enterprise or by a supplier. Only who
 * filed against whom is projected; the case itself is the commission's.
 */
@ApplicationScoped
public class DisputesOnFile implements ChainEventHandler {

    private final String caseRegistry;

    DisputesOnFile(@ConfigProperty(name = "chain.contracts.case-registry") String caseRegistry) {
        this.caseRegistry = caseRegistry;
    }

    @Override
    public String stream() {
        return "sf-disputes";
    }

    @Override
    public String contract() {
        return caseRegistry;
    }

    @Override
    public String event() {
        return "CaseFiled(bytes32 indexed caseId, bytes32 indexed claimant, bytes32 indexed commission, bytes32 respondent, bytes32 caseHash)";
    }

    @Override
    public void handle(ChainEvent e) {
        Panache.getEntityManager().createNativeQuery("""
                insert into sf_dispute (case_id, claimant_member, respondent_member, commission_member, filed_block)
                values (?1, ?2, ?3, ?4, ?5) on conflict (case_id) do nothing""")
                .setParameter(1, e.bytes("caseId")).setParameter(2, e.bytes("claimant")).setParameter(3, e.bytes("respondent"))
                .setParameter(4, e.bytes("commission")).setParameter(5, e.blockNumber()).executeUpdate();
    }

    /** Cases on file against a member. */
    public static long against(byte[] member) {
        return ((Number) Panache.getEntityManager().createNativeQuery("select count(*) from sf_dispute where respondent_member = ?1")
                .setParameter(1, member).getSingleResult()).longValue();
    }

    /** Cases a member filed. */
    public static long by(byte[] member) {
        return ((Number) Panache.getEntityManager().createNativeQuery("select count(*) from sf_dispute where claimant_member = ?1")
                .setParameter(1, member).getSingleResult()).longValue();
    }

}
