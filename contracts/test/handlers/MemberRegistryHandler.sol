// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {Vm} from "forge-std/Vm.sol";

import {IMemberRegistry} from "../../src/IMemberRegistry.sol";
import {MemberRegistry} from "../../src/MemberRegistry.sol";

/// @dev Drives a MemberRegistry with random proposals and approvals from admins and non-admins, and
/// keeps its own model of governance (admins, quorum, epoch, distinct approvals), updated only from
/// the proposals it made and the executions the registry reported. The invariants compare the two.
contract MemberRegistryHandler is Test {
    MemberRegistry public immutable registry;

    address[] internal _actors; // the first three start as admins
    bytes32[] internal _memberIds;
    address[] internal _accounts;
    bytes32[] internal _roles;

    // --- model ---
    mapping(address => bool) public ghostIsAdmin;
    uint256 public ghostAdminCount;
    uint256 public ghostQuorum;
    uint256 public ghostEpoch;

    struct GhostProposal {
        IMemberRegistry.Action action;
        bytes32 memberId;
        address account;
        uint256 newQuorum;
        uint256 epoch;
        uint256 approvals; // distinct approvals by model admins
        uint256 executions;
    }

    mapping(uint256 => GhostProposal) internal _ghost;
    mapping(uint256 => mapping(address => bool)) internal _ghostApproved;
    mapping(bytes32 => bool) public ghostAdmittedByQuorum;

    // Violations seen while driving; each must stay zero.
    uint256 public ghostApprovalsByNonAdmins;
    uint256 public ghostRepeatedApprovals;
    uint256 public ghostStaleApprovals;
    uint256 public ghostExecutionsBelowQuorum;
    uint256 public ghostExecutionCount;

    constructor() {
        for (uint256 i = 0; i < 5; ++i) {
            _actors.push(makeAddr(string.concat("actor", vm.toString(i))));
        }
        for (uint256 i = 0; i < 2; ++i) {
            _memberIds.push(keccak256(abi.encode("member", i)));
        }
        for (uint256 i = 0; i < 4; ++i) {
            _accounts.push(makeAddr(string.concat("account", vm.toString(i))));
        }
        _roles.push(keccak256("ANCHORER"));
        _roles.push(keccak256("ISSUER"));

        address[] memory initialAdmins = new address[](3);
        for (uint256 i = 0; i < 3; ++i) {
            initialAdmins[i] = _actors[i];
            ghostIsAdmin[_actors[i]] = true;
        }
        ghostAdminCount = 3;
        ghostQuorum = 2;
        registry = new MemberRegistry(initialAdmins, 2);
    }

    // --- actions ---

    /// @dev Member actions dominate; admin-set and quorum changes (which stale open proposals) are 3 in 10.
    function propose(uint256 actorSeed, uint256 actionSeed, uint256 memberSeed, uint256 accountSeed, uint256 roleSeed)
        external
    {
        address actor = _pick(_actors, actorSeed);
        IMemberRegistry.Action action = IMemberRegistry.Action(bound(actionSeed, 0, 9));
        if (action == IMemberRegistry.Action.ChangeQuorum) {
            _proposeQuorumChange(actor, bound(roleSeed, 0, 5));
            return;
        }
        bool adminAction = action == IMemberRegistry.Action.AddAdmin || action == IMemberRegistry.Action.RemoveAdmin;
        bool usesAccount = action <= IMemberRegistry.Action.RemoveAccount || adminAction;
        bytes32 memberId =
            action <= IMemberRegistry.Action.ReinstateMember ? _pickId(_memberIds, memberSeed) : bytes32(0);
        address account = usesAccount ? _pick(adminAction ? _actors : _accounts, accountSeed) : address(0);
        bytes32 role = action == IMemberRegistry.Action.GrantRole || action == IMemberRegistry.Action.RevokeRole
            ? _pickId(_roles, roleSeed)
            : bytes32(0);

        vm.recordLogs();
        vm.prank(actor);
        try registry.propose(action, memberId, account, role) returns (uint256 id) {
            _recordCreated(id, action, memberId, account, 0);
            _recordApproval(id, actor);
        } catch {}
        _recordExecutions();
    }

    /// @dev Approves the newest proposal half of the time, any proposal otherwise.
    function approve(uint256 actorSeed, uint256 proposalSeed) external {
        uint256 count = registry.proposalCount();
        if (count == 0) return;
        address actor = _pick(_actors, actorSeed);
        uint256 id = proposalSeed % 2 == 0 ? count : bound(proposalSeed, 1, count);

        vm.recordLogs();
        vm.prank(actor);
        try registry.approve(id) {
            _recordApproval(id, actor);
        } catch {}
        _recordExecutions();
    }

    function _proposeQuorumChange(address actor, uint256 newQuorum) private {
        vm.recordLogs();
        vm.prank(actor);
        try registry.proposeQuorumChange(newQuorum) returns (uint256 id) {
            _recordCreated(id, IMemberRegistry.Action.ChangeQuorum, bytes32(0), address(0), newQuorum);
            _recordApproval(id, actor);
        } catch {}
        _recordExecutions();
    }

    // --- views for the invariants ---

    function ghostProposal(uint256 id) external view returns (GhostProposal memory) {
        return _ghost[id];
    }

    function memberIds() external view returns (bytes32[] memory) {
        return _memberIds;
    }

    function accounts() external view returns (address[] memory) {
        return _accounts;
    }

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    // --- model updates ---

    function _recordCreated(
        uint256 id,
        IMemberRegistry.Action action,
        bytes32 memberId,
        address account,
        uint256 newQuorum
    ) private {
        GhostProposal storage g = _ghost[id];
        g.action = action;
        g.memberId = memberId;
        g.account = account;
        g.newQuorum = newQuorum;
        g.epoch = ghostEpoch;
    }

    function _recordApproval(uint256 id, address actor) private {
        GhostProposal storage g = _ghost[id];
        if (!ghostIsAdmin[actor]) ++ghostApprovalsByNonAdmins;
        if (_ghostApproved[id][actor]) ++ghostRepeatedApprovals;
        if (g.epoch != ghostEpoch) ++ghostStaleApprovals;
        if (ghostIsAdmin[actor] && !_ghostApproved[id][actor] && g.epoch == ghostEpoch) {
            _ghostApproved[id][actor] = true;
            ++g.approvals;
        }
    }

    /// @dev Applies every ProposalExecuted the registry emitted in the last call to the model.
    function _recordExecutions() private {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i = 0; i < logs.length; ++i) {
            if (logs[i].emitter != address(registry) || logs[i].topics[0] != IMemberRegistry.ProposalExecuted.selector)
            {
                continue;
            }
            uint256 id = uint256(logs[i].topics[1]);
            GhostProposal storage g = _ghost[id];
            ++g.executions;
            ++ghostExecutionCount;
            bool quorate = g.approvals >= ghostQuorum;
            if (!quorate) ++ghostExecutionsBelowQuorum;

            if (g.action == IMemberRegistry.Action.AdmitMember && quorate) {
                ghostAdmittedByQuorum[g.memberId] = true;
            } else if (g.action == IMemberRegistry.Action.AddAdmin) {
                ghostIsAdmin[g.account] = true;
                ++ghostAdminCount;
                ++ghostEpoch;
            } else if (g.action == IMemberRegistry.Action.RemoveAdmin) {
                ghostIsAdmin[g.account] = false;
                --ghostAdminCount;
                ++ghostEpoch;
            } else if (g.action == IMemberRegistry.Action.ChangeQuorum) {
                ghostQuorum = g.newQuorum;
                ++ghostEpoch;
            }
        }
    }

    function _pick(address[] storage list, uint256 seed) private view returns (address) {
        return list[bound(seed, 0, list.length - 1)];
    }

    function _pickId(bytes32[] storage list, uint256 seed) private view returns (bytes32) {
        return list[bound(seed, 0, list.length - 1)];
    }
}
