// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {BusinessCalendar} from "../../src/BusinessCalendar.sol";
import {ConsortiumRoles} from "../../src/ConsortiumRoles.sol";
import {FinancingQuotes} from "../../src/FinancingQuotes.sol";
import {IFinancingQuotes} from "../../src/IFinancingQuotes.sol";
import {IMemberRegistry} from "../../src/IMemberRegistry.sol";
import {IReceivableRegistry} from "../../src/IReceivableRegistry.sol";
import {ReceivableRegistry} from "../../src/ReceivableRegistry.sol";
import {InvoiceFixture} from "./InvoiceFixture.sol";

/// @dev A supply chain over the invoice consortium: Nova is the core enterprise, Acme its tier-1
/// supplier (Acme's invoices to Nova back the certificates), Pixel tier 2, Tern tier 3; two banks
/// (ICBC, CCB) quote; the operator publishes the calendar and its member holds FINANCING_REGISTRY for
/// the ReceivableRegistry's address. The clock starts on Tue 2025-07-01, 10:00 CST.
abstract contract ReceivableFixture is InvoiceFixture {
    bytes32 internal constant TERN = keccak256("member:tern");
    bytes32 internal constant ICBC = keccak256("member:icbc");
    bytes32 internal constant CCB = keccak256("member:ccb");
    bytes32 internal constant OPERATOR = keccak256("member:operator");

    uint32 internal constant JUL_1 = 20270; // Tue 2025-07-01
    uint32 internal constant OCT_25 = 20386; // Sat 2025-10-25
    uint32 internal constant OCT_27 = 20388; // Mon 2025-10-27
    uint256 internal constant MIN_SPLIT = 100_00;
    uint8 internal constant MAX_DEPTH = 5;
    uint64 internal constant OFFER_SECONDS = 7 days;
    uint64 internal constant PAYMENT_WINDOW = 3 days;
    uint32 internal constant GRACE_DAYS = 3;

    address internal ternClerk = makeAddr("ternClerk");
    address internal icbcClerk = makeAddr("icbcClerk");
    address internal ccbClerk = makeAddr("ccbClerk");
    address internal operatorClerk = makeAddr("operatorClerk");

    BusinessCalendar internal calendar;
    FinancingQuotes internal quotes;
    ReceivableRegistry internal receivables;

    function _deployReceivables() internal {
        vm.warp(_at(JUL_1) + 10 hours);
        _deployInvoices();
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, BOTH_KINDS, type(uint96).max);
        _admit(TERN, ternClerk);
        _member(ICBC, icbcClerk, ConsortiumRoles.FINANCIER);
        _member(CCB, ccbClerk, ConsortiumRoles.FINANCIER);
        _member(OPERATOR, operatorClerk, ConsortiumRoles.PLATFORM_OPERATOR);
        _grant(OPERATOR, ConsortiumRoles.FINANCING_REGISTRY);
        _grant(NOVA, ConsortiumRoles.CORE_ENTERPRISE);
        calendar = new BusinessCalendar(registry);
        quotes = new FinancingQuotes(registry, calendar);
        receivables = new ReceivableRegistry(
            registry, invoices, calendar, quotes, MIN_SPLIT, MAX_DEPTH, OFFER_SECONDS, PAYMENT_WINDOW, GRACE_DAYS
        );
        _pass(IMemberRegistry.Action.AddAccount, OPERATOR, address(receivables), bytes32(0));
    }

    /// @dev The unix time a CST day starts.
    function _at(uint32 day) internal pure returns (uint256) {
        return uint256(day) * 1 days - 8 hours;
    }

    function _today() internal view returns (uint32) {
        return calendar.today();
    }

    /// @dev Acme issues a one-line invoice of `cents` to Nova.
    function _invoice(string memory number, uint256 cents) internal returns (bytes32 id) {
        id = _id(number);
        uint256[] memory lines = new uint256[](1);
        lines[0] = cents;
        _issue(id, lines);
    }

    function _ids(bytes32 a) internal pure returns (bytes32[] memory ids) {
        ids = new bytes32[](1);
        ids[0] = a;
    }

    function _ids(bytes32 a, bytes32 b) internal pure returns (bytes32[] memory ids) {
        ids = new bytes32[](2);
        ids[0] = a;
        ids[1] = b;
    }

    /// @dev Nova confirms `face` to Acme maturing on `maturityDay`, backed by the invoices.
    function _confirm(bytes32 confirmationId, uint256 face, uint32 maturityDay, bytes32[] memory invoiceIds)
        internal
        returns (uint256 root)
    {
        vm.prank(novaClerk);
        root = receivables.confirm(
            confirmationId,
            acmeClerk,
            face,
            maturityDay,
            false,
            invoiceIds,
            keccak256(abi.encode("docs", confirmationId))
        );
    }

    /// @dev A certificate of `face` maturing on Oct 25 backed by one invoice of the same amount.
    function _certificate(bytes32 confirmationId, uint256 face) internal returns (uint256 root) {
        bytes32 inv = _invoice(string(abi.encodePacked("inv-", confirmationId)), face);
        root = _confirm(confirmationId, face, OCT_25, _ids(inv));
    }

    function _offer(address holder, uint256 partId, uint256 value, address recipient) internal returns (uint256 p) {
        vm.prank(holder);
        p = receivables.offer(partId, value, recipient, uint64(block.timestamp + 1 days));
    }

    function _accept(address recipient, uint256 pendingPartId) internal {
        vm.prank(recipient);
        receivables.acceptOffer(pendingPartId);
    }

    function _request(address holder, bytes32 financingId, uint256 partId, uint256 value) internal {
        vm.prank(holder);
        receivables.requestFinancing(financingId, partId, value);
    }

    /// @dev The bank quotes 3.90 % a year, a fee of 0.05 % (1,500.00 on 3,000,000.00), discount today,
    /// valid for a day.
    function _quote(address bankClerk, bytes32 financingId) internal returns (bytes32 quoteId) {
        IReceivableRegistry.Financing memory f = receivables.financingOf(financingId);
        IFinancingQuotes.Quote memory terms;
        terms.financingId = financingId;
        terms.annualRateBp = 390;
        terms.feeCents = f.valueCents / 2000;
        terms.recourse = true;
        terms.discountDay = _today();
        terms.maturityDay = receivables.certificateOf(f.confirmationId).maturityDay;
        terms.validUntil = uint64(block.timestamp + 1 days);
        terms.faceCents = f.valueCents;
        vm.prank(bankClerk);
        quoteId = quotes.quote(terms, keccak256("nonce"));
    }

    function _acceptQuote(address holder, bytes32 quoteId) internal {
        bytes32 h = quotes.quoteOf(quoteId).quoteHash;
        vm.prank(holder);
        receivables.acceptQuote(quoteId, h);
    }

    function _pay(address bankClerk, bytes32 financingId) internal returns (uint256 bankPart) {
        vm.prank(bankClerk);
        bankPart = receivables.recordPayment(financingId, keccak256("paid"), keccak256("crc-0001"));
    }

    /// @dev Requests, quotes (ICBC), accepts and pays: the bank's part.
    function _finance(address holder, bytes32 financingId, uint256 partId, uint256 value)
        internal
        returns (uint256 bankPart)
    {
        _request(holder, financingId, partId, value);
        _acceptQuote(holder, _quote(icbcClerk, financingId));
        bankPart = _pay(icbcClerk, financingId);
    }

    /// @dev Sum of the balances of every existing part of a slot.
    function _slotValue(uint256 slot) internal view returns (uint256 total) {
        uint256 n = receivables.tokenSupplyInSlot(slot);
        for (uint256 i; i < n; ++i) {
            total += receivables.balanceOf(receivables.tokenInSlotByIndex(slot, i));
        }
    }

    /// @dev The part-state table as IReceivableRegistry documents it.
    function _documentedTransition(IReceivableRegistry.PartState from, IReceivableRegistry.PartState to)
        internal
        pure
        returns (bool)
    {
        // None Active Pending FinanceRequested Financing Financed Overdue InArbitration Settled Merged
        uint8 f = uint8(from);
        uint8 t = uint8(to);
        if (f == 0) return t == 1 || t == 2 || t == 5;
        if (f == 1) return t == 3 || t == 7 || t == 8;
        if (f == 2) return t == 1 || t == 9 || t == 8;
        if (f == 3) return t == 1 || t == 4 || t == 8;
        if (f == 4) return t == 1 || t == 5 || t == 8;
        if (f == 5) return t == 8 || t == 7;
        if (f == 7) return t == 8;
        return false;
    }
}
