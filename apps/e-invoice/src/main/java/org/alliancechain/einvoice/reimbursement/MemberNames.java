package org.alliancechain.einvoice.reimbursement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import org.alliancechain.service.chain.MemberAliases;

/**
 * The organisations this service's rows name (taxpayers and claimants), for shared-service's
 * {@link MemberAliases} to name the members of InvoiceRegistry's events.
 */
@ApplicationScoped
public class MemberNames implements MemberAliases.Source {

    private final EntityManager em;

    MemberNames(EntityManager em) {
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Collection<String> aliases() {
        return (java.util.List<String>) em.createNativeQuery(
                "select organisation from einv_taxpayer union select distinct organisation from einv_claim").getResultList();
    }
}
