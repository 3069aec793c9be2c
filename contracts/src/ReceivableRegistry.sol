// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "./ConsortiumRoles.sol";
import {Dates} from "./Dates.sol";
import {ERC3525Core} from "./ERC3525Core.sol";
import {IBusinessCalendar} from "./IBusinessCalendar.sol";
import {IFinancingQuotes} from "./IFinancingQuotes.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IInvoiceFinancing} from "./IInvoiceFinancing.sol";
import {IMemberRegistry} from "./IMemberRegistry.sol";
import {IReceivableRegistry} from "./IReceivableRegistry.sol";
import {ReceivableToken} from "./ReceivableToken.sol";

/// @title ReceivableRegistry
/// @notice Receivable certificates from confirmation to settlement: ERC-3525 parts split and offered
/// through an escrow, financed against live invoices pledged in the InvoiceRegistry, settled at
/// maturity or marked overdue.
/// @dev Every part state change goes through `_setState`, which asks `isAllowed`. The InvoiceRegistry
/// pledge of a certificate's invoice is made under the confirmation id for all of its financings (each
/// tops it up; a cancelled one reduces it); this registry keeps what each financing pledged per invoice.
contract ReceivableRegistry is ReceivableToken, IReceivableRegistry {
    /// @dev One slot per part: state and tree position; the certificate by its number.
    struct StoredPart {
        PartState state;
        uint8 depth;
        uint64 parentId;
        uint64 certificate; // number of its certificate (1, 2, ...)
    }

    struct Offer {
        address splitter;
        uint64 expiresAt;
        address recipient;
        uint64 sourcePartId;
    }

    struct Backing {
        bytes32 confirmationId;
        uint128 pledgedCents; // what this registry pledged on it in the InvoiceRegistry
        bool pledgeOpen;
    }

    /// @dev The fields of `confirm` (keeps it clear of stack-too-deep).
    struct NewCertificate {
        bytes32 confirmationId;
        bytes32 core;
        bytes32 supplier;
        bool longTenor;
        uint256 slot;
        uint64 number;
    }

    uint256 private constant MAX_INVOICES = 32;
    uint256 private constant SETTLE_BATCH = 100;
    uint256 private constant SIX_MONTHS = 183 days;
    uint256 private constant SUSPENSION_EVENTS = 3;
    uint256 private constant CST_OFFSET = 8 hours;

    IMemberRegistry private immutable _memberRegistry;
    IInvoiceFinancing private immutable _invoices;
    IBusinessCalendar private immutable _calendar;
    IFinancingQuotes private immutable _quotes;
    uint256 private immutable _minSplitCents;
    uint8 private immutable _maxDepth;
    uint64 private immutable _maxOfferSeconds;
    uint64 private immutable _paymentWindowSeconds;
    uint32 private immutable _graceDays;

    mapping(bytes32 confirmationId => Certificate) private _certificates;
    mapping(bytes32 confirmationId => bytes32[] invoiceIds) private _certificateInvoices;
    mapping(uint256 number => bytes32 confirmationId) private _certificateAt;
    uint64 private _certificateCount;
    mapping(uint256 slot => bytes32 confirmationId) private _slotCertificate;
    mapping(uint256 partId => StoredPart) private _parts;
    mapping(uint256 partId => Offer) private _offers;
    mapping(uint256 partId => bytes32 financingId) private _partFinancing;
    mapping(bytes32 financingId => Financing) private _financings;
    mapping(bytes32 financingId => mapping(bytes32 invoiceId => uint256 cents)) private _allocations;
    mapping(bytes32 invoiceId => Backing) private _backings;
    mapping(bytes32 core => uint64[] times) private _overdueTimes;
    mapping(bytes32 core => uint256 cents) private _overdueBalance;

    /// @param memberRegistry_ The MemberRegistry.
    /// @param invoices_ The InvoiceRegistry (as IInvoiceFinancing); this contract's address must be an
    /// account of a member holding FINANCING_REGISTRY there.
    /// @param calendar_ The BusinessCalendar.
    /// @param quotes_ The FinancingQuotes contract banks quote in.
    /// @param minSplitCents The smallest value split or offered off a part (the remainder is exempt).
    /// @param maxDepth The deepest split tree, 1 to 100.
    /// @param maxOfferSeconds The longest an offer stays open; non-zero.
    /// @param paymentWindowSeconds The time a bank has from acceptance to record its payment; non-zero.
    /// @param graceDays Days after the payment date before a certificate may be marked overdue.
    constructor(
        IMemberRegistry memberRegistry_,
        IInvoiceFinancing invoices_,
        IBusinessCalendar calendar_,
        IFinancingQuotes quotes_,
        uint256 minSplitCents,
        uint8 maxDepth,
        uint64 maxOfferSeconds,
        uint64 paymentWindowSeconds,
        uint32 graceDays
    ) ERC3525Core(2) {
        if (address(memberRegistry_).code.length == 0) {
            revert ReceivableRegistryInvalidDependency(address(memberRegistry_));
        }
        if (address(invoices_).code.length == 0) revert ReceivableRegistryInvalidDependency(address(invoices_));
        if (address(calendar_).code.length == 0) revert ReceivableRegistryInvalidDependency(address(calendar_));
        if (address(quotes_).code.length == 0) revert ReceivableRegistryInvalidDependency(address(quotes_));
        if (maxDepth == 0 || maxDepth > 100 || maxOfferSeconds == 0 || paymentWindowSeconds == 0) {
            revert ReceivableRegistryInvalidParameters();
        }
        _memberRegistry = memberRegistry_;
        _invoices = invoices_;
        _calendar = calendar_;
        _quotes = quotes_;
        _minSplitCents = minSplitCents;
        _maxDepth = maxDepth;
        _maxOfferSeconds = maxOfferSeconds;
        _paymentWindowSeconds = paymentWindowSeconds;
        _graceDays = graceDays;
    }

    // --- confirmation ---

    /// @inheritdoc IReceivableRegistry
    function confirm(
        bytes32 confirmationId,
        address supplier,
        uint256 faceCents,
        uint32 maturityDay,
        bool longTenor,
        bytes32[] calldata invoiceIds,
        bytes32 documentDigest
    ) external returns (uint256 rootPartId) {
        NewCertificate memory n;
        n.confirmationId = confirmationId;
        n.core = _memberWithRole(ConsortiumRoles.CORE_ENTERPRISE);
        if (isSuspended(n.core)) revert ReceivableRegistryCoreSuspended(n.core);
        if (confirmationId == bytes32(0) || documentDigest == bytes32(0)) revert ReceivableRegistryInvalidHash();
        if (_certificates[confirmationId].status != CertificateStatus.None) {
            revert ReceivableRegistryConfirmationExists(confirmationId);
        }
        n.supplier = _activeMemberOf(supplier);
        if (n.supplier == bytes32(0) || n.supplier == n.core) revert ReceivableRegistryInvalidSupplier(supplier);
        if (faceCents == 0 || faceCents > type(uint96).max) revert ReceivableRegistryInvalidAmount(faceCents);
        n.longTenor = _checkTenor(maturityDay, _today(), longTenor);
        if (invoiceIds.length == 0 || invoiceIds.length > MAX_INVOICES) revert ReceivableRegistryInvalidInvoices();
        uint256 cover;
        for (uint256 i; i < invoiceIds.length; ++i) {
            cover += _backInvoice(n, invoiceIds[i]);
        }
        if (cover < faceCents) revert ReceivableRegistryInsufficientCover(confirmationId, cover, faceCents);
        rootPartId = _record(n, faceCents, maturityDay, invoiceIds, documentDigest);
        _newPart(supplier, rootPartId, n.slot, faceCents, PartState.Active, 0, 0, n.number);
        emit PayableConfirmed(
            confirmationId, n.core, supplier, n.slot, rootPartId, faceCents, maturityDay, n.longTenor, documentDigest
        );
    }

    /// @dev Writes a new certificate; returns its root part's id.
    function _record(
        NewCertificate memory n,
        uint256 faceCents,
        uint32 maturityDay,
        bytes32[] calldata invoiceIds,
        bytes32 documentDigest
    ) private returns (uint256 rootPartId) {
        n.slot = uint256(keccak256(abi.encode(n.core, n.confirmationId, maturityDay)));
        n.number = ++_certificateCount;
        _certificateAt[n.number] = n.confirmationId;
        _slotCertificate[n.slot] = n.confirmationId;
        rootPartId = _createTokenId();
        Certificate storage c = _certificates[n.confirmationId];
        c.status = CertificateStatus.Outstanding;
        c.longTenor = n.longTenor;
        c.maturityDay = maturityDay;
        c.confirmedAt = uint64(block.timestamp);
        c.core = n.core;
        c.supplier = n.supplier;
        c.slot = n.slot;
        c.rootPartId = rootPartId;
        c.faceCents = faceCents;
        c.documentDigest = documentDigest;
        _certificateInvoices[n.confirmationId] = invoiceIds;
    }

    // --- parts ---

    /// @inheritdoc IReceivableRegistry
    function split(uint256 partId, uint256 valueCents) external returns (uint256 newPartId) {
        (StoredPart storage p,) = _movablePart(partId, valueCents);
        newPartId = _createTokenId();
        _newPart(msg.sender, newPartId, slotOf(partId), 0, PartState.Active, partId, p.depth + 1, p.certificate);
        _transferValue(partId, newPartId, valueCents);
        emit PartSplit(partId, newPartId, valueCents);
    }

    /// @inheritdoc IReceivableRegistry
    function offer(uint256 partId, uint256 valueCents, address recipient, uint64 expiresAt)
        external
        returns (uint256 pendingPartId)
    {
        (StoredPart storage p, bytes32 holderMember) = _movablePart(partId, valueCents);
        bytes32 recipientMember = _activeMemberOf(recipient);
        if (recipientMember == bytes32(0) || recipientMember == holderMember) {
            revert ReceivableRegistryInvalidRecipient(recipient);
        }
        uint256 maturityStart = uint256(_certificates[_certificateAt[p.certificate]].maturityDay) * 1 days - CST_OFFSET;
        if (expiresAt <= block.timestamp || expiresAt > block.timestamp + _maxOfferSeconds || expiresAt > maturityStart)
        {
            revert ReceivableRegistryInvalidExpiry(expiresAt);
        }
        pendingPartId = _createTokenId();
        _newPart(address(this), pendingPartId, slotOf(partId), 0, PartState.Pending, partId, p.depth + 1, p.certificate);
        _transferValue(partId, pendingPartId, valueCents);
        _offers[pendingPartId] = Offer({
            splitter: msg.sender,
            expiresAt: expiresAt,
            recipient: recipient,
            // part ids are sequential, far below 2^64
            // forge-lint: disable-next-line(unsafe-typecast)
            sourcePartId: uint64(partId)
        });
        emit OfferMade(pendingPartId, partId, msg.sender, recipient, valueCents, expiresAt);
    }

    /// @inheritdoc IReceivableRegistry
    function acceptOffer(uint256 pendingPartId) external {
        Offer storage o = _pendingOffer(pendingPartId);
        if (o.recipient != msg.sender) revert ReceivableRegistryNotTheRecipient(pendingPartId, msg.sender);
        if (block.timestamp > o.expiresAt) revert ReceivableRegistryOfferExpiry(pendingPartId, o.expiresAt);
        if (_activeMemberOf(msg.sender) == bytes32(0)) revert ReceivableRegistryNotAMember(msg.sender);
        delete _offers[pendingPartId];
        _transferToken(address(this), msg.sender, pendingPartId);
        _setState(pendingPartId, _parts[pendingPartId], PartState.Active);
        emit OfferClosed(pendingPartId, OfferOutcome.Accepted, msg.sender, pendingPartId);
    }

    /// @inheritdoc IReceivableRegistry
    function rejectOffer(uint256 pendingPartId) external {
        Offer storage o = _pendingOffer(pendingPartId);
        if (o.recipient != msg.sender) revert ReceivableRegistryNotTheRecipient(pendingPartId, msg.sender);
        _returnOffer(pendingPartId, OfferOutcome.Rejected);
    }

    /// @inheritdoc IReceivableRegistry
    function withdrawOffer(uint256 pendingPartId) external {
        Offer storage o = _pendingOffer(pendingPartId);
        if (o.splitter != msg.sender) revert ReceivableRegistryNotTheSplitter(pendingPartId, msg.sender);
        _returnOffer(pendingPartId, OfferOutcome.Withdrawn);
    }

    /// @inheritdoc IReceivableRegistry
    function batchSteps(bytes[] calldata steps) external {
        if (steps.length == 0) revert ReceivableRegistryInvalidParameters();
        for (uint256 i; i < steps.length; ++i) {
            bytes4 selector = steps[i].length < 4 ? bytes4(0) : bytes4(steps[i][:4]);
            if (
                selector != this.split.selector && selector != this.offer.selector
                    && selector != this.acceptOffer.selector && selector != this.rejectOffer.selector
                    && selector != this.withdrawOffer.selector
            ) revert ReceivableRegistryStepNotBatchable(i);
            // into this contract only, and only the part steps above: each runs as if sent by the caller
            (bool ok, bytes memory reason) = address(this).delegatecall(steps[i]);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(reason, 32), mload(reason))
                }
            }
        }
    }

    /// @inheritdoc IReceivableRegistry
    function expireOffer(uint256 pendingPartId) external {
        Offer storage o = _pendingOffer(pendingPartId);
        if (block.timestamp <= o.expiresAt) revert ReceivableRegistryOfferExpiry(pendingPartId, o.expiresAt);
        _returnOffer(pendingPartId, OfferOutcome.Expired);
    }

    // --- financing ---

    /// @inheritdoc IReceivableRegistry
    function requestFinancing(bytes32 financingId, uint256 partId, uint256 valueCents) external {
        (StoredPart storage p,) = _holdersPart(partId);
        if (financingId == bytes32(0)) revert ReceivableRegistryInvalidHash();
        if (_financings[financingId].status != FinancingStatus.None) {
            revert ReceivableRegistryFinancingExists(financingId);
        }
        if (valueCents == 0 || valueCents > balanceOf(partId)) {
            revert ReceivableRegistryInvalidFinancingValue(partId, valueCents);
        }
        Financing storage f = _financings[financingId];
        f.status = FinancingStatus.Requested;
        f.requestedAt = uint64(block.timestamp);
        f.holder = msg.sender;
        f.confirmationId = _certificateAt[p.certificate];
        f.partId = partId;
        f.valueCents = valueCents;
        _partFinancing[partId] = financingId;
        _setState(partId, p, PartState.FinanceRequested);
        emit FinancingRequested(financingId, partId, msg.sender, valueCents);
    }

    /// @inheritdoc IReceivableRegistry
    function withdrawFinancingRequest(bytes32 financingId) external {
        Financing storage f = _financingIn(financingId, FinancingStatus.Requested);
        if (f.holder != msg.sender) revert ReceivableRegistryNotTheHolder(f.partId, msg.sender);
        _closeFinancing(financingId, f, FinancingStatus.Withdrawn);
    }

    /// @inheritdoc IReceivableRegistry
    function acceptQuote(bytes32 quoteId, bytes32 quoteHash) external {
        IFinancingQuotes.Quote memory q = _quotes.quoteOf(quoteId);
        if (q.bank == bytes32(0)) revert ReceivableRegistryUnknownQuote(quoteId);
        if (q.quoteHash != quoteHash) revert ReceivableRegistryQuoteHashMismatch(quoteId, quoteHash);
        bytes32 financingId = q.financingId;
        Financing storage f = _financingIn(financingId, FinancingStatus.Requested);
        if (f.holder != msg.sender) revert ReceivableRegistryNotTheHolder(f.partId, msg.sender);
        Certificate storage c = _certificates[f.confirmationId];
        _requireOutstanding(f.confirmationId, c);
        if (
            block.timestamp > q.validUntil || _today() > q.discountDay || q.faceCents != f.valueCents
                || q.maturityDay != c.maturityDay
        ) revert ReceivableRegistryQuoteVoid(quoteId);
        _pledge(financingId, f.confirmationId, f.valueCents);
        uint64 now_ = uint64(block.timestamp);
        f.status = FinancingStatus.Accepted;
        f.quoteId = quoteId;
        f.bank = q.bank;
        f.recourse = q.recourse;
        f.registeredAt = now_;
        f.paymentDeadline = now_ + _paymentWindowSeconds;
        _setState(f.partId, _parts[f.partId], PartState.Financing);
        emit QuoteAccepted(financingId, quoteId, q.bank, now_);
    }

    /// @inheritdoc IReceivableRegistry
    function recordPayment(bytes32 financingId, bytes32 paymentProofDigest, bytes32 crcRegistrationDigest)
        external
        returns (uint256 bankPartId)
    {
        Financing storage f = _byBank(financingId, FinancingStatus.Accepted);
        if (block.timestamp > f.paymentDeadline) {
            revert ReceivableRegistryPaymentDeadline(financingId, f.paymentDeadline);
        }
        if (paymentProofDigest == bytes32(0) || crcRegistrationDigest == bytes32(0)) {
            revert ReceivableRegistryInvalidHash();
        }
        uint256 partId = f.partId;
        StoredPart storage p = _parts[partId];
        if (f.valueCents == balanceOf(partId)) {
            bankPartId = partId;
            _transferToken(f.holder, msg.sender, partId);
            _setState(partId, p, PartState.Financed);
        } else {
            bankPartId = _createTokenId();
            _newPart(msg.sender, bankPartId, slotOf(partId), 0, PartState.Financed, partId, p.depth + 1, p.certificate);
            _transferValue(partId, bankPartId, f.valueCents);
            _partFinancing[bankPartId] = financingId;
            delete _partFinancing[partId];
            _setState(partId, p, PartState.Active);
        }
        f.status = FinancingStatus.Paid;
        f.paidAt = uint64(block.timestamp);
        f.bankPartId = bankPartId;
        f.paymentProofDigest = paymentProofDigest;
        f.crcRegistrationDigest = crcRegistrationDigest;
        emit FinancingPaid(financingId, bankPartId, msg.sender, paymentProofDigest, crcRegistrationDigest);
    }

    /// @inheritdoc IReceivableRegistry
    function cancelUnpaid(bytes32 financingId) external {
        Financing storage f = _financingIn(financingId, FinancingStatus.Accepted);
        if (block.timestamp <= f.paymentDeadline) {
            revert ReceivableRegistryPaymentDeadline(financingId, f.paymentDeadline);
        }
        _unpledge(financingId, f.confirmationId);
        _closeFinancing(financingId, f, FinancingStatus.Cancelled);
    }

    /// @inheritdoc IReceivableRegistry
    function consentToRedLetter(bytes32 financingId, bytes32 invoiceId, uint256 amountCents) external {
        Financing storage f = _byBank(financingId, FinancingStatus.Paid);
        bytes32 confirmationId = f.confirmationId;
        Certificate storage c = _certificates[confirmationId];
        if (c.status != CertificateStatus.Outstanding && c.status != CertificateStatus.Overdue) {
            revert ReceivableRegistryInvalidCertificateStatus(confirmationId, c.status);
        }
        uint256 pledged = _allocations[financingId][invoiceId];
        if (amountCents == 0 || amountCents > pledged) {
            revert ReceivableRegistryRedExceedsPledge(financingId, invoiceId, pledged);
        }
        _allocations[financingId][invoiceId] = pledged - amountCents;
        // amountCents <= pledged <= the backing's pledged amount, a uint128
        // forge-lint: disable-next-line(unsafe-typecast)
        _backings[invoiceId].pledgedCents -= uint128(amountCents);
        c.reducedByRedCents += amountCents;
        _burnValue(f.bankPartId, amountCents);
        _invoices.consentToRed(invoiceId, confirmationId, amountCents);
        emit RedLetterConsented(financingId, invoiceId, amountCents, f.bankPartId);
    }

    // --- settlement and default ---

    /// @inheritdoc IReceivableRegistry
    function recordSettlement(bytes32 confirmationId, bytes32 paymentProofDigest) external {
        Certificate storage c = _existingCertificate(confirmationId);
        bytes32 member = _memberWithRole(ConsortiumRoles.CORE_ENTERPRISE);
        if (member != c.core) revert ReceivableRegistryNotTheCore(confirmationId, member);
        CertificateStatus status = c.status;
        if (status != CertificateStatus.Outstanding && status != CertificateStatus.Overdue) {
            revert ReceivableRegistryInvalidCertificateStatus(confirmationId, status);
        }
        if (_today() < c.maturityDay) revert ReceivableRegistryNotDue(confirmationId, c.maturityDay);
        if (paymentProofDigest == bytes32(0)) revert ReceivableRegistryInvalidHash();
        bool late = status == CertificateStatus.Overdue;
        if (late) _overdueBalance[c.core] -= c.overdueCents; // paid: the overdue is cured
        c.status = CertificateStatus.Settling;
        c.paidAt = uint64(block.timestamp);
        c.paymentProofDigest = paymentProofDigest;
        emit SettlementRecorded(confirmationId, paymentProofDigest, late);
        _settle(confirmationId, c, SETTLE_BATCH);
    }

    /// @inheritdoc IReceivableRegistry
    function settleParts(bytes32 confirmationId, uint256 maxParts) external {
        Certificate storage c = _existingCertificate(confirmationId);
        if (c.status != CertificateStatus.Settling) {
            revert ReceivableRegistryInvalidCertificateStatus(confirmationId, c.status);
        }
        _settle(confirmationId, c, maxParts);
    }

    /// @inheritdoc IReceivableRegistry
    function markOverdue(bytes32 confirmationId) external {
        Certificate storage c = _existingCertificate(confirmationId);
        if (c.status != CertificateStatus.Outstanding) {
            revert ReceivableRegistryInvalidCertificateStatus(confirmationId, c.status);
        }
        uint32 due = _calendar.nextBusinessDay(c.maturityDay) + _graceDays;
        if (_today() <= due) revert ReceivableRegistryNotDue(confirmationId, due);
        uint256 outstanding = c.faceCents - c.settledCents - c.reducedByRedCents;
        c.status = CertificateStatus.Overdue;
        c.overdueAt = uint64(block.timestamp);
        c.overdueCents = outstanding;
        bytes32 core = c.core;
        _overdueTimes[core].push(uint64(block.timestamp));
        _overdueBalance[core] += outstanding;
        emit CertificateOverdue(confirmationId, core, outstanding, _overdueTimes[core].length);
    }

    /// @inheritdoc IReceivableRegistry
    function markInArbitration(uint256 partId, bytes32 caseId) external {
        StoredPart storage p = _parts[partId];
        if (p.state == PartState.None) revert ReceivableRegistryUnknownPart(partId);
        if (ownerOf(partId) != msg.sender) revert ReceivableRegistryNotTheHolder(partId, msg.sender);
        if (caseId == bytes32(0)) revert ReceivableRegistryInvalidHash();
        PartState shown = _shownState(p);
        if (shown != PartState.Overdue) revert ReceivableRegistryInvalidState(partId, shown);
        _setState(partId, p, PartState.InArbitration);
        emit PartInArbitration(partId, caseId, msg.sender);
    }

    // --- views ---

    /// @inheritdoc IReceivableRegistry
    function certificateOf(bytes32 confirmationId) external view returns (Certificate memory) {
        return _certificates[confirmationId];
    }

    /// @inheritdoc IReceivableRegistry
    function invoicesOf(bytes32 confirmationId) external view returns (bytes32[] memory) {
        return _certificateInvoices[confirmationId];
    }

    /// @inheritdoc IReceivableRegistry
    function confirmationOfSlot(uint256 slot) external view returns (bytes32) {
        return _slotCertificate[slot];
    }

    /// @inheritdoc IReceivableRegistry
    function partOf(uint256 partId) external view returns (Part memory v) {
        StoredPart storage p = _parts[partId];
        v.state = _shownState(p);
        v.confirmationId = _certificateAt[p.certificate];
        v.parentId = p.parentId;
        v.depth = p.depth;
        v.financingId = _partFinancing[partId];
        Offer storage o = _offers[partId];
        v.splitter = o.splitter;
        v.recipient = o.recipient;
        v.expiresAt = o.expiresAt;
    }

    /// @inheritdoc IReceivableRegistry
    function financingOf(bytes32 financingId) external view returns (Financing memory) {
        return _financings[financingId];
    }

    /// @inheritdoc IReceivableRegistry
    function allocationOf(bytes32 financingId, bytes32 invoiceId) external view returns (uint256) {
        return _allocations[financingId][invoiceId];
    }

    /// @inheritdoc IReceivableRegistry
    function backingOf(bytes32 invoiceId) external view returns (bytes32, uint256) {
        Backing storage b = _backings[invoiceId];
        return (b.confirmationId, b.pledgedCents);
    }

    /// @inheritdoc IReceivableRegistry
    function overdueRecordOf(bytes32 core) public view returns (OverdueRecord memory r) {
        uint64[] storage times = _overdueTimes[core];
        r.events = times.length;
        for (uint256 i = times.length; i > 0 && times[i - 1] + SIX_MONTHS > block.timestamp; --i) {
            ++r.eventsInSixMonths;
        }
        r.overdueBalanceCents = _overdueBalance[core];
        r.suspended = r.eventsInSixMonths >= SUSPENSION_EVENTS && r.overdueBalanceCents > 0;
    }

    /// @inheritdoc IReceivableRegistry
    function isSuspended(bytes32 core) public view returns (bool) {
        return overdueRecordOf(core).suspended;
    }

    /// @inheritdoc IERC721Metadata
    function name() public pure override(ERC3525Core, IERC721Metadata) returns (string memory) {
        return "Receivable certificates";
    }

    /// @inheritdoc IERC721Metadata
    function symbol() public pure override(ERC3525Core, IERC721Metadata) returns (string memory) {
        return "RCV";
    }

    /// @inheritdoc IReceivableRegistry
    function isAllowed(PartState from, PartState to) public pure returns (bool) {
        if (from == PartState.None) {
            return to == PartState.Active || to == PartState.Pending || to == PartState.Financed;
        }
        if (from == PartState.Active) {
            return to == PartState.FinanceRequested || to == PartState.InArbitration || to == PartState.Settled;
        }
        if (from == PartState.Pending) {
            return to == PartState.Active || to == PartState.Merged || to == PartState.Settled;
        }
        if (from == PartState.FinanceRequested) {
            return to == PartState.Active || to == PartState.Financing || to == PartState.Settled;
        }
        if (from == PartState.Financing) {
            return to == PartState.Active || to == PartState.Financed || to == PartState.Settled;
        }
        if (from == PartState.Financed) return to == PartState.InArbitration || to == PartState.Settled;
        if (from == PartState.InArbitration) return to == PartState.Settled;
        return false;
    }

    /// @inheritdoc IReceivableRegistry
    function parameters() external view returns (Parameters memory) {
        return Parameters({
            minSplitCents: _minSplitCents,
            maxDepth: _maxDepth,
            maxOfferSeconds: _maxOfferSeconds,
            paymentWindowSeconds: _paymentWindowSeconds,
            graceDays: _graceDays
        });
    }

    /// @inheritdoc IReceivableRegistry
    function memberRegistry() external view returns (address) {
        return address(_memberRegistry);
    }

    /// @inheritdoc IReceivableRegistry
    function invoiceRegistry() external view returns (address) {
        return address(_invoices);
    }

    /// @inheritdoc IReceivableRegistry
    function businessCalendar() external view returns (address) {
        return address(_calendar);
    }

    /// @inheritdoc IReceivableRegistry
    function financingQuotes() external view returns (address) {
        return address(_quotes);
    }

    // --- internals ---

    /// @dev The one place a part's state changes; refuses what the table does not allow.
    function _setState(uint256 partId, StoredPart storage p, PartState to) private {
        PartState from = p.state;
        if (!isAllowed(from, to)) revert ReceivableRegistryInvalidState(partId, from);
        p.state = to;
        emit PartStateChanged(partId, from, to);
    }

    /// @dev Mints a part and records its place in the tree.
    function _newPart(
        address owner,
        uint256 partId,
        uint256 slot,
        uint256 value,
        PartState state,
        uint256 parentId,
        uint256 depth,
        uint64 certificate
    ) private {
        _mint(owner, partId, slot, value);
        StoredPart storage p = _parts[partId];
        // part ids are sequential, far below 2^64; depth <= max depth + 1 <= 101
        // forge-lint: disable-next-line(unsafe-typecast)
        p.parentId = uint64(parentId);
        // forge-lint: disable-next-line(unsafe-typecast)
        p.depth = uint8(depth);
        p.certificate = certificate;
        _setState(partId, p, state);
    }

    /// @dev An invoice at confirmation: backs no other certificate, from the supplier to the core, live
    /// (else the InvoiceRegistry's error: unknown, red, reimbursed, pledged, fully red-lettered);
    /// returns its remaining amount.
    function _backInvoice(NewCertificate memory n, bytes32 invoiceId) private returns (uint256) {
        Backing storage b = _backings[invoiceId];
        if (b.confirmationId == n.confirmationId) revert ReceivableRegistryInvalidInvoices();
        if (b.confirmationId != bytes32(0)) revert ReceivableRegistryInvoiceBacksAnother(invoiceId, b.confirmationId);
        (bytes32 seller, bytes32 buyer) = _invoices.partiesOf(invoiceId);
        if (seller != n.supplier || buyer != n.core) revert ReceivableRegistryInvoiceParties(invoiceId, seller, buyer);
        b.confirmationId = n.confirmationId;
        // reverts with the InvoiceRegistry's reason unless the invoice is live; then its remaining amount
        return _invoices.pledgeableOf(invoiceId, n.confirmationId);
    }

    /// @dev After today, within 12 calendar months; above 6 months only with the flag. Returns whether
    /// the tenor is above 6 months.
    function _checkTenor(uint32 maturityDay, uint32 today, bool flagged) private pure returns (bool long) {
        if (maturityDay <= today || maturityDay > Dates.addMonths(today, 12)) {
            revert ReceivableRegistryInvalidMaturity(maturityDay, today);
        }
        long = maturityDay > Dates.addMonths(today, 6);
        if (long && !flagged) revert ReceivableRegistryLongTenorNotFlagged(maturityDay);
    }

    /// @dev The caller's Active part (its holder's member returned) of an outstanding certificate before
    /// maturity, from which `value` may be split or offered.
    function _movablePart(uint256 partId, uint256 value) private view returns (StoredPart storage p, bytes32 member) {
        (p, member) = _holdersPart(partId);
        uint256 balance = balanceOf(partId);
        if (value == 0 || value > balance || (value < _minSplitCents && value != balance)) {
            revert ReceivableRegistryInvalidSplit(partId, value, balance);
        }
        if (p.depth >= _maxDepth) revert ReceivableRegistryTooDeep(partId, p.depth + 1);
    }

    /// @dev The caller's Active part of an outstanding certificate before maturity; the caller's member
    /// must be Active.
    function _holdersPart(uint256 partId) private view returns (StoredPart storage p, bytes32 member) {
        p = _parts[partId];
        if (p.state == PartState.None) revert ReceivableRegistryUnknownPart(partId);
        if (ownerOf(partId) != msg.sender) revert ReceivableRegistryNotTheHolder(partId, msg.sender);
        member = _activeMemberOf(msg.sender);
        if (member == bytes32(0)) revert ReceivableRegistryNotAMember(msg.sender);
        if (p.state != PartState.Active) revert ReceivableRegistryInvalidState(partId, p.state);
        bytes32 confirmationId = _certificateAt[p.certificate];
        Certificate storage c = _certificates[confirmationId];
        _requireOutstanding(confirmationId, c);
    }

    /// @dev Outstanding and before its maturity day.
    function _requireOutstanding(bytes32 confirmationId, Certificate storage c) private view {
        if (c.status != CertificateStatus.Outstanding || _today() >= c.maturityDay) {
            revert ReceivableRegistryMatured(confirmationId);
        }
    }

    function _pendingOffer(uint256 partId) private view returns (Offer storage o) {
        StoredPart storage p = _parts[partId];
        if (p.state != PartState.Pending) {
            if (p.state == PartState.None) revert ReceivableRegistryUnknownPart(partId);
            revert ReceivableRegistryInvalidState(partId, p.state);
        }
        o = _offers[partId];
    }

    /// @dev An escrow part's value back to its splitter: into the source part if the splitter still
    /// holds it Active, else the escrow part becomes the splitter's own Active part.
    function _returnOffer(uint256 pendingPartId, OfferOutcome outcome) private {
        Offer memory o = _offers[pendingPartId];
        delete _offers[pendingPartId];
        uint256 source = o.sourcePartId;
        StoredPart storage s = _parts[source];
        uint256 into;
        if (s.state == PartState.Active && ownerOf(source) == o.splitter) {
            into = source;
            _transferValue(pendingPartId, source, balanceOf(pendingPartId));
            _setState(pendingPartId, _parts[pendingPartId], PartState.Merged);
            _burn(pendingPartId);
        } else {
            into = pendingPartId;
            _transferToken(address(this), o.splitter, pendingPartId);
            _setState(pendingPartId, _parts[pendingPartId], PartState.Active);
        }
        emit OfferClosed(pendingPartId, outcome, o.splitter, into);
    }

    function _financingIn(bytes32 financingId, FinancingStatus status) private view returns (Financing storage f) {
        f = _financings[financingId];
        if (f.status == FinancingStatus.None) revert ReceivableRegistryUnknownFinancing(financingId);
        if (f.status != status) revert ReceivableRegistryInvalidFinancingStatus(financingId, f.status);
    }

    /// @dev The financing, when the caller is an account of its bank (Active, FINANCIER).
    function _byBank(bytes32 financingId, FinancingStatus status) private view returns (Financing storage f) {
        bytes32 member = _memberWithRole(ConsortiumRoles.FINANCIER);
        f = _financingIn(financingId, status);
        if (f.bank != member) revert ReceivableRegistryNotTheBank(financingId, member);
    }

    /// @dev Ends a request or accepted financing without payment; the part is unlocked.
    function _closeFinancing(bytes32 financingId, Financing storage f, FinancingStatus status) private {
        f.status = status;
        uint256 partId = f.partId;
        delete _partFinancing[partId];
        _setState(partId, _parts[partId], PartState.Active);
        emit FinancingClosed(financingId, status);
    }

    /// @dev Re-checks every invoice of the certificate (reverting with the InvoiceRegistry's reason) and
    /// pledges `value` across them in order, each up to what it can still take.
    function _pledge(bytes32 financingId, bytes32 confirmationId, uint256 value) private {
        bytes32[] storage invoiceIds = _certificateInvoices[confirmationId];
        uint256 left = value;
        uint256 n = invoiceIds.length;
        for (uint256 i; i < n; ++i) {
            bytes32 invoiceId = invoiceIds[i];
            uint256 room = _invoices.pledgeableOf(invoiceId, confirmationId);
            uint256 take = room < left ? room : left;
            if (take == 0) continue;
            left -= take;
            _invoices.pledge(invoiceId, confirmationId, take);
            _allocations[financingId][invoiceId] = take;
            Backing storage b = _backings[invoiceId];
            // take <= the invoice's remaining amount, a uint96
            // forge-lint: disable-next-line(unsafe-typecast)
            b.pledgedCents += uint128(take);
            b.pledgeOpen = true;
            emit FinancingPledged(financingId, invoiceId, take);
        }
        if (left != 0) revert ReceivableRegistryInsufficientCover(confirmationId, value - left, value);
    }

    /// @dev Undoes what a financing pledged (the registry's pledge of an invoice ends when nothing of
    /// any financing is left on it).
    function _unpledge(bytes32 financingId, bytes32 confirmationId) private {
        bytes32[] storage invoiceIds = _certificateInvoices[confirmationId];
        for (uint256 i; i < invoiceIds.length; ++i) {
            bytes32 invoiceId = invoiceIds[i];
            uint256 amount = _allocations[financingId][invoiceId];
            if (amount == 0) continue;
            delete _allocations[financingId][invoiceId];
            Backing storage b = _backings[invoiceId];
            // amount <= pledgedCents, a uint128
            // forge-lint: disable-next-line(unsafe-typecast)
            uint128 left = b.pledgedCents - uint128(amount);
            b.pledgedCents = left;
            if (left == 0) {
                b.pledgeOpen = false;
                _invoices.release(invoiceId, confirmationId);
            } else {
                _invoices.reducePledge(invoiceId, confirmationId, amount);
            }
        }
    }

    /// @dev Settles up to `maxParts` parts, last in the slot first; the last one closes the certificate.
    function _settle(bytes32 confirmationId, Certificate storage c, uint256 maxParts) private {
        uint256 slot = c.slot;
        uint256 settled = c.settledCents;
        for (uint256 k; k < maxParts; ++k) {
            uint256 count = tokenSupplyInSlot(slot);
            if (count == 0) break;
            settled += _settlePart(confirmationId, tokenInSlotByIndex(slot, count - 1));
        }
        c.settledCents = settled;
        if (tokenSupplyInSlot(slot) != 0) return;
        c.status = CertificateStatus.Settled;
        bytes32[] storage invoiceIds = _certificateInvoices[confirmationId];
        for (uint256 i; i < invoiceIds.length; ++i) {
            Backing storage b = _backings[invoiceIds[i]];
            if (!b.pledgeOpen) continue;
            b.pledgeOpen = false;
            b.pledgedCents = 0;
            _invoices.release(invoiceIds[i], confirmationId);
        }
        emit CertificateSettled(confirmationId, settled);
    }

    /// @dev Pays one part to its holder (an escrow part to its splitter; an open request or accepted
    /// financing lapses, a bank's financing is repaid) and burns it.
    function _settlePart(bytes32 confirmationId, uint256 partId) private returns (uint256 amount) {
        StoredPart storage p = _parts[partId];
        PartState state = p.state;
        address holder = ownerOf(partId);
        if (state == PartState.Pending) {
            holder = _offers[partId].splitter;
            delete _offers[partId];
            emit OfferClosed(partId, OfferOutcome.Lapsed, holder, partId);
        } else {
            bytes32 financingId = _partFinancing[partId]; // an open request or a bank's financing
            if (financingId != bytes32(0)) {
                bool paid = state == PartState.Financed || state == PartState.InArbitration;
                FinancingStatus status = paid ? FinancingStatus.Repaid : FinancingStatus.Lapsed;
                _financings[financingId].status = status;
                delete _partFinancing[partId];
                if (!paid) emit FinancingClosed(financingId, status);
            }
        }
        amount = balanceOf(partId);
        _setState(partId, p, PartState.Settled);
        _burn(partId);
        emit PartSettled(confirmationId, partId, holder, amount);
    }

    /// @dev An Active or Financed part of an overdue certificate shows as Overdue.
    function _shownState(StoredPart storage p) private view returns (PartState) {
        PartState state = p.state;
        if (
            (state == PartState.Active || state == PartState.Financed)
                && _certificates[_certificateAt[p.certificate]].status == CertificateStatus.Overdue
        ) return PartState.Overdue;
        return state;
    }

    /// @dev Today's unix day number in China Standard Time, as the calendar counts it.
    function _today() private view returns (uint32) {
        // forge-lint: disable-next-line(unsafe-typecast)
        return uint32((block.timestamp + CST_OFFSET) / 1 days);
    }

    function _existingCertificate(bytes32 confirmationId) private view returns (Certificate storage c) {
        c = _certificates[confirmationId];
        if (c.status == CertificateStatus.None) revert ReceivableRegistryUnknownCertificate(confirmationId);
    }

    /// @dev The account's member if it is Active, else zero.
    function _activeMemberOf(address account) private view returns (bytes32 member) {
        member = _memberRegistry.memberOf(account);
        if (member != bytes32(0) && _memberRegistry.memberStatus(member) != IMemberRegistry.MemberStatus.Active) {
            member = bytes32(0);
        }
    }

    /// @dev The sender's member, which must be Active and hold the role.
    function _memberWithRole(bytes32 role) private view returns (bytes32) {
        if (!_memberRegistry.hasRole(role, msg.sender)) revert ReceivableRegistryUnauthorized(msg.sender, role);
        return _memberRegistry.memberOf(msg.sender);
    }
}
