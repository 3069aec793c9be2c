// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";

import {IMemberRegistry} from "../src/IMemberRegistry.sol";
import {MemberRegistry} from "../src/MemberRegistry.sol";
import {MemberRegistryHandler} from "./handlers/MemberRegistryHandler.sol";

/// @dev Invariants of the proposal state machine under random proposals and approvals.
contract MemberRegistryInvariantTest is Test {
    MemberRegistryHandler internal handler;
    MemberRegistry internal registry;

    function setUp() public {
        handler = new MemberRegistryHandler();
        registry = handler.registry();
        targetContract(address(handler));
    }

    /// A member exists only if an AdmitMember proposal reached the quorum of distinct current admins.
    function invariant_MemberNeverExistsWithoutQuorum() public view {
        bytes32[] memory ids = handler.memberIds();
        for (uint256 i = 0; i < ids.length; ++i) {
            if (registry.memberStatus(ids[i]) != IMemberRegistry.MemberStatus.None) {
                assertTrue(handler.ghostAdmittedByQuorum(ids[i]), "member without a quorate admission");
            }
        }
        assertEq(handler.ghostExecutionsBelowQuorum(), 0, "a proposal executed below quorum");
    }

    /// Every proposal executes at most once, and exactly the executed ones read Executed.
    function invariant_ProposalsExecuteAtMostOnce() public view {
        uint256 count = registry.proposalCount();
        for (uint256 id = 1; id <= count; ++id) {
            uint256 executions = handler.ghostProposal(id).executions;
            assertLe(executions, 1, "proposal executed twice");
            bool executed = registry.proposal(id).status == IMemberRegistry.ProposalStatus.Executed;
            assertEq(executed, executions == 1, "status disagrees with executions");
        }
    }

    /// Only current admins approve, once each, and never a proposal from an older governance epoch.
    function invariant_ApprovalsComeFromCurrentAdminsOnce() public view {
        assertEq(handler.ghostApprovalsByNonAdmins(), 0, "approval by a non-admin");
        assertEq(handler.ghostRepeatedApprovals(), 0, "repeated approval");
        assertEq(handler.ghostStaleApprovals(), 0, "approval of a stale proposal");
    }

    /// An open proposal of the current epoch is always below the quorum (at quorum it would have executed).
    function invariant_OpenProposalsAreBelowQuorum() public view {
        uint256 count = registry.proposalCount();
        uint256 quorum = registry.quorum();
        for (uint256 id = 1; id <= count; ++id) {
            IMemberRegistry.Proposal memory p = registry.proposal(id);
            if (p.status == IMemberRegistry.ProposalStatus.Open) assertLt(p.approvals, quorum);
        }
    }

    /// The admin set and quorum match the model, and the quorum stays reachable.
    function invariant_GovernanceMatchesModel() public view {
        assertEq(registry.quorum(), handler.ghostQuorum());
        assertEq(registry.admins().length, handler.ghostAdminCount());
        assertEq(registry.governanceEpoch(), handler.ghostEpoch());
        address[] memory actors = handler.actors();
        for (uint256 i = 0; i < actors.length; ++i) {
            assertEq(registry.isAdmin(actors[i]), handler.ghostIsAdmin(actors[i]));
        }
        assertGe(registry.quorum(), 1);
        assertLe(registry.quorum(), registry.admins().length);
    }

    /// Account ownership is one-to-one with member account lists, and every member keeps an account.
    function invariant_AccountsMatchMembers() public view {
        address[] memory accounts = handler.accounts();
        for (uint256 i = 0; i < accounts.length; ++i) {
            bytes32 memberId = registry.memberOf(accounts[i]);
            if (memberId == bytes32(0)) continue;
            assertTrue(_contains(registry.memberAccounts(memberId), accounts[i]), "account missing from its member");
        }
        bytes32[] memory ids = handler.memberIds();
        for (uint256 i = 0; i < ids.length; ++i) {
            address[] memory owned = registry.memberAccounts(ids[i]);
            assertEq(owned.length == 0, registry.memberStatus(ids[i]) == IMemberRegistry.MemberStatus.None);
            for (uint256 j = 0; j < owned.length; ++j) {
                assertEq(registry.memberOf(owned[j]), ids[i], "listed account owned by another member");
            }
        }
    }

    function _contains(address[] memory list, address value) private pure returns (bool) {
        for (uint256 i = 0; i < list.length; ++i) {
            if (list[i] == value) return true;
        }
        return false;
    }
}
