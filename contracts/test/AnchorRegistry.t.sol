// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {AnchorRegistry} from "../src/AnchorRegistry.sol";
import {IAnchorRegistry} from "../src/IAnchorRegistry.sol";
import {IMemberRegistry} from "../src/IMemberRegistry.sol";
import {RegistryFixture} from "./utils/RegistryFixture.sol";

contract AnchorRegistryTest is RegistryFixture {
    bytes32 internal constant BATCH = keccak256("batch-2026-11-21-0001");
    bytes32 internal constant ROOT = keccak256("merkle-root");

    AnchorRegistry internal anchors;

    function setUp() public {
        _deployRegistry();
        anchors = new AnchorRegistry(registry);
        // The court anchors; the bank is a member without the role.
        _admit(COURT, courtAccount);
        _grant(COURT, ANCHORER);
        _admit(BANK, bankAccount);
    }

    function test_Constructor_KeepsMemberRegistry() public view {
        assertEq(anchors.memberRegistry(), address(registry));
        assertEq(anchors.ANCHORER_ROLE(), registry.ANCHORER_ROLE());
    }

    function test_RevertWhen_MemberRegistryIsNotAContract() public {
        vm.expectRevert(abi.encodeWithSelector(IAnchorRegistry.AnchorRegistryInvalidMemberRegistry.selector, outsider));
        new AnchorRegistry(IMemberRegistry(outsider));
    }

    function test_Anchor_StoresRootWithMemberAndBlock() public {
        vm.roll(4242);
        vm.warp(1_790_000_000);

        vm.expectEmit(address(anchors));
        emit IAnchorRegistry.RootAnchored(BATCH, ROOT, COURT, 17, 1_790_000_000);
        vm.prank(courtAccount);
        anchors.anchor(BATCH, ROOT, 17);

        assertTrue(anchors.isAnchored(BATCH));
        IAnchorRegistry.Anchor memory a = anchors.anchorOf(BATCH);
        assertEq(a.root, ROOT);
        assertEq(a.memberId, COURT);
        assertEq(a.leafCount, 17);
        assertEq(a.blockNumber, 4242);
        assertEq(a.timestamp, 1_790_000_000);
    }

    function test_Anchor_AnyAccountOfAnAnchorerMemberAnchorsForThatMember() public {
        address second = makeAddr("courtSecond");
        _pass(IMemberRegistry.Action.AddAccount, COURT, second, bytes32(0));
        vm.prank(second);
        anchors.anchor(BATCH, ROOT, 1);
        assertEq(anchors.anchorOf(BATCH).memberId, COURT);
    }

    function test_AnchorOf_UnknownBatchIsEmpty() public view {
        assertFalse(anchors.isAnchored(BATCH));
        IAnchorRegistry.Anchor memory a = anchors.anchorOf(BATCH);
        assertEq(a.root, bytes32(0));
        assertEq(a.memberId, bytes32(0));
        assertEq(a.leafCount, 0);
        assertEq(a.blockNumber, 0);
        assertEq(a.timestamp, 0);
    }

    function test_RevertWhen_MemberLacksAnchorerRole() public {
        _expectUnauthorized(bankAccount);
        vm.prank(bankAccount);
        anchors.anchor(BATCH, ROOT, 1);
    }

    function test_RevertWhen_CallerIsNoMember() public {
        _expectUnauthorized(outsider);
        vm.prank(outsider);
        anchors.anchor(BATCH, ROOT, 1);
    }

    function test_RevertWhen_AnchorerMemberIsSuspended() public {
        _pass(IMemberRegistry.Action.SuspendMember, COURT, address(0), bytes32(0));
        _expectUnauthorized(courtAccount);
        vm.prank(courtAccount);
        anchors.anchor(BATCH, ROOT, 1);

        _pass(IMemberRegistry.Action.ReinstateMember, COURT, address(0), bytes32(0));
        vm.prank(courtAccount);
        anchors.anchor(BATCH, ROOT, 1);
        assertTrue(anchors.isAnchored(BATCH));
    }

    function test_RevertWhen_AnchorerRoleWasRevoked() public {
        _pass(IMemberRegistry.Action.RevokeRole, COURT, address(0), ANCHORER);
        _expectUnauthorized(courtAccount);
        vm.prank(courtAccount);
        anchors.anchor(BATCH, ROOT, 1);
    }

    function test_RevertWhen_BatchAlreadyAnchored() public {
        vm.prank(courtAccount);
        anchors.anchor(BATCH, ROOT, 3);

        // Not even another anchoring member, nor the same root, may anchor the id again.
        _grant(BANK, ANCHORER);
        vm.expectRevert(abi.encodeWithSelector(IAnchorRegistry.AnchorRegistryBatchAlreadyAnchored.selector, BATCH));
        vm.prank(bankAccount);
        anchors.anchor(BATCH, ROOT, 3);

        assertEq(anchors.anchorOf(BATCH).memberId, COURT);
    }

    function test_RevertWhen_RootIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IAnchorRegistry.AnchorRegistryInvalidRoot.selector, bytes32(0)));
        vm.prank(courtAccount);
        anchors.anchor(BATCH, bytes32(0), 1);
    }

    function test_RevertWhen_BatchIdIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IAnchorRegistry.AnchorRegistryInvalidBatchId.selector, bytes32(0)));
        vm.prank(courtAccount);
        anchors.anchor(bytes32(0), ROOT, 1);
    }

    function test_RevertWhen_LeafCountIsZero() public {
        vm.expectRevert(abi.encodeWithSelector(IAnchorRegistry.AnchorRegistryInvalidLeafCount.selector, 0));
        vm.prank(courtAccount);
        anchors.anchor(BATCH, ROOT, 0);
    }

    // --- fuzz ---

    function testFuzz_RevertWhen_NonAnchorerAnchors(address caller, bytes32 batchId, bytes32 root, uint32 leafCount)
        public
    {
        vm.assume(caller != courtAccount);
        _expectUnauthorized(caller);
        vm.prank(caller);
        anchors.anchor(batchId, root, leafCount);
        assertFalse(anchors.isAnchored(batchId));
    }

    function testFuzz_Anchor_RecordsAnyValidBatch(bytes32 batchId, bytes32 root, uint32 leafCount, uint64 time) public {
        vm.assume(batchId != bytes32(0) && root != bytes32(0) && leafCount != 0);
        vm.warp(time);
        vm.prank(courtAccount);
        anchors.anchor(batchId, root, leafCount);

        IAnchorRegistry.Anchor memory a = anchors.anchorOf(batchId);
        assertEq(a.root, root);
        assertEq(a.leafCount, leafCount);
        assertEq(a.memberId, COURT);
        assertEq(a.timestamp, time);
    }

    function testFuzz_RevertWhen_ReanchoringAnyBatch(bytes32 batchId, bytes32 root, bytes32 otherRoot, uint32 leafCount)
        public
    {
        vm.assume(batchId != bytes32(0) && root != bytes32(0) && leafCount != 0);
        vm.prank(courtAccount);
        anchors.anchor(batchId, root, leafCount);

        vm.roll(block.number + 1);
        vm.expectRevert(abi.encodeWithSelector(IAnchorRegistry.AnchorRegistryBatchAlreadyAnchored.selector, batchId));
        vm.prank(courtAccount);
        anchors.anchor(batchId, otherRoot, leafCount);
        assertEq(anchors.anchorOf(batchId).root, root, "first root stays");
    }

    function _expectUnauthorized(address account) private {
        vm.expectRevert(abi.encodeWithSelector(IAnchorRegistry.AnchorRegistryUnauthorizedAnchorer.selector, account));
    }
}
