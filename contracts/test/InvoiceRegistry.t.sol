// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "../src/ConsortiumRoles.sol";
import {IInvoiceFinancing} from "../src/IInvoiceFinancing.sol";
import {IInvoiceRegistry} from "../src/IInvoiceRegistry.sol";
import {IMemberRegistry} from "../src/IMemberRegistry.sol";
import {InvoiceRegistry} from "../src/InvoiceRegistry.sol";
import {InvoiceFixture} from "./utils/InvoiceFixture.sol";

contract InvoiceRegistryTest is InvoiceFixture {
    bytes32 internal constant BLUE = keccak256(abi.encodePacked(uint8(1), "26332000000000000001"));
    bytes32 internal constant RED = keccak256(abi.encodePacked(uint8(1), "26332000000000000002"));
    bytes32 internal constant RED2 = keccak256(abi.encodePacked(uint8(1), "26332000000000000003"));
    bytes32 internal constant FIN = keccak256("financing-1");
    bytes32 internal constant WHY = keccak256("reason");

    uint256[] internal blueLines;

    function setUp() public {
        _deployInvoices();
        blueLines = _lines(113_00, 50_00, 7);
        _issue(BLUE, blueLines);
    }

    function _red(bytes32 redId, uint256 a, uint256 b, uint256 c) internal {
        vm.prank(acmeClerk);
        invoices.redLetter(BLUE, redId, keccak256(abi.encode(redId)), DATE, blueLines, _lines(a, b, c));
    }

    function _expectRevert(bytes memory err) internal {
        vm.expectRevert(err);
    }

    // --- issuers ---

    function test_ABureauAuthorisesAnIssuerWithKindsAndQuota() public {
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.IssuerAuthorised(PIXEL, TAX_HZ, keccak256("tax"), ONLY_ORDINARY, 5_00);
        vm.prank(taxClerk);
        invoices.authoriseIssuer(PIXEL, keccak256("tax"), ONLY_ORDINARY, 5_00);
        IInvoiceRegistry.Issuer memory i = invoices.issuerOf(PIXEL);
        assertEq(i.bureau, TAX_HZ);
        assertEq(i.taxIdDigest, keccak256("tax"));
        assertEq(i.kindMask, ONLY_ORDINARY);
        assertEq(i.quotaCents, 5_00);
        assertEq(i.usedCents, 0);
        assertFalse(i.suspended);
    }

    function test_RevertWhen_AuthorisingWithoutTheBureauRole() public {
        vm.prank(acmeClerk);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryUnauthorized.selector, acmeClerk, ConsortiumRoles.TAX_BUREAU
            )
        );
        invoices.authoriseIssuer(PIXEL, keccak256("tax"), BOTH_KINDS, QUOTA);
    }

    function test_RevertWhen_AuthorisingAnIssuerThatIsNotAnActiveMember() public {
        vm.startPrank(taxClerk);
        _expectRevert(
            abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidIssuer.selector, keccak256("nobody"))
        );
        invoices.authoriseIssuer(keccak256("nobody"), keccak256("tax"), BOTH_KINDS, QUOTA);
        vm.stopPrank();
        _suspendMember(PIXEL);
        vm.prank(taxClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidIssuer.selector, PIXEL));
        invoices.authoriseIssuer(PIXEL, keccak256("tax"), BOTH_KINDS, QUOTA);
    }

    function test_RevertWhen_AuthorisingAnIssuerTwice() public {
        vm.prank(taxGzClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryIssuerExists.selector, ACME));
        invoices.authoriseIssuer(ACME, keccak256("tax"), BOTH_KINDS, QUOTA);
    }

    function test_RevertWhen_AuthorisingWithBadFields() public {
        vm.startPrank(taxClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidHash.selector));
        invoices.authoriseIssuer(PIXEL, bytes32(0), BOTH_KINDS, QUOTA);
        uint8[3] memory bad = [uint8(0), uint8(1), uint8(1 << 3)];
        for (uint256 i; i < bad.length; ++i) {
            _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidKindMask.selector, bad[i]));
            invoices.authoriseIssuer(PIXEL, keccak256("tax"), bad[i], QUOTA);
        }
        vm.stopPrank();
    }

    function test_TheBureauChangesItsIssuersLimits() public {
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.IssuerLimitsChanged(ACME, ONLY_ORDINARY, 7);
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, ONLY_ORDINARY, 7);
        assertEq(invoices.issuerOf(ACME).kindMask, ONLY_ORDINARY);
        assertEq(invoices.issuerOf(ACME).quotaCents, 7);
        vm.prank(taxClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidKindMask.selector, uint8(0)));
        invoices.setIssuerLimits(ACME, 0, 7);
    }

    function test_RevertWhen_AnotherBureauChangesAnIssuer() public {
        vm.startPrank(taxGzClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotTheBureau.selector, ACME, TAX_GZ));
        invoices.setIssuerLimits(ACME, BOTH_KINDS, 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotTheBureau.selector, ACME, TAX_GZ));
        invoices.suspendIssuer(ACME, WHY);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotTheBureau.selector, ACME, TAX_GZ));
        invoices.reinstateIssuer(ACME);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotAnIssuer.selector, PIXEL));
        invoices.setIssuerLimits(PIXEL, BOTH_KINDS, 1);
        vm.stopPrank();
        vm.prank(acmeClerk);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryUnauthorized.selector, acmeClerk, ConsortiumRoles.TAX_BUREAU
            )
        );
        invoices.suspendIssuer(ACME, WHY);
    }

    function test_ASuspendedIssuerIssuesNothingUntilReinstated() public {
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.IssuerSuspended(ACME, TAX_HZ, WHY);
        vm.prank(taxClerk);
        invoices.suspendIssuer(ACME, WHY);
        assertTrue(invoices.issuerOf(ACME).suspended);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryIssuerSuspended.selector, ACME));
        _issue(_id("2"), blueLines);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryIssuerSuspended.selector, ACME));
        _red(RED, 1, 0, 0);

        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.IssuerReinstated(ACME, TAX_HZ);
        vm.prank(taxClerk);
        invoices.reinstateIssuer(ACME);
        _issue(_id("2"), blueLines);
        assertEq(uint8(_status(_id("2"))), uint8(IInvoiceRegistry.InvoiceStatus.Issued));
    }

    function test_RevertWhen_SuspendingOrReinstatingOutOfTurn() public {
        vm.startPrank(taxClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryIssuerNotSuspended.selector, ACME));
        invoices.reinstateIssuer(ACME);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidHash.selector));
        invoices.suspendIssuer(ACME, bytes32(0));
        invoices.suspendIssuer(ACME, WHY);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryIssuerSuspended.selector, ACME));
        invoices.suspendIssuer(ACME, WHY);
        vm.stopPrank();
    }

    // --- issuing ---

    function test_IssuingRecordsEveryFieldAndUsesQuota() public {
        bytes32 id = invoices.invoiceIdOf(ORDINARY, "26332000000000000009");
        assertEq(id, keccak256(abi.encodePacked(ORDINARY, "26332000000000000009")));
        bytes32 digest = _digest(blueLines);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssued(id, ACME, NOVA, ORDINARY, keccak256("rec"), 163_07, CNY, DATE);
        vm.prank(acmeClerk);
        invoices.issue(id, ORDINARY, keccak256("rec"), NOVA, 163_07, CNY, DATE, digest);
        IInvoiceRegistry.Invoice memory v = invoices.invoiceOf(id);
        assertEq(uint8(v.status), uint8(IInvoiceRegistry.InvoiceStatus.Issued));
        assertEq(v.seller, ACME);
        assertEq(v.buyer, NOVA);
        assertEq(v.kind, ORDINARY);
        assertEq(v.recordDigest, keccak256("rec"));
        assertEq(v.linesDigest, digest);
        assertEq(v.totalCents, 163_07);
        assertEq(v.remainingCents, 163_07);
        assertEq(v.currency, CNY);
        assertEq(v.issueDate, DATE);
        assertFalse(v.isRed);
        assertEq(v.holder, bytes32(0));
        assertEq(invoices.issuerOf(ACME).usedCents, 2 * 163_07);
        assertEq(invoices.remainingOf(id), 163_07);
        assertTrue(invoices.isLive(id));
        assertEq(uint8(invoices.invoiceOf(keccak256("none")).status), uint8(IInvoiceRegistry.InvoiceStatus.None));
    }

    function test_RevertWhen_IssuingAnIdTwice() public {
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvoiceExists.selector, BLUE));
        _issue(BLUE, blueLines);
    }

    function test_RevertWhen_IssuingWithoutBeingAnAuthorisedIssuer() public {
        vm.prank(pixelClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotAnIssuer.selector, PIXEL));
        invoices.issue(_id("2"), SPECIAL, keccak256("r"), NOVA, 1, CNY, DATE, keccak256("l"));
        vm.prank(outsider);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotAMember.selector, outsider));
        invoices.issue(_id("2"), SPECIAL, keccak256("r"), NOVA, 1, CNY, DATE, keccak256("l"));
        _suspendMember(ACME);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotAMember.selector, acmeClerk));
        _issue(_id("2"), blueLines);
    }

    function test_TheQuotaIsPerCalendarMonthInChinaStandardTime() public {
        // 2026-11-30 23:59:00 in Beijing (15:59 UTC): November's quota, untouched (setUp issued in January 1970)
        vm.warp(1_796_054_340);
        assertEq(invoices.issuerOf(ACME).usedCents, 0);
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, BOTH_KINDS, 10);
        _issue(_id("2"), _lines(10, 0, 0)); // November's quota used up
        assertEq(invoices.issuerOf(ACME).usedCents, 10);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryQuotaExceeded.selector, ACME, 10, 1, 10));
        _issue(_id("3"), _lines(1, 0, 0));
        // one minute later it is December in Beijing (still November 30 in UTC): a fresh quota
        vm.warp(1_796_054_400);
        assertEq(invoices.issuerOf(ACME).usedCents, 0);
        _issue(_id("3"), _lines(7, 0, 0));
        assertEq(invoices.issuerOf(ACME).usedCents, 7);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryQuotaExceeded.selector, ACME, 7, 4, 10));
        _issue(_id("4"), _lines(4, 0, 0));
    }

    function test_RevertWhen_IssuingAKindNotAllowed() public {
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, ONLY_ORDINARY, QUOTA);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryKindNotAllowed.selector, ACME, SPECIAL));
        _issue(_id("2"), blueLines);
    }

    function test_RevertWhen_IssuingPastTheQuota() public {
        uint256 used = _sum(blueLines);
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, BOTH_KINDS, used + 10);
        _expectRevert(
            abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryQuotaExceeded.selector, ACME, used, 11, used + 10)
        );
        _issue(_id("2"), _lines(11, 0, 0));
        _issue(_id("2"), _lines(10, 0, 0)); // exactly up to the quota
        assertEq(invoices.issuerOf(ACME).usedCents, used + 10);
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, BOTH_KINDS, 1); // below what it used
        _expectRevert(
            abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryQuotaExceeded.selector, ACME, used + 10, 1, 1)
        );
        _issue(_id("3"), _lines(1, 0, 0));
    }

    function test_RevertWhen_IssuingInvalidFields() public {
        bytes32 id = _id("2");
        vm.startPrank(acmeClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, bytes32(0)));
        invoices.issue(bytes32(0), SPECIAL, keccak256("r"), NOVA, 1, CNY, DATE, keccak256("l"));
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, id));
        invoices.issue(id, 3, keccak256("r"), NOVA, 1, CNY, DATE, keccak256("l"));
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, id));
        invoices.issue(id, 0, keccak256("r"), NOVA, 1, CNY, DATE, keccak256("l"));
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, id));
        invoices.issue(id, SPECIAL, bytes32(0), NOVA, 1, CNY, DATE, keccak256("l"));
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, id));
        invoices.issue(id, SPECIAL, keccak256("r"), NOVA, 0, CNY, DATE, keccak256("l"));
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, id));
        invoices.issue(id, SPECIAL, keccak256("r"), NOVA, uint256(type(uint96).max) + 1, CNY, DATE, keccak256("l"));
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, id));
        invoices.issue(id, SPECIAL, keccak256("r"), NOVA, 1, bytes3(0), DATE, keccak256("l"));
        uint32[4] memory badDates = [uint32(0), 20261301, 20260100, 20260132];
        for (uint256 i; i < badDates.length; ++i) {
            _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, id));
            invoices.issue(id, SPECIAL, keccak256("r"), NOVA, 1, CNY, badDates[i], keccak256("l"));
        }
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, id));
        invoices.issue(id, SPECIAL, keccak256("r"), NOVA, 1, CNY, DATE, bytes32(0));
        vm.stopPrank();
    }

    function test_RevertWhen_IssuingToAnInvalidBuyer() public {
        _suspendMember(PIXEL);
        bytes32[4] memory bad = [bytes32(0), ACME, keccak256("nobody"), PIXEL];
        for (uint256 i; i < bad.length; ++i) {
            vm.prank(acmeClerk);
            _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidBuyer.selector, bad[i]));
            invoices.issue(_id("2"), SPECIAL, keccak256("r"), bad[i], 1, CNY, DATE, keccak256("l"));
        }
    }

    // --- batch issuing ---

    struct Batch {
        bytes32[] ids;
        uint8[] kinds;
        bytes32[] records;
        bytes32[] buyers;
        uint256[] totals;
        bytes3[] currencies;
        uint32[] dates;
        bytes32[] lines;
    }

    function _batch(uint256 n, uint256 offset) internal pure returns (Batch memory b) {
        b.ids = new bytes32[](n);
        b.kinds = new uint8[](n);
        b.records = new bytes32[](n);
        b.buyers = new bytes32[](n);
        b.totals = new uint256[](n);
        b.currencies = new bytes3[](n);
        b.dates = new uint32[](n);
        b.lines = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            b.ids[i] = keccak256(abi.encodePacked(SPECIAL, vm.toString(offset + i)));
            b.kinds[i] = SPECIAL;
            b.records[i] = keccak256(abi.encode("record", offset + i));
            b.buyers[i] = i % 2 == 0 ? NOVA : PIXEL;
            b.totals[i] = 100_00 + i;
            b.currencies[i] = CNY;
            b.dates[i] = DATE;
            b.lines[i] = keccak256(abi.encode("lines", offset + i));
        }
    }

    function _issueBatch(address clerk, Batch memory b) internal {
        vm.prank(clerk);
        invoices.issueBatch(b.ids, b.kinds, b.records, b.buyers, b.totals, b.currencies, b.dates, b.lines);
    }

    function test_ABatchIssuesTheGoodItemsAndRefusesEachOtherWithItsReason() public {
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, BOTH_KINDS, _sum(blueLines) + 100_00 + 100_02);
        Batch memory b = _batch(7, 100);
        b.ids[1] = BLUE; // duplicate of an issued invoice
        b.kinds[3] = 3; // invalid kind
        b.buyers[4] = ACME; // invoicing itself
        b.totals[5] = 0;
        b.ids[6] = b.ids[0]; // duplicate within the batch
        // items 0 and 2 fit the quota; 3..6 are refused before it
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssued(b.ids[0], ACME, NOVA, SPECIAL, b.records[0], b.totals[0], CNY, DATE);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssueRefused(BLUE, ACME, uint8(IInvoiceRegistry.Refusal.DUPLICATE));
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssued(b.ids[2], ACME, NOVA, SPECIAL, b.records[2], b.totals[2], CNY, DATE);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssueRefused(b.ids[3], ACME, uint8(IInvoiceRegistry.Refusal.INVALID));
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssueRefused(b.ids[4], ACME, uint8(IInvoiceRegistry.Refusal.INVALID));
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssueRefused(b.ids[5], ACME, uint8(IInvoiceRegistry.Refusal.INVALID));
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssueRefused(b.ids[0], ACME, uint8(IInvoiceRegistry.Refusal.DUPLICATE));
        _issueBatch(acmeClerk, b);
        assertEq(invoices.invoiceOf(b.ids[2]).buyer, NOVA);
        assertEq(invoices.issuerOf(ACME).usedCents, _sum(blueLines) + 100_00 + 100_02);

        Batch memory more = _batch(2, 200);
        more.kinds[1] = ORDINARY;
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, ONLY_ORDINARY, QUOTA);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssueRefused(more.ids[0], ACME, uint8(IInvoiceRegistry.Refusal.KIND_NOT_ALLOWED));
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssued(
            more.ids[1], ACME, PIXEL, ORDINARY, more.records[1], more.totals[1], CNY, DATE
        );
        _issueBatch(acmeClerk, more);
    }

    function test_ABatchOverTheQuotaIssuesUpToIt() public {
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, BOTH_KINDS, _sum(blueLines) + 100_00 + 100_01);
        Batch memory b = _batch(3, 300);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssueRefused(b.ids[2], ACME, uint8(IInvoiceRegistry.Refusal.QUOTA_EXCEEDED));
        _issueBatch(acmeClerk, b);
        assertEq(uint8(_status(b.ids[1])), uint8(IInvoiceRegistry.InvoiceStatus.Issued));
        assertEq(uint8(_status(b.ids[2])), uint8(IInvoiceRegistry.InvoiceStatus.None));
    }

    function test_ABatchFromANonIssuerASuspendedIssuerOrANonMemberRefusesEveryItem() public {
        Batch memory b = _batch(2, 400);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssueRefused(b.ids[1], PIXEL, uint8(IInvoiceRegistry.Refusal.NOT_AUTHORISED));
        _issueBatch(pixelClerk, b);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssueRefused(b.ids[1], bytes32(0), uint8(IInvoiceRegistry.Refusal.NOT_MEMBER));
        _issueBatch(outsider, b);
        vm.prank(taxClerk);
        invoices.suspendIssuer(ACME, WHY);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceIssueRefused(b.ids[1], ACME, uint8(IInvoiceRegistry.Refusal.SUSPENDED));
        _issueBatch(acmeClerk, b);
        assertEq(uint8(_status(b.ids[0])), uint8(IInvoiceRegistry.InvoiceStatus.None));
    }

    function test_RevertWhen_BatchArraysDifferInLength() public {
        Batch memory b = _batch(2, 500);
        b.dates = new uint32[](1);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryBatchLengthMismatch.selector));
        _issueBatch(acmeClerk, b);
    }

    /// Gas per issued invoice in a batch of 200 (two alternating buyers, fresh ids): see the log.
    function test_ABatchOfTwoHundredInvoicesFitsOneTransaction() public {
        Batch memory b = _batch(200, 1000);
        vm.prank(acmeClerk);
        uint256 before = gasleft();
        invoices.issueBatch(b.ids, b.kinds, b.records, b.buyers, b.totals, b.currencies, b.dates, b.lines);
        uint256 perItem = (before - gasleft()) / 200;
        emit log_named_uint("gas per issued invoice (batch of 200, execution only)", perItem);
        assertEq(uint8(_status(b.ids[199])), uint8(IInvoiceRegistry.InvoiceStatus.Issued));
        assertLt(perItem, 90_000);
    }

    // --- red-letter ---

    function test_RedLetteringPartThenTheRestOfAnInvoice() public {
        uint256 total = _sum(blueLines);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceRedLettered(BLUE, RED, keccak256(abi.encode(RED)), 13_00 + 7, total - 13_07);
        _red(RED, 13_00, 0, 7);
        IInvoiceRegistry.Invoice memory blue = invoices.invoiceOf(BLUE);
        assertEq(uint8(blue.status), uint8(IInvoiceRegistry.InvoiceStatus.PartlyRedLettered));
        assertEq(blue.remainingCents, total - 13_07);
        assertEq(invoices.lineRedCentsOf(BLUE, 0), 13_00);
        assertEq(invoices.lineRedCentsOf(BLUE, 2), 7);
        IInvoiceRegistry.Invoice memory red = invoices.invoiceOf(RED);
        assertEq(uint8(red.status), uint8(IInvoiceRegistry.InvoiceStatus.Red));
        assertTrue(red.isRed);
        assertEq(red.redOf, BLUE);
        assertEq(red.totalCents, 13_07);
        assertEq(red.remainingCents, 0);
        assertEq(red.seller, ACME);
        assertEq(red.buyer, NOVA);
        assertEq(red.kind, SPECIAL);
        assertEq(red.currency, CNY);
        assertEq(invoices.remainingOf(RED), 0);
        assertFalse(invoices.isLive(RED));

        uint256 used = invoices.issuerOf(ACME).usedCents;
        _red(RED2, 100_00, 50_00, 0);
        assertEq(uint8(_status(BLUE)), uint8(IInvoiceRegistry.InvoiceStatus.FullyRedLettered));
        assertEq(invoices.remainingOf(BLUE), 0);
        assertEq(invoices.issuerOf(ACME).usedCents, used, "red-letters give no quota back");
        assertFalse(invoices.isLive(BLUE));
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryFullyRedLettered.selector, BLUE));
        _red(_id("9"), 0, 0, 0);
    }

    function test_RevertWhen_TheBlueLinesDoNotMatchTheInvoice() public {
        vm.startPrank(acmeClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryLinesMismatch.selector, BLUE));
        invoices.redLetter(BLUE, RED, WHY, DATE, _lines(113_00, 50_00, 8), _lines(1, 0, 0));
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryLinesMismatch.selector, BLUE));
        invoices.redLetter(BLUE, RED, WHY, DATE, blueLines, new uint256[](2));
        vm.stopPrank();
        // lines that hash right but do not add up to the total are caught at the first red-letter
        uint256[] memory short = _lines(10, 20, 30);
        vm.prank(acmeClerk);
        invoices.issue(_id("7"), SPECIAL, WHY, NOVA, 61, CNY, DATE, _digest(short));
        vm.prank(acmeClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryLinesMismatch.selector, _id("7")));
        invoices.redLetter(_id("7"), RED, WHY, DATE, short, _lines(1, 0, 0));
    }

    function test_RevertWhen_RedExceedsALineOrTheRemainder() public {
        _red(RED, 0, 49_00, 0);
        _expectRevert(
            abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryRedExceedsLine.selector, BLUE, 1, 1_00, 1_01)
        );
        _red(RED2, 0, 1_01, 0);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceRegistry.InvoiceRegistryInvalidRedAmount.selector, BLUE, 0, _sum(blueLines) - 49_00
            )
        );
        _red(RED2, 0, 0, 0);
    }

    function test_RevertWhen_RedLetteringWithBadIdsOrFields() public {
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, bytes32(0)));
        _red(bytes32(0), 1, 0, 0);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvoiceExists.selector, BLUE));
        _red(BLUE, 1, 0, 0);
        vm.startPrank(acmeClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidHash.selector));
        invoices.redLetter(BLUE, RED, bytes32(0), DATE, blueLines, _lines(1, 0, 0));
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidInvoice.selector, RED));
        invoices.redLetter(BLUE, RED, WHY, 20261232, blueLines, _lines(1, 0, 0));
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryUnknownInvoice.selector, RED2));
        invoices.redLetter(RED2, RED, WHY, DATE, blueLines, _lines(1, 0, 0));
        vm.stopPrank();
    }

    function test_RevertWhen_RedLetteringARedInvoice() public {
        _red(RED, 1, 0, 0);
        vm.prank(acmeClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryRedInvoice.selector, RED));
        invoices.redLetter(RED, RED2, WHY, DATE, blueLines, _lines(1, 0, 0));
    }

    function test_RevertWhen_RedLetteringByAnotherThanTheSeller() public {
        vm.prank(novaClerk); // an issuer, but not this invoice's seller
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotTheSeller.selector, BLUE, NOVA));
        invoices.redLetter(BLUE, RED, WHY, DATE, blueLines, _lines(1, 0, 0));
        vm.prank(pixelClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotAnIssuer.selector, PIXEL));
        invoices.redLetter(BLUE, RED, WHY, DATE, blueLines, _lines(1, 0, 0));
        vm.prank(outsider);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotAMember.selector, outsider));
        invoices.redLetter(BLUE, RED, WHY, DATE, blueLines, _lines(1, 0, 0));
    }

    function test_RevertWhen_RedLetteringAPledgedInvoice() public {
        vm.prank(financingRegistry);
        invoices.pledge(BLUE, FIN, 10_00);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, BLUE));
        _red(RED, 1, 0, 0);
        vm.prank(financingRegistry);
        invoices.release(BLUE, FIN);
        _red(RED, 1, 0, 0);
    }

    function test_ABookedAndReimbursedInvoiceCanStillBeRedLettered() public {
        vm.prank(novaClerk);
        invoices.book(BLUE, 1);
        vm.prank(novaClerk);
        invoices.reimburse(BLUE);
        _red(RED, 113_00, 50_00, 7);
        assertEq(uint8(_status(BLUE)), uint8(IInvoiceRegistry.InvoiceStatus.FullyRedLettered));
    }

    // --- booking ---

    function test_TheBuyerBooksThenReimbursesAndUndoesBoth() public {
        vm.warp(1_800_000_000);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceBooked(BLUE, NOVA, 2);
        vm.prank(novaClerk);
        invoices.book(BLUE, 2);
        IInvoiceRegistry.Invoice memory v = invoices.invoiceOf(BLUE);
        assertEq(v.holder, NOVA);
        assertEq(v.bookedMark, 2);
        assertEq(v.bookedAt, 1_800_000_000);

        vm.prank(novaClerk);
        invoices.reimburse(BLUE);
        v = invoices.invoiceOf(BLUE);
        assertTrue(v.reimbursed);
        assertEq(v.reimbursedAt, 1_800_000_000);

        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceUnbooked(BLUE, NOVA, WHY);
        vm.prank(novaClerk);
        invoices.unbook(BLUE, WHY);
        assertEq(invoices.invoiceOf(BLUE).holder, NOVA, "still reimbursed by Nova");
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceReimbursementReversed(BLUE, NOVA, WHY);
        vm.prank(novaClerk);
        invoices.reverseReimbursement(BLUE, WHY);
        v = invoices.invoiceOf(BLUE);
        assertEq(v.holder, bytes32(0));
        assertEq(v.bookedMark, 0);
        assertFalse(v.reimbursed);
        // with no claimant left, another member may reimburse it
        vm.prank(pixelClerk);
        invoices.reimburse(BLUE);
        assertEq(invoices.invoiceOf(BLUE).holder, PIXEL);
    }

    function test_RevertWhen_BookingByAnotherThanTheBuyerOrWithABadMark() public {
        vm.startPrank(pixelClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotTheBuyer.selector, BLUE, PIXEL));
        invoices.book(BLUE, 1);
        vm.stopPrank();
        vm.startPrank(novaClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidMark.selector, uint8(0)));
        invoices.book(BLUE, 0);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidMark.selector, uint8(3)));
        invoices.book(BLUE, 3);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryUnknownInvoice.selector, RED));
        invoices.book(RED, 1);
        vm.stopPrank();
        vm.prank(outsider);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotAMember.selector, outsider));
        invoices.book(BLUE, 1);
    }

    function test_RevertWhen_BookingTwiceOrAfterAnotherMemberReimbursed() public {
        vm.warp(1_800_000_000);
        vm.prank(novaClerk);
        invoices.book(BLUE, 1);
        vm.prank(novaClerk);
        _expectRevert(
            abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryAlreadyBooked.selector, BLUE, NOVA, 1_800_000_000)
        );
        invoices.book(BLUE, 2);

        bytes32 other = _id("2");
        _issue(other, blueLines);
        vm.warp(1_800_000_100);
        vm.prank(pixelClerk);
        invoices.reimburse(other);
        vm.prank(novaClerk);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryAlreadyReimbursed.selector, other, PIXEL, 1_800_000_100
            )
        );
        invoices.book(other, 1);
    }

    function test_RevertWhen_BookingARedOrFullyRedLetteredInvoice() public {
        _red(RED, 113_00, 50_00, 7);
        vm.startPrank(novaClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryFullyRedLettered.selector, BLUE));
        invoices.book(BLUE, 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryRedInvoice.selector, RED));
        invoices.book(RED, 1);
        vm.stopPrank();
    }

    function test_RevertWhen_UnbookingWhatIsNotBookedOrNotOwn() public {
        vm.startPrank(novaClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotBooked.selector, BLUE));
        invoices.unbook(BLUE, WHY);
        invoices.book(BLUE, 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidHash.selector));
        invoices.unbook(BLUE, bytes32(0));
        vm.stopPrank();
        vm.prank(pixelClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotTheHolder.selector, BLUE, PIXEL));
        invoices.unbook(BLUE, WHY);
    }

    // --- reimbursement ---

    function test_AnInvoiceIsReimbursedOnceAcrossTheConsortium() public {
        vm.warp(1_800_000_000);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceReimbursed(BLUE, PIXEL);
        vm.prank(pixelClerk);
        invoices.reimburse(BLUE);
        vm.prank(pixelClerk);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryAlreadyReimbursed.selector, BLUE, PIXEL, 1_800_000_000
            )
        );
        invoices.reimburse(BLUE);
        vm.prank(novaClerk);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryAlreadyReimbursed.selector, BLUE, PIXEL, 1_800_000_000
            )
        );
        invoices.reimburse(BLUE);
        assertFalse(invoices.isLive(BLUE));
    }

    function test_RevertWhen_ReimbursingAnInvoiceBookedByAnotherMember() public {
        vm.warp(1_800_000_000);
        vm.prank(novaClerk);
        invoices.book(BLUE, 1);
        vm.prank(pixelClerk);
        _expectRevert(
            abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryAlreadyBooked.selector, BLUE, NOVA, 1_800_000_000)
        );
        invoices.reimburse(BLUE);
    }

    function test_RevertWhen_ReimbursingAPledgedRedFullyRedLetteredOrUnknownInvoice() public {
        vm.prank(financingRegistry);
        invoices.pledge(BLUE, FIN, 1);
        vm.startPrank(pixelClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, BLUE));
        invoices.reimburse(BLUE);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryUnknownInvoice.selector, RED));
        invoices.reimburse(RED);
        vm.stopPrank();
        vm.prank(financingRegistry);
        invoices.release(BLUE, FIN);
        _red(RED, 113_00, 50_00, 7);
        vm.startPrank(pixelClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryFullyRedLettered.selector, BLUE));
        invoices.reimburse(BLUE);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryRedInvoice.selector, RED));
        invoices.reimburse(RED);
        vm.stopPrank();
        vm.prank(outsider);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotAMember.selector, outsider));
        invoices.reimburse(BLUE);
    }

    function test_RevertWhen_ReversingAReimbursementThatIsNotThereOrNotOwn() public {
        vm.prank(pixelClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotReimbursed.selector, BLUE));
        invoices.reverseReimbursement(BLUE, WHY);
        vm.prank(pixelClerk);
        invoices.reimburse(BLUE);
        vm.prank(novaClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryNotTheHolder.selector, BLUE, NOVA));
        invoices.reverseReimbursement(BLUE, WHY);
        vm.prank(pixelClerk);
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidHash.selector));
        invoices.reverseReimbursement(BLUE, bytes32(0));
    }

    function test_ABatchReimbursesTheGoodItemsAndNamesWhoHoldsTheOthers() public {
        vm.warp(1_800_000_000);
        bytes32 booked = _id("2");
        bytes32 pledged = _id("3");
        bytes32 fresh = _id("4");
        _issue(booked, blueLines);
        _issue(pledged, blueLines);
        _issue(fresh, blueLines);
        vm.prank(novaClerk);
        invoices.book(booked, 1);
        vm.prank(financingRegistry);
        invoices.pledge(pledged, FIN, 1);
        vm.prank(novaClerk);
        invoices.reimburse(BLUE);

        bytes32[] memory ids = new bytes32[](5);
        ids[0] = fresh;
        ids[1] = BLUE;
        ids[2] = booked;
        ids[3] = pledged;
        ids[4] = RED;
        vm.warp(1_800_000_500);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceReimbursed(fresh, PIXEL);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceReimbursementRefused(
            BLUE, PIXEL, uint8(IInvoiceRegistry.Refusal.ALREADY_REIMBURSED), NOVA, 1_800_000_000
        );
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceReimbursementRefused(
            booked, PIXEL, uint8(IInvoiceRegistry.Refusal.ALREADY_BOOKED_ELSEWHERE), NOVA, 1_800_000_000
        );
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceReimbursementRefused(pledged, PIXEL, uint8(IInvoiceRegistry.Refusal.PLEDGED), 0, 0);
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceReimbursementRefused(
            RED, PIXEL, uint8(IInvoiceRegistry.Refusal.UNKNOWN_INVOICE), 0, 0
        );
        vm.prank(pixelClerk);
        invoices.reimburseBatch(ids);
        assertEq(invoices.invoiceOf(fresh).holder, PIXEL);
        assertEq(invoices.invoiceOf(fresh).reimbursedAt, 1_800_000_500);

        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceReimbursementRefused(
            fresh, bytes32(0), uint8(IInvoiceRegistry.Refusal.NOT_MEMBER), 0, 0
        );
        vm.prank(outsider);
        invoices.reimburseBatch(ids);
    }

    function test_ABatchRefusesRedAndFullyRedLetteredInvoices() public {
        _red(RED, 113_00, 50_00, 7);
        bytes32[] memory ids = new bytes32[](2);
        ids[0] = BLUE;
        ids[1] = RED;
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceReimbursementRefused(
            BLUE, PIXEL, uint8(IInvoiceRegistry.Refusal.FULLY_RED_LETTERED), 0, 0
        );
        vm.expectEmit(address(invoices));
        emit IInvoiceRegistry.InvoiceReimbursementRefused(RED, PIXEL, uint8(IInvoiceRegistry.Refusal.RED_INVOICE), 0, 0);
        vm.prank(pixelClerk);
        invoices.reimburseBatch(ids);
    }

    /// Gas per reimbursed invoice in a batch of 200: see the log.
    function test_ABatchOfTwoHundredReimbursements() public {
        Batch memory b = _batch(200, 2000);
        for (uint256 i; i < 200; ++i) {
            b.buyers[i] = NOVA;
        }
        _issueBatch(acmeClerk, b);
        vm.prank(pixelClerk);
        invoices.reimburse(BLUE); // Pixel has its member index already, as any member after its first claim
        vm.prank(pixelClerk);
        uint256 before = gasleft();
        invoices.reimburseBatch(b.ids);
        uint256 perItem = (before - gasleft()) / 200;
        emit log_named_uint("gas per reimbursed invoice (batch of 200, execution only)", perItem);
        assertEq(invoices.invoiceOf(b.ids[199]).holder, PIXEL);
        assertLt(perItem, 40_000);
    }

    // --- financing ---

    function test_AFinancingRegistryPledgesAndReleasesALiveInvoice() public {
        _red(RED, 13_00, 0, 0);
        uint256 remaining = _sum(blueLines) - 13_00;
        assertEq(invoices.remainingOf(BLUE), remaining);
        vm.expectEmit(address(invoices));
        emit IInvoiceFinancing.InvoicePledged(BLUE, FIN, remaining);
        vm.prank(financingRegistry);
        invoices.pledge(BLUE, FIN, remaining);
        IInvoiceRegistry.Invoice memory v = invoices.invoiceOf(BLUE);
        assertEq(v.financingId, FIN);
        assertEq(v.pledgedCents, remaining);
        assertFalse(invoices.isLive(BLUE));

        vm.expectEmit(address(invoices));
        emit IInvoiceFinancing.InvoiceReleased(BLUE, FIN);
        vm.prank(financingRegistry);
        invoices.release(BLUE, FIN);
        v = invoices.invoiceOf(BLUE);
        assertEq(v.financingId, bytes32(0));
        assertEq(v.pledgedCents, 0);
        assertTrue(invoices.isLive(BLUE));
    }

    function test_RevertWhen_PledgingWithoutTheRoleOrWithBadFields() public {
        vm.prank(acmeClerk);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryUnauthorized.selector, acmeClerk, ConsortiumRoles.FINANCING_REGISTRY
            )
        );
        invoices.pledge(BLUE, FIN, 1);
        vm.startPrank(financingRegistry);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryInvalidFinancing.selector, bytes32(0)));
        invoices.pledge(BLUE, bytes32(0), 1);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryInvalidPledgeAmount.selector, BLUE, 0, _sum(blueLines)
            )
        );
        invoices.pledge(BLUE, FIN, 0);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryInvalidPledgeAmount.selector,
                BLUE,
                _sum(blueLines) + 1,
                _sum(blueLines)
            )
        );
        invoices.pledge(BLUE, FIN, _sum(blueLines) + 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryUnknownInvoice.selector, RED));
        invoices.pledge(RED, FIN, 1);
        invoices.pledge(BLUE, FIN, 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, BLUE));
        invoices.pledge(BLUE, keccak256("other"), 1);
        vm.stopPrank();
    }

    function test_RevertWhen_PledgingAReimbursedRedOrFullyRedLetteredInvoice() public {
        vm.warp(1_800_000_000);
        vm.prank(pixelClerk);
        invoices.reimburse(BLUE);
        vm.prank(financingRegistry);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryAlreadyReimbursed.selector, BLUE, PIXEL, 1_800_000_000
            )
        );
        invoices.pledge(BLUE, FIN, 1);
        bytes32 other = _id("2");
        _issue(other, blueLines);
        vm.prank(acmeClerk);
        invoices.redLetter(other, RED, WHY, DATE, blueLines, blueLines);
        vm.startPrank(financingRegistry);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryFullyRedLettered.selector, other));
        invoices.pledge(other, FIN, 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryRedInvoice.selector, RED));
        invoices.pledge(RED, FIN, 1);
        vm.stopPrank();
    }

    function test_RevertWhen_ReleasingAnotherFinancingOrFromAnotherAccount() public {
        address otherRegistry = makeAddr("otherFinancingRegistry");
        _pass(IMemberRegistry.Action.AddAccount, BANK, otherRegistry, bytes32(0));
        vm.prank(financingRegistry);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryNotPledgedTo.selector, BLUE, FIN));
        invoices.release(BLUE, FIN);
        vm.prank(financingRegistry);
        invoices.pledge(BLUE, FIN, 1);
        vm.prank(financingRegistry);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryNotPledgedTo.selector, BLUE, WHY));
        invoices.release(BLUE, WHY);
        vm.prank(otherRegistry);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryNotPledgedTo.selector, BLUE, FIN));
        invoices.release(BLUE, FIN);
        vm.prank(financingRegistry);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryUnknownInvoice.selector, RED));
        invoices.release(RED, FIN);
        vm.prank(outsider);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryUnauthorized.selector, outsider, ConsortiumRoles.FINANCING_REGISTRY
            )
        );
        invoices.release(BLUE, FIN);
    }

    function test_TheSameFinancingTopsUpItsPledgeAndReducesIt() public {
        uint256 total = _sum(blueLines);
        vm.startPrank(financingRegistry);
        invoices.pledge(BLUE, FIN, 10_00);
        assertEq(invoices.pledgeableOf(BLUE, FIN), total - 10_00);
        vm.expectEmit(address(invoices));
        emit IInvoiceFinancing.InvoicePledged(BLUE, FIN, 20_00);
        invoices.pledge(BLUE, FIN, 20_00);
        assertEq(invoices.invoiceOf(BLUE).pledgedCents, 30_00);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryInvalidPledgeAmount.selector, BLUE, total - 30_00 + 1, total - 30_00
            )
        );
        invoices.pledge(BLUE, FIN, total - 30_00 + 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, BLUE));
        invoices.pledge(BLUE, WHY, 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, BLUE));
        invoices.pledgeableOf(BLUE, WHY);

        vm.expectEmit(address(invoices));
        emit IInvoiceFinancing.InvoicePledgeReduced(BLUE, FIN, 25_00, 5_00);
        invoices.reducePledge(BLUE, FIN, 25_00);
        _expectRevert(
            abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryInvalidPledgeAmount.selector, BLUE, 5_01, 5_00)
        );
        invoices.reducePledge(BLUE, FIN, 5_01);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryNotPledgedTo.selector, BLUE, WHY));
        invoices.reducePledge(BLUE, WHY, 1);
        invoices.reducePledge(BLUE, FIN, 5_00);
        vm.stopPrank();
        assertEq(invoices.pledgeOf(BLUE).financingId, FIN, "a pledge reduced to zero stays until released");
        assertFalse(invoices.isLive(BLUE));
    }

    function test_RevertWhen_AnotherAccountTopsUpOrReduces() public {
        address otherRegistry = makeAddr("otherFinancingRegistry");
        _pass(IMemberRegistry.Action.AddAccount, BANK, otherRegistry, bytes32(0));
        vm.prank(financingRegistry);
        invoices.pledge(BLUE, FIN, 1);
        vm.startPrank(otherRegistry);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, BLUE));
        invoices.pledge(BLUE, FIN, 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryNotPledgedTo.selector, BLUE, FIN));
        invoices.reducePledge(BLUE, FIN, 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryNotPledgedTo.selector, BLUE, FIN));
        invoices.consentToRed(BLUE, FIN, 1);
        vm.stopPrank();
    }

    function test_ARedLetterOnAPledgedInvoiceGoesThroughWithinTheFinancingsConsent() public {
        vm.prank(financingRegistry);
        invoices.pledge(BLUE, FIN, 100_00);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, BLUE));
        _red(RED, 13_00, 0, 0);

        vm.expectEmit(address(invoices));
        emit IInvoiceFinancing.InvoiceRedConsented(BLUE, FIN, 10_00, 10_00);
        vm.prank(financingRegistry);
        invoices.consentToRed(BLUE, FIN, 10_00);
        IInvoiceFinancing.Pledge memory p = invoices.pledgeOf(BLUE);
        assertEq(p.amountCents, 90_00);
        assertEq(p.redAllowanceCents, 10_00);
        vm.prank(financingRegistry);
        assertEq(invoices.pledgeableOf(BLUE, FIN), _sum(blueLines) - 100_00, "the consent is not pledgeable");
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, BLUE));
        _red(RED, 10_01, 0, 0);

        _red(RED, 6_00, 0, 0);
        p = invoices.pledgeOf(BLUE);
        assertEq(p.redAllowanceCents, 4_00, "the red-letter used up its amount of the consent");
        assertEq(p.amountCents, 90_00);
        _red(RED2, 4_00, 0, 0);
        assertEq(invoices.pledgeOf(BLUE).redAllowanceCents, 0);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, BLUE));
        _red(_id("9"), 1, 0, 0);
        assertEq(invoices.remainingOf(BLUE), _sum(blueLines) - 10_00);
    }

    function test_AWholeRedLetterOfAPledgedInvoiceLeavesAPledgeOfZero() public {
        uint256 total = _sum(blueLines);
        vm.startPrank(financingRegistry);
        invoices.pledge(BLUE, FIN, total);
        invoices.consentToRed(BLUE, FIN, total);
        vm.stopPrank();
        _red(RED, 113_00, 50_00, 7);
        IInvoiceFinancing.Pledge memory p = invoices.pledgeOf(BLUE);
        assertEq(p.amountCents, 0);
        assertEq(p.redAllowanceCents, 0);
        vm.startPrank(financingRegistry);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryFullyRedLettered.selector, BLUE));
        invoices.consentToRed(BLUE, FIN, 1);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryFullyRedLettered.selector, BLUE));
        invoices.pledge(BLUE, FIN, 1);
        invoices.release(BLUE, FIN);
        vm.stopPrank();
    }

    function test_RevertWhen_ConsentingWithoutAPledgeOrBeyondIt() public {
        vm.startPrank(financingRegistry);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryNotPledgedTo.selector, BLUE, FIN));
        invoices.consentToRed(BLUE, FIN, 1);
        invoices.pledge(BLUE, FIN, 5_00);
        _expectRevert(
            abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryInvalidPledgeAmount.selector, BLUE, 5_01, 5_00)
        );
        invoices.consentToRed(BLUE, FIN, 5_01);
        _expectRevert(
            abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryInvalidPledgeAmount.selector, BLUE, 0, 5_00)
        );
        invoices.consentToRed(BLUE, FIN, 0);
        vm.stopPrank();
        vm.prank(acmeClerk);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryUnauthorized.selector, acmeClerk, ConsortiumRoles.FINANCING_REGISTRY
            )
        );
        invoices.consentToRed(BLUE, FIN, 1);
    }

    function test_ReleasingEndsAnUnusedConsent() public {
        vm.startPrank(financingRegistry);
        invoices.pledge(BLUE, FIN, 5_00);
        invoices.consentToRed(BLUE, FIN, 5_00);
        invoices.release(BLUE, FIN);
        invoices.pledge(BLUE, FIN, 1_00);
        vm.stopPrank();
        assertEq(invoices.pledgeOf(BLUE).redAllowanceCents, 0);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryPledged.selector, BLUE));
        _red(RED, 1, 0, 0);
    }

    function test_PledgeableOfNamesWhyAnInvoiceCannotBePledged() public {
        assertEq(invoices.pledgeableOf(BLUE, FIN), _sum(blueLines));
        vm.warp(1_800_000_000);
        vm.prank(pixelClerk);
        invoices.reimburse(BLUE);
        _expectRevert(
            abi.encodeWithSelector(
                IInvoiceFinancing.InvoiceRegistryAlreadyReimbursed.selector, BLUE, PIXEL, 1_800_000_000
            )
        );
        invoices.pledgeableOf(BLUE, FIN);
        _expectRevert(abi.encodeWithSelector(IInvoiceFinancing.InvoiceRegistryUnknownInvoice.selector, RED));
        invoices.pledgeableOf(RED, FIN);
        (bytes32 seller, bytes32 buyer) = invoices.partiesOf(BLUE);
        assertEq(seller, ACME);
        assertEq(buyer, NOVA);
        (seller, buyer) = invoices.partiesOf(RED);
        assertEq(seller, bytes32(0));
        assertEq(buyer, bytes32(0));
    }

    function test_RevertWhen_DeployedWithoutAMemberRegistry() public {
        _expectRevert(abi.encodeWithSelector(IInvoiceRegistry.InvoiceRegistryInvalidMemberRegistry.selector, outsider));
        new InvoiceRegistry(IMemberRegistry(outsider));
        assertEq(invoices.memberRegistry(), address(registry));
    }

    // --- fuzz ---

    /// The contract's table is the documented one, for every step, status and marks.
    function testFuzz_TheTransitionTableIsTheDocumentedOne(
        uint8 step,
        uint8 status,
        bool booked,
        bool reimbursed,
        bool pledged
    ) public view {
        IInvoiceRegistry.InvoiceStep s = IInvoiceRegistry.InvoiceStep(bound(step, 0, 11));
        IInvoiceRegistry.InvoiceStatus st = IInvoiceRegistry.InvoiceStatus(bound(status, 0, 4));
        assertEq(
            uint8(invoices.refusalOf(s, st, booked, reimbursed, pledged)),
            uint8(_documentedRefusal(s, st, booked, reimbursed, pledged))
        );
    }

    /// Any total from one cent to 2^96 - 1 is issued as given, within the quota; anything else is refused.
    function testFuzz_AnyTotalIsIssuedExactlyWithinItsBounds(uint256 total, uint256 quota) public {
        quota = bound(quota, 0, type(uint128).max);
        vm.prank(taxGzClerk);
        invoices.setIssuerLimits(NOVA, BOTH_KINDS, quota);
        bytes32 id = _id("fuzz");
        vm.prank(novaClerk);
        (bool ok,) = address(invoices)
            .call(abi.encodeCall(IInvoiceRegistry.issue, (id, SPECIAL, WHY, ACME, total, CNY, DATE, WHY)));
        bool valid = total != 0 && total <= type(uint96).max && total <= quota;
        assertEq(ok, valid);
        assertEq(invoices.invoiceOf(id).totalCents, valid ? total : 0);
        assertEq(invoices.issuerOf(NOVA).usedCents, valid ? total : 0);
    }

    /// A sequence of partial red invoices is accepted exactly while each line and the invoice stay
    /// within bounds; remaining is always the total less everything red-lettered.
    function testFuzz_PartialRedSequencesNeverExceedLinesOrTotal(uint64[3] memory lineSeeds, uint64[12] memory redSeeds)
        public
    {
        uint256[] memory lines =
            _lines(bound(lineSeeds[0], 1, 1e12), bound(lineSeeds[1], 0, 1e12), bound(lineSeeds[2], 0, 1e12));
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, BOTH_KINDS, type(uint256).max);
        bytes32 blue = _id("fuzz-blue");
        _issue(blue, lines);
        uint256 total = _sum(lines);
        uint256[3] memory redded;
        uint256 reddedTotal;
        for (uint256 k; k < 4; ++k) {
            uint256[] memory red = new uint256[](3);
            bool fits = true;
            uint256 sum;
            for (uint256 i; i < 3; ++i) {
                // mostly within the line's remainder, sometimes beyond it
                red[i] = bound(redSeeds[k * 3 + i], 0, lines[i] - redded[i] + 2);
                if (red[i] > lines[i] - redded[i]) fits = false;
                sum += red[i];
            }
            if (sum == 0) fits = false;
            vm.prank(acmeClerk);
            (bool ok,) = address(invoices)
                .call(abi.encodeCall(IInvoiceRegistry.redLetter, (blue, _id(vm.toString(k)), WHY, DATE, lines, red)));
            assertEq(ok, fits && reddedTotal < total);
            if (ok) {
                for (uint256 i; i < 3; ++i) {
                    redded[i] += red[i];
                }
                reddedTotal += sum;
            }
            for (uint256 i; i < 3; ++i) {
                assertEq(invoices.lineRedCentsOf(blue, i), redded[i]);
                assertLe(redded[i], lines[i]);
            }
            assertLe(reddedTotal, total);
            assertEq(invoices.remainingOf(blue), total - reddedTotal);
        }
    }

    /// Only the buyer's accounts can book; every other account is refused.
    function testFuzz_OnlyTheBuyerBooks(address account) public {
        vm.assume(account != novaClerk);
        vm.prank(account);
        (bool ok,) = address(invoices).call(abi.encodeCall(IInvoiceRegistry.book, (BLUE, 1)));
        assertFalse(ok);
        assertEq(invoices.invoiceOf(BLUE).holder, bytes32(0));
    }
}
