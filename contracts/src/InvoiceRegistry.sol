// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "./ConsortiumRoles.sol";
import {Dates} from "./Dates.sol";
import {IInvoiceFinancing} from "./IInvoiceFinancing.sol";
import {IInvoiceRegistry} from "./IInvoiceRegistry.sol";
import {IMemberRegistry} from "./IMemberRegistry.sol";

/// @title InvoiceRegistry
/// @notice Tax e-invoices on chain: issuers authorised by tax bureaus, blue invoices issued within kind
/// and quota, red invoices against them whole or per line, one booking or reimbursement claimant per
/// invoice across the consortium, and pledges to financings.
/// @dev Storage is packed for batch issuing: a blue invoice is three fresh slots (header, record
/// digest, lines digest); members appear in invoices by a small index assigned on first sight. Every
/// step on an existing invoice asks `refusalOf` (through `_refusal`) before it changes anything.
contract InvoiceRegistry is IInvoiceRegistry {
    /// @dev One slot: what an invoice is. `kind == 0` means no invoice.
    struct Header {
        uint96 totalCents;
        uint32 seller; // member index
        uint32 buyer; // member index
        uint8 kind;
        bytes3 currency;
        uint32 issueDate;
        bool isRed;
    }

    /// @dev One slot: what happened to a blue invoice since it was issued.
    struct Claim {
        uint96 redCents; // sum of its red invoices
        uint32 holder; // member index of the one claimant, 0 if none
        uint8 mark; // BookingMark
        uint40 bookedAt;
        bool reimbursed;
        uint40 reimbursedAt;
        bool pledged;
    }

    struct StoredInvoice {
        Header header;
        bytes32 recordDigest;
        bytes32 linesDigestOrRedOf; // a blue invoice's lines digest; a red invoice's blue invoice id
        Claim claim;
    }

    struct StoredPledge {
        bytes32 financingId;
        uint96 amountCents;
        address account; // the financing registry that pledged it, the only one that may change or release it
        uint96 redAllowanceCents; // red-letter consented to by the financing, not yet red-lettered
    }

    struct StoredIssuer {
        bytes32 bureau;
        bytes32 taxIdDigest;
        uint256 quotaCents;
        uint256 usedCents; // in `usedMonth`
        uint8 kindMask;
        bool suspended;
        uint32 usedMonth; // the quota period `usedCents` counts: months since January 1970, China Standard Time
    }

    /// @dev The caller as seller, read once per call; `usedCents` accumulates over a batch and is stored once.
    struct Seller {
        bytes32 member;
        uint32 index;
        bool active;
        bool authorised;
        bool suspended;
        uint8 kindMask;
        uint256 quotaCents;
        uint256 usedCents; // in `month`
        uint32 month; // the current quota period
        bytes32 lastBuyer; // the last buyer found valid, and its index: consecutive items often share it
        uint32 lastBuyerIndex;
    }

    /// @dev One item to issue (keeps `issue` and `issueBatch` clear of stack-too-deep).
    struct NewInvoice {
        bytes32 invoiceId;
        uint8 kind;
        bytes32 recordDigest;
        bytes32 buyer;
        uint256 totalCents;
        bytes3 currency;
        uint32 issueDate;
        bytes32 linesDigest;
    }

    uint8 private constant KINDS = (1 << 1) | (1 << 2);
    /// @dev China Standard Time (UTC+8): quota periods are its calendar months.
    uint256 private constant CST_OFFSET = 8 hours;

    IMemberRegistry private immutable _memberRegistry;
    mapping(bytes32 invoiceId => StoredInvoice) private _invoices;
    mapping(bytes32 invoiceId => mapping(uint256 line => uint256 redCents)) private _lineRedCents;
    mapping(bytes32 invoiceId => StoredPledge) private _pledges;
    mapping(bytes32 issuer => StoredIssuer) private _issuers;
    mapping(bytes32 member => uint32 index) private _memberIndex;
    mapping(uint32 index => bytes32 member) private _memberAt;
    uint32 private _memberCount;

    constructor(IMemberRegistry memberRegistry_) {
        if (address(memberRegistry_).code.length == 0) {
            revert InvoiceRegistryInvalidMemberRegistry(address(memberRegistry_));
        }
        _memberRegistry = memberRegistry_;
    }

    // --- issuers ---

    /// @inheritdoc IInvoiceRegistry
    function authoriseIssuer(bytes32 issuer, bytes32 taxIdDigest, uint8 kindMask, uint256 quotaCents) external {
        bytes32 bureau = _memberWithRole(ConsortiumRoles.TAX_BUREAU);
        if (_memberRegistry.memberStatus(issuer) != IMemberRegistry.MemberStatus.Active) {
            revert InvoiceRegistryInvalidIssuer(issuer);
        }
        StoredIssuer storage s = _issuers[issuer];
        if (s.bureau != bytes32(0)) revert InvoiceRegistryIssuerExists(issuer);
        if (taxIdDigest == bytes32(0)) revert InvoiceRegistryInvalidHash();
        _requireKindMask(kindMask);
        _indexFor(issuer);
        s.bureau = bureau;
        s.taxIdDigest = taxIdDigest;
        s.kindMask = kindMask;
        s.quotaCents = quotaCents;
        emit IssuerAuthorised(issuer, bureau, taxIdDigest, kindMask, quotaCents);
    }

    /// @inheritdoc IInvoiceRegistry
    function setIssuerLimits(bytes32 issuer, uint8 kindMask, uint256 quotaCents) external {
        (StoredIssuer storage s,) = _byBureau(issuer);
        _requireKindMask(kindMask);
        s.kindMask = kindMask;
        s.quotaCents = quotaCents;
        emit IssuerLimitsChanged(issuer, kindMask, quotaCents);
    }

    /// @inheritdoc IInvoiceRegistry
    function suspendIssuer(bytes32 issuer, bytes32 reasonHash) external {
        (StoredIssuer storage s, bytes32 bureau) = _byBureau(issuer);
        if (reasonHash == bytes32(0)) revert InvoiceRegistryInvalidHash();
        if (s.suspended) revert InvoiceRegistryIssuerSuspended(issuer);
        s.suspended = true;
        emit IssuerSuspended(issuer, bureau, reasonHash);
    }

    /// @inheritdoc IInvoiceRegistry
    function reinstateIssuer(bytes32 issuer) external {
        (StoredIssuer storage s, bytes32 bureau) = _byBureau(issuer);
        if (!s.suspended) revert InvoiceRegistryIssuerNotSuspended(issuer);
        s.suspended = false;
        emit IssuerReinstated(issuer, bureau);
    }

    // --- issuing ---

    /// @inheritdoc IInvoiceRegistry
    function issue(
        bytes32 invoiceId,
        uint8 kind,
        bytes32 recordDigest,
        bytes32 buyer,
        uint256 totalCents,
        bytes3 currency,
        uint32 issueDate,
        bytes32 linesDigest
    ) external {
        NewInvoice memory item;
        item.invoiceId = invoiceId;
        item.kind = kind;
        item.recordDigest = recordDigest;
        item.buyer = buyer;
        item.totalCents = totalCents;
        item.currency = currency;
        item.issueDate = issueDate;
        item.linesDigest = linesDigest;
        Seller memory seller = _seller();
        Refusal refusal = _issue(seller, item);
        if (refusal != Refusal.NONE) _revertIssue(seller, item, refusal);
        _storeUsed(seller);
    }

    /// @inheritdoc IInvoiceRegistry
    function issueBatch(
        bytes32[] memory invoiceIds,
        uint8[] memory kinds,
        bytes32[] memory recordDigests,
        bytes32[] memory buyers,
        uint256[] memory totalsCents,
        bytes3[] memory currencies,
        uint32[] memory issueDates,
        bytes32[] memory linesDigests
    ) external {
        uint256 n = invoiceIds.length;
        if (
            kinds.length != n || recordDigests.length != n || buyers.length != n || totalsCents.length != n
                || currencies.length != n || issueDates.length != n || linesDigests.length != n
        ) revert InvoiceRegistryBatchLengthMismatch();
        Seller memory seller = _seller();
        uint256 usedBefore = seller.usedCents;
        NewInvoice memory item; // one item, overwritten per index: memory does not grow with the batch
        for (uint256 i; i < n; ++i) {
            item.invoiceId = invoiceIds[i];
            item.kind = kinds[i];
            item.recordDigest = recordDigests[i];
            item.buyer = buyers[i];
            item.totalCents = totalsCents[i];
            item.currency = currencies[i];
            item.issueDate = issueDates[i];
            item.linesDigest = linesDigests[i];
            Refusal refusal = _issue(seller, item);
            if (refusal != Refusal.NONE) emit InvoiceIssueRefused(item.invoiceId, seller.member, uint8(refusal));
        }
        if (seller.usedCents != usedBefore) _storeUsed(seller);
    }

    /// @inheritdoc IInvoiceRegistry
    function redLetter(
        bytes32 blueId,
        bytes32 redId,
        bytes32 redRecordDigest,
        uint32 issueDate,
        uint256[] calldata blueLineAmounts,
        uint256[] calldata redLineAmounts
    ) external {
        StoredInvoice storage blue = _redLetterable(blueId);
        if (redId == bytes32(0) || !_isDate(issueDate)) revert InvoiceRegistryInvalidInvoice(redId);
        if (redRecordDigest == bytes32(0)) revert InvoiceRegistryInvalidHash();
        if (_invoices[redId].header.kind != 0) revert InvoiceRegistryInvoiceExists(redId);
        uint256 redCents = _redLines(blueId, blue, blueLineAmounts, redLineAmounts);

        Header memory h = blue.header;
        // redCents <= remaining <= totalCents, which is a uint96
        // forge-lint: disable-next-line(unsafe-typecast)
        uint96 redTotal = blue.claim.redCents + uint96(redCents);
        blue.claim.redCents = redTotal;
        if (blue.claim.pledged) _useRedConsent(blueId, redCents, h.totalCents - redTotal);
        StoredInvoice storage red = _invoices[redId];
        red.header = Header({
            // forge-lint: disable-next-line(unsafe-typecast)
            totalCents: uint96(redCents),
            seller: h.seller,
            buyer: h.buyer,
            kind: h.kind,
            currency: h.currency,
            issueDate: issueDate,
            isRed: true
        });
        red.recordDigest = redRecordDigest;
        red.linesDigestOrRedOf = blueId;
        emit InvoiceRedLettered(blueId, redId, redRecordDigest, redCents, h.totalCents - redTotal);
    }

    // --- booking and reimbursement ---

    /// @inheritdoc IInvoiceRegistry
    function book(bytes32 invoiceId, uint8 mark) external {
        (bytes32 member, uint32 index) = _caller();
        if (mark != uint8(BookingMark.BOOKED_DEDUCTIBLE) && mark != uint8(BookingMark.BOOKED_NON_DEDUCTIBLE)) {
            revert InvoiceRegistryInvalidMark(mark);
        }
        StoredInvoice storage inv = _existing(invoiceId);
        if (index == 0 || inv.header.buyer != index) revert InvoiceRegistryNotTheBuyer(invoiceId, member);
        _require(invoiceId, inv, InvoiceStep.Book);
        Claim storage c = inv.claim;
        if (c.holder != 0 && c.holder != index) _revertFor(invoiceId, inv, Refusal.ALREADY_REIMBURSED);
        c.holder = index;
        c.mark = mark;
        c.bookedAt = uint40(block.timestamp);
        emit InvoiceBooked(invoiceId, member, mark);
    }

    /// @inheritdoc IInvoiceRegistry
    function unbook(bytes32 invoiceId, bytes32 reasonHash) external {
        (bytes32 member, uint32 index) = _caller();
        if (reasonHash == bytes32(0)) revert InvoiceRegistryInvalidHash();
        StoredInvoice storage inv = _existing(invoiceId);
        _require(invoiceId, inv, InvoiceStep.Unbook);
        Claim storage c = inv.claim;
        if (c.holder != index) revert InvoiceRegistryNotTheHolder(invoiceId, member);
        c.mark = 0;
        c.bookedAt = 0;
        if (!c.reimbursed) c.holder = 0;
        emit InvoiceUnbooked(invoiceId, member, reasonHash);
    }

    /// @inheritdoc IInvoiceRegistry
    function reimburse(bytes32 invoiceId) external {
        (bytes32 member, uint32 index) = _caller();
        StoredInvoice storage inv = _invoices[invoiceId];
        Refusal refusal = _reimbursementRefusal(inv, index);
        if (refusal != Refusal.NONE) _revertFor(invoiceId, inv, refusal);
        _reimburse(invoiceId, inv.claim, member, index == 0 ? _indexFor(member) : index);
    }

    /// @inheritdoc IInvoiceRegistry
    function reimburseBatch(bytes32[] calldata invoiceIds) external {
        bytes32 member = _memberRegistry.memberOf(msg.sender);
        bool active =
            member != bytes32(0) && _memberRegistry.memberStatus(member) == IMemberRegistry.MemberStatus.Active;
        uint32 index = _memberIndex[member];
        for (uint256 i; i < invoiceIds.length; ++i) {
            bytes32 invoiceId = invoiceIds[i];
            StoredInvoice storage inv = _invoices[invoiceId];
            Refusal refusal = active ? _reimbursementRefusal(inv, index) : Refusal.NOT_MEMBER;
            if (refusal == Refusal.NONE) {
                if (index == 0) index = _indexFor(member);
                _reimburse(invoiceId, inv.claim, member, index);
            } else {
                (bytes32 holder, uint64 at) = _claimant(inv.claim, refusal);
                emit InvoiceReimbursementRefused(invoiceId, member, uint8(refusal), holder, at);
            }
        }
    }

    /// @inheritdoc IInvoiceRegistry
    function reverseReimbursement(bytes32 invoiceId, bytes32 reasonHash) external {
        (bytes32 member, uint32 index) = _caller();
        if (reasonHash == bytes32(0)) revert InvoiceRegistryInvalidHash();
        StoredInvoice storage inv = _existing(invoiceId);
        _require(invoiceId, inv, InvoiceStep.ReverseReimbursement);
        Claim storage c = inv.claim;
        if (c.holder != index) revert InvoiceRegistryNotTheHolder(invoiceId, member);
        c.reimbursed = false;
        c.reimbursedAt = 0;
        if (c.mark == 0) c.holder = 0;
        emit InvoiceReimbursementReversed(invoiceId, member, reasonHash);
    }

    // --- financing ---

    /// @inheritdoc IInvoiceFinancing
    function pledge(bytes32 invoiceId, bytes32 financingId, uint256 amountCents) external {
        _memberWithRole(ConsortiumRoles.FINANCING_REGISTRY);
        if (financingId == bytes32(0)) revert InvoiceRegistryInvalidFinancing(financingId);
        StoredInvoice storage inv = _invoices[invoiceId];
        (bool topUp, uint256 room) = _pledgeable(invoiceId, inv, financingId);
        if (amountCents == 0 || amountCents > room) {
            revert InvoiceRegistryInvalidPledgeAmount(invoiceId, amountCents, room);
        }
        // amountCents <= room <= totalCents, which is a uint96
        // forge-lint: disable-next-line(unsafe-typecast)
        uint96 amount = uint96(amountCents);
        if (topUp) {
            _pledges[invoiceId].amountCents += amount;
        } else {
            inv.claim.pledged = true;
            _pledges[invoiceId] = StoredPledge({
                financingId: financingId, amountCents: amount, account: msg.sender, redAllowanceCents: 0
            });
        }
        emit InvoicePledged(invoiceId, financingId, amountCents);
    }

    /// @inheritdoc IInvoiceFinancing
    function reducePledge(bytes32 invoiceId, bytes32 financingId, uint256 amountCents) external {
        StoredPledge storage p = _ownPledge(invoiceId, financingId, InvoiceStep.ReducePledge);
        uint96 pledged = p.amountCents;
        if (amountCents == 0 || amountCents > pledged) {
            revert InvoiceRegistryInvalidPledgeAmount(invoiceId, amountCents, pledged);
        }
        // amountCents <= pledged, a uint96
        // forge-lint: disable-next-line(unsafe-typecast)
        pledged -= uint96(amountCents);
        p.amountCents = pledged;
        emit InvoicePledgeReduced(invoiceId, financingId, amountCents, pledged);
    }

    /// @inheritdoc IInvoiceFinancing
    function consentToRed(bytes32 invoiceId, bytes32 financingId, uint256 amountCents) external {
        StoredPledge storage p = _ownPledge(invoiceId, financingId, InvoiceStep.ConsentToRed);
        uint96 pledged = p.amountCents;
        if (amountCents == 0 || amountCents > pledged) {
            revert InvoiceRegistryInvalidPledgeAmount(invoiceId, amountCents, pledged);
        }
        // amountCents <= pledged, a uint96
        // forge-lint: disable-next-line(unsafe-typecast)
        uint96 amount = uint96(amountCents);
        p.amountCents = pledged - amount;
        uint96 allowance = p.redAllowanceCents + amount;
        p.redAllowanceCents = allowance;
        emit InvoiceRedConsented(invoiceId, financingId, amountCents, allowance);
    }

    /// @inheritdoc IInvoiceFinancing
    function release(bytes32 invoiceId, bytes32 financingId) external {
        _ownPledge(invoiceId, financingId, InvoiceStep.Release);
        _invoices[invoiceId].claim.pledged = false;
        delete _pledges[invoiceId];
        emit InvoiceReleased(invoiceId, financingId);
    }

    // --- views ---

    /// @inheritdoc IInvoiceFinancing
    function isLive(bytes32 invoiceId) external view returns (bool) {
        return _refusal(_invoices[invoiceId], InvoiceStep.Pledge) == Refusal.NONE;
    }

    /// @inheritdoc IInvoiceFinancing
    function partiesOf(bytes32 invoiceId) external view returns (bytes32 seller, bytes32 buyer) {
        Header memory h = _invoices[invoiceId].header;
        return (_memberAt[h.seller], _memberAt[h.buyer]);
    }

    /// @inheritdoc IInvoiceFinancing
    function pledgeOf(bytes32 invoiceId) external view returns (Pledge memory v) {
        if (!_invoices[invoiceId].claim.pledged) return v;
        StoredPledge storage p = _pledges[invoiceId];
        return Pledge({
            financingId: p.financingId,
            account: p.account,
            amountCents: p.amountCents,
            redAllowanceCents: p.redAllowanceCents
        });
    }

    /// @inheritdoc IInvoiceFinancing
    function pledgeableOf(bytes32 invoiceId, bytes32 financingId) external view returns (uint256 room) {
        (, room) = _pledgeable(invoiceId, _invoices[invoiceId], financingId);
    }

    /// @inheritdoc IInvoiceFinancing
    function remainingOf(bytes32 invoiceId) external view returns (uint256) {
        StoredInvoice storage inv = _invoices[invoiceId];
        if (inv.header.isRed) return 0;
        return inv.header.totalCents - inv.claim.redCents;
    }

    /// @inheritdoc IInvoiceRegistry
    function invoiceIdOf(uint8 kind, string calldata number) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(kind, number));
    }

    /// @inheritdoc IInvoiceRegistry
    function invoiceOf(bytes32 invoiceId) external view returns (Invoice memory v) {
        StoredInvoice storage inv = _invoices[invoiceId];
        Header memory h = inv.header;
        if (h.kind == 0) return v;
        Claim memory c = inv.claim;
        v.status = _status(h, c);
        v.seller = _memberAt[h.seller];
        v.buyer = _memberAt[h.buyer];
        v.kind = h.kind;
        v.recordDigest = inv.recordDigest;
        v.totalCents = h.totalCents;
        v.currency = h.currency;
        v.issueDate = h.issueDate;
        v.isRed = h.isRed;
        if (h.isRed) {
            v.redOf = inv.linesDigestOrRedOf;
            return v;
        }
        v.linesDigest = inv.linesDigestOrRedOf;
        v.remainingCents = h.totalCents - c.redCents;
        v.holder = _memberAt[c.holder];
        v.bookedMark = c.mark;
        v.bookedAt = c.bookedAt;
        v.reimbursed = c.reimbursed;
        v.reimbursedAt = c.reimbursedAt;
        if (c.pledged) {
            v.financingId = _pledges[invoiceId].financingId;
            v.pledgedCents = _pledges[invoiceId].amountCents;
        }
    }

    /// @inheritdoc IInvoiceRegistry
    function issuerOf(bytes32 issuer) external view returns (Issuer memory) {
        StoredIssuer storage s = _issuers[issuer];
        return Issuer({
            bureau: s.bureau,
            taxIdDigest: s.taxIdDigest,
            kindMask: s.kindMask,
            quotaCents: s.quotaCents,
            usedCents: s.usedMonth == _month() ? s.usedCents : 0,
            suspended: s.suspended
        });
    }

    /// @inheritdoc IInvoiceRegistry
    function lineRedCentsOf(bytes32 invoiceId, uint256 line) external view returns (uint256) {
        return _lineRedCents[invoiceId][line];
    }

    /// @inheritdoc IInvoiceRegistry
    function refusalOf(InvoiceStep step, InvoiceStatus status, bool booked, bool reimbursed, bool pledged)
        public
        pure
        returns (Refusal)
    {
        if (step == InvoiceStep.Issue) return status == InvoiceStatus.None ? Refusal.NONE : Refusal.DUPLICATE;
        if (status == InvoiceStatus.None) return Refusal.UNKNOWN_INVOICE;
        if (status == InvoiceStatus.Red) return Refusal.RED_INVOICE;
        bool full = status == InvoiceStatus.FullyRedLettered;
        if (step == InvoiceStep.RedLetter) {
            return pledged ? Refusal.PLEDGED : full ? Refusal.FULLY_RED_LETTERED : Refusal.NONE;
        }
        if (step >= InvoiceStep.TopUpPledge) {
            // steps of the financing that holds the pledge (TopUpPledge, ReducePledge, ConsentToRed,
            // ConsentedRedLetter): only on a pledged invoice; all but reducing need something to remain
            if (!pledged) return Refusal.INVALID;
            if (step == InvoiceStep.TopUpPledge && reimbursed) return Refusal.ALREADY_REIMBURSED;
            return full && step != InvoiceStep.ReducePledge ? Refusal.FULLY_RED_LETTERED : Refusal.NONE;
        }
        if (step == InvoiceStep.Book) {
            return booked ? Refusal.ALREADY_BOOKED_ELSEWHERE : full ? Refusal.FULLY_RED_LETTERED : Refusal.NONE;
        }
        if (step == InvoiceStep.Reimburse || step == InvoiceStep.Pledge) {
            if (reimbursed) return Refusal.ALREADY_REIMBURSED;
            return pledged ? Refusal.PLEDGED : full ? Refusal.FULLY_RED_LETTERED : Refusal.NONE;
        }
        if (step == InvoiceStep.Unbook) return booked ? Refusal.NONE : Refusal.INVALID;
        if (step == InvoiceStep.ReverseReimbursement) return reimbursed ? Refusal.NONE : Refusal.INVALID;
        return pledged ? Refusal.NONE : Refusal.INVALID; // Release
    }

    /// @inheritdoc IInvoiceRegistry
    function memberRegistry() external view returns (address) {
        return address(_memberRegistry);
    }

    // --- internals ---

    /// @dev Checks one item for `seller` and, if nothing refuses it, records it and counts it against the quota.
    function _issue(Seller memory seller, NewInvoice memory item) private returns (Refusal) {
        if (!seller.active) return Refusal.NOT_MEMBER;
        if (!seller.authorised) return Refusal.NOT_AUTHORISED;
        if (seller.suspended) return Refusal.SUSPENDED;
        StoredInvoice storage inv = _invoices[item.invoiceId];
        if (inv.header.kind != 0) return Refusal.DUPLICATE;
        if (!_isValid(item)) return Refusal.INVALID;
        if ((seller.kindMask >> item.kind) & 1 == 0) return Refusal.KIND_NOT_ALLOWED;
        if (item.buyer == bytes32(0) || item.buyer != seller.lastBuyer) {
            if (!_isBuyer(item.buyer, seller.member)) return Refusal.INVALID;
            seller.lastBuyer = item.buyer;
            seller.lastBuyerIndex = _indexFor(item.buyer);
        }
        if (seller.usedCents > seller.quotaCents || item.totalCents > seller.quotaCents - seller.usedCents) {
            return Refusal.QUOTA_EXCEEDED;
        }
        seller.usedCents += item.totalCents;
        inv.header = Header({
            // _isValid checked totalCents <= type(uint96).max
            // forge-lint: disable-next-line(unsafe-typecast)
            totalCents: uint96(item.totalCents),
            seller: seller.index,
            buyer: seller.lastBuyerIndex,
            kind: item.kind,
            currency: item.currency,
            issueDate: item.issueDate,
            isRed: false
        });
        inv.recordDigest = item.recordDigest;
        inv.linesDigestOrRedOf = item.linesDigest;
        emit InvoiceIssued(
            item.invoiceId,
            seller.member,
            item.buyer,
            item.kind,
            item.recordDigest,
            item.totalCents,
            item.currency,
            item.issueDate
        );
        return Refusal.NONE;
    }

    /// @dev The error `issue` reverts with for a refusal of `_issue`.
    function _revertIssue(Seller memory seller, NewInvoice memory item, Refusal refusal) private view {
        if (refusal == Refusal.NOT_MEMBER) revert InvoiceRegistryNotAMember(msg.sender);
        if (refusal == Refusal.NOT_AUTHORISED) revert InvoiceRegistryNotAnIssuer(seller.member);
        if (refusal == Refusal.SUSPENDED) revert InvoiceRegistryIssuerSuspended(seller.member);
        if (refusal == Refusal.DUPLICATE) revert InvoiceRegistryInvoiceExists(item.invoiceId);
        if (refusal == Refusal.KIND_NOT_ALLOWED) revert InvoiceRegistryKindNotAllowed(seller.member, item.kind);
        if (refusal == Refusal.QUOTA_EXCEEDED) {
            revert InvoiceRegistryQuotaExceeded(seller.member, seller.usedCents, item.totalCents, seller.quotaCents);
        }
        if (!_isValid(item)) revert InvoiceRegistryInvalidInvoice(item.invoiceId);
        revert InvoiceRegistryInvalidBuyer(item.buyer);
    }

    /// @dev The fields of a new invoice that need no lookup.
    function _isValid(NewInvoice memory item) private pure returns (bool) {
        return item.invoiceId != bytes32(0) && (item.kind == 1 || item.kind == 2) && item.totalCents != 0
            && item.totalCents <= type(uint96).max && item.currency != bytes3(0) && item.recordDigest != bytes32(0)
            && item.linesDigest != bytes32(0) && _isDate(item.issueDate);
    }

    function _isBuyer(bytes32 buyer, bytes32 seller) private view returns (bool) {
        return buyer != bytes32(0) && buyer != seller
            && _memberRegistry.memberStatus(buyer) == IMemberRegistry.MemberStatus.Active;
    }

    /// @dev yyyymmdd with a month 1-12 and a day 1-31 (no calendar: the record digest carries the date too).
    function _isDate(uint32 date) private pure returns (bool) {
        uint32 month = (date / 100) % 100;
        uint32 day = date % 100;
        return date >= 19000101 && date <= 99991231 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /// @dev The blue invoice, when the caller's member is its seller and an issuer that is not suspended,
    /// and the table allows red-lettering it.
    function _redLetterable(bytes32 blueId) private view returns (StoredInvoice storage blue) {
        Seller memory seller = _seller();
        if (!seller.active) revert InvoiceRegistryNotAMember(msg.sender);
        if (!seller.authorised) revert InvoiceRegistryNotAnIssuer(seller.member);
        if (seller.suspended) revert InvoiceRegistryIssuerSuspended(seller.member);
        blue = _existing(blueId);
        if (blue.header.seller != seller.index) revert InvoiceRegistryNotTheSeller(blueId, seller.member);
        _require(blueId, blue, blue.claim.pledged ? InvoiceStep.ConsentedRedLetter : InvoiceStep.RedLetter);
    }

    /// @dev A red-letter of `redCents` on a pledged invoice uses up that much of the financing's
    /// consent (none or too little: Pledged); the pledge then stays within what remains.
    function _useRedConsent(bytes32 invoiceId, uint256 redCents, uint256 remaining) private {
        StoredPledge storage p = _pledges[invoiceId];
        uint96 allowance = p.redAllowanceCents;
        if (redCents > allowance) revert InvoiceRegistryPledged(invoiceId);
        // redCents <= allowance, a uint96
        // forge-lint: disable-next-line(unsafe-typecast)
        p.redAllowanceCents = allowance - uint96(redCents);
        // remaining < total, a uint96
        // forge-lint: disable-next-line(unsafe-typecast)
        if (p.amountCents > remaining) p.amountCents = uint96(remaining);
    }

    /// @dev Whether a pledge of the caller to `financingId` would top up its own pledge, and how much
    /// it could pledge; reverts with the reason when the table refuses the step.
    function _pledgeable(bytes32 invoiceId, StoredInvoice storage inv, bytes32 financingId)
        private
        view
        returns (bool topUp, uint256 room)
    {
        StoredPledge storage p = _pledges[invoiceId];
        topUp = inv.claim.pledged && p.financingId == financingId && p.account == msg.sender;
        _require(invoiceId, inv, topUp ? InvoiceStep.TopUpPledge : InvoiceStep.Pledge);
        room = inv.header.totalCents - inv.claim.redCents;
        if (topUp) room -= p.amountCents + p.redAllowanceCents;
    }

    /// @dev The pledge, when the caller is a financing registry account that made it for `financingId`
    /// and the table allows the step; else Unauthorized, UnknownInvoice, RedInvoice, NotPledgedTo or
    /// FullyRedLettered.
    function _ownPledge(bytes32 invoiceId, bytes32 financingId, InvoiceStep step)
        private
        view
        returns (StoredPledge storage p)
    {
        _memberWithRole(ConsortiumRoles.FINANCING_REGISTRY);
        StoredInvoice storage inv = _invoices[invoiceId];
        Refusal refusal = _refusal(inv, step);
        if (refusal == Refusal.UNKNOWN_INVOICE || refusal == Refusal.RED_INVOICE) _revertFor(invoiceId, inv, refusal);
        p = _pledges[invoiceId];
        if (refusal == Refusal.INVALID || p.financingId != financingId || p.account != msg.sender) {
            revert InvoiceRegistryNotPledgedTo(invoiceId, financingId);
        }
        if (refusal != Refusal.NONE) _revertFor(invoiceId, inv, refusal);
    }

    /// @dev Checks the blue lines against the invoice and adds the red lines to each line's red total;
    /// returns the red invoice's total.
    function _redLines(
        bytes32 blueId,
        StoredInvoice storage blue,
        uint256[] calldata blueLines,
        uint256[] calldata redLines
    ) private returns (uint256 redCents) {
        uint256 n = blueLines.length;
        if (redLines.length != n || keccak256(abi.encodePacked(blueLines)) != blue.linesDigestOrRedOf) {
            revert InvoiceRegistryLinesMismatch(blueId);
        }
        uint256 total = blue.header.totalCents;
        uint256 blueSum;
        mapping(uint256 => uint256) storage lineRed = _lineRedCents[blueId];
        for (uint256 i; i < n; ++i) {
            uint256 line = blueLines[i];
            if (line > total) revert InvoiceRegistryLinesMismatch(blueId); // so the sum cannot overflow
            blueSum += line;
            uint256 red = redLines[i];
            if (red == 0) continue;
            uint256 done = lineRed[i];
            if (red > line - done) revert InvoiceRegistryRedExceedsLine(blueId, i, line - done, red);
            lineRed[i] = done + red;
            redCents += red;
        }
        if (blueSum != total) revert InvoiceRegistryLinesMismatch(blueId);
        uint256 remaining = total - blue.claim.redCents;
        if (redCents == 0 || redCents > remaining) revert InvoiceRegistryInvalidRedAmount(blueId, redCents, remaining);
    }

    /// @dev Why `reimburse` by the member with this index would be refused (table, then the one-claimant rule).
    function _reimbursementRefusal(StoredInvoice storage inv, uint32 index) private view returns (Refusal refusal) {
        refusal = _refusal(inv, InvoiceStep.Reimburse);
        uint32 holder = inv.claim.holder;
        if (refusal == Refusal.NONE && holder != 0 && holder != index) refusal = Refusal.ALREADY_BOOKED_ELSEWHERE;
    }

    function _reimburse(bytes32 invoiceId, Claim storage c, bytes32 member, uint32 index) private {
        c.holder = index;
        c.reimbursed = true;
        c.reimbursedAt = uint40(block.timestamp);
        emit InvoiceReimbursed(invoiceId, member);
    }

    /// @dev The member that reimbursed or booked the invoice, and when, for a refusal that names them.
    function _claimant(Claim storage c, Refusal refusal) private view returns (bytes32 holder, uint64 at) {
        if (refusal == Refusal.ALREADY_REIMBURSED) return (_memberAt[c.holder], c.reimbursedAt);
        if (refusal == Refusal.ALREADY_BOOKED_ELSEWHERE) return (_memberAt[c.holder], c.bookedAt);
        return (bytes32(0), 0);
    }

    /// @dev The one place that reads an invoice's status and marks into the transition table.
    function _refusal(StoredInvoice storage inv, InvoiceStep step) private view returns (Refusal) {
        Header memory h = inv.header;
        Claim memory c = inv.claim;
        return refusalOf(step, _status(h, c), c.mark != 0, c.reimbursed, c.pledged);
    }

    /// @dev Reverts with the step's error unless the table allows it.
    function _require(bytes32 invoiceId, StoredInvoice storage inv, InvoiceStep step) private view {
        Refusal refusal = _refusal(inv, step);
        if (refusal == Refusal.NONE) return;
        if (refusal == Refusal.INVALID) {
            if (step == InvoiceStep.Unbook) revert InvoiceRegistryNotBooked(invoiceId);
            revert InvoiceRegistryNotReimbursed(invoiceId);
        }
        _revertFor(invoiceId, inv, refusal);
    }

    function _revertFor(bytes32 invoiceId, StoredInvoice storage inv, Refusal refusal) private view {
        if (refusal == Refusal.UNKNOWN_INVOICE) revert InvoiceRegistryUnknownInvoice(invoiceId);
        if (refusal == Refusal.RED_INVOICE) revert InvoiceRegistryRedInvoice(invoiceId);
        if (refusal == Refusal.FULLY_RED_LETTERED) revert InvoiceRegistryFullyRedLettered(invoiceId);
        if (refusal == Refusal.PLEDGED) revert InvoiceRegistryPledged(invoiceId);
        (bytes32 holder, uint64 at) = _claimant(inv.claim, refusal);
        if (refusal == Refusal.ALREADY_REIMBURSED) revert InvoiceRegistryAlreadyReimbursed(invoiceId, holder, at);
        revert InvoiceRegistryAlreadyBooked(invoiceId, holder, at);
    }

    function _status(Header memory h, Claim memory c) private pure returns (InvoiceStatus) {
        if (h.kind == 0) return InvoiceStatus.None;
        if (h.isRed) return InvoiceStatus.Red;
        if (c.redCents == 0) return InvoiceStatus.Issued;
        return c.redCents == h.totalCents ? InvoiceStatus.FullyRedLettered : InvoiceStatus.PartlyRedLettered;
    }

    function _existing(bytes32 invoiceId) private view returns (StoredInvoice storage inv) {
        inv = _invoices[invoiceId];
        if (inv.header.kind == 0) revert InvoiceRegistryUnknownInvoice(invoiceId);
    }

    /// @dev The caller's issuing side: its member (maybe none or inactive) and its issuer record.
    function _seller() private view returns (Seller memory seller) {
        bytes32 member = _memberRegistry.memberOf(msg.sender);
        seller.member = member;
        seller.active =
            member != bytes32(0) && _memberRegistry.memberStatus(member) == IMemberRegistry.MemberStatus.Active;
        StoredIssuer storage s = _issuers[member];
        seller.authorised = s.bureau != bytes32(0);
        seller.suspended = s.suspended;
        seller.kindMask = s.kindMask;
        seller.quotaCents = s.quotaCents;
        seller.month = _month();
        seller.usedCents = s.usedMonth == seller.month ? s.usedCents : 0; // a new month starts at zero
        seller.index = _memberIndex[member];
    }

    /// @dev Stores what the seller used in the current quota period.
    function _storeUsed(Seller memory seller) private {
        StoredIssuer storage s = _issuers[seller.member];
        s.usedCents = seller.usedCents;
        s.usedMonth = seller.month;
    }

    /// @dev The current quota period: this calendar month in China Standard Time, as months since January 1970.
    function _month() private view returns (uint32) {
        (uint256 year, uint256 month,) = Dates.toDate((block.timestamp + CST_OFFSET) / 1 days);
        // years of this era times 12: far below 2^32
        // forge-lint: disable-next-line(unsafe-typecast)
        return uint32((year - 1970) * 12 + month - 1);
    }

    /// @dev The caller's member, which must be Active, and its index (0 if it has none yet).
    function _caller() private view returns (bytes32 member, uint32 index) {
        member = _memberRegistry.memberOf(msg.sender);
        if (member == bytes32(0) || _memberRegistry.memberStatus(member) != IMemberRegistry.MemberStatus.Active) {
            revert InvoiceRegistryNotAMember(msg.sender);
        }
        index = _memberIndex[member];
    }

    /// @dev The issuer, when the caller is an account of the bureau that authorised it.
    function _byBureau(bytes32 issuer) private view returns (StoredIssuer storage s, bytes32 bureau) {
        bureau = _memberWithRole(ConsortiumRoles.TAX_BUREAU);
        s = _issuers[issuer];
        if (s.bureau == bytes32(0)) revert InvoiceRegistryNotAnIssuer(issuer);
        if (s.bureau != bureau) revert InvoiceRegistryNotTheBureau(issuer, bureau);
    }

    /// @dev The sender's member, which must be Active and hold the role.
    function _memberWithRole(bytes32 role) private view returns (bytes32) {
        if (!_memberRegistry.hasRole(role, msg.sender)) revert InvoiceRegistryUnauthorized(msg.sender, role);
        return _memberRegistry.memberOf(msg.sender);
    }

    function _requireKindMask(uint8 kindMask) private pure {
        if (kindMask == 0 || kindMask & ~KINDS != 0) revert InvoiceRegistryInvalidKindMask(kindMask);
    }

    /// @dev A member's index in invoice records, assigned on first sight (1, 2, ...; 0 is "none").
    function _indexFor(bytes32 member) private returns (uint32 index) {
        index = _memberIndex[member];
        if (index == 0) {
            index = ++_memberCount;
            _memberIndex[member] = index;
            _memberAt[index] = member;
        }
    }
}
