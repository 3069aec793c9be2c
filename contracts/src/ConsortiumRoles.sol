// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title ConsortiumRoles
/// @notice The role identifiers that member organisations can hold in the MemberRegistry.
/// @dev One definition for every contract that checks a role, so the hashes cannot drift apart.
library ConsortiumRoles {
    /// @dev May anchor Merkle roots of notarised batches in the AnchorRegistry.
    bytes32 internal constant ANCHORER = keccak256("ANCHORER");

    /// @dev An arbitration commission: accepts or rejects cases filed with it, runs them, issues awards.
    bytes32 internal constant ODR_COMMISSION = keccak256("ODR_COMMISSION");

    /// @dev May file arbitration cases as claimant (companies, their lawyers' organisations).
    bytes32 internal constant ODR_PARTY = keccak256("ODR_PARTY");

    /// @dev A tax bureau: authorises invoice issuers in the InvoiceRegistry, sets their kinds and quota,
    /// suspends and reinstates the issuers it authorised.
    bytes32 internal constant TAX_BUREAU = keccak256("TAX_BUREAU");

    /// @dev A financing registry: the account (a supply-finance registry contract's address, added to a
    /// member by consortium governance) that may pledge and release invoices in the InvoiceRegistry.
    bytes32 internal constant FINANCING_REGISTRY = keccak256("FINANCING_REGISTRY");

    /// @dev A core enterprise (the debtor): confirms payables as receivable certificates in the
    /// ReceivableRegistry and records their settlement payment at maturity.
    bytes32 internal constant CORE_ENTERPRISE = keccak256("CORE_ENTERPRISE");

    /// @dev A bank or factor: quotes financing of receivable certificates, records its payment of the
    /// proceeds, and consents to red-letters of the invoices its financings pledged.
    bytes32 internal constant FINANCIER = keccak256("FINANCIER");

    /// @dev The platform operator: publishes the business-day calendar (holidays, makeup working days).
    bytes32 internal constant PLATFORM_OPERATOR = keccak256("PLATFORM_OPERATOR");

    /// @dev A rights holder (a media house): registers works in the WorkRegistry, receives and transfers
    /// the rights in them, and grants licences for the works it holds in the LicenceRegistry.
    bytes32 internal constant RIGHTS_HOLDER = keccak256("RIGHTS_HOLDER");
}
