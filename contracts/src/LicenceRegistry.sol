// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "./ConsortiumRoles.sol";
import {ILicenceRegistry} from "./ILicenceRegistry.sol";
import {IMemberRegistry} from "./IMemberRegistry.sol";
import {IWorkRegistry} from "./IWorkRegistry.sol";

/// @title LicenceRegistry
/// @notice Licences for registered works with their full history: grants and revocations are recorded,
/// never edited, so that `licenceAt` answers for any past block exactly as it would have at that block.
/// @dev Per key (work, licensee): the licence ids in order of grant (at most MAX_LICENCES_PER_KEY, which bounds
/// every scan) and the hash-chain log (head and block after each event; at most twice that many entries).
contract LicenceRegistry is ILicenceRegistry {
    /// @notice Kind of use: the whole work reprinted.
    uint32 public constant USE_FULL_REPRINT = 1;
    /// @notice Kind of use: an excerpt.
    uint32 public constant USE_EXCERPT = 2;
    /// @notice Kind of use: images of the work reused.
    uint32 public constant USE_IMAGE_REUSE = 4;
    /// @notice Kind of use: an adaptation (rewriting, translation, summary).
    uint32 public constant USE_ADAPTATION = 8;
    /// @notice Channel: online (web, apps, social media).
    uint32 public constant CHANNEL_ONLINE = 16;
    /// @notice Channel: print.
    uint32 public constant CHANNEL_PRINT = 32;
    /// @notice Territory that covers every other: `bytes32("*")`.
    // a one-character literal, left-aligned
    // forge-lint: disable-next-line(unsafe-typecast)
    bytes32 public constant WORLDWIDE = bytes32("*");
    /// @notice The most licences one work and licensee can have; `licenceAt` scans no more than this.
    uint256 public constant MAX_LICENCES_PER_KEY = 64;

    uint32 private constant KINDS = USE_FULL_REPRINT | USE_EXCERPT | USE_IMAGE_REUSE | USE_ADAPTATION;
    uint32 private constant CHANNELS = CHANNEL_ONLINE | CHANNEL_PRINT;
    uint8 private constant GRANTED = 1;
    uint8 private constant REVOKED = 2;

    /// @dev The period and grant block of a licence: one slot.
    struct Terms {
        uint32 uses;
        uint64 validFrom;
        uint64 validUntil;
        uint64 grantedBlock;
    }

    /// @dev The grant time and the revocation: one slot.
    struct Revocation {
        uint64 grantedAt;
        uint64 revokedBlock;
        uint64 effectiveAt;
    }

    struct StoredLicence {
        bytes32 work;
        bytes32 licensee;
        bytes32 licensor;
        bytes32 territory;
        bytes32 termsDigest;
        Terms terms;
        Revocation revocation;
    }

    /// @dev A hash-chain head and the block of the event that produced it.
    struct Entry {
        bytes32 head;
        uint64 blockNumber;
    }

    /// @dev The fields one event hashes into the chain (abi.encode of it is the flat encoding of its fields).
    struct Version {
        bytes32 licenceId;
        bytes32 work;
        bytes32 licensee;
        bytes32 licensor;
        uint32 uses;
        bytes32 territory;
        uint64 validFrom;
        uint64 validUntil;
        bytes32 termsDigest;
        uint64 effectiveAt;
        uint256 blockNumber;
    }

    IMemberRegistry private immutable _memberRegistry;
    IWorkRegistry private immutable _workRegistry;
    mapping(bytes32 licenceId => StoredLicence) private _licences;
    mapping(bytes32 key => bytes32[] licenceIds) private _keyLicences;
    mapping(bytes32 key => Entry[]) private _log;

    /// @param memberRegistry_ The MemberRegistry consulted on every grant and revocation.
    /// @param workRegistry_ The WorkRegistry that says who holds each work.
    constructor(IMemberRegistry memberRegistry_, IWorkRegistry workRegistry_) {
        if (address(memberRegistry_).code.length == 0) revert LicenceRegistryInvalidRegistry(address(memberRegistry_));
        if (address(workRegistry_).code.length == 0) revert LicenceRegistryInvalidRegistry(address(workRegistry_));
        _memberRegistry = memberRegistry_;
        _workRegistry = workRegistry_;
    }

    // --- writes ---

    /// @inheritdoc ILicenceRegistry
    function grant(
        bytes32 licenceId,
        bytes32 work,
        bytes32 licensee,
        uint32 uses,
        bytes32 territory,
        uint64 validFrom,
        uint64 validUntil,
        bytes32 termsDigest
    ) external {
        if (!_memberRegistry.hasRole(ConsortiumRoles.RIGHTS_HOLDER, msg.sender)) {
            revert LicenceRegistryUnauthorized(msg.sender);
        }
        bytes32 licensor = _memberRegistry.memberOf(msg.sender);
        bytes32 holder = _workRegistry.holderOf(work);
        if (holder == bytes32(0)) revert LicenceRegistryUnknownWork(work);
        if (holder != licensor) revert LicenceRegistryNotTheHolder(work, licensor);
        if (licenceId == bytes32(0)) revert LicenceRegistryInvalidLicenceId(licenceId);
        if (_licences[licenceId].work != bytes32(0)) revert LicenceRegistryLicenceExists(licenceId);
        if (licensee == licensor || _memberRegistry.memberStatus(licensee) != IMemberRegistry.MemberStatus.Active) {
            revert LicenceRegistryInvalidLicensee(licensee);
        }
        if (uses & ~(KINDS | CHANNELS) != 0 || uses & KINDS == 0 || uses & CHANNELS == 0) {
            revert LicenceRegistryInvalidUses(uses);
        }
        _requireTerritory(territory);
        if (validFrom >= validUntil) revert LicenceRegistryInvalidPeriod(validFrom, validUntil);
        if (termsDigest == bytes32(0)) revert LicenceRegistryInvalidTerms();

        bytes32 key = _key(work, licensee);
        bytes32[] storage ids = _keyLicences[key];
        if (ids.length >= MAX_LICENCES_PER_KEY) {
            revert LicenceRegistryTooManyLicences(work, licensee, MAX_LICENCES_PER_KEY);
        }
        _requireNoOverlap(ids, uses, territory, validFrom, validUntil);

        StoredLicence storage l = _licences[licenceId];
        l.work = work;
        l.licensee = licensee;
        l.licensor = licensor;
        l.territory = territory;
        l.termsDigest = termsDigest;
        l.terms = Terms({uses: uses, validFrom: validFrom, validUntil: validUntil, grantedBlock: uint64(block.number)});
        l.revocation = Revocation({grantedAt: uint64(block.timestamp), revokedBlock: 0, effectiveAt: 0});
        ids.push(licenceId);

        _emitGranted(_version(licenceId, l, 0), key);
    }

    /// @inheritdoc ILicenceRegistry
    function revoke(bytes32 licenceId, uint64 effectiveAt) external {
        StoredLicence storage l = _licences[licenceId];
        if (l.work == bytes32(0)) revert LicenceRegistryUnknownLicence(licenceId);
        bytes32 member = _memberRegistry.memberOf(msg.sender);
        if (member == bytes32(0) || _memberRegistry.memberStatus(member) != IMemberRegistry.MemberStatus.Active) {
            revert LicenceRegistryUnauthorized(msg.sender);
        }
        if (member != l.licensor) revert LicenceRegistryNotTheLicensor(licenceId, member);
        Revocation memory r = l.revocation;
        if (r.revokedBlock != 0) revert LicenceRegistryAlreadyRevoked(licenceId, r.effectiveAt);
        uint64 now_ = uint64(block.timestamp);
        if (effectiveAt == 0) effectiveAt = now_;
        uint64 validUntil = l.terms.validUntil;
        if (effectiveAt < now_ || effectiveAt >= validUntil) {
            revert LicenceRegistryInvalidEffectiveTime(effectiveAt, now_, validUntil);
        }
        l.revocation =
            Revocation({grantedAt: r.grantedAt, revokedBlock: uint64(block.number), effectiveAt: effectiveAt});

        Version memory v = _version(licenceId, l, effectiveAt);
        bytes32 head = _append(_key(v.work, v.licensee), REVOKED, v);
        _emitRevoked(v, head);
    }

    // --- views ---

    /// @inheritdoc ILicenceRegistry
    function licenceAt(bytes32 licensee, bytes32 work, uint32 use, bytes32 territory, uint64 time, uint256 asOfBlock)
        external
        view
        returns (bool valid, bytes32 licenceId)
    {
        if (use == 0 || use & ~(KINDS | CHANNELS) != 0) revert LicenceRegistryInvalidUses(use);
        _requireTerritory(territory);
        if (asOfBlock > block.number) revert LicenceRegistryFutureBlock(asOfBlock, block.number);
        bytes32[] storage ids = _keyLicences[_key(work, licensee)];
        uint256 n = ids.length;
        for (uint256 i; i < n; ++i) {
            bytes32 id = ids[i];
            StoredLicence storage l = _licences[id];
            Terms memory t = l.terms;
            if (t.grantedBlock > asOfBlock) break; // ids are in order of grant, so are their blocks
            if (t.uses & use != use || time < t.validFrom || time >= t.validUntil) continue;
            if (!_covers(l.territory, territory)) continue;
            Revocation memory r = l.revocation;
            if (r.revokedBlock != 0 && r.revokedBlock <= asOfBlock && time >= r.effectiveAt) continue;
            return (true, id);
        }
        return (false, bytes32(0));
    }

    /// @inheritdoc ILicenceRegistry
    function licenceOf(bytes32 licenceId) external view returns (Licence memory licence) {
        StoredLicence storage l = _licences[licenceId];
        if (l.work == bytes32(0)) return licence;
        Terms memory t = l.terms;
        Revocation memory r = l.revocation;
        licence = Licence({
            licenceId: licenceId,
            work: l.work,
            licensee: l.licensee,
            licensor: l.licensor,
            uses: t.uses,
            territory: l.territory,
            validFrom: t.validFrom,
            validUntil: t.validUntil,
            termsDigest: l.termsDigest,
            grantedBlock: t.grantedBlock,
            grantedAt: r.grantedAt,
            revokedBlock: r.revokedBlock,
            effectiveAt: r.effectiveAt
        });
    }

    /// @inheritdoc ILicenceRegistry
    function licencesOf(bytes32 work, bytes32 licensee) external view returns (bytes32[] memory) {
        return _keyLicences[_key(work, licensee)];
    }

    /// @inheritdoc ILicenceRegistry
    function headOf(bytes32 work, bytes32 licensee) external view returns (bytes32 head, uint256 events) {
        Entry[] storage log = _log[_key(work, licensee)];
        events = log.length;
        if (events != 0) head = log[events - 1].head;
    }

    /// @inheritdoc ILicenceRegistry
    function headAt(bytes32 work, bytes32 licensee, uint256 asOfBlock)
        external
        view
        returns (bytes32 head, uint256 events)
    {
        Entry[] storage log = _log[_key(work, licensee)];
        // the number of entries with blockNumber <= asOfBlock (blocks are non-decreasing): binary search
        uint256 lo;
        uint256 hi = log.length;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            if (log[mid].blockNumber <= asOfBlock) lo = mid + 1;
            else hi = mid;
        }
        events = lo;
        if (events != 0) head = log[events - 1].head;
    }

    /// @inheritdoc ILicenceRegistry
    function memberRegistry() external view returns (address) {
        return address(_memberRegistry);
    }

    /// @inheritdoc ILicenceRegistry
    function workRegistry() external view returns (address) {
        return address(_workRegistry);
    }

    // --- internals ---

    function _key(bytes32 work, bytes32 licensee) private pure returns (bytes32) {
        return keccak256(abi.encode(work, licensee));
    }

    function _version(bytes32 licenceId, StoredLicence storage l, uint64 effectiveAt)
        private
        view
        returns (Version memory v)
    {
        Terms memory t = l.terms;
        v = Version({
            licenceId: licenceId,
            work: l.work,
            licensee: l.licensee,
            licensor: l.licensor,
            uses: t.uses,
            territory: l.territory,
            validFrom: t.validFrom,
            validUntil: t.validUntil,
            termsDigest: l.termsDigest,
            effectiveAt: effectiveAt,
            blockNumber: block.number
        });
    }

    /// @dev head' = keccak256(abi.encode(head, kind, version fields...)), appended to the key's log.
    function _append(bytes32 key, uint8 kind, Version memory v) private returns (bytes32 head) {
        Entry[] storage log = _log[key];
        uint256 n = log.length;
        bytes32 previous = n == 0 ? bytes32(0) : log[n - 1].head;
        head = keccak256(abi.encode(previous, kind, v));
        log.push(Entry({head: head, blockNumber: uint64(block.number)}));
    }

    function _emitGranted(Version memory v, bytes32 key) private {
        bytes32 head = _append(key, GRANTED, v);
        emit LicenceGranted(
            v.licenceId,
            v.work,
            v.licensee,
            v.licensor,
            v.uses,
            v.territory,
            v.validFrom,
            v.validUntil,
            v.termsDigest,
            head
        );
    }

    function _emitRevoked(Version memory v, bytes32 head) private {
        emit LicenceRevoked(
            v.licenceId,
            v.work,
            v.licensee,
            v.licensor,
            v.uses,
            v.territory,
            v.validFrom,
            v.validUntil,
            v.termsDigest,
            v.effectiveAt,
            head
        );
    }

    /// @dev Reverts LicenceRegistryOverlappingLicence for the first licence of the key that shares a use, a
    /// territory and part of the period (up to its revocation's effective time) with the new one.
    function _requireNoOverlap(
        bytes32[] storage ids,
        uint32 uses,
        bytes32 territory,
        uint64 validFrom,
        uint64 validUntil
    ) private view {
        uint256 n = ids.length;
        for (uint256 i; i < n; ++i) {
            bytes32 id = ids[i];
            StoredLicence storage l = _licences[id];
            Terms memory t = l.terms;
            if (t.uses & uses & KINDS == 0 || t.uses & uses & CHANNELS == 0) continue;
            uint64 end = t.validUntil;
            Revocation memory r = l.revocation;
            if (r.revokedBlock != 0 && r.effectiveAt < end) end = r.effectiveAt;
            if (validFrom >= end || t.validFrom >= validUntil) continue;
            bytes32 other = l.territory;
            if (_covers(other, territory) || _covers(territory, other)) revert LicenceRegistryOverlappingLicence(id);
        }
    }

    /// @dev Whether a licence's territory covers a use's: WORLDWIDE covers all; a code covers itself and its
    /// subdivisions ("CN" covers "CN-BJ": the same leading bytes followed by '-').
    function _covers(bytes32 licensed, bytes32 used) private pure returns (bool) {
        if (licensed == WORLDWIDE || licensed == used) return true;
        uint256 len = _length(licensed);
        if (len >= 32) return false;
        // forge-lint: disable-next-line(incorrect-shift)
        bytes32 prefix = used & ~bytes32(type(uint256).max >> (8 * len));
        return prefix == licensed && used[len] == "-";
    }

    /// @dev The number of leading non-zero bytes.
    function _length(bytes32 code) private pure returns (uint256 len) {
        while (len < 32 && code[len] != 0) ++len;
    }

    /// @dev Non-zero, printable ASCII (0x21..0x7e) from the left, zero after the code.
    function _requireTerritory(bytes32 territory) private pure {
        uint256 len = _length(territory);
        if (len == 0 || (len < 32 && uint256(territory) << (8 * len) != 0)) {
            revert LicenceRegistryInvalidTerritory(territory);
        }
        for (uint256 i; i < len; ++i) {
            bytes1 c = territory[i];
            if (c < 0x21 || c > 0x7e) revert LicenceRegistryInvalidTerritory(territory);
        }
    }
}
