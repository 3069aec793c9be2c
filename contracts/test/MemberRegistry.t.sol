// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {IMemberRegistry} from "../src/IMemberRegistry.sol";
import {MemberRegistry} from "../src/MemberRegistry.sol";
import {RegistryFixture} from "./utils/RegistryFixture.sol";

contract MemberRegistryTest is RegistryFixture {
    IMemberRegistry.Action internal constant ADMIT = IMemberRegistry.Action.AdmitMember;
    IMemberRegistry.Action internal constant ADD_ACCOUNT = IMemberRegistry.Action.AddAccount;
    IMemberRegistry.Action internal constant REMOVE_ACCOUNT = IMemberRegistry.Action.RemoveAccount;
    IMemberRegistry.Action internal constant GRANT = IMemberRegistry.Action.GrantRole;
    IMemberRegistry.Action internal constant REVOKE = IMemberRegistry.Action.RevokeRole;
    IMemberRegistry.Action internal constant SUSPEND = IMemberRegistry.Action.SuspendMember;
    IMemberRegistry.Action internal constant REINSTATE = IMemberRegistry.Action.ReinstateMember;
    IMemberRegistry.Action internal constant ADD_ADMIN = IMemberRegistry.Action.AddAdmin;
    IMemberRegistry.Action internal constant REMOVE_ADMIN = IMemberRegistry.Action.RemoveAdmin;

    function setUp() public {
        _deployRegistry();
    }

    // --- construction ---

    function test_Constructor_SetsAdminsAndQuorum() public view {
        assertTrue(registry.isAdmin(admin1));
        assertTrue(registry.isAdmin(admin2));
        assertTrue(registry.isAdmin(admin3));
        assertFalse(registry.isAdmin(outsider));
        assertEq(registry.admins().length, 3);
        assertEq(registry.quorum(), 2);
        assertEq(registry.governanceEpoch(), 0);
        assertEq(registry.proposalCount(), 0);
    }

    function test_AnchorerRole_IsKeccakOfAnchorer() public view {
        assertEq(registry.ANCHORER_ROLE(), keccak256("ANCHORER"));
    }

    function test_RevertWhen_ConstructorQuorumIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidQuorum.selector, 0, 1));
        new MemberRegistry(_one(admin1), 0);
    }

    function test_RevertWhen_ConstructorQuorumExceedsAdmins() public {
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidQuorum.selector, 2, 1));
        new MemberRegistry(_one(admin1), 2);
    }

    function test_RevertWhen_ConstructorHasDuplicateAdmin() public {
        address[] memory duplicated = new address[](2);
        duplicated[0] = admin1;
        duplicated[1] = admin1;
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidAdmin.selector, admin1));
        new MemberRegistry(duplicated, 1);
    }

    function test_RevertWhen_ConstructorHasZeroAdmin() public {
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidAdmin.selector, address(0)));
        new MemberRegistry(_one(address(0)), 1);
    }

    // --- proposal lifecycle ---

    function test_Propose_CountsProposerApprovalWithoutExecuting() public {
        vm.expectEmit(address(registry));
        emit IMemberRegistry.ProposalCreated(1, ADMIT, admin1, COURT, courtAccount, bytes32(0), 0);
        vm.expectEmit(address(registry));
        emit IMemberRegistry.ProposalApproved(1, admin1, 1);
        uint256 id = _propose(ADMIT, COURT, courtAccount, bytes32(0));

        assertEq(id, 1);
        assertEq(registry.proposalCount(), 1);
        IMemberRegistry.Proposal memory p = registry.proposal(id);
        assertEq(uint8(p.status), uint8(IMemberRegistry.ProposalStatus.Open));
        assertEq(uint8(p.action), uint8(ADMIT));
        assertEq(p.memberId, COURT);
        assertEq(p.account, courtAccount);
        assertEq(p.approvals, 1);
        assertTrue(registry.hasApproved(id, admin1));
        assertFalse(registry.hasApproved(id, admin2));
        assertEq(uint8(registry.memberStatus(COURT)), uint8(IMemberRegistry.MemberStatus.None));
        assertEq(registry.memberOf(courtAccount), bytes32(0));
    }

    function test_Approve_ExecutesAdmitMemberAtQuorum() public {
        uint256 id = _propose(ADMIT, COURT, courtAccount, bytes32(0));

        vm.expectEmit(address(registry));
        emit IMemberRegistry.ProposalApproved(id, admin2, 2);
        vm.expectEmit(address(registry));
        emit IMemberRegistry.ProposalExecuted(id, ADMIT);
        vm.expectEmit(address(registry));
        emit IMemberRegistry.MemberAdmitted(COURT, courtAccount);
        vm.prank(admin2);
        registry.approve(id);

        assertEq(uint8(registry.memberStatus(COURT)), uint8(IMemberRegistry.MemberStatus.Active));
        assertEq(registry.memberOf(courtAccount), COURT);
        address[] memory accounts = registry.memberAccounts(COURT);
        assertEq(accounts.length, 1);
        assertEq(accounts[0], courtAccount);
        assertEq(uint8(registry.proposal(id).status), uint8(IMemberRegistry.ProposalStatus.Executed));
    }

    function test_Propose_ExecutesAtOnceWithQuorumOne() public {
        MemberRegistry solo = new MemberRegistry(_one(admin1), 1);
        vm.prank(admin1);
        uint256 id = solo.propose(ADMIT, COURT, courtAccount, bytes32(0));
        assertEq(uint8(solo.memberStatus(COURT)), uint8(IMemberRegistry.MemberStatus.Active));
        assertEq(uint8(solo.proposal(id).status), uint8(IMemberRegistry.ProposalStatus.Executed));
    }

    function test_RevertWhen_NonAdminProposes() public {
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryUnauthorizedAdmin.selector, outsider));
        vm.prank(outsider);
        registry.propose(ADMIT, COURT, courtAccount, bytes32(0));
    }

    function test_RevertWhen_NonAdminApproves() public {
        uint256 id = _propose(ADMIT, COURT, courtAccount, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryUnauthorizedAdmin.selector, outsider));
        vm.prank(outsider);
        registry.approve(id);
    }

    function test_RevertWhen_AdminApprovesTwice() public {
        uint256 id = _propose(ADMIT, COURT, courtAccount, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryAlreadyApproved.selector, id, admin1));
        vm.prank(admin1);
        registry.approve(id);
    }

    function test_RevertWhen_ApprovingExecutedProposal() public {
        uint256 id = _pass(ADMIT, COURT, courtAccount, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryProposalAlreadyExecuted.selector, id));
        vm.prank(admin3);
        registry.approve(id);
    }

    function test_RevertWhen_ApprovingUnknownProposal() public {
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryUnknownProposal.selector, 7));
        vm.prank(admin1);
        registry.approve(7);
    }

    function test_RevertWhen_ProposalFieldsDoNotFitAction() public {
        vm.startPrank(admin1);
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidProposal.selector, ADD_ADMIN));
        registry.propose(ADD_ADMIN, COURT, outsider, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidProposal.selector, SUSPEND));
        registry.propose(SUSPEND, COURT, address(0), ANCHORER);
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidProposal.selector, GRANT));
        registry.propose(GRANT, COURT, courtAccount, ANCHORER);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMemberRegistry.MemberRegistryInvalidProposal.selector, IMemberRegistry.Action.ChangeQuorum
            )
        );
        registry.propose(IMemberRegistry.Action.ChangeQuorum, bytes32(0), address(0), bytes32(0));
        vm.stopPrank();
    }

    function test_RevertWhen_ExecutionNoLongerValid() public {
        // Two open proposals want the same account for different members; only the first can execute.
        uint256 forCourt = _propose(ADMIT, COURT, courtAccount, bytes32(0));
        uint256 forBank = _propose(ADMIT, BANK, courtAccount, bytes32(0));
        vm.prank(admin2);
        registry.approve(forCourt);

        vm.expectRevert(
            abi.encodeWithSelector(IMemberRegistry.MemberRegistryAccountAlreadyAssigned.selector, courtAccount, COURT)
        );
        vm.prank(admin2);
        registry.approve(forBank);
        assertEq(uint8(registry.memberStatus(BANK)), uint8(IMemberRegistry.MemberStatus.None));
        assertEq(uint8(registry.proposal(forBank).status), uint8(IMemberRegistry.ProposalStatus.Open));
    }

    // --- members and accounts ---

    function test_RevertWhen_AdmittingExistingMember() public {
        _admit(COURT, courtAccount);
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryMemberExists.selector, COURT));
        _propose(ADMIT, COURT, bankAccount, bytes32(0));
    }

    function test_RevertWhen_AdmittingZeroMemberId() public {
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidMember.selector, bytes32(0)));
        _propose(ADMIT, bytes32(0), courtAccount, bytes32(0));
    }

    function test_RevertWhen_AdmittingWithZeroAccount() public {
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidAccount.selector, address(0)));
        _propose(ADMIT, COURT, address(0), bytes32(0));
    }

    function test_RevertWhen_AdmittingWithAccountOfAnotherMember() public {
        _admit(COURT, courtAccount);
        vm.expectRevert(
            abi.encodeWithSelector(IMemberRegistry.MemberRegistryAccountAlreadyAssigned.selector, courtAccount, COURT)
        );
        _propose(ADMIT, BANK, courtAccount, bytes32(0));
    }

    function test_AddAccount_AndRemoveAccount() public {
        _admit(COURT, courtAccount);
        address second = makeAddr("courtSecond");

        uint256 id = _propose(ADD_ACCOUNT, COURT, second, bytes32(0));
        vm.expectEmit(address(registry));
        emit IMemberRegistry.AccountAdded(COURT, second);
        _approveAs(admin2, id);
        assertEq(registry.memberOf(second), COURT);
        assertEq(registry.memberAccounts(COURT).length, 2);

        id = _propose(REMOVE_ACCOUNT, COURT, courtAccount, bytes32(0));
        vm.expectEmit(address(registry));
        emit IMemberRegistry.AccountRemoved(COURT, courtAccount);
        _approveAs(admin2, id);
        assertEq(registry.memberOf(courtAccount), bytes32(0));
        address[] memory accounts = registry.memberAccounts(COURT);
        assertEq(accounts.length, 1);
        assertEq(accounts[0], second);
    }

    function test_RevertWhen_AddingAccountToUnknownMember() public {
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryUnknownMember.selector, BANK));
        _propose(ADD_ACCOUNT, BANK, bankAccount, bytes32(0));
    }

    function test_RevertWhen_RemovingLastAccount() public {
        _admit(COURT, courtAccount);
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryLastAccount.selector, COURT));
        _propose(REMOVE_ACCOUNT, COURT, courtAccount, bytes32(0));
    }

    function test_RevertWhen_RemovingAccountOfAnotherMember() public {
        _admit(COURT, courtAccount);
        _admit(BANK, bankAccount);
        _pass(ADD_ACCOUNT, COURT, makeAddr("courtSecond"), bytes32(0));
        vm.expectRevert(
            abi.encodeWithSelector(IMemberRegistry.MemberRegistryAccountNotOfMember.selector, bankAccount, COURT)
        );
        _propose(REMOVE_ACCOUNT, COURT, bankAccount, bytes32(0));
    }

    // --- roles and status ---

    function test_HasRole_OnlyWhileMemberActiveAndHoldingRole() public {
        _admit(COURT, courtAccount);
        assertFalse(registry.hasRole(ANCHORER, courtAccount));

        uint256 id = _propose(GRANT, COURT, address(0), ANCHORER);
        vm.expectEmit(address(registry));
        emit IMemberRegistry.MemberRoleGranted(COURT, ANCHORER);
        _approveAs(admin2, id);
        assertTrue(registry.hasRole(ANCHORER, courtAccount));
        assertTrue(registry.hasMemberRole(COURT, ANCHORER));
        assertEq(registry.memberRoles(COURT).length, 1);
        assertEq(registry.memberRoles(COURT)[0], ANCHORER);

        id = _propose(SUSPEND, COURT, address(0), bytes32(0));
        vm.expectEmit(address(registry));
        emit IMemberRegistry.MemberSuspended(COURT);
        _approveAs(admin2, id);
        assertEq(uint8(registry.memberStatus(COURT)), uint8(IMemberRegistry.MemberStatus.Suspended));
        assertFalse(registry.hasRole(ANCHORER, courtAccount));
        assertTrue(registry.hasMemberRole(COURT, ANCHORER), "suspension keeps the grant");

        id = _propose(REINSTATE, COURT, address(0), bytes32(0));
        vm.expectEmit(address(registry));
        emit IMemberRegistry.MemberReinstated(COURT);
        _approveAs(admin2, id);
        assertTrue(registry.hasRole(ANCHORER, courtAccount));

        id = _propose(REVOKE, COURT, address(0), ANCHORER);
        vm.expectEmit(address(registry));
        emit IMemberRegistry.MemberRoleRevoked(COURT, ANCHORER);
        _approveAs(admin2, id);
        assertFalse(registry.hasRole(ANCHORER, courtAccount));
        assertEq(registry.memberRoles(COURT).length, 0);
    }

    function test_HasRole_FalseForRemovedAccount() public {
        _admit(COURT, courtAccount);
        _grant(COURT, ANCHORER);
        _pass(ADD_ACCOUNT, COURT, makeAddr("courtSecond"), bytes32(0));
        _pass(REMOVE_ACCOUNT, COURT, courtAccount, bytes32(0));
        assertFalse(registry.hasRole(ANCHORER, courtAccount));
        assertTrue(registry.hasRole(ANCHORER, makeAddr("courtSecond")));
    }

    function test_RevertWhen_GrantingHeldRole() public {
        _admit(COURT, courtAccount);
        _grant(COURT, ANCHORER);
        vm.expectRevert(
            abi.encodeWithSelector(IMemberRegistry.MemberRegistryRoleAlreadyGranted.selector, COURT, ANCHORER)
        );
        _propose(GRANT, COURT, address(0), ANCHORER);
    }

    function test_RevertWhen_GrantingZeroRole() public {
        _admit(COURT, courtAccount);
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidRole.selector, bytes32(0)));
        _propose(GRANT, COURT, address(0), bytes32(0));
    }

    function test_RevertWhen_RevokingMissingRole() public {
        _admit(COURT, courtAccount);
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryRoleNotGranted.selector, COURT, ANCHORER));
        _propose(REVOKE, COURT, address(0), ANCHORER);
    }

    function test_RevertWhen_SuspendingSuspendedMember() public {
        _admit(COURT, courtAccount);
        _pass(SUSPEND, COURT, address(0), bytes32(0));
        vm.expectRevert(
            abi.encodeWithSelector(
                IMemberRegistry.MemberRegistryInvalidMemberStatus.selector,
                COURT,
                IMemberRegistry.MemberStatus.Suspended
            )
        );
        _propose(SUSPEND, COURT, address(0), bytes32(0));
    }

    function test_RevertWhen_ReinstatingActiveMember() public {
        _admit(COURT, courtAccount);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMemberRegistry.MemberRegistryInvalidMemberStatus.selector, COURT, IMemberRegistry.MemberStatus.Active
            )
        );
        _propose(REINSTATE, COURT, address(0), bytes32(0));
    }

    // --- admins and quorum ---

    function test_AddAdmin_NewAdminCanApprove() public {
        address admin4 = makeAddr("admin4");
        uint256 addition = _propose(ADD_ADMIN, bytes32(0), admin4, bytes32(0));
        vm.expectEmit(address(registry));
        emit IMemberRegistry.AdminAdded(admin4);
        _approveAs(admin2, addition);
        assertTrue(registry.isAdmin(admin4));
        assertEq(registry.governanceEpoch(), 1);

        uint256 id = _propose(ADMIT, COURT, courtAccount, bytes32(0));
        vm.prank(admin4);
        registry.approve(id);
        assertEq(uint8(registry.memberStatus(COURT)), uint8(IMemberRegistry.MemberStatus.Active));
    }

    function test_RevertWhen_ApprovingProposalFromBeforeAdminChange() public {
        uint256 stale = _propose(ADMIT, COURT, courtAccount, bytes32(0));
        _pass(REMOVE_ADMIN, bytes32(0), admin3, bytes32(0));

        assertEq(uint8(registry.proposal(stale).status), uint8(IMemberRegistry.ProposalStatus.Stale));
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryProposalStale.selector, stale));
        vm.prank(admin2);
        registry.approve(stale);
    }

    function test_RemoveAdmin_RemovedAdminLosesRights() public {
        uint256 id = _propose(REMOVE_ADMIN, bytes32(0), admin3, bytes32(0));
        vm.expectEmit(address(registry));
        emit IMemberRegistry.AdminRemoved(admin3);
        _approveAs(admin2, id);
        assertFalse(registry.isAdmin(admin3));
        assertEq(registry.admins().length, 2);

        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryUnauthorizedAdmin.selector, admin3));
        vm.prank(admin3);
        registry.propose(ADMIT, COURT, courtAccount, bytes32(0));
    }

    function test_RevertWhen_RemovingAdminWouldMakeQuorumUnreachable() public {
        _pass(REMOVE_ADMIN, bytes32(0), admin3, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidQuorum.selector, 2, 1));
        _propose(REMOVE_ADMIN, bytes32(0), admin2, bytes32(0));
    }

    function test_RevertWhen_RemovingUnknownAdmin() public {
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryUnknownAdmin.selector, outsider));
        _propose(REMOVE_ADMIN, bytes32(0), outsider, bytes32(0));
    }

    function test_RevertWhen_AddingExistingAdmin() public {
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidAdmin.selector, admin2));
        _propose(ADD_ADMIN, bytes32(0), admin2, bytes32(0));
    }

    function test_ChangeQuorum_AppliesToLaterProposals() public {
        vm.prank(admin1);
        uint256 id = registry.proposeQuorumChange(3);
        vm.expectEmit(address(registry));
        emit IMemberRegistry.QuorumChanged(2, 3);
        vm.prank(admin2);
        registry.approve(id);
        assertEq(registry.quorum(), 3);

        uint256 admit = _propose(ADMIT, COURT, courtAccount, bytes32(0));
        vm.prank(admin2);
        registry.approve(admit);
        assertEq(uint8(registry.memberStatus(COURT)), uint8(IMemberRegistry.MemberStatus.None), "2 of 3 is short");
        vm.prank(admin3);
        registry.approve(admit);
        assertEq(uint8(registry.memberStatus(COURT)), uint8(IMemberRegistry.MemberStatus.Active));
    }

    function test_RevertWhen_QuorumChangeOutOfRange() public {
        vm.startPrank(admin1);
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidQuorum.selector, 0, 3));
        registry.proposeQuorumChange(0);
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryInvalidQuorum.selector, 4, 3));
        registry.proposeQuorumChange(4);
        vm.stopPrank();
    }

    // --- fuzz ---

    function testFuzz_RevertWhen_NonAdminProposes(address caller, uint8 actionSeed) public {
        vm.assume(!registry.isAdmin(caller));
        IMemberRegistry.Action action = IMemberRegistry.Action(bound(actionSeed, 0, 8));
        vm.expectRevert(abi.encodeWithSelector(IMemberRegistry.MemberRegistryUnauthorizedAdmin.selector, caller));
        vm.prank(caller);
        registry.propose(action, COURT, courtAccount, bytes32(0));
    }

    /// Any quorum over any admin set: quorum - 1 distinct approvals never execute, the next one does.
    function testFuzz_QuorumNeverExecutesWithFewerApprovals(uint256 adminCount, uint256 quorum) public {
        adminCount = bound(adminCount, 1, 12);
        quorum = bound(quorum, 1, adminCount);
        address[] memory team = new address[](adminCount);
        for (uint256 i = 0; i < adminCount; ++i) {
            team[i] = makeAddr(string.concat("fuzzAdmin", vm.toString(i)));
        }
        MemberRegistry governed = new MemberRegistry(team, quorum);

        vm.prank(team[0]);
        uint256 id = governed.propose(ADMIT, COURT, courtAccount, bytes32(0));
        for (uint256 i = 1; i < quorum; ++i) {
            assertEq(uint8(governed.memberStatus(COURT)), uint8(IMemberRegistry.MemberStatus.None));
            assertEq(uint8(governed.proposal(id).status), uint8(IMemberRegistry.ProposalStatus.Open));
            vm.prank(team[i]);
            governed.approve(id);
        }
        assertEq(uint8(governed.memberStatus(COURT)), uint8(IMemberRegistry.MemberStatus.Active));
        assertEq(governed.proposal(id).approvals, quorum);
    }

    function testFuzz_HasRole_FalseForAccountsOutsideActiveAnchorers(address account, bytes32 role) public {
        vm.assume(account != courtAccount);
        _admit(COURT, courtAccount);
        _grant(COURT, ANCHORER);
        assertFalse(registry.hasRole(role, account));
        assertEq(registry.hasRole(role, courtAccount), role == ANCHORER);
    }

    function testFuzz_RevertWhen_AccountJoinsSecondMember(address account) public {
        vm.assume(account != address(0) && account != courtAccount && account != bankAccount);
        _admit(COURT, courtAccount);
        _admit(BANK, bankAccount);
        _pass(ADD_ACCOUNT, COURT, account, bytes32(0));
        vm.expectRevert(
            abi.encodeWithSelector(IMemberRegistry.MemberRegistryAccountAlreadyAssigned.selector, account, COURT)
        );
        _propose(ADD_ACCOUNT, BANK, account, bytes32(0));
    }

    function _one(address a) private pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }
}
