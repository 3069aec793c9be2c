// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {CaseRegistry} from "../src/CaseRegistry.sol";
import {ConsortiumRoles} from "../src/ConsortiumRoles.sol";
import {ICaseRegistry} from "../src/ICaseRegistry.sol";
import {IMemberRegistry} from "../src/IMemberRegistry.sol";
import {CaseFixture} from "./utils/CaseFixture.sol";

contract CaseRegistryTest is CaseFixture {
    bytes32 internal constant CASE = keccak256("HZ-2026-0001");
    bytes32 internal constant AWARD = keccak256("award.pdf");

    function setUp() public {
        _deployCases();
    }

    function _awarded() internal {
        _file(CASE);
        vm.startPrank(hzClerk);
        cases.accept(CASE);
        cases.openEvidence(CASE);
        cases.openHearing(CASE);
        cases.issueAward(CASE, AWARD);
        vm.stopPrank();
    }

    // --- the whole story ---

    function test_ACaseGoesFromFilingToClosingWithTheAwardServedToBothParties() public {
        vm.expectEmit(address(cases));
        emit ICaseRegistry.CaseFiled(CASE, ACME, HZ, NOVA, keccak256(abi.encode("filing", CASE)));
        _file(CASE);
        ICaseRegistry.Case memory c = cases.caseOf(CASE);
        assertEq(uint8(c.status), uint8(ICaseRegistry.CaseStatus.Filed));
        assertEq(c.claimant, ACME);
        assertEq(c.commission, HZ);
        assertEq(c.respondent, NOVA);

        vm.startPrank(hzClerk);
        vm.expectEmit(address(cases));
        emit ICaseRegistry.CaseStatusChanged(
            CASE, ICaseRegistry.CaseStatus.Filed, ICaseRegistry.CaseStatus.Accepted, HZ, bytes32(0), uint64(block.timestamp)
        );
        cases.accept(CASE);
        cases.openEvidence(CASE);
        cases.openHearing(CASE);
        cases.issueAward(CASE, AWARD);
        assertEq(cases.caseOf(CASE).awardHash, AWARD);

        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryAwardNotMadeAvailable.selector, CASE, ACME));
        cases.close(CASE);
        vm.expectEmit(address(cases));
        emit ICaseRegistry.AwardServed(CASE, ACME, ICaseRegistry.ServiceKind.MadeAvailable, AWARD, uint64(block.timestamp));
        cases.recordService(CASE, ACME, ICaseRegistry.ServiceKind.MadeAvailable);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryAwardNotMadeAvailable.selector, CASE, NOVA));
        cases.close(CASE);
        cases.recordService(CASE, NOVA, ICaseRegistry.ServiceKind.MadeAvailable);
        cases.close(CASE);
        // Opening the award is recorded even after closing.
        cases.recordService(CASE, NOVA, ICaseRegistry.ServiceKind.Opened);
        vm.stopPrank();

        assertEq(uint8(cases.caseOf(CASE).status), uint8(ICaseRegistry.CaseStatus.Closed));
        (bool available, bool opened) = cases.serviceOf(CASE, NOVA);
        assertTrue(available && opened);
        (available, opened) = cases.serviceOf(CASE, ACME);
        assertTrue(available && !opened);
    }

    // --- who may do what ---

    function test_RevertWhen_FilingWithoutThePartyRole() public {
        vm.prank(hzClerk);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryUnauthorized.selector, hzClerk, ConsortiumRoles.ODR_PARTY));
        cases.fileCase(CASE, HZ, NOVA, keccak256("x"));
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryUnauthorized.selector, outsider, ConsortiumRoles.ODR_PARTY));
        cases.fileCase(CASE, HZ, NOVA, keccak256("x"));
    }

    function test_RevertWhen_FilingWithSomethingThatIsNotACommission() public {
        vm.prank(acmeLawyer);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidCommission.selector, PIXEL));
        cases.fileCase(CASE, PIXEL, NOVA, keccak256("x"));
    }

    function test_RevertWhen_FilingWithASuspendedCommission() public {
        _suspend(HZ);
        vm.prank(acmeLawyer);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidCommission.selector, HZ));
        cases.fileCase(CASE, HZ, NOVA, keccak256("x"));
    }

    function test_RevertWhen_FilingBadFields() public {
        vm.startPrank(acmeLawyer);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidCaseId.selector, bytes32(0)));
        cases.fileCase(bytes32(0), HZ, NOVA, keccak256("x"));
        vm.expectRevert(ICaseRegistry.CaseRegistryInvalidHash.selector);
        cases.fileCase(CASE, HZ, NOVA, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidRespondent.selector, ACME));
        cases.fileCase(CASE, HZ, ACME, keccak256("x"));
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidRespondent.selector, bytes32(0)));
        cases.fileCase(CASE, HZ, bytes32(0), keccak256("x"));
        cases.fileCase(CASE, HZ, NOVA, keccak256("x"));
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryCaseExists.selector, CASE));
        cases.fileCase(CASE, HZ, NOVA, keccak256("y"));
        vm.stopPrank();
    }

    function test_RevertWhen_AnotherCommissionActs() public {
        _file(CASE);
        vm.prank(szClerk);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryNotTheCommission.selector, CASE, SZ));
        cases.accept(CASE);
    }

    function test_RevertWhen_APartyActsForTheCommission() public {
        _file(CASE);
        vm.prank(acmeLawyer);
        vm.expectRevert(
            abi.encodeWithSelector(ICaseRegistry.CaseRegistryUnauthorized.selector, acmeLawyer, ConsortiumRoles.ODR_COMMISSION)
        );
        cases.accept(CASE);
    }

    function test_RevertWhen_TheRespondentWithdraws() public {
        _file(CASE);
        vm.prank(novaLawyer);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryNotTheClaimant.selector, CASE, NOVA));
        cases.withdraw(CASE, keccak256("no"));
    }

    function test_ASuspendedCommissionCannotAct() public {
        _file(CASE);
        _suspend(HZ);
        vm.prank(hzClerk);
        vm.expectRevert(
            abi.encodeWithSelector(ICaseRegistry.CaseRegistryUnauthorized.selector, hzClerk, ConsortiumRoles.ODR_COMMISSION)
        );
        cases.accept(CASE);
    }

    // --- which steps ---

    function test_RejectionIsFinalAndCarriesItsReason() public {
        _file(CASE);
        vm.startPrank(hzClerk);
        vm.expectRevert(ICaseRegistry.CaseRegistryInvalidHash.selector);
        cases.reject(CASE, bytes32(0));
        cases.reject(CASE, keccak256("no arbitration agreement"));
        vm.expectRevert(
            abi.encodeWithSelector(
                ICaseRegistry.CaseRegistryInvalidTransition.selector,
                CASE,
                ICaseRegistry.CaseStatus.Rejected,
                ICaseRegistry.CaseStatus.Accepted
            )
        );
        cases.accept(CASE);
        vm.stopPrank();
        vm.prank(acmeLawyer);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICaseRegistry.CaseRegistryInvalidTransition.selector,
                CASE,
                ICaseRegistry.CaseStatus.Rejected,
                ICaseRegistry.CaseStatus.Withdrawn
            )
        );
        cases.withdraw(CASE, keccak256("x"));
    }

    function test_TheClaimantWithdrawsBeforeTheAwardButNotAfter() public {
        _file(CASE);
        vm.prank(hzClerk);
        cases.accept(CASE);
        vm.prank(acmeLawyer);
        cases.withdraw(CASE, keccak256("settled"));
        assertEq(uint8(cases.caseOf(CASE).status), uint8(ICaseRegistry.CaseStatus.Withdrawn));

        bytes32 other = keccak256("HZ-2026-0002");
        _file(other);
        vm.startPrank(hzClerk);
        cases.accept(other);
        cases.openEvidence(other);
        cases.openHearing(other);
        cases.issueAward(other, AWARD);
        vm.stopPrank();
        vm.prank(acmeLawyer);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICaseRegistry.CaseRegistryInvalidTransition.selector,
                other,
                ICaseRegistry.CaseStatus.Awarded,
                ICaseRegistry.CaseStatus.Withdrawn
            )
        );
        cases.withdraw(other, keccak256("too late"));
    }

    function test_RevertWhen_SkippingSteps() public {
        _file(CASE);
        vm.startPrank(hzClerk);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICaseRegistry.CaseRegistryInvalidTransition.selector,
                CASE,
                ICaseRegistry.CaseStatus.Filed,
                ICaseRegistry.CaseStatus.Awarded
            )
        );
        cases.issueAward(CASE, AWARD);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICaseRegistry.CaseRegistryInvalidTransition.selector,
                CASE,
                ICaseRegistry.CaseStatus.Filed,
                ICaseRegistry.CaseStatus.Hearing
            )
        );
        cases.openHearing(CASE);
        vm.stopPrank();
    }

    function test_RevertWhen_ServiceIsOutOfOrderOrTwiceOrToAStranger() public {
        _awarded();
        vm.startPrank(hzClerk);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryAwardNotMadeAvailable.selector, CASE, ACME));
        cases.recordService(CASE, ACME, ICaseRegistry.ServiceKind.Opened);
        cases.recordService(CASE, ACME, ICaseRegistry.ServiceKind.MadeAvailable);
        vm.expectRevert(
            abi.encodeWithSelector(
                ICaseRegistry.CaseRegistryAlreadyServed.selector, CASE, ACME, ICaseRegistry.ServiceKind.MadeAvailable
            )
        );
        cases.recordService(CASE, ACME, ICaseRegistry.ServiceKind.MadeAvailable);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryNotAParty.selector, CASE, PIXEL));
        cases.recordService(CASE, PIXEL, ICaseRegistry.ServiceKind.MadeAvailable);
        vm.stopPrank();
    }

    function test_RevertWhen_TheCaseIsUnknown() public {
        vm.prank(hzClerk);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryUnknownCase.selector, CASE));
        cases.accept(CASE);
    }

    function test_RevertWhen_DeployedWithoutARegistry() public {
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidMemberRegistry.selector, address(0xBEEF)));
        new CaseRegistry(IMemberRegistry(address(0xBEEF)));
    }

    // --- fuzz ---

    /// Any account that is not the Hangzhou commission's is refused every commission step.
    function testFuzz_OnlyTheCasesCommissionTakesItsSteps(address actor, uint8 step) public {
        vm.assume(actor != hzClerk);
        _file(CASE);
        vm.startPrank(actor);
        uint8 s = step % 4;
        if (s == 0) {
            vm.expectRevert();
            cases.accept(CASE);
        } else if (s == 1) {
            vm.expectRevert();
            cases.reject(CASE, keccak256("r"));
        } else if (s == 2) {
            vm.expectRevert();
            cases.openEvidence(CASE);
        } else {
            vm.expectRevert();
            cases.issueAward(CASE, AWARD);
        }
        vm.stopPrank();
        assertEq(uint8(cases.caseOf(CASE).status), uint8(ICaseRegistry.CaseStatus.Filed));
    }

    /// The transition table: exactly the documented edges are allowed.
    function testFuzz_TheTransitionTableIsTheDocumentedOne(uint8 a, uint8 b) public view {
        ICaseRegistry.CaseStatus from = ICaseRegistry.CaseStatus(a % 9);
        ICaseRegistry.CaseStatus to = ICaseRegistry.CaseStatus(b % 9);
        assertEq(cases.isAllowed(from, to), _documented(from, to));
    }
}
