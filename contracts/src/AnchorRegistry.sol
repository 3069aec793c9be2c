// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "./ConsortiumRoles.sol";
import {IAnchorRegistry} from "./IAnchorRegistry.sol";
import {IMemberRegistry} from "./IMemberRegistry.sol";

/// @title AnchorRegistry
/// @notice Stores Merkle roots of notarised batches, each under a unique batch id, anchored by
/// accounts of Active consortium members that hold ANCHORER_ROLE.
contract AnchorRegistry is IAnchorRegistry {
    /// @notice Role an account's member needs to anchor.
    bytes32 public constant ANCHORER_ROLE = ConsortiumRoles.ANCHORER;

    IMemberRegistry private immutable _memberRegistry;

    mapping(bytes32 batchId => Anchor) private _anchors;

    /// @param memberRegistry_ The MemberRegistry consulted on every anchor.
    constructor(IMemberRegistry memberRegistry_) {
        if (address(memberRegistry_).code.length == 0) {
            revert AnchorRegistryInvalidMemberRegistry(address(memberRegistry_));
        }
        _memberRegistry = memberRegistry_;
    }

    /// @inheritdoc IAnchorRegistry
    function anchor(bytes32 batchId, bytes32 root, uint32 leafCount) external {
        if (!_memberRegistry.hasRole(ANCHORER_ROLE, msg.sender)) revert AnchorRegistryUnauthorizedAnchorer(msg.sender);
        if (batchId == bytes32(0)) revert AnchorRegistryInvalidBatchId(batchId);
        if (_anchors[batchId].root != bytes32(0)) revert AnchorRegistryBatchAlreadyAnchored(batchId);
        if (root == bytes32(0)) revert AnchorRegistryInvalidRoot(root);
        if (leafCount == 0) revert AnchorRegistryInvalidLeafCount(leafCount);

        bytes32 memberId = _memberRegistry.memberOf(msg.sender);
        uint64 timestamp = uint64(block.timestamp);
        _anchors[batchId] = Anchor({
            root: root,
            memberId: memberId,
            leafCount: leafCount,
            blockNumber: uint64(block.number),
            timestamp: timestamp
        });
        emit RootAnchored(batchId, root, memberId, leafCount, timestamp);
    }

    /// @inheritdoc IAnchorRegistry
    function anchorOf(bytes32 batchId) external view returns (Anchor memory) {
        return _anchors[batchId];
    }

    /// @inheritdoc IAnchorRegistry
    function isAnchored(bytes32 batchId) external view returns (bool) {
        return _anchors[batchId].root != bytes32(0);
    }

    /// @inheritdoc IAnchorRegistry
    function memberRegistry() external view returns (address) {
        return address(_memberRegistry);
    }
}
