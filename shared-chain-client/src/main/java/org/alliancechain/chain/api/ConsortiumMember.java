package org.alliancechain.chain.api;

import java.util.Set;

/**
 * A member organisation as the consortium's MemberRegistry says now: its status and the suite's
 * roles it holds. Roles count only while the member is active, as on chain ({@code hasRole}).
 *
 * @param memberId 0x-hex keccak256 of the alias
 * @param roles    the roles granted and not revoked, whatever the status
 */
public record ConsortiumMember(String alias, String memberId, Status status, Set<ConsortiumRole> roles) {

    /** MemberRegistry's MemberStatus, in declaration order. */
    public enum Status { NONE, ACTIVE, SUSPENDED }

    public ConsortiumMember {
        roles = Set.copyOf(roles);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** Whether the member may act with the role: it is active and holds it. */
    public boolean holds(ConsortiumRole role) {
        return isActive() && roles.contains(role);
    }
}
