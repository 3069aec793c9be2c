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
}
