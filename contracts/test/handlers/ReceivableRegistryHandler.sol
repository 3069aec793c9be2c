// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {IFinancingQuotes} from "../../src/IFinancingQuotes.sol";
import {IReceivableRegistry} from "../../src/IReceivableRegistry.sol";
import {ReceivableFixture} from "../utils/ReceivableFixture.sol";

/// @dev Random steps on two certificates by random actors: splits, offers and their outcomes,
/// financing requests, quotes, acceptance, payment, cancellation, red-letter consents followed by the
/// seller's red-letter, time passing, settlement in batches, overdue marks. Refusals are expected and
/// ignored; what succeeds is recorded in ghost variables the invariants compare with the registry.
contract ReceivableRegistryHandler is ReceivableFixture {
    bytes32 public constant C0 = keccak256("cert-0");
    bytes32 public constant C1 = keccak256("cert-1");
    uint256 public constant FACE0 = 1_000_000_00;
    uint256 public constant FACE1 = 300_000_00;
    uint32 internal constant AUG_29 = 20329; // Fri 2025-08-29

    address[3] internal holders;
    address[2] internal banks;
    bytes32[] internal _invoiceIds;
    uint256[] internal _parts;
    bytes32[] internal _financings;
    uint256 internal redCount;
    uint256 internal registryCalls;

    /// Value burned with a bank's red-letter consent, per certificate.
    mapping(bytes32 => uint256) public ghostReduced;
    /// Value that left a slot at settlement, per certificate.
    mapping(bytes32 => uint256) public ghostSettled;
    /// Successful overdue marks, and the core's event count the last time one was seen.
    uint256 public ghostOverdueMarks;
    uint256 public ghostOverdueCountDecreased;
    uint256 internal lastOverdueCount;

    constructor() {
        _deployReceivables();
        holders = [acmeClerk, pixelClerk, ternClerk];
        banks = [icbcClerk, ccbClerk];
        bytes32 a = _invoice("h-0", 600_000_00);
        bytes32 b = _invoice("h-1", 500_000_00);
        bytes32 c = _invoice("h-2", 300_000_00);
        _invoiceIds.push(a);
        _invoiceIds.push(b);
        _invoiceIds.push(c);
        _parts.push(_confirm(C0, FACE0, OCT_25, _ids(a, b)));
        _parts.push(_confirm(C1, FACE1, AUG_29, _ids(c)));
    }

    // --- views for the invariants ---

    function registries() external view returns (address, address) {
        return (address(receivables), address(invoices));
    }

    function partCount() external view returns (uint256) {
        return _parts.length;
    }

    function partAt(uint256 i) external view returns (uint256) {
        return _parts[i];
    }

    function financingCount() external view returns (uint256) {
        return _financings.length;
    }

    function financingAt(uint256 i) external view returns (bytes32) {
        return _financings[i];
    }

    function invoiceAt(uint256 i) external view returns (bytes32) {
        return _invoiceIds[i];
    }

    // --- steps ---

    function split(uint256 partSeed, uint256 value, uint256 actorSeed) external {
        uint256 part = _movable(partSeed);
        (bool ok, bytes memory ret) =
            _as(_holder(actorSeed, part), abi.encodeCall(IReceivableRegistry.split, (part, _value(part, value))));
        if (ok) _parts.push(abi.decode(ret, (uint256)));
    }

    function offer(uint256 partSeed, uint256 value, uint256 recipientSeed, uint256 secondsOpen) external {
        uint256 part = _movable(partSeed);
        uint64 expiry = uint64(block.timestamp + bound(secondsOpen, 1, 3 days));
        (bool ok, bytes memory ret) = _as(
            _holder(0, part),
            abi.encodeCall(IReceivableRegistry.offer, (part, _value(part, value), holders[recipientSeed % 3], expiry))
        );
        if (ok) _parts.push(abi.decode(ret, (uint256)));
    }

    function acceptOffer(uint256 partSeed) external {
        uint256 part = _pendingPart(partSeed);
        _as(receivables.partOf(part).recipient, abi.encodeCall(IReceivableRegistry.acceptOffer, (part)));
    }

    function rejectOffer(uint256 partSeed) external {
        uint256 part = _pendingPart(partSeed);
        _as(receivables.partOf(part).recipient, abi.encodeCall(IReceivableRegistry.rejectOffer, (part)));
    }

    function withdrawOffer(uint256 partSeed) external {
        uint256 part = _pendingPart(partSeed);
        _as(receivables.partOf(part).splitter, abi.encodeCall(IReceivableRegistry.withdrawOffer, (part)));
    }

    function expireOffer(uint256 partSeed) external {
        _as(outsider, abi.encodeCall(IReceivableRegistry.expireOffer, (_pendingPart(partSeed))));
    }

    function requestFinancing(uint256 partSeed, uint256 value) external {
        uint256 part = _movable(partSeed);
        bytes32 id = keccak256(abi.encode("fin", _financings.length));
        (bool ok,) =
            _as(_holder(0, part), abi.encodeCall(IReceivableRegistry.requestFinancing, (id, part, _value(part, value))));
        if (ok) _financings.push(id);
    }

    function withdrawFinancingRequest(uint256 finSeed) external {
        bytes32 id = _financing(finSeed);
        if (id == bytes32(0)) return;
        _as(receivables.financingOf(id).holder, abi.encodeCall(IReceivableRegistry.withdrawFinancingRequest, (id)));
    }

    function quoteAndAccept(uint256 finSeed, uint256 bankSeed) external {
        bytes32 id = _financing(finSeed);
        if (id == bytes32(0)) return;
        IReceivableRegistry.Financing memory f = receivables.financingOf(id);
        if (f.status != IReceivableRegistry.FinancingStatus.Requested) return;
        IFinancingQuotes.Quote memory terms;
        terms.financingId = id;
        terms.annualRateBp = 450;
        terms.discountDay = _today();
        terms.maturityDay = receivables.certificateOf(f.confirmationId).maturityDay;
        terms.validUntil = uint64(block.timestamp + 1 hours);
        terms.faceCents = f.valueCents;
        vm.prank(banks[bankSeed % 2]);
        try quotes.quote(terms, keccak256(abi.encode(block.timestamp, bankSeed))) returns (bytes32 quoteId) {
            _as(f.holder, abi.encodeCall(IReceivableRegistry.acceptQuote, (quoteId, quotes.quoteOf(quoteId).quoteHash)));
        } catch {}
    }

    /// A holder's whole financing round in one step: request, a bank's quote, acceptance, payment.
    function finance(uint256 partSeed, uint256 value, uint256 bankSeed) external {
        uint256 before = _financings.length;
        this.requestFinancing(partSeed, value);
        if (_financings.length == before) return;
        this.quoteAndAccept(before, bankSeed);
        this.recordPayment(before, bankSeed);
        this.withdrawFinancingRequest(before); // a round that found no quote does not keep the part locked
    }

    function recordPayment(uint256 finSeed, uint256 bankSeed) external {
        bytes32 id = _financing(finSeed);
        if (id == bytes32(0)) return;
        (bool ok, bytes memory ret) = _as(
            banks[bankSeed % 2], abi.encodeCall(IReceivableRegistry.recordPayment, (id, keccak256("p"), keccak256("c")))
        );
        if (ok) {
            uint256 bankPart = abi.decode(ret, (uint256));
            if (bankPart != receivables.financingOf(id).partId) _parts.push(bankPart);
        }
    }

    function cancelUnpaid(uint256 finSeed) external {
        bytes32 id = _financing(finSeed);
        if (id == bytes32(0)) return;
        _as(outsider, abi.encodeCall(IReceivableRegistry.cancelUnpaid, (id)));
    }

    /// The bank consents to a red-letter of some of what its financing pledged on an invoice, then the
    /// seller red-letters that amount.
    function consentAndRedLetter(uint256 finSeed, uint256 invoiceSeed, uint256 amount, uint256 bankSeed) external {
        bytes32 id = _financing(finSeed);
        if (id == bytes32(0)) return;
        bytes32 invoiceId = _invoiceIds[invoiceSeed % _invoiceIds.length];
        uint256 pledged = receivables.allocationOf(id, invoiceId);
        amount = bound(amount, 1, pledged == 0 ? 1 : pledged);
        bytes32 confirmationId = receivables.financingOf(id).confirmationId;
        (bool ok,) =
            _as(banks[bankSeed % 2], abi.encodeCall(IReceivableRegistry.consentToRedLetter, (id, invoiceId, amount)));
        if (!ok) return;
        ghostReduced[confirmationId] += amount;
        uint256[] memory line = new uint256[](1);
        line[0] = invoices.invoiceOf(invoiceId).totalCents;
        uint256[] memory red = new uint256[](1);
        red[0] = amount;
        vm.prank(acmeClerk);
        invoices.redLetter(invoiceId, keccak256(abi.encode("red", ++redCount)), keccak256("r"), DATE, line, red);
    }

    function passTime(uint256 secondsLater) external {
        vm.warp(block.timestamp + bound(secondsLater, 1 hours, 2 days));
        uint256 count = receivables.overdueRecordOf(NOVA).events;
        if (count < lastOverdueCount) ghostOverdueCountDecreased++;
        lastOverdueCount = count;
    }

    /// Now and then jumps to a certificate's maturity day, or some days after it (never back).
    function passMaturity(uint256 certSeed, uint256 daysAfter) external {
        if (registryCalls < 60) return; // let the tree grow before it matures
        bytes32 id = certSeed % 2 == 0 ? C0 : C1;
        uint256 t = _at(receivables.certificateOf(id).maturityDay) + bound(daysAfter, 0, 10) * 1 days;
        if (t > block.timestamp) vm.warp(t);
    }

    function recordSettlement(uint256 certSeed) external {
        bytes32 id = certSeed % 2 == 0 ? C0 : C1;
        uint256 slot = receivables.certificateOf(id).slot;
        uint256 before = _slotValue(slot);
        (bool ok,) = _as(novaClerk, abi.encodeCall(IReceivableRegistry.recordSettlement, (id, keccak256("paid"))));
        if (ok) ghostSettled[id] += before - _slotValue(slot);
    }

    function settleParts(uint256 certSeed, uint256 maxParts) external {
        bytes32 id = certSeed % 2 == 0 ? C0 : C1;
        uint256 slot = receivables.certificateOf(id).slot;
        uint256 before = _slotValue(slot);
        (bool ok,) = _as(outsider, abi.encodeCall(IReceivableRegistry.settleParts, (id, bound(maxParts, 1, 5))));
        if (ok) ghostSettled[id] += before - _slotValue(slot);
    }

    function markOverdue(uint256 certSeed) external {
        bytes32 id = certSeed % 2 == 0 ? C0 : C1;
        (bool ok,) = _as(outsider, abi.encodeCall(IReceivableRegistry.markOverdue, (id)));
        if (ok) ghostOverdueMarks++;
        uint256 count = receivables.overdueRecordOf(NOVA).events;
        if (count < lastOverdueCount) ghostOverdueCountDecreased++;
        lastOverdueCount = count;
    }

    // --- helpers ---

    function _as(address actor, bytes memory call) internal returns (bool ok, bytes memory ret) {
        vm.prank(actor);
        (ok, ret) = address(receivables).call(call);
        registryCalls++;
    }

    function _part(uint256 seed) internal view returns (uint256) {
        return _parts[seed % _parts.length];
    }

    /// @dev A part in escrow if there is one, searching from the seed.
    function _pendingPart(uint256 seed) internal view returns (uint256) {
        return _partIn(seed, IReceivableRegistry.PartState.Pending);
    }

    /// @dev Mostly an Active part, searching from the seed; now and then any part.
    function _movable(uint256 seed) internal view returns (uint256) {
        if (seed % 5 == 4) return _part(seed);
        return _partIn(seed, IReceivableRegistry.PartState.Active);
    }

    function _partIn(uint256 seed, IReceivableRegistry.PartState state) internal view returns (uint256) {
        uint256 n = _parts.length;
        for (uint256 k; k < n; ++k) {
            uint256 part = _parts[(seed % n + k) % n];
            if (receivables.partOf(part).state == state) return part;
        }
        return _parts[seed % n];
    }

    function _financing(uint256 seed) internal view returns (bytes32) {
        return _financings.length == 0 ? bytes32(0) : _financings[seed % _financings.length];
    }

    /// @dev Mostly the part's holder, sometimes another account (which must be refused).
    function _holder(uint256 seed, uint256 part) internal view returns (address) {
        if (seed % 5 == 4) return holders[seed % 3];
        try receivables.ownerOf(part) returns (address owner) {
            return owner;
        } catch {
            return outsider;
        }
    }

    /// @dev Mostly within the part's balance (sometimes all of it, sometimes beyond).
    function _value(uint256 part, uint256 seed) internal view returns (uint256) {
        uint256 balance;
        try receivables.balanceOf(part) returns (uint256 b) {
            balance = b;
        } catch {}
        if (seed % 7 == 0) return balance;
        return bound(seed, 1, balance + 2);
    }
}
