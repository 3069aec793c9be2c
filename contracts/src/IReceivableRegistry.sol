// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {IERC3525Metadata, IERC3525SlotEnumerable} from "./IERC3525.sol";

/// @title IReceivableRegistry
/// @notice Receivable certificates (应收账款电子凭证) as an ERC-3525 token: a core enterprise's confirmed
/// payable is one slot, `keccak256(abi.encode(core, confirmationId, maturityDay))`; a part is one token
/// id in it holding some of the face value in fen (valueDecimals 2). Parts are split and offered down
/// the supply chain through an escrow the recipient accepts or rejects, financed by banks (quoting in
/// FinancingQuotes) against the certificate's live invoices (pledged in the InvoiceRegistry for exactly the financed value), and
/// settled at maturity when the core enterprise's payment is recorded; unpaid ones become overdue.
/// @dev Members are MemberRegistry members; parts are held by accounts (an account of an Active
/// member). The caller of a holder's step is the part's owner account; the operator never moves a
/// part. Days are unix day numbers in China Standard Time (see IBusinessCalendar).
/// Part states (stored; `partOf` shows Overdue for an Active or Financed part of an overdue certificate):
///   None -> Active (confirm: root; split; an offer returned as a new part) | Pending (offer)
///        | Financed (the bank's part on payment)
///   Active -> FinanceRequested (requestFinancing) | Settled (settlement) | InArbitration (overdue only)
///   Pending -> Active (accepted, or returned as a new part) | Merged (returned into its source part)
///        | Settled (settlement: paid to the splitter)
///   FinanceRequested -> Active (request withdrawn) | Financing (quote accepted) | Settled
///   Financing -> Active (paid in part or cancelled unpaid) | Financed (paid in full) | Settled
///   Financed -> Settled | InArbitration (overdue only);  InArbitration -> Settled
/// `isAllowed` is that table. Deviations from ERC-3525, documented: the standard's transferFrom,
/// safeTransferFrom, setApprovalForAll and token-level approve revert (value moves only through the
/// escrow and the financing steps, so no operator can move a holder's value); value-level approvals
/// are recorded for the owner and cleared when a part changes owner, but authorise no move.
interface IReceivableRegistry is IERC3525Metadata, IERC3525SlotEnumerable {
    /// @notice The state of a part (a token id).
    enum PartState {
        None, // never minted
        Active, // held by a member's account, free to split, offer or finance
        Pending, // held by the registry in escrow for a recipient
        FinanceRequested, // its holder asked for financing: locked
        Financing, // a quote was accepted, invoices pledged, the bank's payment awaited: locked
        Financed, // the bank's part, paid for; held to maturity
        Overdue, // (shown only) an Active or Financed part of an overdue certificate
        InArbitration, // an overdue part its holder took to arbitration
        Settled, // paid at maturity and burned
        Merged // an escrow part returned into its source part and burned
    }

    /// @notice The state of a certificate.
    enum CertificateStatus {
        None,
        Outstanding, // confirmed, not yet paid
        Overdue, // unpaid after the payment date plus the grace days
        Settling, // the core enterprise's payment was recorded; parts being settled
        Settled // every part settled, the invoices' pledges released
    }

    /// @notice The state of a financing (one request of a holder, keyed by the request id).
    enum FinancingStatus {
        None,
        Requested, // open for quotes
        Accepted, // a quote accepted, invoices pledged, payment awaited
        Paid, // the bank paid: it holds the financed part
        Withdrawn, // the holder withdrew the request
        Cancelled, // not paid by the deadline: pledge undone
        Lapsed, // the certificate was settled while requested or accepted
        Repaid // the bank's part was settled at maturity
    }

    /// @notice How an offer ended.
    enum OfferOutcome {
        Accepted,
        Rejected,
        Withdrawn,
        Expired,
        Lapsed // the certificate was settled while the offer was open: paid to the splitter
    }

    /// @notice A certificate as `certificateOf` returns it.
    struct Certificate {
        CertificateStatus status;
        bytes32 core; // the confirming core enterprise's member
        bytes32 supplier; // the tier-1 supplier's member
        uint256 slot;
        uint256 rootPartId;
        uint256 faceCents;
        uint256 settledCents; // paid out at settlement so far
        uint256 reducedByRedCents; // burned with a bank's consent to a red-letter
        uint256 overdueCents; // outstanding when it became overdue
        uint32 maturityDay;
        bool longTenor; // maturity more than 6 months after confirmation (flagged)
        uint64 confirmedAt;
        uint64 overdueAt;
        uint64 paidAt;
        bytes32 documentDigest; // the confirmation documents (undertaking, PO, checksum)
        bytes32 paymentProofDigest;
    }

    /// @notice A part as `partOf` returns it.
    struct Part {
        PartState state;
        bytes32 confirmationId;
        uint256 parentId; // the part it was split or offered from (0 for the root)
        uint8 depth; // 0 for the root, parent's depth + 1 for a part split or offered from it
        bytes32 financingId; // the open request, or the financing a bank's part came from
        address splitter; // escrow: the holder that offered it
        address recipient; // escrow: who may accept it
        uint64 expiresAt; // escrow: when anyone may return it to the splitter
    }

    /// @notice A financing as `financingOf` returns it.
    struct Financing {
        FinancingStatus status;
        bytes32 confirmationId;
        uint256 partId; // the holder's part
        uint256 valueCents; // the financed face value
        address holder;
        bytes32 quoteId; // the accepted quote
        bytes32 bank; // the accepted quote's bank
        bool recourse;
        uint64 requestedAt;
        uint64 registeredAt; // when the quote was accepted and the invoices pledged (Civil Code art. 768)
        uint64 paymentDeadline;
        uint64 paidAt;
        uint256 bankPartId;
        bytes32 paymentProofDigest;
        bytes32 crcRegistrationDigest; // digest of the CRC 动产融资统一登记 registration number
    }

    /// @notice The registry's parameters, fixed at deployment.
    struct Parameters {
        uint256 minSplitCents; // smallest value split or offered off a part (what remains is exempt)
        uint8 maxDepth; // deepest split tree (root 0)
        uint64 maxOfferSeconds; // longest an offer stays open
        uint64 paymentWindowSeconds; // time from quote acceptance for the bank to record its payment
        uint32 graceDays; // days after the payment date before a certificate may be marked overdue
    }

    /// @notice A core enterprise's overdue record as `overdueRecordOf` returns it.
    struct OverdueRecord {
        uint256 events; // overdue certificates ever
        uint256 eventsInSixMonths; // of those, marked within the last 6 months
        uint256 overdueBalanceCents; // outstanding on its overdue certificates not yet paid
        bool suspended; // >= 3 events in 6 months with an overdue balance: confirms nothing new
    }

    // --- errors ---

    /// @dev A constructor address is not a contract.
    error ReceivableRegistryInvalidDependency(address dependency);
    /// @dev A constructor parameter is out of range.
    error ReceivableRegistryInvalidParameters();
    /// @dev `account` belongs to no member, or to one that is not Active.
    error ReceivableRegistryNotAMember(address account);
    /// @dev `account` does not belong to an Active member holding `role`.
    error ReceivableRegistryUnauthorized(address account, bytes32 role);
    /// @dev A hash, digest or id that must be given is zero.
    error ReceivableRegistryInvalidHash();
    /// @dev The standard's transfers do not exist here: value moves through offer and accept only.
    error ReceivableRegistryTransferRefused();
    /// @dev Token-level and operator approvals are refused: no operator may move a holder's value.
    error ReceivableRegistryApprovalRefused();
    /// @dev The confirmation id was used before.
    error ReceivableRegistryConfirmationExists(bytes32 confirmationId);
    /// @dev No certificate with this confirmation id.
    error ReceivableRegistryUnknownCertificate(bytes32 confirmationId);
    /// @dev The supplier is not an account of an Active member other than the core enterprise.
    error ReceivableRegistryInvalidSupplier(address supplier);
    /// @dev The face amount is zero or above 2^96 - 1 fen.
    error ReceivableRegistryInvalidAmount(uint256 amountCents);
    /// @dev The maturity is not after today, or more than one year after it.
    error ReceivableRegistryInvalidMaturity(uint32 maturityDay, uint32 today);
    /// @dev The maturity is more than 6 months after today and the long-tenor flag is not set.
    error ReceivableRegistryLongTenorNotFlagged(uint32 maturityDay);
    /// @dev No invoices, too many (more than 32), or the same one twice.
    error ReceivableRegistryInvalidInvoices();
    /// @dev The invoice backs another certificate already.
    error ReceivableRegistryInvoiceBacksAnother(bytes32 invoiceId, bytes32 confirmationId);
    /// @dev The invoice was not issued by the supplier to the core enterprise (zeros: unknown invoice).
    error ReceivableRegistryInvoiceParties(bytes32 invoiceId, bytes32 seller, bytes32 buyer);
    /// @dev The invoices' remaining amounts do not cover `neededCents` (at confirmation: the face; at
    /// quote acceptance: the financed value on top of what is pledged).
    error ReceivableRegistryInsufficientCover(bytes32 confirmationId, uint256 coverCents, uint256 neededCents);
    /// @dev The core enterprise is suspended for overdue certificates.
    error ReceivableRegistryCoreSuspended(bytes32 core);
    /// @dev No part with this id.
    error ReceivableRegistryUnknownPart(uint256 partId);
    /// @dev The caller is not the account holding the part.
    error ReceivableRegistryNotTheHolder(uint256 partId, address account);
    /// @dev The part is in a state the step does not take.
    error ReceivableRegistryInvalidState(uint256 partId, PartState state);
    /// @dev The certificate is matured, overdue or being settled: its parts no longer move.
    error ReceivableRegistryMatured(bytes32 confirmationId);
    /// @dev The split value is zero, above the balance, or below the minimum split while not the whole.
    error ReceivableRegistryInvalidSplit(uint256 partId, uint256 valueCents, uint256 balanceCents);
    /// @dev A split would go deeper than the maximum depth.
    error ReceivableRegistryTooDeep(uint256 partId, uint8 depth);
    /// @dev The recipient is not an account of an Active member other than the splitter's.
    error ReceivableRegistryInvalidRecipient(address recipient);
    /// @dev The offer's expiry is not in the future, beyond the longest offer, or after maturity.
    error ReceivableRegistryInvalidExpiry(uint64 expiresAt);
    /// @dev Only the offer's recipient may accept or reject it.
    error ReceivableRegistryNotTheRecipient(uint256 partId, address account);
    /// @dev Only the splitter withdraws an offer.
    error ReceivableRegistryNotTheSplitter(uint256 partId, address account);
    /// @dev The offer expired (accept) or has not expired yet (expire).
    error ReceivableRegistryOfferExpiry(uint256 partId, uint64 expiresAt);
    /// @dev The request id was used before.
    error ReceivableRegistryFinancingExists(bytes32 financingId);
    /// @dev No financing with this id.
    error ReceivableRegistryUnknownFinancing(bytes32 financingId);
    /// @dev The financing is not in the status the step needs.
    error ReceivableRegistryInvalidFinancingStatus(bytes32 financingId, FinancingStatus status);
    /// @dev The financed value is zero or above the part's balance.
    error ReceivableRegistryInvalidFinancingValue(uint256 partId, uint256 valueCents);
    /// @dev No quote with this id.
    error ReceivableRegistryUnknownQuote(bytes32 quoteId);
    /// @dev The quote is void: its validity or discount day passed, or it is for another value or
    /// maturity than the request's. (A bank suspended since it quoted cannot record its payment.)
    error ReceivableRegistryQuoteVoid(bytes32 quoteId);
    /// @dev The quote hash the holder accepted differs from the stored one.
    error ReceivableRegistryQuoteHashMismatch(bytes32 quoteId, bytes32 quoteHash);
    /// @dev The caller's member is not the financing's bank.
    error ReceivableRegistryNotTheBank(bytes32 financingId, bytes32 member);
    /// @dev The payment deadline passed (recordPayment) or has not passed yet (cancelUnpaid).
    error ReceivableRegistryPaymentDeadline(bytes32 financingId, uint64 deadline);
    /// @dev The invoice does not back this financing, or the red amount exceeds what the financing
    /// pledged on it.
    error ReceivableRegistryRedExceedsPledge(bytes32 financingId, bytes32 invoiceId, uint256 pledgedCents);
    /// @dev The certificate is not in the status the step needs.
    error ReceivableRegistryInvalidCertificateStatus(bytes32 confirmationId, CertificateStatus status);
    /// @dev Settlement before maturity, or overdue before the payment date plus the grace days.
    error ReceivableRegistryNotDue(bytes32 confirmationId, uint32 dueDay);
    /// @dev The caller's member is not the certificate's core enterprise.
    error ReceivableRegistryNotTheCore(bytes32 confirmationId, bytes32 member);
    /// @notice Step `index` of `batchSteps` is not a part step (split, offer, accept, reject or withdraw an offer).
    error ReceivableRegistryStepNotBatchable(uint256 index);

    // --- events ---

    /// @notice A core enterprise confirmed a payable: the root part was minted to the supplier.
    /// @param confirmationId The confirmation id (chosen off chain).
    /// @param core The core enterprise's member.
    /// @param supplier The supplier's account holding the root part.
    /// @param slot The certificate's slot.
    /// @param rootPartId The root part.
    /// @param faceCents The face amount.
    /// @param maturityDay The maturity (unix day number, CST).
    /// @param longTenor Whether the tenor is above 6 months.
    /// @param documentDigest Digest of the confirmation documents.
    event PayableConfirmed(
        bytes32 indexed confirmationId,
        bytes32 indexed core,
        address indexed supplier,
        uint256 slot,
        uint256 rootPartId,
        uint256 faceCents,
        uint32 maturityDay,
        bool longTenor,
        bytes32 documentDigest
    );
    /// @notice A part changed state (emitted by the one transition function).
    /// @param partId The part.
    /// @param from The state before.
    /// @param to The state after.
    event PartStateChanged(uint256 indexed partId, PartState from, PartState to);
    /// @notice A holder split a part and keeps both.
    /// @param partId The source part.
    /// @param newPartId The new part.
    /// @param valueCents The value split off.
    event PartSplit(uint256 indexed partId, uint256 indexed newPartId, uint256 valueCents);
    /// @notice A holder offered value to a recipient: the value is in escrow in a pending part.
    /// @param pendingPartId The escrow part.
    /// @param sourcePartId The part it came from.
    /// @param splitter The offering holder.
    /// @param recipient The account that may accept.
    /// @param valueCents The value offered.
    /// @param expiresAt When it may be returned if not accepted.
    event OfferMade(
        uint256 indexed pendingPartId,
        uint256 indexed sourcePartId,
        address indexed splitter,
        address recipient,
        uint256 valueCents,
        uint64 expiresAt
    );
    /// @notice An offer ended: accepted (the escrow part went to the recipient) or returned to the
    /// splitter, into its source part or as a part of its own.
    /// @param pendingPartId The escrow part.
    /// @param outcome How it ended.
    /// @param holder Who holds the value now (recipient or splitter).
    /// @param intoPartId The part that holds it now.
    event OfferClosed(uint256 indexed pendingPartId, OfferOutcome outcome, address indexed holder, uint256 intoPartId);
    /// @notice A holder asked for financing of (some of) a part.
    /// @param financingId The request id (chosen off chain); the financing keeps it.
    /// @param partId The part, now locked.
    /// @param holder The holder.
    /// @param valueCents The value to finance.
    event FinancingRequested(
        bytes32 indexed financingId, uint256 indexed partId, address indexed holder, uint256 valueCents
    );
    /// @notice The holder accepted a quote: invoices pledged, financing registered.
    /// @param financingId The financing.
    /// @param quoteId The quote.
    /// @param bank The bank's member.
    /// @param registeredAt The registration time.
    event QuoteAccepted(
        bytes32 indexed financingId, bytes32 indexed quoteId, bytes32 indexed bank, uint64 registeredAt
    );
    /// @notice The financing's pledge on one invoice (allocated in the certificate's invoice order).
    /// @param financingId The financing.
    /// @param invoiceId The invoice.
    /// @param amountCents The amount pledged for this financing.
    event FinancingPledged(bytes32 indexed financingId, bytes32 indexed invoiceId, uint256 amountCents);
    /// @notice The bank recorded its payment: it holds the financed value.
    /// @param financingId The financing.
    /// @param bankPartId The bank's part.
    /// @param bankAccount The bank's account holding it.
    /// @param paymentProofDigest Digest of the payment proof.
    /// @param crcRegistrationDigest Digest of the CRC registration number.
    event FinancingPaid(
        bytes32 indexed financingId,
        uint256 indexed bankPartId,
        address indexed bankAccount,
        bytes32 paymentProofDigest,
        bytes32 crcRegistrationDigest
    );
    /// @notice A financing ended without payment: withdrawn, cancelled unpaid, or lapsed at settlement;
    /// its pledges were undone and the part unlocked.
    /// @param financingId The financing.
    /// @param status Withdrawn, Cancelled or Lapsed.
    event FinancingClosed(bytes32 indexed financingId, FinancingStatus status);
    /// @notice A bank consented to a red-letter on an invoice its financing pledged: its part was
    /// reduced by the amount (value burned) and the InvoiceRegistry lets the red-letter through.
    /// @param financingId The financing.
    /// @param invoiceId The invoice.
    /// @param amountCents The red amount consented to and burned from the bank's part.
    /// @param bankPartId The bank's part.
    event RedLetterConsented(
        bytes32 indexed financingId, bytes32 indexed invoiceId, uint256 amountCents, uint256 indexed bankPartId
    );
    /// @notice The core enterprise's settlement payment was recorded.
    /// @param confirmationId The certificate.
    /// @param paymentProofDigest Digest of the payment proof.
    /// @param late Whether the certificate was overdue.
    event SettlementRecorded(bytes32 indexed confirmationId, bytes32 paymentProofDigest, bool late);
    /// @notice A part was settled: its holder is paid its value, the part burned.
    /// @param confirmationId The certificate.
    /// @param partId The part.
    /// @param holder Who is paid (an escrow part's splitter).
    /// @param amountCents The amount paid.
    event PartSettled(
        bytes32 indexed confirmationId, uint256 indexed partId, address indexed holder, uint256 amountCents
    );
    /// @notice Every part was settled, the pledges released: the certificate is closed.
    /// @param confirmationId The certificate.
    /// @param settledCents The total paid.
    event CertificateSettled(bytes32 indexed confirmationId, uint256 settledCents);
    /// @notice A certificate became overdue; one overdue event counts against the core enterprise.
    /// @param confirmationId The certificate.
    /// @param core The core enterprise's member.
    /// @param overdueCents The outstanding value.
    /// @param events The core enterprise's overdue events so far.
    event CertificateOverdue(
        bytes32 indexed confirmationId, bytes32 indexed core, uint256 overdueCents, uint256 events
    );
    /// @notice A holder took an overdue part to arbitration (the case is in CaseRegistry).
    /// @param partId The part.
    /// @param caseId The case.
    /// @param holder The holder.
    event PartInArbitration(uint256 indexed partId, bytes32 indexed caseId, address indexed holder);

    // --- confirmation (core enterprise) ---

    /// @notice Confirms a payable to a supplier: mints the root part holding the face value to it.
    /// @dev By an account of an Active CORE_ENTERPRISE member that is not suspended. Each invoice must
    /// be issued by the supplier's member to the core's, back no other certificate, and be live (else
    /// the InvoiceRegistry's error naming it: RedInvoice, AlreadyReimbursed, Pledged, FullyRedLettered);
    /// their remaining amounts together cover the face.
    /// @param confirmationId Chosen off chain, non-zero, never used (ConfirmationExists).
    /// @param supplier The supplier's account (an Active member other than the core).
    /// @param faceCents The face amount; 0 < face < 2^96.
    /// @param maturityDay The maturity (unix day number, CST): after today, at most 12 calendar months on.
    /// @param longTenor Must be true when the maturity is more than 6 calendar months on.
    /// @param invoiceIds The invoices behind it, 1 to 32, distinct; financings pledge them in this order.
    /// @param documentDigest Digest of the payment undertaking, PO number and document checksum; non-zero.
    /// @return rootPartId The root part.
    function confirm(
        bytes32 confirmationId,
        address supplier,
        uint256 faceCents,
        uint32 maturityDay,
        bool longTenor,
        bytes32[] calldata invoiceIds,
        bytes32 documentDigest
    ) external returns (uint256 rootPartId);

    // --- parts (by the holder) ---

    /// @notice Splits value off an Active part into a new part of the same holder.
    /// @dev 0 < value <= balance; value >= the minimum split unless it is the whole balance; the new
    /// depth within the maximum; not after maturity.
    /// @param partId The part.
    /// @param valueCents The value of the new part.
    /// @return newPartId The new part.
    function split(uint256 partId, uint256 valueCents) external returns (uint256 newPartId);

    /// @notice Offers value of an Active part to another member's account: the value moves into a
    /// pending part the registry holds until the recipient accepts or rejects it, the holder withdraws
    /// it, or it expires.
    /// @dev Value rules as `split`; the recipient an account of an Active member other than the holder's;
    /// now < expiresAt <= now + maxOfferSeconds and before the maturity day starts.
    /// @param partId The source part.
    /// @param valueCents The value offered.
    /// @param recipient The recipient's account.
    /// @param expiresAt Unix time after which anyone may return it.
    /// @return pendingPartId The escrow part.
    function offer(uint256 partId, uint256 valueCents, address recipient, uint64 expiresAt)
        external
        returns (uint256 pendingPartId);

    /// @notice The recipient accepts an offer before it expires: the pending part becomes its Active part.
    /// @param pendingPartId The escrow part.
    function acceptOffer(uint256 pendingPartId) external;

    /// @notice The recipient rejects an offer: the value returns to the splitter.
    /// @param pendingPartId The escrow part.
    function rejectOffer(uint256 pendingPartId) external;

    /// @notice The splitter takes an offer back before the recipient acted.
    /// @param pendingPartId The escrow part.
    function withdrawOffer(uint256 pendingPartId) external;

    /// @notice Several part steps of one caller in one transaction, applied in order as if sent one by
    /// one by the same account: each is the call data of `split`, `offer`, `acceptOffer`, `rejectOffer`
    /// or `withdrawOffer`. All or nothing: a refused step reverts the batch with that step's own error
    /// (a bulk request is checked as a whole before it is sent, so a refusal here is a race lost).
    /// @dev Each step runs by delegatecall into this contract, so `msg.sender` is the caller's account.
    /// Events are those of the steps.
    /// @param steps ABI-encoded calls, at least one.
    function batchSteps(bytes[] calldata steps) external;

    /// @notice Anyone returns an expired offer to the splitter.
    /// @dev The value goes into the source part if the splitter still holds it Active, else the escrow
    /// part itself becomes the splitter's Active part (never to the root holder).
    /// @param pendingPartId The escrow part.
    function expireOffer(uint256 pendingPartId) external;

    // --- financing ---

    /// @notice The holder asks for financing of some or all of an Active part's value; the part is
    /// locked until the request is withdrawn, cancelled, or paid.
    /// @param financingId The request id, chosen off chain, non-zero, never used.
    /// @param partId The part.
    /// @param valueCents 0 < value <= the part's balance.
    function requestFinancing(bytes32 financingId, uint256 partId, uint256 valueCents) external;

    /// @notice The holder withdraws a request no quote was accepted for; the part is unlocked.
    /// @param financingId The request.
    function withdrawFinancingRequest(bytes32 financingId) external;

    /// @notice The holder accepts a quote: every invoice of the certificate is re-checked (an invoice
    /// pledged elsewhere, reimbursed or red-lettered reverts with the InvoiceRegistry's error naming
    /// it) and the financed value is pledged across them in order, in this transaction.
    /// @param quoteId A quote in the FinancingQuotes contract for this request's value and certificate
    /// maturity (banks quote there; the amounts are computed on chain); valid, its discount day not passed.
    /// @param quoteHash The quote's hash as the holder saw it (QuoteHashMismatch otherwise).
    function acceptQuote(bytes32 quoteId, bytes32 quoteHash) external;

    /// @notice The quoting bank records its payment before the deadline: the financed value moves to a
    /// part held by the calling account (the whole part if the whole value was financed).
    /// @param financingId The financing (Accepted).
    /// @param paymentProofDigest Digest of the payment proof; non-zero.
    /// @param crcRegistrationDigest Digest of the CRC registration number; non-zero.
    /// @return bankPartId The bank's part.
    function recordPayment(bytes32 financingId, bytes32 paymentProofDigest, bytes32 crcRegistrationDigest)
        external
        returns (uint256 bankPartId);

    /// @notice Anyone cancels an accepted financing the bank did not pay by the deadline: its pledges
    /// are undone and the part unlocked.
    /// @param financingId The financing (Accepted, deadline passed).
    function cancelUnpaid(bytes32 financingId) external;

    /// @notice The financing's bank consents to a red-letter on an invoice its financing pledged: its
    /// part is reduced by the amount (burned; the certificate's reducedByRedCents grows) and the
    /// InvoiceRegistry lets the seller's red-letter through for that amount. Recourse is off chain.
    /// @param financingId The financing (Paid; the certificate Outstanding or Overdue).
    /// @param invoiceId An invoice of the certificate the financing pledged.
    /// @param amountCents 0 < amount <= what the financing pledged on the invoice.
    function consentToRedLetter(bytes32 financingId, bytes32 invoiceId, uint256 amountCents) external;

    // --- settlement and default ---

    /// @notice The core enterprise records its payment at or after maturity (also when overdue): open
    /// offers and requests lapse, every part is settled to its holder and burned; with more than 100
    /// parts the rest is settled by `settleParts`.
    /// @param confirmationId The certificate (Outstanding or Overdue, maturity reached).
    /// @param paymentProofDigest Digest of the payment proof; non-zero.
    function recordSettlement(bytes32 confirmationId, bytes32 paymentProofDigest) external;

    /// @notice Anyone settles up to `maxParts` more parts of a certificate being settled; the last one
    /// closes it and releases the invoices' pledges.
    /// @param confirmationId The certificate (Settling).
    /// @param maxParts The most parts to settle in this call.
    function settleParts(bytes32 confirmationId, uint256 maxParts) external;

    /// @notice Anyone marks an unpaid certificate overdue after its payment date plus the grace days;
    /// one overdue event counts against the core enterprise.
    /// @param confirmationId The certificate (Outstanding).
    function markOverdue(bytes32 confirmationId) external;

    /// @notice The holder of an overdue part records that it took the part to arbitration.
    /// @param partId The part (shown Overdue).
    /// @param caseId The case in CaseRegistry; non-zero.
    function markInArbitration(uint256 partId, bytes32 caseId) external;

    // --- views ---

    /// @notice A certificate with every field.
    /// @param confirmationId The certificate.
    /// @return The certificate; status None if unknown.
    function certificateOf(bytes32 confirmationId) external view returns (Certificate memory);

    /// @notice The invoices behind a certificate, in the order financings pledge them.
    /// @param confirmationId The certificate.
    /// @return The invoice ids; empty if unknown.
    function invoicesOf(bytes32 confirmationId) external view returns (bytes32[] memory);

    /// @notice The certificate of a slot.
    /// @param slot The slot.
    /// @return The confirmation id, zero if none.
    function confirmationOfSlot(uint256 slot) external view returns (bytes32);

    /// @notice A part with its tree and escrow fields.
    /// @param partId The part.
    /// @return The part; state None if never minted, Settled or Merged once burned.
    function partOf(uint256 partId) external view returns (Part memory);

    /// @notice A financing.
    /// @param financingId The financing (request id).
    /// @return The financing; status None if unknown.
    function financingOf(bytes32 financingId) external view returns (Financing memory);

    /// @notice What a financing pledged on an invoice.
    /// @param financingId The financing.
    /// @param invoiceId The invoice.
    /// @return The amount, zero if none.
    function allocationOf(bytes32 financingId, bytes32 invoiceId) external view returns (uint256);

    /// @notice What this registry has pledged on an invoice in the InvoiceRegistry (all financings of
    /// its certificate), and the certificate it backs.
    /// @param invoiceId The invoice.
    /// @return confirmationId The certificate it backs, zero if none.
    /// @return pledgedCents The pledged amount.
    function backingOf(bytes32 invoiceId) external view returns (bytes32 confirmationId, uint256 pledgedCents);

    /// @notice A core enterprise's overdue record.
    /// @param core The core enterprise's member.
    /// @return The record.
    function overdueRecordOf(bytes32 core) external view returns (OverdueRecord memory);

    /// @notice Whether a core enterprise may confirm nothing new: >= 3 overdue events within the last
    /// 6 months (183 days) and an overdue balance left.
    /// @param core The core enterprise's member.
    /// @return True if suspended.
    function isSuspended(bytes32 core) external view returns (bool);

    /// @notice The transition table of part states (see the interface's documentation).
    /// @param from The state before.
    /// @param to The state after.
    /// @return Whether a step may take a part from `from` to `to`.
    function isAllowed(PartState from, PartState to) external pure returns (bool);

    /// @notice The registry's parameters.
    /// @return The parameters.
    function parameters() external view returns (Parameters memory);

    /// @notice The MemberRegistry that decides who is a member and who holds a role.
    /// @return The address.
    function memberRegistry() external view returns (address);

    /// @notice The InvoiceRegistry whose invoices back the certificates.
    /// @return The address.
    function invoiceRegistry() external view returns (address);

    /// @notice The business-day calendar used to roll maturities.
    /// @return The address.
    function businessCalendar() external view returns (address);

    /// @notice The FinancingQuotes contract whose quotes holders accept.
    /// @return The address.
    function financingQuotes() external view returns (address);
}
