// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

import {ConsortiumRoles} from "./ConsortiumRoles.sol";
import {IMemberRegistry} from "./IMemberRegistry.sol";

/// @title MemberRegistry
/// @notice Consortium member organisations, their accounts and roles, governed by a quorum of admins.
/// @dev Every change is a proposal. A proposal is checked when it is created and again when it
/// executes, because another proposal may have changed the state in between; it executes in the
/// transaction whose approval reaches the quorum. Changing the admin set or the quorum starts a new
/// governance epoch and makes all open proposals stale, so approvals from a removed admin, or counted
/// against an older quorum, can never execute anything.
contract MemberRegistry is IMemberRegistry {
    using EnumerableSet for EnumerableSet.AddressSet;
    using EnumerableSet for EnumerableSet.Bytes32Set;

    /// @notice Role of members that may anchor Merkle roots in the AnchorRegistry.
    bytes32 public constant ANCHORER_ROLE = ConsortiumRoles.ANCHORER;

    EnumerableSet.AddressSet private _admins;
    uint256 private _quorum;
    uint64 private _epoch;

    mapping(bytes32 memberId => MemberStatus) private _status;
    mapping(bytes32 memberId => EnumerableSet.AddressSet) private _accounts;
    mapping(bytes32 memberId => EnumerableSet.Bytes32Set) private _roles;
    mapping(address account => bytes32 memberId) private _memberOf;

    uint256 private _proposalCount;
    mapping(uint256 proposalId => Proposal) private _proposals;
    mapping(uint256 proposalId => mapping(address admin => bool)) private _approved;

    modifier onlyAdmin() {
        if (!_admins.contains(msg.sender)) revert MemberRegistryUnauthorizedAdmin(msg.sender);
        _;
    }

    /// @param initialAdmins The first admins; distinct, non-zero.
    /// @param initialQuorum Approvals a proposal needs, 1 <= initialQuorum <= initialAdmins.length.
    constructor(address[] memory initialAdmins, uint256 initialQuorum) {
        for (uint256 i = 0; i < initialAdmins.length; ++i) {
            address admin = initialAdmins[i];
            if (admin == address(0) || !_admins.add(admin)) revert MemberRegistryInvalidAdmin(admin);
            emit AdminAdded(admin);
        }
        if (initialQuorum == 0 || initialQuorum > initialAdmins.length) {
            revert MemberRegistryInvalidQuorum(initialQuorum, initialAdmins.length);
        }
        _quorum = initialQuorum;
        emit QuorumChanged(0, initialQuorum);
    }

    // --- governance ---

    /// @inheritdoc IMemberRegistry
    function propose(Action action, bytes32 memberId, address account, bytes32 role)
        external
        onlyAdmin
        returns (uint256 proposalId)
    {
        // Fields the action does not use must be zero, so an approver sees exactly what changes.
        bool usesMember = action <= Action.ReinstateMember;
        bool usesAccount = action <= Action.RemoveAccount || action == Action.AddAdmin || action == Action.RemoveAdmin;
        bool usesRole = action == Action.GrantRole || action == Action.RevokeRole;
        bool fits = action != Action.ChangeQuorum && (usesMember || memberId == bytes32(0))
            && (usesAccount || account == address(0)) && (usesRole || role == bytes32(0));
        if (!fits) revert MemberRegistryInvalidProposal(action);
        return _create(
            Proposal({
                action: action,
                status: ProposalStatus.Open,
                epoch: _epoch,
                account: account,
                memberId: memberId,
                role: role,
                newQuorum: 0,
                approvals: 0
            })
        );
    }

    /// @inheritdoc IMemberRegistry
    function proposeQuorumChange(uint256 newQuorum) external onlyAdmin returns (uint256 proposalId) {
        return _create(
            Proposal({
                action: Action.ChangeQuorum,
                status: ProposalStatus.Open,
                epoch: _epoch,
                account: address(0),
                memberId: bytes32(0),
                role: bytes32(0),
                newQuorum: newQuorum,
                approvals: 0
            })
        );
    }

    /// @inheritdoc IMemberRegistry
    function approve(uint256 proposalId) external onlyAdmin {
        Proposal storage p = _proposals[proposalId];
        if (p.status == ProposalStatus.None) revert MemberRegistryUnknownProposal(proposalId);
        if (p.status == ProposalStatus.Executed) revert MemberRegistryProposalAlreadyExecuted(proposalId);
        if (p.epoch != _epoch) revert MemberRegistryProposalStale(proposalId);
        if (_approved[proposalId][msg.sender]) revert MemberRegistryAlreadyApproved(proposalId, msg.sender);
        _approve(proposalId, p);
    }

    // --- views ---

    /// @inheritdoc IMemberRegistry
    function hasRole(bytes32 role, address account) external view returns (bool) {
        bytes32 memberId = _memberOf[account];
        return memberId != bytes32(0) && _status[memberId] == MemberStatus.Active && _roles[memberId].contains(role);
    }

    /// @inheritdoc IMemberRegistry
    function memberOf(address account) external view returns (bytes32 memberId) {
        return _memberOf[account];
    }

    /// @inheritdoc IMemberRegistry
    function memberStatus(bytes32 memberId) external view returns (MemberStatus) {
        return _status[memberId];
    }

    /// @inheritdoc IMemberRegistry
    function hasMemberRole(bytes32 memberId, bytes32 role) external view returns (bool) {
        return _roles[memberId].contains(role);
    }

    /// @inheritdoc IMemberRegistry
    function memberRoles(bytes32 memberId) external view returns (bytes32[] memory) {
        return _roles[memberId].values();
    }

    /// @inheritdoc IMemberRegistry
    function memberAccounts(bytes32 memberId) external view returns (address[] memory) {
        return _accounts[memberId].values();
    }

    /// @inheritdoc IMemberRegistry
    function isAdmin(address account) external view returns (bool) {
        return _admins.contains(account);
    }

    /// @inheritdoc IMemberRegistry
    function admins() external view returns (address[] memory) {
        return _admins.values();
    }

    /// @inheritdoc IMemberRegistry
    function quorum() external view returns (uint256) {
        return _quorum;
    }

    /// @inheritdoc IMemberRegistry
    function governanceEpoch() external view returns (uint64) {
        return _epoch;
    }

    /// @inheritdoc IMemberRegistry
    function proposalCount() external view returns (uint256) {
        return _proposalCount;
    }

    /// @inheritdoc IMemberRegistry
    function proposal(uint256 proposalId) external view returns (Proposal memory p) {
        p = _proposals[proposalId];
        if (p.status == ProposalStatus.Open && p.epoch != _epoch) p.status = ProposalStatus.Stale;
    }

    /// @inheritdoc IMemberRegistry
    function hasApproved(uint256 proposalId, address admin) external view returns (bool) {
        return _approved[proposalId][admin];
    }

    // --- internals ---

    function _create(Proposal memory p) private returns (uint256 proposalId) {
        _validate(p);
        proposalId = ++_proposalCount;
        _proposals[proposalId] = p;
        emit ProposalCreated(proposalId, p.action, msg.sender, p.memberId, p.account, p.role, p.newQuorum);
        _approve(proposalId, _proposals[proposalId]);
    }

    function _approve(uint256 proposalId, Proposal storage p) private {
        _approved[proposalId][msg.sender] = true;
        uint256 approvals = ++p.approvals;
        emit ProposalApproved(proposalId, msg.sender, approvals);
        if (approvals < _quorum) return;

        Proposal memory change = p;
        _validate(change);
        p.status = ProposalStatus.Executed;
        emit ProposalExecuted(proposalId, change.action);
        _execute(change);
    }

    /// @dev Reverts with the action's error if `p` cannot be applied to the current state.
    function _validate(Proposal memory p) private view {
        Action action = p.action;
        bytes32 memberId = p.memberId;
        if (action == Action.AdmitMember) {
            if (memberId == bytes32(0)) revert MemberRegistryInvalidMember(memberId);
            if (_status[memberId] != MemberStatus.None) revert MemberRegistryMemberExists(memberId);
            _requireAssignable(p.account);
        } else if (action <= Action.ReinstateMember) {
            MemberStatus status = _status[memberId];
            if (status == MemberStatus.None) revert MemberRegistryUnknownMember(memberId);
            if (action == Action.AddAccount) {
                _requireAssignable(p.account);
            } else if (action == Action.RemoveAccount) {
                if (p.account == address(0) || _memberOf[p.account] != memberId) {
                    revert MemberRegistryAccountNotOfMember(p.account, memberId);
                }
                if (_accounts[memberId].length() == 1) revert MemberRegistryLastAccount(memberId);
            } else if (action == Action.GrantRole) {
                if (p.role == bytes32(0)) revert MemberRegistryInvalidRole(p.role);
                if (_roles[memberId].contains(p.role)) revert MemberRegistryRoleAlreadyGranted(memberId, p.role);
            } else if (action == Action.RevokeRole) {
                if (!_roles[memberId].contains(p.role)) revert MemberRegistryRoleNotGranted(memberId, p.role);
            } else if (action == Action.SuspendMember) {
                if (status != MemberStatus.Active) revert MemberRegistryInvalidMemberStatus(memberId, status);
            } else if (status != MemberStatus.Suspended) {
                revert MemberRegistryInvalidMemberStatus(memberId, status); // ReinstateMember
            }
        } else if (action == Action.AddAdmin) {
            if (p.account == address(0) || _admins.contains(p.account)) revert MemberRegistryInvalidAdmin(p.account);
        } else if (action == Action.RemoveAdmin) {
            if (!_admins.contains(p.account)) revert MemberRegistryUnknownAdmin(p.account);
            // The remaining admins must still be able to reach the quorum.
            if (_admins.length() - 1 < _quorum) revert MemberRegistryInvalidQuorum(_quorum, _admins.length() - 1);
        } else {
            // ChangeQuorum
            if (p.newQuorum == 0 || p.newQuorum > _admins.length()) {
                revert MemberRegistryInvalidQuorum(p.newQuorum, _admins.length());
            }
        }
    }

    function _requireAssignable(address account) private view {
        if (account == address(0)) revert MemberRegistryInvalidAccount(account);
        bytes32 owner = _memberOf[account];
        if (owner != bytes32(0)) revert MemberRegistryAccountAlreadyAssigned(account, owner);
    }

    /// @dev Applies a validated proposal; each change is followed by its event.
    function _execute(Proposal memory p) private {
        Action action = p.action;
        bytes32 memberId = p.memberId;
        if (action == Action.AdmitMember) {
            _status[memberId] = MemberStatus.Active;
            _accounts[memberId].add(p.account);
            _memberOf[p.account] = memberId;
            emit MemberAdmitted(memberId, p.account);
        } else if (action == Action.AddAccount) {
            _accounts[memberId].add(p.account);
            _memberOf[p.account] = memberId;
            emit AccountAdded(memberId, p.account);
        } else if (action == Action.RemoveAccount) {
            _accounts[memberId].remove(p.account);
            delete _memberOf[p.account];
            emit AccountRemoved(memberId, p.account);
        } else if (action == Action.GrantRole) {
            _roles[memberId].add(p.role);
            emit MemberRoleGranted(memberId, p.role);
        } else if (action == Action.RevokeRole) {
            _roles[memberId].remove(p.role);
            emit MemberRoleRevoked(memberId, p.role);
        } else if (action == Action.SuspendMember) {
            _status[memberId] = MemberStatus.Suspended;
            emit MemberSuspended(memberId);
        } else if (action == Action.ReinstateMember) {
            _status[memberId] = MemberStatus.Active;
            emit MemberReinstated(memberId);
        } else if (action == Action.AddAdmin) {
            _admins.add(p.account);
            ++_epoch;
            emit AdminAdded(p.account);
        } else if (action == Action.RemoveAdmin) {
            _admins.remove(p.account);
            ++_epoch;
            emit AdminRemoved(p.account);
        } else {
            uint256 previousQuorum = _quorum;
            _quorum = p.newQuorum;
            ++_epoch;
            emit QuorumChanged(previousQuorum, p.newQuorum);
        }
    }
}
