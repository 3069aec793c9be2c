// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

import {ConsortiumRoles} from "../src/ConsortiumRoles.sol";
import {IBusinessCalendar} from "../src/IBusinessCalendar.sol";
import {IERC3525} from "../src/IERC3525.sol";
import {IFinancingQuotes} from "../src/IFinancingQuotes.sol";
import {IInvoiceFinancing} from "../src/IInvoiceFinancing.sol";
import {IMemberRegistry} from "../src/IMemberRegistry.sol";
import {IReceivableRegistry} from "../src/IReceivableRegistry.sol";
import {ReceivableFixture} from "./utils/ReceivableFixture.sol";

contract ReceivableRegistryTest is ReceivableFixture {
    bytes32 internal constant CONF = keccak256("confirmation-1");
    bytes32 internal constant FIN1 = keccak256("financing-1");
    bytes32 internal constant FIN2 = keccak256("financing-2");
    uint256 internal constant FACE = 300_000_000; // RMB 3,000,000.00
    bytes32 internal constant WHY = keccak256("reason");

    bytes32 internal inv1;
    bytes32 internal inv2;
    uint256 internal root;

    function setUp() public {
        _deployReceivables();
        inv1 = _invoice("26332000000000000101", 200_000_000);
        inv2 = _invoice("26332000000000000102", 150_000_000);
        root = _confirm(CONF, FACE, OCT_25, _ids(inv1, inv2));
    }

    function _expect(bytes memory err) internal {
        vm.expectRevert(err);
    }

    // --- confirmation ---

    function test_ACoreEnterpriseConfirmsAPayableAndTheSupplierHoldsTheRoot() public {
        IReceivableRegistry.Certificate memory c = receivables.certificateOf(CONF);
        uint256 slot = uint256(keccak256(abi.encode(NOVA, CONF, OCT_25)));
        assertEq(uint8(c.status), uint8(IReceivableRegistry.CertificateStatus.Outstanding));
        assertEq(c.core, NOVA);
        assertEq(c.supplier, ACME);
        assertEq(c.slot, slot);
        assertEq(c.rootPartId, root);
        assertEq(c.faceCents, FACE);
        assertEq(c.maturityDay, OCT_25);
        assertFalse(c.longTenor);
        assertEq(c.confirmedAt, block.timestamp);
        assertEq(receivables.invoicesOf(CONF).length, 2);
        assertEq(receivables.ownerOf(root), acmeClerk);
        assertEq(receivables.balanceOf(root), FACE);
        assertEq(receivables.slotOf(root), slot);
        assertEq(receivables.confirmationOfSlot(slot), CONF);
        assertEq(receivables.balanceOf(acmeClerk), 1);
        assertEq(receivables.totalSupply(), 1);
        assertEq(receivables.valueDecimals(), 2);
        (bytes32 backs,) = receivables.backingOf(inv1);
        assertEq(backs, CONF);
        IReceivableRegistry.Part memory p = receivables.partOf(root);
        assertEq(uint8(p.state), uint8(IReceivableRegistry.PartState.Active));
        assertEq(p.confirmationId, CONF);
        assertEq(p.depth, 0);
        assertEq(p.parentId, 0);
    }

    function test_ConfirmEmitsTheStandardEventsThenItsOwn() public {
        bytes32 inv = _invoice("26332000000000000103", 50_00_00);
        bytes32 id = keccak256("confirmation-2");
        uint256 slot = uint256(keccak256(abi.encode(NOVA, id, OCT_25)));
        vm.expectEmit(address(receivables));
        emit IERC3525.SlotChanged(2, 0, slot);
        vm.expectEmit(address(receivables));
        emit IERC3525.TransferValue(0, 2, 50_00_00);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.PayableConfirmed(
            id, NOVA, acmeClerk, slot, 2, 50_00_00, OCT_25, false, keccak256(abi.encode("docs", id))
        );
        _confirm(id, 50_00_00, OCT_25, _ids(inv));
    }

    function test_TheRegistryAnswersTheStandardInterfaceIds() public view {
        assertTrue(receivables.supportsInterface(0xd5358140)); // IERC3525
        assertTrue(receivables.supportsInterface(0xe1600902)); // IERC3525Metadata
        assertTrue(receivables.supportsInterface(0x3b741b9e)); // IERC3525SlotEnumerable
        assertTrue(receivables.supportsInterface(0x80ac58cd)); // IERC721
        assertTrue(receivables.supportsInterface(0x5b5e139f)); // IERC721Metadata
        assertTrue(receivables.supportsInterface(0x01ffc9a7)); // IERC165
        assertFalse(receivables.supportsInterface(0xb688be58)); // no SlotApprovable
        assertFalse(receivables.supportsInterface(0x780e9d63)); // no IERC721Enumerable
    }

    function test_RevertWhen_ConfirmingWithoutTheRoleOrTwice() public {
        bytes32 inv = _invoice("26332000000000000104", 10_000_00);
        vm.prank(acmeClerk);
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryUnauthorized.selector, acmeClerk, ConsortiumRoles.CORE_ENTERPRISE
            )
        );
        receivables.confirm(keccak256("c"), acmeClerk, 1_00, OCT_25, false, _ids(inv), WHY);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryConfirmationExists.selector, CONF));
        _confirm(CONF, 1_00, OCT_25, _ids(inv));
    }

    function test_RevertWhen_ConfirmingBadFields() public {
        bytes32 inv = _invoice("26332000000000000105", 10_000_00);
        bytes32 id = keccak256("c");
        vm.startPrank(novaClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidSupplier.selector, novaClerk));
        receivables.confirm(id, novaClerk, 1_00, OCT_25, false, _ids(inv), WHY);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidSupplier.selector, outsider));
        receivables.confirm(id, outsider, 1_00, OCT_25, false, _ids(inv), WHY);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidAmount.selector, 0));
        receivables.confirm(id, acmeClerk, 0, OCT_25, false, _ids(inv), WHY);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidHash.selector));
        receivables.confirm(id, acmeClerk, 1_00, OCT_25, false, _ids(inv), bytes32(0));
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidInvoices.selector));
        receivables.confirm(id, acmeClerk, 1_00, OCT_25, false, new bytes32[](0), WHY);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidInvoices.selector));
        receivables.confirm(id, acmeClerk, 1_00, OCT_25, false, _ids(inv, inv), WHY);
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryInsufficientCover.selector, id, 10_000_00, 10_000_01
            )
        );
        receivables.confirm(id, acmeClerk, 10_000_01, OCT_25, false, _ids(inv), WHY);
        vm.stopPrank();
    }

    function test_TenorIsAtMostAYearAndAboveSixMonthsOnlyWhenFlagged() public {
        bytes32 inv = _invoice("26332000000000000106", 10_000_00);
        uint32 today = _today();
        uint32 jan1 = 20454; // 2026-01-01, 6 months to the day: not above
        uint32 jan2 = jan1 + 1;
        uint32 jul1 = 20635; // 2026-07-01: one year
        vm.startPrank(novaClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidMaturity.selector, today, today));
        receivables.confirm(keccak256("a"), acmeClerk, 1_00, today, false, _ids(inv), WHY);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidMaturity.selector, jul1 + 1, today));
        receivables.confirm(keccak256("a"), acmeClerk, 1_00, jul1 + 1, true, _ids(inv), WHY);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryLongTenorNotFlagged.selector, jan2));
        receivables.confirm(keccak256("a"), acmeClerk, 1_00, jan2, false, _ids(inv), WHY);
        receivables.confirm(keccak256("a"), acmeClerk, 1_00, jan1, false, _ids(inv), WHY);
        vm.stopPrank();
        assertFalse(receivables.certificateOf(keccak256("a")).longTenor);
        bytes32 other = _invoice("26332000000000000107", 10_000_00);
        vm.prank(novaClerk);
        receivables.confirm(keccak256("b"), acmeClerk, 1_00, jul1, true, _ids(other), WHY);
        assertTrue(receivables.certificateOf(keccak256("b")).longTenor);
    }

    function test_RevertWhen_AnInvoiceBacksAnotherIsNotLiveOrNotBetweenThem() public {
        bytes32 id = keccak256("c");
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvoiceBacksAnother.selector, inv1, CONF));
        _confirm(id, 1_00, OCT_25, _ids(inv1));

        bytes32 reimbursed = _invoice("26332000000000000108", 10_000_00);
        vm.prank(pixelClerk);
        invoices.reimburse(reimbursed);
        _expect(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryAlreadyReimbursed.selector, reimbursed, PIXEL, block.timestamp
            )
        );
        _confirm(id, 1_00, OCT_25, _ids(reimbursed));

        bytes32 pledged = _invoice("26332000000000000109", 10_000_00);
        vm.prank(financingRegistry);
        invoices.pledge(pledged, FIN1, 1);
        _expect(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, pledged));
        _confirm(id, 1_00, OCT_25, _ids(pledged));

        bytes32 unknown = _id("nope");
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryInvoiceParties.selector, unknown, bytes32(0), bytes32(0)
            )
        );
        _confirm(id, 1_00, OCT_25, _ids(unknown));

        bytes32 fromNova = _id("from-nova");
        vm.prank(novaClerk);
        invoices.issue(fromNova, SPECIAL, WHY, ACME, 10_000_00, CNY, DATE, WHY);
        _expect(
            abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvoiceParties.selector, fromNova, NOVA, ACME)
        );
        _confirm(id, 1_00, OCT_25, _ids(fromNova));
    }

    // --- split and escrow ---

    function test_AHolderSplitsAndKeepsBoth() public {
        vm.expectEmit(address(receivables));
        emit IERC3525.TransferValue(root, 2, 1_000_00);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.PartSplit(root, 2, 1_000_00);
        vm.prank(acmeClerk);
        uint256 part = receivables.split(root, 1_000_00);
        assertEq(part, 2);
        assertEq(receivables.ownerOf(part), acmeClerk);
        assertEq(receivables.balanceOf(part), 1_000_00);
        assertEq(receivables.balanceOf(root), FACE - 1_000_00);
        assertEq(receivables.partOf(part).parentId, root);
        assertEq(receivables.partOf(part).depth, 1);
        assertEq(receivables.balanceOf(acmeClerk), 2);
    }

    function test_RevertWhen_SplittingZeroTooMuchBelowTheFloorOrNotOwn() public {
        vm.startPrank(acmeClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidSplit.selector, root, 0, FACE));
        receivables.split(root, 0);
        _expect(
            abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidSplit.selector, root, FACE + 1, FACE)
        );
        receivables.split(root, FACE + 1);
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryInvalidSplit.selector, root, MIN_SPLIT - 1, FACE
            )
        );
        receivables.split(root, MIN_SPLIT - 1);
        // the remainder is exempt from the floor
        uint256 part = receivables.split(root, FACE - 1);
        assertEq(receivables.balanceOf(root), 1);
        // the whole of a small part may still move
        receivables.split(root, 1);
        vm.stopPrank();
        vm.prank(pixelClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotTheHolder.selector, part, pixelClerk));
        receivables.split(part, MIN_SPLIT);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryUnknownPart.selector, 99));
        receivables.split(99, MIN_SPLIT);
    }

    function test_BatchedStepsApplyInOrderAsTheCaller() public {
        bytes[] memory steps = new bytes[](3);
        steps[0] = abi.encodeCall(receivables.split, (root, 1_000_00));
        steps[1] = abi.encodeCall(receivables.offer, (root, 2_000_00, pixelClerk, uint64(block.timestamp + 1 days)));
        steps[2] = abi.encodeCall(receivables.split, (2, 400_00)); // the part made by the first step
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.PartSplit(root, 2, 1_000_00);
        vm.prank(acmeClerk);
        receivables.batchSteps(steps);
        assertEq(receivables.ownerOf(2), acmeClerk);
        assertEq(receivables.balanceOf(2), 600_00);
        assertEq(receivables.ownerOf(3), address(receivables)); // the offer's escrow
        assertEq(receivables.balanceOf(3), 2_000_00);
        assertEq(receivables.balanceOf(4), 400_00);
        assertEq(receivables.partOf(4).parentId, 2);
        assertEq(receivables.balanceOf(root), FACE - 3_000_00);

        bytes[] memory answers = new bytes[](1);
        answers[0] = abi.encodeCall(receivables.acceptOffer, (3));
        vm.prank(pixelClerk);
        receivables.batchSteps(answers);
        assertEq(receivables.ownerOf(3), pixelClerk);
    }

    function test_RevertWhen_ABatchedStepIsRefusedNothingApplies() public {
        bytes[] memory steps = new bytes[](2);
        steps[0] = abi.encodeCall(receivables.split, (root, 1_000_00));
        steps[1] = abi.encodeCall(receivables.split, (root, FACE));
        // the refused step's own error, with the balance it saw after the first step
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryInvalidSplit.selector, root, FACE, FACE - 1_000_00
            )
        );
        vm.prank(acmeClerk);
        receivables.batchSteps(steps);
        assertEq(receivables.balanceOf(root), FACE);
        assertEq(receivables.totalSupply(), 1);

        // steps run as the caller: another member cannot move the holder's part through a batch
        bytes[] memory foreign = new bytes[](1);
        foreign[0] = abi.encodeCall(receivables.split, (root, 1_000_00));
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotTheHolder.selector, root, pixelClerk));
        vm.prank(pixelClerk);
        receivables.batchSteps(foreign);
    }

    function test_RevertWhen_ABatchHoldsAnythingButPartSteps() public {
        bytes[] memory steps = new bytes[](2);
        steps[0] = abi.encodeCall(receivables.split, (root, 1_000_00));
        steps[1] = abi.encodeCall(receivables.markOverdue, (CONF));
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryStepNotBatchable.selector, 1));
        vm.prank(acmeClerk);
        receivables.batchSteps(steps);

        bytes[] memory nested = new bytes[](1);
        nested[0] = abi.encodeCall(receivables.batchSteps, (steps));
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryStepNotBatchable.selector, 0));
        vm.prank(acmeClerk);
        receivables.batchSteps(nested);

        bytes[] memory short = new bytes[](1);
        short[0] = hex"1234";
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryStepNotBatchable.selector, 0));
        vm.prank(acmeClerk);
        receivables.batchSteps(short);

        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidParameters.selector));
        vm.prank(acmeClerk);
        receivables.batchSteps(new bytes[](0));
    }

    function test_RevertWhen_SplittingDeeperThanTheMaximum() public {
        uint256 part = root;
        vm.startPrank(acmeClerk);
        for (uint256 d; d < MAX_DEPTH; ++d) {
            part = receivables.split(part, MIN_SPLIT * 2);
        }
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryTooDeep.selector, part, MAX_DEPTH + 1));
        receivables.split(part, MIN_SPLIT);
        vm.stopPrank();
    }

    function test_AnOfferWaitsInEscrowUntilTheRecipientAccepts() public {
        uint64 expiry = uint64(block.timestamp + 1 days);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.OfferMade(2, root, acmeClerk, pixelClerk, 5_000_00, expiry);
        vm.prank(acmeClerk);
        uint256 pending = receivables.offer(root, 5_000_00, pixelClerk, expiry);
        assertEq(receivables.ownerOf(pending), address(receivables));
        IReceivableRegistry.Part memory p = receivables.partOf(pending);
        assertEq(uint8(p.state), uint8(IReceivableRegistry.PartState.Pending));
        assertEq(p.splitter, acmeClerk);
        assertEq(p.recipient, pixelClerk);
        assertEq(p.expiresAt, expiry);

        vm.prank(acmeClerk);
        _expect(
            abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotTheRecipient.selector, pending, acmeClerk)
        );
        receivables.acceptOffer(pending);

        vm.expectEmit(address(receivables));
        emit IERC721.Transfer(address(receivables), pixelClerk, pending);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.OfferClosed(pending, IReceivableRegistry.OfferOutcome.Accepted, pixelClerk, pending);
        _accept(pixelClerk, pending);
        assertEq(receivables.ownerOf(pending), pixelClerk);
        assertEq(uint8(receivables.partOf(pending).state), uint8(IReceivableRegistry.PartState.Active));
        assertEq(receivables.partOf(pending).splitter, address(0));
        vm.prank(pixelClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidState.selector, pending, 1));
        receivables.rejectOffer(pending);
    }

    function test_ARejectedOrWithdrawnOfferReturnsIntoTheSourcePart() public {
        uint256 pending = _offer(acmeClerk, root, 5_000_00, pixelClerk);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.OfferClosed(pending, IReceivableRegistry.OfferOutcome.Rejected, acmeClerk, root);
        vm.prank(pixelClerk);
        receivables.rejectOffer(pending);
        assertEq(receivables.balanceOf(root), FACE);
        assertEq(uint8(receivables.partOf(pending).state), uint8(IReceivableRegistry.PartState.Merged));
        _expect(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, pending));
        receivables.ownerOf(pending);

        pending = _offer(acmeClerk, root, 5_000_00, pixelClerk);
        vm.prank(pixelClerk);
        _expect(
            abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotTheSplitter.selector, pending, pixelClerk)
        );
        receivables.withdrawOffer(pending);
        vm.prank(acmeClerk);
        receivables.withdrawOffer(pending);
        assertEq(receivables.balanceOf(root), FACE);
        assertEq(receivables.totalSupply(), 1);
    }

    function test_ATierThreeOfferThatExpiresLandsBackWithTierTwoNotTheRoot() public {
        uint256 pixelPart = _offer(acmeClerk, root, 5_000_00, pixelClerk);
        _accept(pixelClerk, pixelPart);
        uint256 toTern = _offer(pixelClerk, pixelPart, 2_000_00, ternClerk);
        // Pixel locks its own part meanwhile: the value cannot go back into it
        _request(pixelClerk, FIN1, pixelPart, 1_000_00);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryOfferExpiry.selector, toTern, uint64(block.timestamp + 1 days)
            )
        );
        receivables.expireOffer(toTern);
        vm.warp(block.timestamp + 1 days + 1);
        vm.prank(ternClerk);
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryOfferExpiry.selector, toTern, uint64(block.timestamp - 1)
            )
        );
        receivables.acceptOffer(toTern);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.OfferClosed(toTern, IReceivableRegistry.OfferOutcome.Expired, pixelClerk, toTern);
        vm.prank(outsider);
        receivables.expireOffer(toTern);
        assertEq(receivables.ownerOf(toTern), pixelClerk, "back with tier 2");
        assertEq(receivables.balanceOf(toTern), 2_000_00);
        assertEq(receivables.balanceOf(root), FACE - 5_000_00, "not with the root holder");
        assertEq(uint8(receivables.partOf(toTern).state), uint8(IReceivableRegistry.PartState.Active));
    }

    function test_AnExpiredOfferGoesBackIntoTheSourceWhenTheSplitterStillHoldsIt() public {
        uint256 pending = _offer(acmeClerk, root, 5_000_00, pixelClerk);
        vm.warp(block.timestamp + 2 days);
        receivables.expireOffer(pending);
        assertEq(receivables.balanceOf(root), FACE);
    }

    function test_RevertWhen_OfferingToOneselfANonMemberOrWithABadExpiry() public {
        address acmeOther = makeAddr("acmeOther");
        _pass(IMemberRegistry.Action.AddAccount, ACME, acmeOther, bytes32(0));
        vm.startPrank(acmeClerk);
        uint64 expiry = uint64(block.timestamp + 1 days);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidRecipient.selector, acmeOther));
        receivables.offer(root, MIN_SPLIT, acmeOther, expiry);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidRecipient.selector, outsider));
        receivables.offer(root, MIN_SPLIT, outsider, expiry);
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryInvalidExpiry.selector, uint64(block.timestamp)
            )
        );
        receivables.offer(root, MIN_SPLIT, pixelClerk, uint64(block.timestamp));
        uint64 tooLate = uint64(block.timestamp + OFFER_SECONDS + 1);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidExpiry.selector, tooLate));
        receivables.offer(root, MIN_SPLIT, pixelClerk, tooLate);
        vm.stopPrank();
        // an offer never outlives the maturity
        vm.warp(_at(OCT_25) - 1 days);
        vm.prank(acmeClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidExpiry.selector, expiry + 200 days));
        receivables.offer(root, MIN_SPLIT, pixelClerk, expiry + 200 days);
    }

    function test_RevertWhen_ARecipientSuspendedSinceTheOfferAccepts() public {
        uint256 pending = _offer(acmeClerk, root, MIN_SPLIT, pixelClerk);
        _pass(IMemberRegistry.Action.SuspendMember, PIXEL, address(0), bytes32(0));
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotAMember.selector, pixelClerk));
        _accept(pixelClerk, pending);
    }

    function test_RevertWhen_MovingAPartAtOrAfterMaturity() public {
        vm.warp(_at(OCT_25));
        vm.startPrank(acmeClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryMatured.selector, CONF));
        receivables.split(root, MIN_SPLIT);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryMatured.selector, CONF));
        receivables.requestFinancing(FIN1, root, MIN_SPLIT);
        vm.stopPrank();
    }

    // --- the documented ERC-3525 deviation ---

    function test_TheStandardsOwnTransfersAndOperatorApprovalsAreRefused() public {
        vm.startPrank(acmeClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryTransferRefused.selector));
        receivables.transferFrom(root, pixelClerk, MIN_SPLIT);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryTransferRefused.selector));
        receivables.transferFrom(root, root, MIN_SPLIT);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryTransferRefused.selector));
        receivables.transferFrom(acmeClerk, pixelClerk, root);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryTransferRefused.selector));
        receivables.safeTransferFrom(acmeClerk, pixelClerk, root);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryTransferRefused.selector));
        receivables.safeTransferFrom(acmeClerk, pixelClerk, root, "");
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryApprovalRefused.selector));
        receivables.setApprovalForAll(icbcClerk, true);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryApprovalRefused.selector));
        receivables.approve(icbcClerk, root);
        vm.stopPrank();
    }

    function test_ValueApprovalsAreRecordedForTheOwnerAndClearedWhenThePartChangesOwner() public {
        uint256 pending = _offer(acmeClerk, root, MIN_SPLIT, pixelClerk);
        _accept(pixelClerk, pending);
        vm.expectEmit(address(receivables));
        emit IERC3525.ApprovalValue(pending, icbcClerk, 50_00);
        vm.prank(pixelClerk);
        receivables.approve(pending, icbcClerk, 50_00);
        assertEq(receivables.allowance(pending, icbcClerk), 50_00);
        vm.prank(icbcClerk);
        _expect(abi.encodeWithSelector(IERC721Errors.ERC721InvalidApprover.selector, icbcClerk));
        receivables.approve(pending, ccbClerk, 1);
        // the bank buys the whole part: it changes owner, approvals are gone
        _finance(pixelClerk, FIN1, pending, MIN_SPLIT);
        assertEq(receivables.ownerOf(pending), icbcClerk);
        assertEq(receivables.allowance(pending, icbcClerk), 0);
    }

    // --- financing and pricing ---

    function test_TheWorkedPricingExampleOfTheDomain() public {
        vm.warp(_at(JUL_1) + 9 hours);
        assertEq(calendar.nextBusinessDay(OCT_25), OCT_27);
        _request(acmeClerk, FIN1, root, FACE);
        bytes32 quoteId = _quote(icbcClerk, FIN1);
        IFinancingQuotes.Quote memory q = quotes.quoteOf(quoteId);
        assertEq(q.paymentDay, OCT_27);
        assertEq(q.paymentDay - q.discountDay, 118);
        assertEq(q.interestCents, 3_835_000);
        assertEq(q.feeCents, 150_000);
        assertEq(q.proceedsCents, 296_015_000);
        assertEq(q.bank, ICBC);
        assertEq(quoteId, keccak256(abi.encode(ICBC, FIN1, keccak256("nonce"))));
        q.quoteHash = bytes32(0);
        assertEq(quotes.quoteOf(quoteId).quoteHash, keccak256(abi.encode(quoteId, q)));
    }

    function test_AHolderIsFinancedAndTheBankHoldsThePartWithTheInvoicesPledged() public {
        _request(acmeClerk, FIN1, root, 250_000_000);
        assertEq(uint8(receivables.partOf(root).state), uint8(IReceivableRegistry.PartState.FinanceRequested));
        bytes32 quoteId = _quote(icbcClerk, FIN1);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.FinancingPledged(FIN1, inv1, 200_000_000);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.FinancingPledged(FIN1, inv2, 50_000_000);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.QuoteAccepted(FIN1, quoteId, ICBC, uint64(block.timestamp));
        _acceptQuote(acmeClerk, quoteId);
        assertEq(invoices.pledgeOf(inv1).amountCents, 200_000_000);
        assertEq(invoices.pledgeOf(inv2).amountCents, 50_000_000);
        assertEq(invoices.pledgeOf(inv2).financingId, CONF);
        assertEq(receivables.allocationOf(FIN1, inv2), 50_000_000);
        IReceivableRegistry.Financing memory f = receivables.financingOf(FIN1);
        assertEq(uint8(f.status), uint8(IReceivableRegistry.FinancingStatus.Accepted));
        assertEq(f.registeredAt, block.timestamp);
        assertEq(f.paymentDeadline, block.timestamp + PAYMENT_WINDOW);
        assertTrue(f.recourse);

        vm.prank(ccbClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotTheBank.selector, FIN1, CCB));
        receivables.recordPayment(FIN1, WHY, WHY);
        uint256 bankPart = _pay(icbcClerk, FIN1);
        assertEq(receivables.ownerOf(bankPart), icbcClerk);
        assertEq(receivables.balanceOf(bankPart), 250_000_000);
        assertEq(receivables.balanceOf(root), 50_000_000);
        assertEq(uint8(receivables.partOf(root).state), uint8(IReceivableRegistry.PartState.Active));
        assertEq(uint8(receivables.partOf(bankPart).state), uint8(IReceivableRegistry.PartState.Financed));
        assertEq(receivables.partOf(bankPart).financingId, FIN1);
        f = receivables.financingOf(FIN1);
        assertEq(uint8(f.status), uint8(IReceivableRegistry.FinancingStatus.Paid));
        assertEq(f.bankPartId, bankPart);
        assertEq(f.crcRegistrationDigest, keccak256("crc-0001"));

        // financed once: the bank's part takes no request, the holder's remainder may be financed apart
        vm.prank(icbcClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidState.selector, bankPart, 5));
        receivables.requestFinancing(FIN2, bankPart, 1);
        _finance(acmeClerk, FIN2, root, 50_000_000);
        assertEq(invoices.pledgeOf(inv2).amountCents, 100_000_000, "the second financing topped the pledge up");
    }

    function test_RevertWhen_RequestingTwiceOrMovingALockedPart() public {
        _request(acmeClerk, FIN1, root, 1_000_00);
        vm.startPrank(acmeClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidState.selector, root, 3));
        receivables.requestFinancing(FIN2, root, 1_000_00);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidState.selector, root, 3));
        receivables.split(root, MIN_SPLIT);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidState.selector, root, 3));
        receivables.offer(root, MIN_SPLIT, pixelClerk, uint64(block.timestamp + 1));
        receivables.withdrawFinancingRequest(FIN1);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryFinancingExists.selector, FIN1));
        receivables.requestFinancing(FIN1, root, 1_000_00);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidFinancingValue.selector, root, 0));
        receivables.requestFinancing(FIN2, root, 0);
        _expect(
            abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryInvalidFinancingValue.selector, root, FACE + 1)
        );
        receivables.requestFinancing(FIN2, root, FACE + 1);
        vm.stopPrank();
        assertEq(uint8(receivables.financingOf(FIN1).status), uint8(IReceivableRegistry.FinancingStatus.Withdrawn));
    }

    function test_RevertWhen_QuotingWithoutBeingABankOrWithBadTerms() public {
        _request(acmeClerk, FIN1, root, FACE);
        IFinancingQuotes.Quote memory terms;
        terms.financingId = FIN1;
        terms.annualRateBp = 390;
        terms.discountDay = _today();
        terms.maturityDay = OCT_25;
        terms.validUntil = uint64(block.timestamp + 1);
        terms.faceCents = FACE;
        vm.prank(acmeClerk);
        _expect(
            abi.encodeWithSelector(
                IFinancingQuotes.FinancingQuotesUnauthorized.selector, acmeClerk, ConsortiumRoles.FINANCIER
            )
        );
        quotes.quote(terms, WHY);
        vm.startPrank(icbcClerk);
        terms.discountDay = _today() - 1;
        _expect(abi.encodeWithSelector(IFinancingQuotes.FinancingQuotesInvalidQuote.selector, FIN1));
        quotes.quote(terms, WHY);
        terms.discountDay = OCT_27;
        _expect(abi.encodeWithSelector(IFinancingQuotes.FinancingQuotesInvalidQuote.selector, FIN1));
        quotes.quote(terms, WHY);
        terms.discountDay = _today();
        terms.annualRateBp = 0;
        _expect(abi.encodeWithSelector(IFinancingQuotes.FinancingQuotesInvalidQuote.selector, FIN1));
        quotes.quote(terms, WHY);
        terms.annualRateBp = 390;
        terms.feeCents = FACE;
        _expect(abi.encodeWithSelector(IFinancingQuotes.FinancingQuotesInvalidQuote.selector, FIN1));
        quotes.quote(terms, WHY);
        terms.feeCents = 0;
        bytes32 quoteId = quotes.quote(terms, WHY);
        _expect(abi.encodeWithSelector(IFinancingQuotes.FinancingQuotesQuoteExists.selector, quoteId));
        quotes.quote(terms, WHY);
        vm.stopPrank();
    }

    function test_RevertWhen_AcceptingAVoidForeignOrAlteredQuote() public {
        _request(acmeClerk, FIN1, root, FACE);
        bytes32 quoteId = _quote(icbcClerk, FIN1);
        bytes32 h = quotes.quoteOf(quoteId).quoteHash;
        vm.prank(acmeClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryQuoteHashMismatch.selector, quoteId, WHY));
        receivables.acceptQuote(quoteId, WHY);
        vm.prank(pixelClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotTheHolder.selector, root, pixelClerk));
        receivables.acceptQuote(quoteId, h);
        vm.prank(acmeClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryUnknownQuote.selector, WHY));
        receivables.acceptQuote(WHY, h);
        vm.warp(block.timestamp + 1 days + 1);
        vm.prank(acmeClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryQuoteVoid.selector, quoteId));
        receivables.acceptQuote(quoteId, h);
    }

    function test_FinancingRevertsWithTheReasonWhenAnInvoiceIsNoLongerLive() public {
        _request(acmeClerk, FIN1, root, 1_000_00);
        bytes32 quoteId = _quote(icbcClerk, FIN1);
        vm.prank(pixelClerk);
        invoices.reimburse(inv2); // the second invoice: not needed for the value, still re-checked
        bytes32 h = quotes.quoteOf(quoteId).quoteHash;
        vm.prank(acmeClerk);
        _expect(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryAlreadyReimbursed.selector, inv2, PIXEL, block.timestamp
            )
        );
        receivables.acceptQuote(quoteId, h);
        vm.prank(pixelClerk);
        invoices.reverseReimbursement(inv2, WHY);

        uint256[] memory line = new uint256[](1);
        line[0] = 200_000_000;
        vm.prank(acmeClerk);
        invoices.redLetter(inv1, _id("red-1"), WHY, DATE, line, line);
        vm.prank(acmeClerk);
        _expect(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryFullyRedLettered.selector, inv1));
        receivables.acceptQuote(quoteId, h);
    }

    function test_RevertWhen_TheInvoicesNoLongerCoverTheFinancedValue() public {
        uint256[] memory line = new uint256[](1);
        line[0] = 150_000_000;
        uint256[] memory red = new uint256[](1);
        red[0] = 100_000_000;
        vm.prank(acmeClerk);
        invoices.redLetter(inv2, _id("red-2"), WHY, DATE, line, red); // unpledged: no consent needed
        _request(acmeClerk, FIN1, root, FACE);
        bytes32 quoteId = _quote(icbcClerk, FIN1);
        bytes32 h = quotes.quoteOf(quoteId).quoteHash;
        vm.prank(acmeClerk);
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryInsufficientCover.selector, CONF, 250_000_000, FACE
            )
        );
        receivables.acceptQuote(quoteId, h);
    }

    function test_AnUnpaidFinancingIsCancelledAfterTheDeadlineAndItsPledgeUndone() public {
        uint256 half = _offer(acmeClerk, root, 100_000_000, pixelClerk);
        _accept(pixelClerk, half);
        _finance(acmeClerk, FIN1, root, 150_000_000); // inv1 150m
        _request(pixelClerk, FIN2, half, 100_000_000);
        _acceptQuote(pixelClerk, _quote(ccbClerk, FIN2)); // inv1 +50m, inv2 50m
        assertEq(invoices.pledgeOf(inv1).amountCents, 200_000_000);
        assertEq(invoices.pledgeOf(inv2).amountCents, 50_000_000);

        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryPaymentDeadline.selector, FIN2, block.timestamp + PAYMENT_WINDOW
            )
        );
        receivables.cancelUnpaid(FIN2);
        vm.warp(block.timestamp + PAYMENT_WINDOW + 1);
        vm.prank(ccbClerk);
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryPaymentDeadline.selector, FIN2, block.timestamp - 1
            )
        );
        receivables.recordPayment(FIN2, WHY, WHY);
        vm.expectEmit(address(invoices));
        emit IInvoiceFinancing.InvoicePledgeReduced(inv1, CONF, 50_000_000, 150_000_000);
        vm.expectEmit(address(invoices));
        emit IInvoiceFinancing.InvoiceReleased(inv2, CONF);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.FinancingClosed(FIN2, IReceivableRegistry.FinancingStatus.Cancelled);
        receivables.cancelUnpaid(FIN2);
        assertEq(invoices.pledgeOf(inv1).amountCents, 150_000_000);
        assertEq(invoices.pledgeOf(inv2).financingId, bytes32(0));
        assertTrue(invoices.isLive(inv2));
        assertEq(uint8(receivables.partOf(half).state), uint8(IReceivableRegistry.PartState.Active));
    }

    // --- red-letter on a pledged invoice ---

    function test_TheBanksConsentReducesItsPartAndLetsTheRedLetterThrough() public {
        uint256 bankPart = _finance(acmeClerk, FIN1, root, 250_000_000);
        uint256[] memory line = new uint256[](1);
        line[0] = 150_000_000;
        uint256[] memory red = new uint256[](1);
        red[0] = 30_000_000;
        vm.prank(acmeClerk);
        _expect(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, inv2));
        invoices.redLetter(inv2, _id("red-3"), WHY, DATE, line, red);

        vm.prank(ccbClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotTheBank.selector, FIN1, CCB));
        receivables.consentToRedLetter(FIN1, inv2, 30_000_000);
        vm.prank(icbcClerk);
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryRedExceedsPledge.selector, FIN1, inv2, 50_000_000
            )
        );
        receivables.consentToRedLetter(FIN1, inv2, 50_000_001);

        vm.expectEmit(address(receivables));
        emit IERC3525.TransferValue(bankPart, 0, 30_000_000);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.RedLetterConsented(FIN1, inv2, 30_000_000, bankPart);
        vm.prank(icbcClerk);
        receivables.consentToRedLetter(FIN1, inv2, 30_000_000);
        assertEq(receivables.balanceOf(bankPart), 220_000_000);
        assertEq(receivables.certificateOf(CONF).reducedByRedCents, 30_000_000);
        assertEq(receivables.allocationOf(FIN1, inv2), 20_000_000);
        assertEq(invoices.pledgeOf(inv2).amountCents, 20_000_000);
        assertEq(invoices.pledgeOf(inv2).redAllowanceCents, 30_000_000);

        vm.prank(acmeClerk);
        invoices.redLetter(inv2, _id("red-3"), WHY, DATE, line, red);
        assertEq(invoices.remainingOf(inv2), 120_000_000);
        assertEq(_slotValue(receivables.certificateOf(CONF).slot), FACE - 30_000_000);
    }

    // --- settlement and default ---

    function test_SettlementPaysEveryCurrentHolderAndClosesTheCertificate() public {
        uint256 pixelPart = _offer(acmeClerk, root, 100_000_000, pixelClerk);
        _accept(pixelClerk, pixelPart);
        uint256 bankPart = _finance(pixelClerk, FIN1, pixelPart, 60_000_000);
        uint256 toTern = _offer(pixelClerk, pixelPart, 10_000_000, ternClerk); // open at settlement
        _request(acmeClerk, FIN2, root, 1_000_00); // open at settlement
        uint256 slot = receivables.slotOf(root);

        vm.prank(novaClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotDue.selector, CONF, OCT_25));
        receivables.recordSettlement(CONF, keccak256("paid"));
        vm.warp(_at(OCT_25) + 1 hours);
        vm.prank(acmeClerk);
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryUnauthorized.selector, acmeClerk, ConsortiumRoles.CORE_ENTERPRISE
            )
        );
        receivables.recordSettlement(CONF, keccak256("paid"));

        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.PartSettled(CONF, toTern, pixelClerk, 10_000_000);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.PartSettled(CONF, bankPart, icbcClerk, 60_000_000);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.PartSettled(CONF, pixelPart, pixelClerk, 30_000_000);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.PartSettled(CONF, root, acmeClerk, 200_000_000);
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.CertificateSettled(CONF, FACE);
        vm.prank(novaClerk);
        receivables.recordSettlement(CONF, keccak256("paid"));

        IReceivableRegistry.Certificate memory c = receivables.certificateOf(CONF);
        assertEq(uint8(c.status), uint8(IReceivableRegistry.CertificateStatus.Settled));
        assertEq(c.settledCents, FACE);
        assertEq(receivables.tokenSupplyInSlot(slot), 0);
        assertEq(receivables.totalSupply(), 0);
        assertEq(uint8(receivables.financingOf(FIN1).status), uint8(IReceivableRegistry.FinancingStatus.Repaid));
        assertEq(uint8(receivables.financingOf(FIN2).status), uint8(IReceivableRegistry.FinancingStatus.Lapsed));
        assertEq(invoices.pledgeOf(inv1).financingId, bytes32(0), "pledges released");
        assertEq(uint8(receivables.partOf(root).state), uint8(IReceivableRegistry.PartState.Settled));
        vm.prank(novaClerk);
        _expect(
            abi.encodeWithSelector(
                IReceivableRegistry.ReceivableRegistryInvalidCertificateStatus.selector,
                CONF,
                IReceivableRegistry.CertificateStatus.Settled
            )
        );
        receivables.recordSettlement(CONF, keccak256("paid"));
    }

    function test_ALargeTreeIsSettledInBatches() public {
        vm.startPrank(acmeClerk);
        for (uint256 i; i < 120; ++i) {
            receivables.split(root, MIN_SPLIT);
        }
        vm.stopPrank();
        vm.warp(_at(OCT_25));
        vm.prank(novaClerk);
        receivables.recordSettlement(CONF, keccak256("paid"));
        uint256 slot = receivables.slotOf(root);
        assertEq(receivables.tokenSupplyInSlot(slot), 21);
        assertEq(uint8(receivables.certificateOf(CONF).status), uint8(IReceivableRegistry.CertificateStatus.Settling));
        receivables.settleParts(CONF, 20);
        assertEq(receivables.tokenSupplyInSlot(slot), 1);
        receivables.settleParts(CONF, 20);
        assertEq(uint8(receivables.certificateOf(CONF).status), uint8(IReceivableRegistry.CertificateStatus.Settled));
        assertEq(receivables.certificateOf(CONF).settledCents, FACE);
    }

    function test_AnUnpaidCertificateBecomesOverdueAndItsHolderGoesToArbitration() public {
        uint32 due = OCT_27 + GRACE_DAYS;
        vm.warp(_at(due) + 1 hours);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotDue.selector, CONF, due));
        receivables.markOverdue(CONF);
        vm.warp(_at(due + 1));
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.CertificateOverdue(CONF, NOVA, FACE, 1);
        receivables.markOverdue(CONF);
        assertEq(uint8(receivables.partOf(root).state), uint8(IReceivableRegistry.PartState.Overdue));
        IReceivableRegistry.OverdueRecord memory r = receivables.overdueRecordOf(NOVA);
        assertEq(r.events, 1);
        assertEq(r.overdueBalanceCents, FACE);
        assertFalse(r.suspended);

        vm.prank(pixelClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryNotTheHolder.selector, root, pixelClerk));
        receivables.markInArbitration(root, keccak256("case-1"));
        vm.expectEmit(address(receivables));
        emit IReceivableRegistry.PartInArbitration(root, keccak256("case-1"), acmeClerk);
        vm.prank(acmeClerk);
        receivables.markInArbitration(root, keccak256("case-1"));
        assertEq(uint8(receivables.partOf(root).state), uint8(IReceivableRegistry.PartState.InArbitration));

        // a late payment still settles, and cures the overdue balance
        vm.prank(novaClerk);
        receivables.recordSettlement(CONF, keccak256("late"));
        assertEq(receivables.overdueRecordOf(NOVA).overdueBalanceCents, 0);
        assertEq(receivables.overdueRecordOf(NOVA).events, 1, "the event stays disclosed");
    }

    function test_ThreeOverdueCertificatesInSixMonthsSuspendTheCoreUntilCured() public {
        bytes32[3] memory ids = [keccak256("o1"), keccak256("o2"), keccak256("o3")];
        for (uint256 i; i < 3; ++i) {
            _certificate(ids[i], 10_000_00);
        }
        vm.warp(_at(OCT_27 + GRACE_DAYS + 1));
        for (uint256 i; i < 3; ++i) {
            receivables.markOverdue(ids[i]);
        }
        assertTrue(receivables.isSuspended(NOVA));
        bytes32 inv = _invoice("26332000000000000190", 10_000_00);
        uint32 later = _today() + 30;
        vm.prank(novaClerk);
        _expect(abi.encodeWithSelector(IReceivableRegistry.ReceivableRegistryCoreSuspended.selector, NOVA));
        receivables.confirm(keccak256("new"), acmeClerk, 1_00, later, false, _ids(inv), WHY);
        for (uint256 i; i < 3; ++i) {
            vm.prank(novaClerk);
            receivables.recordSettlement(ids[i], keccak256("late"));
        }
        assertFalse(receivables.isSuspended(NOVA), "cured");
        assertEq(receivables.overdueRecordOf(NOVA).eventsInSixMonths, 3);
        vm.prank(novaClerk);
        receivables.confirm(keccak256("new"), acmeClerk, 1_00, later, false, _ids(inv), WHY);
    }

    function test_OverdueEventsOlderThanSixMonthsNoLongerCount() public {
        bytes32[3] memory ids = [keccak256("o1"), keccak256("o2"), keccak256("o3")];
        for (uint256 i; i < 3; ++i) {
            _certificate(ids[i], 10_000_00);
        }
        vm.warp(_at(OCT_27 + GRACE_DAYS + 1));
        receivables.markOverdue(ids[0]);
        vm.warp(block.timestamp + 184 days);
        receivables.markOverdue(ids[1]);
        receivables.markOverdue(ids[2]);
        IReceivableRegistry.OverdueRecord memory r = receivables.overdueRecordOf(NOVA);
        assertEq(r.events, 3);
        assertEq(r.eventsInSixMonths, 2);
        assertFalse(r.suspended);
    }

    // --- calendar ---

    function test_TheOperatorPublishesHolidaysAndMakeupWorkdays() public {
        uint32 oct1 = 20362; // Wed 2025-10-01, National Day
        uint32 oct11 = 20372; // Sat 2025-10-11, a makeup working day
        uint32[] memory days_ = new uint32[](2);
        days_[0] = oct1;
        days_[1] = oct11;
        IBusinessCalendar.DayKind[] memory kinds = new IBusinessCalendar.DayKind[](2);
        kinds[0] = IBusinessCalendar.DayKind.Holiday;
        kinds[1] = IBusinessCalendar.DayKind.Workday;
        vm.prank(icbcClerk);
        _expect(
            abi.encodeWithSelector(
                IBusinessCalendar.BusinessCalendarUnauthorized.selector, icbcClerk, ConsortiumRoles.PLATFORM_OPERATOR
            )
        );
        calendar.publish(days_, kinds);
        vm.expectEmit(address(calendar));
        emit IBusinessCalendar.DayPublished(oct1, IBusinessCalendar.DayKind.Holiday, OPERATOR);
        vm.prank(operatorClerk);
        calendar.publish(days_, kinds);
        assertFalse(calendar.isBusinessDay(oct1));
        assertTrue(calendar.isBusinessDay(oct11));
        assertEq(calendar.nextBusinessDay(oct1), oct1 + 1);
        assertEq(calendar.nextBusinessDay(oct11), oct11);
        assertEq(calendar.nextBusinessDay(oct11 + 1), oct11 + 2, "Sunday rolls to Monday");
    }

    // --- fuzz ---

    /// The contract's part-state table is the documented one.
    function testFuzz_TheTransitionTableIsTheDocumentedOne(uint8 from, uint8 to) public view {
        IReceivableRegistry.PartState f = IReceivableRegistry.PartState(bound(from, 0, 9));
        IReceivableRegistry.PartState t = IReceivableRegistry.PartState(bound(to, 0, 9));
        assertEq(receivables.isAllowed(f, t), _documentedTransition(f, t));
    }

    /// The on-chain interest is the §5 formula rounded half up, computed here another way.
    function testFuzz_DiscountInterestIsTheFormulaRoundedHalfUp(uint96 face, uint16 rateBp, uint16 days_) public view {
        uint256 rate = bound(rateBp, 1, 10_000);
        uint256 d = bound(days_, 1, 400);
        uint256 exact = uint256(face) * rate * d; // interest x 3,600,000
        uint256 floor = exact / 3_600_000;
        uint256 expected = exact - floor * 3_600_000 >= 1_800_000 ? floor + 1 : floor;
        assertEq(quotes.discountInterest(face, rate, d), expected);
    }

    /// A split sequence never creates or loses value, and every part sits in the slot once.
    function testFuzz_SplitAndOfferSequencesConserveTheFace(uint64[8] memory values, bool[8] memory offers) public {
        uint256 slot = receivables.slotOf(root);
        uint256 part = root;
        uint256 depth;
        for (uint256 i; i < 8; ++i) {
            uint256 balance = receivables.balanceOf(part);
            if (balance == 0) break;
            uint256 v = bound(values[i], 1, balance);
            vm.prank(acmeClerk);
            (bool ok, bytes memory ret) = offers[i]
                ? address(receivables)
                    .call(
                        abi.encodeCall(
                            IReceivableRegistry.offer, (part, v, pixelClerk, uint64(block.timestamp + 1 hours))
                        )
                    )
                : address(receivables).call(abi.encodeCall(IReceivableRegistry.split, (part, v)));
            assertEq(ok, (v >= MIN_SPLIT || v == balance) && depth < MAX_DEPTH, "floor, remainder exempt, depth");
            if (ok && !offers[i]) {
                part = abi.decode(ret, (uint256));
                ++depth;
            }
            assertEq(_slotValue(slot), FACE);
        }
    }

    /// Dates: adding months lands on the same day of the month or that month's last day.
    function testFuzz_CalendarRollsToTheFirstBusinessDay(uint32 day) public view {
        day = uint32(bound(day, 0, 60_000));
        uint32 next = calendar.nextBusinessDay(day);
        assertGe(next, day);
        assertLe(next, day + 2);
        assertTrue(calendar.isBusinessDay(next));
        for (uint32 d = day; d < next; ++d) {
            assertFalse(calendar.isBusinessDay(d));
        }
    }
}
