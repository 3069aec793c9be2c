package org.alliancechain.odr.cases;

import jakarta.enterprise.context.ApplicationScoped;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ChainUnavailableException;
import org.alliancechain.chain.api.ConsortiumMember;
import org.alliancechain.chain.api.ConsortiumRole;

/**
 * Who may take part in arbitration, as the consortium's MemberRegistry says — read before a case is
 * filed, so that a filing the chain would refuse is refused at once with a clear answer.
 */
@ApplicationScoped
public class ConsortiumDirectory {

    static final ConsortiumRole ODR_COMMISSION = ConsortiumRole.ODR_COMMISSION;
    static final ConsortiumRole ODR_PARTY = ConsortiumRole.ODR_PARTY;

    private final ChainReader chain;

    ConsortiumDirectory(ChainReader chain) {
        this.chain = chain;
    }

    /** Whether the organisation is an active member. */
    public boolean isActiveMember(String alias) {
        return member(alias).isActive();
    }

    /** Whether the organisation is an active member that holds the role. */
    public boolean holds(String alias, ConsortiumRole role) {
        return member(alias).holds(role);
    }

    private ConsortiumMember member(String alias) {
        try {
            return chain.member(alias);
        } catch (ChainUnavailableException e) {
            throw new org.alliancechain.service.problem.ProblemException(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE,
                    "the chain node cannot be reached to check the consortium's members; try again shortly");
        }
    }
}
