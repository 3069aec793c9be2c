package org.alliancechain.chain.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles a member organisation can hold in the consortium's MemberRegistry — the one Java
 * definition. On chain a role is keccak256 of its name, as {@code contracts/src/ConsortiumRoles.sol}
 * defines it; {@code ConsortiumRoleTest} checks that library and the local stack's seed against
 * this enum, so a role added on one side and not the other fails the build.
 */
public enum ConsortiumRole {
    /** May anchor Merkle roots of notarised batches in AnchorRegistry. */
    ANCHORER,
    /** An arbitration commission: takes the commission's steps of its cases in CaseRegistry. */
    ODR_COMMISSION,
    /** A party to arbitration: files and withdraws cases in CaseRegistry. */
    ODR_PARTY,
    /** A tax bureau: authorises invoice issuers in InvoiceRegistry, sets their kinds and quota, suspends and reinstates them. */
    TAX_BUREAU,
    /**
     * A financing registry: the account (a supply-finance registry contract's address, added to a member
     * by consortium governance) that may pledge and release invoices in InvoiceRegistry.
     */
    FINANCING_REGISTRY,
    /** A core enterprise (the debtor): confirms payables as receivable certificates in ReceivableRegistry and records their settlement. */
    CORE_ENTERPRISE,
    /** A bank or factor: quotes financing of receivable certificates, records its payment, consents to red-letters of pledged invoices. */
    FINANCIER,
    /** The platform operator: publishes the business-day calendar (holidays, makeup working days) in BusinessCalendar. */
    PLATFORM_OPERATOR,
    /**
     * A rights holder (a media house): registers works in WorkRegistry, receives and transfers the rights in
     * them, and grants and revokes licences for the works it holds in LicenceRegistry.
     */
    RIGHTS_HOLDER;

    private final byte[] id = ChainIds.keccak256(name());

    /** The role's id on chain: keccak256 of its name (a copy). */
    public byte[] id() {
        return id.clone();
    }

    /** The role with this on-chain id, if it is one of the suite's. */
    public static Optional<ConsortiumRole> byId(byte[] roleId) {
        return Arrays.stream(values()).filter(r -> Arrays.equals(r.id, roleId)).findFirst();
    }
}
