// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Vm} from "forge-std/Vm.sol";

import {ConsortiumRoles} from "../src/ConsortiumRoles.sol";
import {IMemberRegistry} from "../src/IMemberRegistry.sol";
import {IWorkRegistry} from "../src/IWorkRegistry.sol";
import {WorkRegistry} from "../src/WorkRegistry.sol";
import {CopyrightFixture} from "./utils/CopyrightFixture.sol";

contract WorkRegistryTest is CopyrightFixture {
    bytes32 internal constant WORK = keccak256("a news article");

    function setUp() public {
        _deployCopyright();
    }

    function _arrays(uint256 n, uint256 offset)
        internal
        pure
        returns (bytes32[] memory contents, bytes32[] memory fingerprints, bytes32[] memory metadata)
    {
        contents = new bytes32[](n);
        fingerprints = new bytes32[](n);
        metadata = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            contents[i] = _content(offset + i);
            fingerprints[i] = _fingerprint(contents[i]);
            metadata[i] = _metadata(contents[i]);
        }
    }

    // --- construction ---

    function test_TheConstructorRefusesAMemberRegistryThatIsNoContract() public {
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryInvalidMemberRegistry.selector, outsider));
        new WorkRegistry(IMemberRegistry(outsider));
        assertEq(works.memberRegistry(), address(registry));
    }

    // --- registerWork ---

    function test_ARightsHolderRegistersAWorkWithEveryField() public {
        vm.roll(1234);
        vm.warp(T0 + 77);
        vm.expectEmit(address(works));
        emit IWorkRegistry.WorkRegistered(WORK, DAILY, _fingerprint(WORK), _metadata(WORK));
        _register(dailyService, WORK);

        IWorkRegistry.Work memory w = works.workOf(WORK);
        assertEq(w.contentDigest, WORK);
        assertEq(w.fingerprintDigest, _fingerprint(WORK));
        assertEq(w.metadataDigest, _metadata(WORK));
        assertEq(w.holder, DAILY);
        assertEq(w.firstHolder, DAILY);
        assertEq(w.registrant, dailyService);
        assertEq(w.blockNumber, 1234);
        assertEq(w.timestamp, T0 + 77);
        assertEq(works.holderOf(WORK), DAILY);
        assertTrue(works.isRegistered(WORK));
    }

    function test_AnUnregisteredWorkReadsAsZero() public view {
        IWorkRegistry.Work memory w = works.workOf(WORK);
        assertEq(w.contentDigest, bytes32(0));
        assertEq(w.registrant, address(0));
        assertEq(works.holderOf(WORK), bytes32(0));
        assertFalse(works.isRegistered(WORK));
    }

    function test_TheSameContentTwiceIsRefusedNamingTheFirstRegistrant() public {
        vm.roll(500);
        _register(dailyEditor, WORK);
        vm.roll(501);
        vm.expectRevert(
            abi.encodeWithSelector(IWorkRegistry.WorkRegistryDuplicateContent.selector, WORK, DAILY, uint64(500))
        );
        _register(pixelEditor, WORK);
        vm.expectRevert(
            abi.encodeWithSelector(IWorkRegistry.WorkRegistryDuplicateContent.selector, WORK, DAILY, uint64(500))
        );
        _register(dailyService, WORK);
    }

    function test_OnlyAccountsOfActiveRightsHoldersRegister() public {
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryUnauthorizedRegistrant.selector, acmeClerk));
        _register(acmeClerk, WORK);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryUnauthorizedRegistrant.selector, outsider));
        _register(outsider, WORK);
        _suspend(DAILY);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryUnauthorizedRegistrant.selector, dailyEditor));
        _register(dailyEditor, WORK);
        (bytes32[] memory c, bytes32[] memory f, bytes32[] memory m) = _arrays(2, 0);
        vm.prank(dailyEditor);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryUnauthorizedRegistrant.selector, dailyEditor));
        works.registerWorks(c, f, m);
        _reinstate(DAILY);
        _register(dailyEditor, WORK);
        assertEq(works.holderOf(WORK), DAILY);
    }

    function test_ZeroDigestsAreRefused() public {
        vm.startPrank(dailyEditor);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryInvalidDigest.selector, bytes32(0)));
        works.registerWork(bytes32(0), WORK, WORK);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryInvalidDigest.selector, WORK));
        works.registerWork(WORK, bytes32(0), WORK);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryInvalidDigest.selector, WORK));
        works.registerWork(WORK, WORK, bytes32(0));
        vm.stopPrank();
    }

    // --- registerWorks ---

    function test_ABatchRegistersEveryWorkAndRefusesDuplicatesWithoutRevertingTheOthers() public {
        vm.roll(700);
        _register(pixelEditor, _content(1)); // on chain already, by Pixel
        (bytes32[] memory c, bytes32[] memory f, bytes32[] memory m) = _arrays(5, 0);
        c[3] = c[0]; // twice in the batch
        f[3] = f[0];
        m[3] = m[0];
        m[4] = bytes32(0); // invalid
        vm.roll(701);
        vm.expectEmit(address(works));
        emit IWorkRegistry.WorkRegistered(c[0], DAILY, f[0], m[0]);
        vm.expectEmit(address(works));
        emit IWorkRegistry.WorkRegistrationRefused(c[1], PIXEL, 700, uint8(IWorkRegistry.Refusal.DUPLICATE));
        vm.expectEmit(address(works));
        emit IWorkRegistry.WorkRegistered(c[2], DAILY, f[2], m[2]);
        vm.expectEmit(address(works));
        emit IWorkRegistry.WorkRegistrationRefused(c[0], DAILY, 701, uint8(IWorkRegistry.Refusal.DUPLICATE));
        vm.expectEmit(address(works));
        emit IWorkRegistry.WorkRegistrationRefused(c[4], bytes32(0), 0, uint8(IWorkRegistry.Refusal.INVALID));
        vm.prank(dailyEditor);
        works.registerWorks(c, f, m);

        assertEq(works.holderOf(c[0]), DAILY);
        assertEq(works.holderOf(c[1]), PIXEL, "the first registrant keeps the work");
        assertEq(works.holderOf(c[2]), DAILY);
        assertFalse(works.isRegistered(c[4]));
    }

    function test_ABatchWithArraysOfDifferentLengthsReverts() public {
        (bytes32[] memory c, bytes32[] memory f,) = _arrays(3, 0);
        (,, bytes32[] memory m) = _arrays(2, 0);
        vm.prank(dailyEditor);
        vm.expectRevert(IWorkRegistry.WorkRegistryBatchLengthMismatch.selector);
        works.registerWorks(c, f, m);
        (, bytes32[] memory f2,) = _arrays(4, 0);
        (,, m) = _arrays(3, 0);
        vm.prank(dailyEditor);
        vm.expectRevert(IWorkRegistry.WorkRegistryBatchLengthMismatch.selector);
        works.registerWorks(c, f2, m);
    }

    function test_AnEmptyBatchDoesNothing() public {
        bytes32[] memory none = new bytes32[](0);
        vm.prank(dailyEditor);
        works.registerWorks(none, none, none);
    }

    function test_ABatchOfAHundredWorksFitsOneTransaction() public {
        _register(dailyEditor, WORK); // the member has its index already, as after its first registration
        (bytes32[] memory c, bytes32[] memory f, bytes32[] memory m) = _arrays(100, 1000);
        vm.prank(dailyEditor);
        uint256 before = gasleft();
        works.registerWorks(c, f, m);
        uint256 perWork = (before - gasleft()) / 100;
        emit log_named_uint("gas per registered work (batch of 100, execution only)", perWork);
        assertEq(works.holderOf(c[99]), DAILY);
        assertLt(perWork, 75_000);
    }

    function test_GasOfOneRegistration() public {
        _register(dailyEditor, WORK);
        vm.prank(dailyEditor);
        uint256 before = gasleft();
        works.registerWork(_content(9), _fingerprint(_content(9)), _metadata(_content(9)));
        uint256 used = before - gasleft();
        emit log_named_uint("gas of registerWork (execution only)", used);
        assertLt(used, 90_000);
    }

    function testFuzz_EveryContentOnceWhateverTheBatch(uint8 n, uint256 seed) public {
        n = uint8(bound(n, 1, 40));
        (bytes32[] memory c, bytes32[] memory f, bytes32[] memory m) = _arrays(n, 0);
        for (uint256 i; i < n; ++i) {
            c[i] = _content(uint256(keccak256(abi.encode(seed, i))) % 8); // many repeats
            f[i] = _fingerprint(c[i]);
            m[i] = _metadata(c[i]);
        }
        vm.recordLogs();
        vm.prank(dailyEditor);
        works.registerWorks(c, f, m);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 registered;
        uint256 refused;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == IWorkRegistry.WorkRegistered.selector) ++registered;
            if (logs[i].topics[0] == IWorkRegistry.WorkRegistrationRefused.selector) ++refused;
        }
        uint256 distinct;
        for (uint256 k; k < 8; ++k) {
            if (works.isRegistered(_content(k))) {
                ++distinct;
                assertEq(works.holderOf(_content(k)), DAILY);
            }
        }
        assertEq(registered, distinct, "one registration per distinct content");
        assertEq(refused, n - distinct, "every repeat refused");
    }

    // --- transferRights ---

    function test_TheHolderTransfersTheRightsToAnotherRightsHolder() public {
        vm.roll(300);
        _register(dailyEditor, WORK);
        vm.expectEmit(address(works));
        emit IWorkRegistry.RightsTransferred(WORK, DAILY, PIXEL);
        vm.prank(dailyService);
        works.transferRights(WORK, PIXEL);
        IWorkRegistry.Work memory w = works.workOf(WORK);
        assertEq(w.holder, PIXEL);
        assertEq(w.firstHolder, DAILY);
        assertEq(w.registrant, dailyEditor);
        assertEq(w.blockNumber, 300);
        // and back: the first holder is a holder again
        vm.prank(pixelEditor);
        works.transferRights(WORK, DAILY);
        assertEq(works.holderOf(WORK), DAILY);
        vm.prank(dailyEditor);
        works.transferRights(WORK, PIXEL);
        assertEq(works.holderOf(WORK), PIXEL);
        vm.roll(301);
        vm.expectRevert(
            abi.encodeWithSelector(IWorkRegistry.WorkRegistryDuplicateContent.selector, WORK, DAILY, uint64(300))
        );
        _register(pixelEditor, WORK);
    }

    function test_OnlyTheHoldersAccountsTransfer() public {
        _register(dailyEditor, WORK);
        vm.prank(pixelEditor);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryNotTheHolder.selector, WORK, PIXEL));
        works.transferRights(WORK, PIXEL);
        vm.prank(acmeClerk);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryUnauthorizedRegistrant.selector, acmeClerk));
        works.transferRights(WORK, PIXEL);
        _suspend(DAILY);
        vm.prank(dailyEditor);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryUnauthorizedRegistrant.selector, dailyEditor));
        works.transferRights(WORK, PIXEL);
    }

    function test_TheRecipientIsAnotherActiveRightsHolder() public {
        _register(dailyEditor, WORK);
        vm.startPrank(dailyEditor);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryInvalidRecipient.selector, DAILY));
        works.transferRights(WORK, DAILY);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryInvalidRecipient.selector, ACME));
        works.transferRights(WORK, ACME);
        vm.expectRevert(
            abi.encodeWithSelector(IWorkRegistry.WorkRegistryInvalidRecipient.selector, keccak256("nobody"))
        );
        works.transferRights(WORK, keccak256("nobody"));
        vm.stopPrank();
        _suspend(PIXEL);
        vm.prank(dailyEditor);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryInvalidRecipient.selector, PIXEL));
        works.transferRights(WORK, PIXEL);
    }

    function test_AnUnknownWorkCannotBeTransferred() public {
        vm.prank(dailyEditor);
        vm.expectRevert(abi.encodeWithSelector(IWorkRegistry.WorkRegistryUnknownWork.selector, WORK));
        works.transferRights(WORK, PIXEL);
    }

    function test_TheRoleIsKeccakOfItsName() public pure {
        assertEq(ConsortiumRoles.RIGHTS_HOLDER, keccak256("RIGHTS_HOLDER"));
    }
}
