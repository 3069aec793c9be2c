// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title IAnchorRegistry
/// @notice Write-once record of Merkle roots over batches of off-chain items (evidence hashes,
/// registrations). Each item keeps its inclusion proof off chain; the anchored root and the block
/// time prove the item existed, unchanged, at that time.
interface IAnchorRegistry {
    struct Anchor {
        bytes32 root;
        bytes32 memberId;
        uint32 leafCount;
        uint64 blockNumber;
        uint64 timestamp;
    }

    /// @dev `account` does not belong to an Active member holding ANCHORER_ROLE.
    error AnchorRegistryUnauthorizedAnchorer(address account);
    /// @dev The batch id was anchored before; anchoring is idempotency-keyed by batch id.
    error AnchorRegistryBatchAlreadyAnchored(bytes32 batchId);
    /// @dev The zero batch id is reserved.
    error AnchorRegistryInvalidBatchId(bytes32 batchId);
    /// @dev The zero root is not a Merkle root.
    error AnchorRegistryInvalidRoot(bytes32 root);
    /// @dev A batch has at least one leaf.
    error AnchorRegistryInvalidLeafCount(uint32 leafCount);
    /// @dev The member registry address is not a contract.
    error AnchorRegistryInvalidMemberRegistry(address memberRegistry);

    /// @notice Emitted right after a batch's root is stored.
    event RootAnchored(
        bytes32 indexed batchId, bytes32 indexed root, bytes32 indexed memberId, uint32 leafCount, uint64 timestamp
    );

    /// @notice Anchors the Merkle root of a batch, once per batch id, for the caller's member.
    /// @dev The caller must belong to an Active member holding ANCHORER_ROLE in the MemberRegistry.
    /// @param batchId Idempotency key of the batch; non-zero, never anchored before.
    /// @param root Merkle root over the batch's leaves; non-zero.
    /// @param leafCount Number of leaves in the batch; at least 1.
    function anchor(bytes32 batchId, bytes32 root, uint32 leafCount) external;

    /// @notice The anchor of a batch.
    /// @param batchId The batch id.
    /// @return The anchor; all fields zero if the batch was never anchored.
    function anchorOf(bytes32 batchId) external view returns (Anchor memory);

    /// @notice Whether a batch was anchored.
    /// @param batchId The batch id.
    /// @return True if anchored.
    function isAnchored(bytes32 batchId) external view returns (bool);

    /// @notice The MemberRegistry that decides who may anchor.
    /// @return The registry's address.
    function memberRegistry() external view returns (address);
}
