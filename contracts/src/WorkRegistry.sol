// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "./ConsortiumRoles.sol";
import {IMemberRegistry} from "./IMemberRegistry.sol";
import {IWorkRegistry} from "./IWorkRegistry.sol";

/// @title WorkRegistry
/// @notice Registers copyright works once each, by content digest, for Active members holding
/// RIGHTS_HOLDER, and records transfers of the rights in them.
/// @dev A work is three fresh storage slots: the fingerprint digest, the metadata digest, and one packed
/// slot (registrant account, first holder as a member index, block number, block time). Members are
/// indexed on first sight (two slots, once per member). The current holder is stored only once the
/// rights were transferred (`_transferredTo`), so a registration writes nothing else.
contract WorkRegistry is IWorkRegistry {
    /// @dev The packed record of a work; `registrant != 0` means registered.
    struct Record {
        address registrant;
        uint24 firstHolder; // member index
        uint32 blockNumber;
        uint40 timestamp;
    }

    struct StoredWork {
        bytes32 fingerprintDigest;
        bytes32 metadataDigest;
        Record record;
    }

    IMemberRegistry private immutable _memberRegistry;
    mapping(bytes32 contentDigest => StoredWork) private _works;
    /// @dev The current holder's member index, once the rights were transferred (0 = the first holder).
    mapping(bytes32 contentDigest => uint24 index) private _transferredTo;
    mapping(bytes32 member => uint24 index) private _memberIndex;
    mapping(uint24 index => bytes32 member) private _memberAt;
    uint24 private _memberCount;

    /// @param memberRegistry_ The MemberRegistry consulted on every registration and transfer.
    constructor(IMemberRegistry memberRegistry_) {
        if (address(memberRegistry_).code.length == 0) {
            revert WorkRegistryInvalidMemberRegistry(address(memberRegistry_));
        }
        _memberRegistry = memberRegistry_;
    }

    // --- writes ---

    /// @inheritdoc IWorkRegistry
    function registerWork(bytes32 contentDigest, bytes32 fingerprintDigest, bytes32 metadataDigest) external {
        Record memory record = _newRecord();
        StoredWork storage w = _works[contentDigest];
        Refusal refusal = _register(w, record, contentDigest, fingerprintDigest, metadataDigest);
        if (refusal == Refusal.INVALID) revert WorkRegistryInvalidDigest(contentDigest);
        if (refusal == Refusal.DUPLICATE) {
            Record memory first = w.record;
            revert WorkRegistryDuplicateContent(contentDigest, _memberAt[first.firstHolder], first.blockNumber);
        }
    }

    /// @inheritdoc IWorkRegistry
    function registerWorks(
        bytes32[] calldata contentDigests,
        bytes32[] calldata fingerprintDigests,
        bytes32[] calldata metadataDigests
    ) external {
        uint256 n = contentDigests.length;
        if (fingerprintDigests.length != n || metadataDigests.length != n) revert WorkRegistryBatchLengthMismatch();
        Record memory record = _newRecord();
        for (uint256 i; i < n; ++i) {
            bytes32 contentDigest = contentDigests[i];
            StoredWork storage w = _works[contentDigest];
            Refusal refusal = _register(w, record, contentDigest, fingerprintDigests[i], metadataDigests[i]);
            if (refusal == Refusal.DUPLICATE) {
                Record memory first = w.record;
                emit WorkRegistrationRefused(
                    contentDigest, _memberAt[first.firstHolder], first.blockNumber, uint8(Refusal.DUPLICATE)
                );
            } else if (refusal == Refusal.INVALID) {
                emit WorkRegistrationRefused(contentDigest, bytes32(0), 0, uint8(Refusal.INVALID));
            }
        }
    }

    /// @inheritdoc IWorkRegistry
    function transferRights(bytes32 contentDigest, bytes32 toMember) external {
        if (!_memberRegistry.hasRole(ConsortiumRoles.RIGHTS_HOLDER, msg.sender)) {
            revert WorkRegistryUnauthorizedRegistrant(msg.sender);
        }
        StoredWork storage w = _works[contentDigest];
        if (w.record.registrant == address(0)) revert WorkRegistryUnknownWork(contentDigest);
        bytes32 member = _memberRegistry.memberOf(msg.sender);
        bytes32 holder = _holder(contentDigest, w.record.firstHolder);
        if (member != holder) revert WorkRegistryNotTheHolder(contentDigest, member);
        if (
            toMember == holder || _memberRegistry.memberStatus(toMember) != IMemberRegistry.MemberStatus.Active
                || !_memberRegistry.hasMemberRole(toMember, ConsortiumRoles.RIGHTS_HOLDER)
        ) revert WorkRegistryInvalidRecipient(toMember);
        _transferredTo[contentDigest] = _indexFor(toMember);
        emit RightsTransferred(contentDigest, holder, toMember);
    }

    // --- views ---

    /// @inheritdoc IWorkRegistry
    function workOf(bytes32 contentDigest) external view returns (Work memory work) {
        StoredWork storage w = _works[contentDigest];
        Record memory r = w.record;
        if (r.registrant == address(0)) return work;
        work = Work({
            contentDigest: contentDigest,
            fingerprintDigest: w.fingerprintDigest,
            metadataDigest: w.metadataDigest,
            holder: _holder(contentDigest, r.firstHolder),
            firstHolder: _memberAt[r.firstHolder],
            registrant: r.registrant,
            blockNumber: r.blockNumber,
            timestamp: r.timestamp
        });
    }

    /// @inheritdoc IWorkRegistry
    function holderOf(bytes32 contentDigest) external view returns (bytes32) {
        Record memory r = _works[contentDigest].record;
        if (r.registrant == address(0)) return bytes32(0);
        return _holder(contentDigest, r.firstHolder);
    }

    /// @inheritdoc IWorkRegistry
    function isRegistered(bytes32 contentDigest) external view returns (bool) {
        return _works[contentDigest].record.registrant != address(0);
    }

    /// @inheritdoc IWorkRegistry
    function memberRegistry() external view returns (address) {
        return address(_memberRegistry);
    }

    // --- internals ---

    /// @dev The record every work of this call gets: the caller (checked once per call), its member's index,
    /// this block.
    function _newRecord() private returns (Record memory record) {
        if (!_memberRegistry.hasRole(ConsortiumRoles.RIGHTS_HOLDER, msg.sender)) {
            revert WorkRegistryUnauthorizedRegistrant(msg.sender);
        }
        if (block.number > type(uint32).max || block.timestamp > type(uint40).max) {
            revert WorkRegistryCapacityExceeded();
        }
        record = Record({
            registrant: msg.sender,
            firstHolder: _indexFor(_memberRegistry.memberOf(msg.sender)),
            // both checked above
            // forge-lint: disable-next-line(unsafe-typecast)
            blockNumber: uint32(block.number),
            // forge-lint: disable-next-line(unsafe-typecast)
            timestamp: uint40(block.timestamp)
        });
    }

    /// @dev Stores one work (or says why not); emits WorkRegistered.
    function _register(
        StoredWork storage w,
        Record memory record,
        bytes32 contentDigest,
        bytes32 fingerprintDigest,
        bytes32 metadataDigest
    ) private returns (Refusal) {
        if (contentDigest == bytes32(0) || fingerprintDigest == bytes32(0) || metadataDigest == bytes32(0)) {
            return Refusal.INVALID;
        }
        if (w.record.registrant != address(0)) return Refusal.DUPLICATE;
        w.fingerprintDigest = fingerprintDigest;
        w.metadataDigest = metadataDigest;
        w.record = record;
        emit WorkRegistered(contentDigest, _memberAt[record.firstHolder], fingerprintDigest, metadataDigest);
        return Refusal.NONE;
    }

    function _holder(bytes32 contentDigest, uint24 firstHolder) private view returns (bytes32) {
        uint24 transferred = _transferredTo[contentDigest];
        return _memberAt[transferred == 0 ? firstHolder : transferred];
    }

    /// @dev A member's index, assigned on first sight (1, 2, ...; 0 is "none").
    function _indexFor(bytes32 member) private returns (uint24 index) {
        index = _memberIndex[member];
        if (index == 0) {
            if (_memberCount == type(uint24).max) revert WorkRegistryCapacityExceeded();
            index = ++_memberCount;
            _memberIndex[member] = index;
            _memberAt[index] = member;
        }
    }
}
