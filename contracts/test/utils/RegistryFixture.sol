// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";

import {IMemberRegistry} from "../../src/IMemberRegistry.sol";
import {MemberRegistry} from "../../src/MemberRegistry.sol";

/// @dev Builds a MemberRegistry with three admins and a quorum of two, and passes proposals through it.
abstract contract RegistryFixture is Test {
    bytes32 internal constant ANCHORER = keccak256("ANCHORER");
    bytes32 internal constant COURT = keccak256("member:court");
    bytes32 internal constant BANK = keccak256("member:bank");

    address internal admin1 = makeAddr("admin1");
    address internal admin2 = makeAddr("admin2");
    address internal admin3 = makeAddr("admin3");
    address internal outsider = makeAddr("outsider");
    address internal courtAccount = makeAddr("courtAccount");
    address internal bankAccount = makeAddr("bankAccount");

    MemberRegistry internal registry;

    function _deployRegistry() internal {
        address[] memory initialAdmins = new address[](3);
        initialAdmins[0] = admin1;
        initialAdmins[1] = admin2;
        initialAdmins[2] = admin3;
        registry = new MemberRegistry(initialAdmins, 2);
    }

    /// @dev Proposes as admin1 and approves as admin2, which executes at quorum 2.
    function _pass(IMemberRegistry.Action action, bytes32 memberId, address account, bytes32 role)
        internal
        returns (uint256 proposalId)
    {
        vm.prank(admin1);
        proposalId = registry.propose(action, memberId, account, role);
        vm.prank(admin2);
        registry.approve(proposalId);
    }

    function _admit(bytes32 memberId, address account) internal {
        _pass(IMemberRegistry.Action.AdmitMember, memberId, account, bytes32(0));
    }

    function _grant(bytes32 memberId, bytes32 role) internal {
        _pass(IMemberRegistry.Action.GrantRole, memberId, address(0), role);
    }

    function _propose(IMemberRegistry.Action action, bytes32 memberId, address account, bytes32 role)
        internal
        returns (uint256 proposalId)
    {
        vm.prank(admin1);
        proposalId = registry.propose(action, memberId, account, role);
    }

    function _approveAs(address admin, uint256 proposalId) internal {
        vm.prank(admin);
        registry.approve(proposalId);
    }
}
