// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {ERC3525BaseMock} from "@solvprotocol/erc-3525/mocks/ERC3525BaseMock.sol";
import {ERC3525ReceiverMock} from "@solvprotocol/erc-3525/mocks/ERC3525ReceiverMock.sol";
import {NonReceiverMock} from "@solvprotocol/erc-3525/mocks/NonReceiverMock.sol";

import {IERC3525} from "../src/IERC3525.sol";
import {ERC3525CoreHarness} from "./harness/ERC3525CoreHarness.sol";
import {ReceivableTokenHarness} from "./harness/ReceivableTokenHarness.sol";
import {ERC3525ConformanceHandler} from "./handlers/ERC3525ConformanceHandler.sol";

/// @dev Differential conformance (domain §8): random operation sequences on the reference
/// implementation and on ours, outcomes and every view compared after each sequence.
/// forge-config: default.invariant.depth = 64
contract ERC3525ConformanceInvariantTest is Test {
    ERC3525ConformanceHandler internal handler;

    function setUp() public {
        handler = new ERC3525ConformanceHandler();
        bytes4[] memory selectors = new bytes4[](9);
        selectors[0] = ERC3525ConformanceHandler.mint.selector;
        selectors[1] = ERC3525ConformanceHandler.transferValueToId.selector;
        selectors[2] = ERC3525ConformanceHandler.transferValueToAddress.selector;
        selectors[3] = ERC3525ConformanceHandler.approveValue.selector;
        selectors[4] = ERC3525ConformanceHandler.approveId.selector;
        selectors[5] = ERC3525ConformanceHandler.setApprovalForAll.selector;
        selectors[6] = ERC3525ConformanceHandler.burnValue.selector;
        selectors[7] = ERC3525ConformanceHandler.burn.selector;
        selectors[8] = ERC3525ConformanceHandler.transferToken.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// Gates open, our core accepts and refuses exactly what the reference does.
    function invariant_TheCoreAgreesWithTheReferenceOnEveryOutcome() public view {
        for (uint8 op; op <= uint8(ERC3525ConformanceHandler.Op.SafeTransferToken); ++op) {
            assertEq(handler.ghostMismatchA(ERC3525ConformanceHandler.Op(op)), 0, "an outcome differs");
        }
    }

    /// Gates open, every view agrees: balances, owners, slots, allowances, approvals, counts.
    function invariant_TheCoreAgreesWithTheReferenceOnEveryView() public view {
        _compare(address(handler.refA()), address(handler.ours()), true);
    }

    /// The registry's token surface differs from the reference only by refusing the standard's
    /// transfers, setApprovalForAll and token approvals, with its own errors; every other operation
    /// has the reference's outcome and every view agrees.
    function invariant_TheRegistrySurfaceDiffersOnlyByItsDocumentedRefusals() public view {
        assertEq(handler.ghostPolicyLeak(), 0, "a refused operation got through or failed otherwise");
        assertEq(handler.ghostMismatchB(), 0, "an operation outside the deviation differs");
        _compare(address(handler.refB()), address(handler.policy()), false);
    }

    function _compare(address ref, address our, bool pairA) internal view {
        uint256 n = pairA ? handler.idCount() : handler.idCountB();
        for (uint256 i; i < n; ++i) {
            uint256 refId = pairA ? handler.idAt(i) : handler.idAtB(i);
            uint256 ourId = pairA ? handler.ours_(refId) : refId;
            (bool refExists, bytes memory refOwner) = ref.staticcall(abi.encodeWithSignature("ownerOf(uint256)", refId));
            (bool ourExists, bytes memory ourOwner) = our.staticcall(abi.encodeWithSignature("ownerOf(uint256)", ourId));
            assertEq(refExists, ourExists, "exists");
            if (!refExists) continue;
            assertEq(refOwner, ourOwner, "ownerOf");
            assertEq(IERC3525(ref).balanceOf(refId), IERC3525(our).balanceOf(ourId), "balanceOf(id)");
            assertEq(IERC3525(ref).slotOf(refId), IERC3525(our).slotOf(ourId), "slotOf");
            assertEq(IERC3525(ref).getApproved(refId), IERC3525(our).getApproved(ourId), "getApproved");
            for (uint256 a; a < 4; ++a) {
                address op = handler.actorAt(a);
                assertEq(IERC3525(ref).allowance(refId, op), IERC3525(our).allowance(ourId, op), "allowance");
            }
        }
        for (uint256 a; a < 4; ++a) {
            address owner = handler.actorAt(a);
            assertEq(IERC3525(ref).balanceOf(owner), IERC3525(our).balanceOf(owner), "balanceOf(owner)");
            for (uint256 b; b < 4; ++b) {
                address op = handler.actorAt(b);
                assertEq(
                    IERC3525(ref).isApprovedForAll(owner, op), IERC3525(our).isApprovedForAll(owner, op), "operator"
                );
            }
        }
        assertEq(ERC3525BaseMock(ref).totalSupply(), ERC3525CoreHarness(our).totalSupply(), "totalSupply");
    }
}

/// @dev The MUST rules of the standard the comparison cannot observe: receiver calls and approval
/// levels, each checked on ours and on the reference alike.
contract ERC3525ConformanceTest is Test {
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    IERC3525[2] internal tokens;

    function setUp() public {
        tokens[0] = IERC3525(address(new ERC3525CoreHarness()));
        tokens[1] = IERC3525(address(new ERC3525BaseMock("Ref", "REF", 2)));
    }

    function _mint(IERC3525 t, address to, uint256 id, uint256 slot, uint256 value) internal {
        ERC3525CoreHarness(address(t)).mint(to, id, slot, value);
    }

    function test_InterfaceIdsAreTheStandardsOnes() public {
        assertEq(type(IERC3525).interfaceId, bytes4(0xd5358140));
        for (uint256 k; k < 2; ++k) {
            assertTrue(tokens[k].supportsInterface(0xd5358140));
            assertTrue(tokens[k].supportsInterface(0xe1600902));
            assertTrue(tokens[k].supportsInterface(0x80ac58cd));
        }
        ReceivableTokenHarness policy = new ReceivableTokenHarness();
        assertTrue(policy.supportsInterface(0x3b741b9e));
    }

    function test_AReceiverContractIsCalledAndMustAnswerItsMagicValue() public {
        ERC3525ReceiverMock good = new ERC3525ReceiverMock(0x009ce20b, ERC3525ReceiverMock.Error.None);
        ERC3525ReceiverMock wrong = new ERC3525ReceiverMock(0xdeadbeef, ERC3525ReceiverMock.Error.None);
        ERC3525ReceiverMock reverting =
            new ERC3525ReceiverMock(0x009ce20b, ERC3525ReceiverMock.Error.RevertWithoutMessage);
        NonReceiverMock plain = new NonReceiverMock();
        for (uint256 k; k < 2; ++k) {
            IERC3525 t = tokens[k];
            _mint(t, alice, 101, 7, 100); // minted ids apart from the generated ones (1, 2, ...)
            _mint(t, address(good), 102, 7, 0);
            _mint(t, address(wrong), 103, 7, 0);
            _mint(t, address(reverting), 104, 7, 0);
            _mint(t, address(plain), 105, 7, 0);
            vm.startPrank(alice);
            vm.expectEmit(false, false, false, false, address(good)); // gas left differs: the event is enough
            emit ERC3525ReceiverMock.Received(alice, 101, 102, 10, "", 0);
            t.transferFrom(101, 102, 10);
            vm.expectRevert();
            t.transferFrom(101, 103, 10);
            vm.expectRevert();
            t.transferFrom(101, 104, 10);
            t.transferFrom(101, 105, 10); // no ERC-165: the failed probe counts as acceptance
            uint256 created = t.transferFrom(101, address(good), 10); // a new token of a receiver: called too
            assertEq(t.ownerOf(created), address(good));
            vm.expectRevert();
            t.transferFrom(101, address(wrong), 10);
            vm.stopPrank();
            assertEq(t.balanceOf(101), 70);
        }
    }

    function test_TheDeviationIsCountedWhereTheReferenceAcceptsAndNowhereElse() public {
        ERC3525ConformanceHandler h = new ERC3525ConformanceHandler();
        h.mint(0, 0, 1_000); // to alice
        h.mint(1, 0, 0); // to bob, same slot
        h.transferValueToId(0, 0, 1, 10); // alice moves value: the reference accepts, the registry refuses
        h.setApprovalForAll(0, 1, true);
        h.approveId(0, 0, 2);
        h.approveValue(0, 0, 2, 7); // value approvals are not refused
        h.transferToken(1, 0, 2, 0, false); // bob may not move alice's token anywhere: both refuse
        assertEq(h.ghostDeviations(ERC3525ConformanceHandler.Op.ValueToId), 1);
        assertEq(h.ghostDeviations(ERC3525ConformanceHandler.Op.ApproveAll), 1);
        assertEq(h.ghostDeviations(ERC3525ConformanceHandler.Op.ApproveId), 1);
        assertEq(h.ghostDeviations(ERC3525ConformanceHandler.Op.TransferToken), 0);
        assertEq(h.ghostMismatchB(), 0);
        assertEq(h.ghostPolicyLeak(), 0);
        assertEq(h.policy().allowance(1_000_001, makeAddr("carol")), 7);
        assertEq(h.refB().allowance(1_000_001, makeAddr("carol")), 7);
    }

    function test_ApprovalLevelsAllowWhatTheStandardSays() public {
        for (uint256 k; k < 2; ++k) {
            IERC3525 t = tokens[k];
            _mint(t, alice, 1, 7, 100);
            _mint(t, carol, 2, 7, 0);
            // value level: up to the allowance, spent as used; not the token itself
            vm.prank(alice);
            t.approve(1, bob, 30);
            vm.startPrank(bob);
            t.transferFrom(1, 2, 20);
            assertEq(t.allowance(1, bob), 10);
            vm.expectRevert();
            t.transferFrom(1, 2, 11);
            vm.expectRevert();
            t.transferFrom(alice, bob, 1);
            vm.stopPrank();
            // unlimited value approval is never spent
            vm.prank(alice);
            t.approve(1, bob, type(uint256).max);
            vm.prank(bob);
            t.transferFrom(1, 2, 5);
            assertEq(t.allowance(1, bob), type(uint256).max);
            // token level: value moves without spending, the approved may grant value allowances
            vm.prank(alice);
            t.approve(carol, 1);
            vm.startPrank(carol);
            t.transferFrom(1, 2, 5);
            t.approve(1, bob, 1);
            vm.stopPrank();
            // approving the owner is refused; a stranger approves nothing
            vm.prank(alice);
            vm.expectRevert();
            t.approve(1, alice, 1);
            vm.prank(bob);
            vm.expectRevert();
            t.approve(carol, 1);
            // moving the token clears its token and value approvals
            vm.prank(alice);
            t.transferFrom(alice, bob, 1);
            assertEq(t.getApproved(1), address(0));
            assertEq(t.allowance(1, bob), 0);
        }
    }
}
