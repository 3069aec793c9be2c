// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "./ConsortiumRoles.sol";
import {ICaseRegistry} from "./ICaseRegistry.sol";
import {IMemberRegistry} from "./IMemberRegistry.sol";

/// @title CaseRegistry
/// @notice Online arbitration cases: filing, acceptance or rejection, evidence, hearing, award,
/// service of the award and closing, or withdrawal — only the allowed steps, by the allowed member.
contract CaseRegistry is ICaseRegistry {
    IMemberRegistry private immutable _memberRegistry;
    mapping(bytes32 caseId => Case) private _cases;
    mapping(bytes32 caseId => mapping(bytes32 party => uint8 flags)) private _service;

    uint8 private constant MADE_AVAILABLE = 1;
    uint8 private constant OPENED = 2;

    /// @inheritdoc ICaseRegistry
    uint256 public constant MAX_CITATIONS = 128;

    constructor(IMemberRegistry memberRegistry_) {
        if (address(memberRegistry_).code.length == 0) revert CaseRegistryInvalidMemberRegistry(address(memberRegistry_));
        _memberRegistry = memberRegistry_;
    }

    /// @inheritdoc ICaseRegistry
    function fileCase(bytes32 caseId, bytes32 commission, bytes32 respondent, bytes32 caseHash) external {
        _file(caseId, commission, respondent, caseHash);
    }

    /// @inheritdoc ICaseRegistry
    function fileCaseCiting(
        bytes32 caseId,
        bytes32 commission,
        bytes32 respondent,
        bytes32 caseHash,
        bytes32[] calldata txHashes,
        uint32[] calldata logIndexes
    ) external {
        uint256 count = txHashes.length;
        if (count == 0 || count > MAX_CITATIONS) revert CaseRegistryInvalidCitationCount(count, MAX_CITATIONS);
        if (logIndexes.length != count) revert CaseRegistryCitationLengthMismatch(count, logIndexes.length);
        _file(caseId, commission, respondent, caseHash);
        for (uint256 i = 0; i < count; ++i) {
            if (txHashes[i] == bytes32(0)) revert CaseRegistryInvalidCitation(i);
            emit CaseEvidenceCited(caseId, txHashes[i], logIndexes[i]);
        }
    }

    /// @inheritdoc ICaseRegistry
    function accept(bytes32 caseId) external {
        _commissionStep(caseId, CaseStatus.Accepted, bytes32(0));
    }

    /// @inheritdoc ICaseRegistry
    function reject(bytes32 caseId, bytes32 reasonHash) external {
        if (reasonHash == bytes32(0)) revert CaseRegistryInvalidHash();
        _commissionStep(caseId, CaseStatus.Rejected, reasonHash);
    }

    /// @inheritdoc ICaseRegistry
    function openEvidence(bytes32 caseId) external {
        _commissionStep(caseId, CaseStatus.Evidence, bytes32(0));
    }

    /// @inheritdoc ICaseRegistry
    function openHearing(bytes32 caseId) external {
        _commissionStep(caseId, CaseStatus.Hearing, bytes32(0));
    }

    /// @inheritdoc ICaseRegistry
    function issueAward(bytes32 caseId, bytes32 awardHash) external {
        if (awardHash == bytes32(0)) revert CaseRegistryInvalidHash();
        _commissionStep(caseId, CaseStatus.Awarded, awardHash);
        _cases[caseId].awardHash = awardHash;
    }

    /// @inheritdoc ICaseRegistry
    function recordService(bytes32 caseId, bytes32 party, ServiceKind kind) external {
        (Case storage c,) = _byCommission(caseId);
        if (c.status != CaseStatus.Awarded && !(c.status == CaseStatus.Closed && kind == ServiceKind.Opened)) {
            revert CaseRegistryInvalidTransition(caseId, c.status, c.status);
        }
        if (party != c.claimant && party != c.respondent) revert CaseRegistryNotAParty(caseId, party);
        uint8 flags = _service[caseId][party];
        uint8 flag = kind == ServiceKind.MadeAvailable ? MADE_AVAILABLE : OPENED;
        if (flags & flag != 0) revert CaseRegistryAlreadyServed(caseId, party, kind);
        if (kind == ServiceKind.Opened && flags & MADE_AVAILABLE == 0) revert CaseRegistryAwardNotMadeAvailable(caseId, party);
        _service[caseId][party] = flags | flag;
        emit AwardServed(caseId, party, kind, c.awardHash, uint64(block.timestamp));
    }

    /// @inheritdoc ICaseRegistry
    function close(bytes32 caseId) external {
        (Case storage c, bytes32 member) = _byCommission(caseId);
        if (!isAllowed(c.status, CaseStatus.Closed)) revert CaseRegistryInvalidTransition(caseId, c.status, CaseStatus.Closed);
        if (_service[caseId][c.claimant] & MADE_AVAILABLE == 0) revert CaseRegistryAwardNotMadeAvailable(caseId, c.claimant);
        if (_service[caseId][c.respondent] & MADE_AVAILABLE == 0) {
            revert CaseRegistryAwardNotMadeAvailable(caseId, c.respondent);
        }
        _transition(caseId, c, CaseStatus.Closed, member, bytes32(0));
    }

    /// @inheritdoc ICaseRegistry
    function withdraw(bytes32 caseId, bytes32 reasonHash) external {
        Case storage c = _existing(caseId);
        bytes32 member = _memberWithRole(ConsortiumRoles.ODR_PARTY);
        if (member != c.claimant) revert CaseRegistryNotTheClaimant(caseId, member);
        _transition(caseId, c, CaseStatus.Withdrawn, member, reasonHash);
    }

    /// @inheritdoc ICaseRegistry
    function caseOf(bytes32 caseId) external view returns (Case memory) {
        return _cases[caseId];
    }

    /// @inheritdoc ICaseRegistry
    function serviceOf(bytes32 caseId, bytes32 party) external view returns (bool madeAvailable, bool opened) {
        uint8 flags = _service[caseId][party];
        return (flags & MADE_AVAILABLE != 0, flags & OPENED != 0);
    }

    /// @inheritdoc ICaseRegistry
    function isAllowed(CaseStatus from, CaseStatus to) public pure returns (bool) {
        if (from == CaseStatus.Filed) {
            return to == CaseStatus.Accepted || to == CaseStatus.Rejected || to == CaseStatus.Withdrawn;
        }
        if (from == CaseStatus.Accepted) return to == CaseStatus.Evidence || to == CaseStatus.Withdrawn;
        if (from == CaseStatus.Evidence) return to == CaseStatus.Hearing || to == CaseStatus.Withdrawn;
        if (from == CaseStatus.Hearing) return to == CaseStatus.Awarded || to == CaseStatus.Withdrawn;
        if (from == CaseStatus.Awarded) return to == CaseStatus.Closed;
        return false;
    }

    /// @inheritdoc ICaseRegistry
    function memberRegistry() external view returns (address) {
        return address(_memberRegistry);
    }

    function _file(bytes32 caseId, bytes32 commission, bytes32 respondent, bytes32 caseHash) private {
        bytes32 claimant = _memberWithRole(ConsortiumRoles.ODR_PARTY);
        if (caseId == bytes32(0)) revert CaseRegistryInvalidCaseId(caseId);
        if (_cases[caseId].status != CaseStatus.None) revert CaseRegistryCaseExists(caseId);
        if (caseHash == bytes32(0)) revert CaseRegistryInvalidHash();
        if (
            _memberRegistry.memberStatus(commission) != IMemberRegistry.MemberStatus.Active
                || !_memberRegistry.hasMemberRole(commission, ConsortiumRoles.ODR_COMMISSION)
        ) revert CaseRegistryInvalidCommission(commission);
        if (respondent == bytes32(0) || respondent == claimant || respondent == commission) {
            revert CaseRegistryInvalidRespondent(respondent);
        }
        uint64 now_ = uint64(block.timestamp);
        _cases[caseId] = Case({
            status: CaseStatus.Filed,
            claimant: claimant,
            commission: commission,
            respondent: respondent,
            caseHash: caseHash,
            awardHash: bytes32(0),
            filedAt: now_,
            updatedAt: now_
        });
        emit CaseFiled(caseId, claimant, commission, respondent, caseHash);
        emit CaseStatusChanged(caseId, CaseStatus.None, CaseStatus.Filed, claimant, caseHash, now_);
    }

    function _commissionStep(bytes32 caseId, CaseStatus to, bytes32 dataHash) private {
        (Case storage c, bytes32 member) = _byCommission(caseId);
        _transition(caseId, c, to, member, dataHash);
    }

    /// @dev The case, when the sender is an account of its commission (active, with the commission role).
    function _byCommission(bytes32 caseId) private view returns (Case storage c, bytes32 member) {
        c = _existing(caseId);
        member = _memberWithRole(ConsortiumRoles.ODR_COMMISSION);
        if (member != c.commission) revert CaseRegistryNotTheCommission(caseId, member);
    }

    function _transition(bytes32 caseId, Case storage c, CaseStatus to, bytes32 actor, bytes32 dataHash) private {
        CaseStatus from = c.status;
        if (!isAllowed(from, to)) revert CaseRegistryInvalidTransition(caseId, from, to);
        uint64 now_ = uint64(block.timestamp);
        c.status = to;
        c.updatedAt = now_;
        emit CaseStatusChanged(caseId, from, to, actor, dataHash, now_);
    }

    function _existing(bytes32 caseId) private view returns (Case storage c) {
        c = _cases[caseId];
        if (c.status == CaseStatus.None) revert CaseRegistryUnknownCase(caseId);
    }

    /// @dev The sender's member, which must be active and hold the role.
    function _memberWithRole(bytes32 role) private view returns (bytes32) {
        if (!_memberRegistry.hasRole(role, msg.sender)) revert CaseRegistryUnauthorized(msg.sender, role);
        return _memberRegistry.memberOf(msg.sender);
    }
}
