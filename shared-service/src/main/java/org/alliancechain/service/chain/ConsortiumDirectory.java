package org.alliancechain.service.chain;

import jakarta.enterprise.context.ApplicationScoped;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ChainUnavailableException;
import org.alliancechain.chain.api.ConsortiumMember;
import org.alliancechain.chain.api.ConsortiumRole;

/**
 * Who the consortium's members are and which roles they hold, as its MemberRegistry says — read
 * before a step the chain would refuse (a case filed with a non-commission, an invoice issued to a
 * non-member), so that it is refused at once with a clear answer. A node that cannot be reached
 * answers 503, never a guess.
 */
@ApplicationScoped
public class ConsortiumDirectory {

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

    /** The member as MemberRegistry holds it. */
    public ConsortiumMember member(String alias) {
        try {
            return chain.member(alias);
        } catch (ChainUnavailableException e) {
            throw new org.alliancechain.service.problem.ProblemException(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE,
                    "the chain node cannot be reached to check the consortium's members; try again shortly");
        }
    }
}
