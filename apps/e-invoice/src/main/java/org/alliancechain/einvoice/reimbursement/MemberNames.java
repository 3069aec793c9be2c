package org.alliancechain.einvoice.reimbursement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.chain.api.ChainIds;

/**
 * The alias behind a member id of an event (keccak256 of the alias): looked up among the
 * organisations this service knows (taxpayers and claimants); an unknown one is shown by its id.
 */
@ApplicationScoped
public class MemberNames {

    private final EntityManager em;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    MemberNames(EntityManager em) {
        this.em = em;
    }

    public String aliasOf(byte[] memberId) {
        String key = HexFormat.of().formatHex(memberId);
        String alias = known.get(key);
        if (alias == null) {
            learn();
            alias = known.get(key);
        }
        return alias != null ? alias : "member 0x" + key;
    }

    private void learn() {
        @SuppressWarnings("unchecked")
        var aliases = (java.util.List<String>) em.createNativeQuery(
                "select organisation from einv_taxpayer union select distinct organisation from einv_claim").getResultList();
        for (String alias : aliases) {
            known.put(HexFormat.of().formatHex(ChainIds.memberId(alias)), alias);
        }
    }
}
