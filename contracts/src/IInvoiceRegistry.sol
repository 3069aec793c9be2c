// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {IInvoiceFinancing} from "./IInvoiceFinancing.sol";

/// @title IInvoiceRegistry
/// @notice The on-chain record of tax e-invoices (数电票): which issuers a tax bureau authorised, with
/// which kinds and quota; every blue and red invoice by id, its digests and amounts; the one booking
/// or reimbursement claim per invoice across the consortium; and pledges to financings.
/// @dev Members are MemberRegistry members; the caller's member is `memberOf(msg.sender)` and must be
/// Active. An invoice id is chosen off chain as `invoiceIdOf(kind, number)`, so issuing a number twice
/// reverts. Status of an invoice (computed, see InvoiceStatus):
///   None -> Issued                          issue (the seller, an authorised issuer within kind and quota)
///   Issued | PartlyRedLettered -> PartlyRedLettered | FullyRedLettered   redLetter (the seller)
///   a red invoice is recorded with status Red, which takes no step.
/// Marks on a blue invoice (the first member to book or reimburse becomes its holder; only the
/// holder sets the other mark or reverses its own): booked (by the buyer), reimbursed (once), and a
/// pledge (by a financing registry). `refusalOf` is the table of which step each status and marks allow.
/// A pledged invoice is red-lettered only within what its financing consented to (`consentToRed`), as
/// the financier is a required confirmer of a red-letter on a pledged invoice.
interface IInvoiceRegistry is IInvoiceFinancing {
    /// @notice Why a step on an invoice was refused (ABI uint8, in batch refusal events).
    enum Refusal {
        NONE, // not refused
        DUPLICATE, // the invoice id was issued before
        NOT_AUTHORISED, // the seller is not an authorised issuer
        SUSPENDED, // the issuer is suspended by its bureau
        KIND_NOT_ALLOWED, // the issuer may not issue this kind
        QUOTA_EXCEEDED, // the issuer's issued total would exceed its quota
        INVALID, // a field is invalid (buyer, amount, kind, date, digest), or the mark to reverse is not set
        UNKNOWN_INVOICE, // no invoice with this id
        RED_INVOICE, // the invoice is a red invoice
        FULLY_RED_LETTERED, // nothing of the invoice remains
        ALREADY_REIMBURSED, // the invoice was reimbursed (by anyone, also the caller)
        ALREADY_BOOKED_ELSEWHERE, // the invoice is booked, or held by another member
        PLEDGED, // the invoice is pledged to a financing
        NOT_MEMBER // the caller's account belongs to no Active member
    }

    /// @notice The status of an invoice, computed from its record.
    enum InvoiceStatus {
        None, // never issued
        Issued, // blue, nothing red-lettered
        PartlyRedLettered, // blue, 0 < red-lettered < total
        FullyRedLettered, // blue, red-lettered == total
        Red // a red invoice (of a blue one)
    }

    /// @notice The steps on an invoice, as the transition table `refusalOf` names them.
    enum InvoiceStep {
        Issue,
        RedLetter,
        Book,
        Unbook,
        Reimburse,
        ReverseReimbursement,
        Pledge,
        Release,
        TopUpPledge, // pledge more to the financing that holds the pledge, by its account
        ReducePledge, // take some of the pledge off, by its account
        ConsentToRed, // the financing holding the pledge consents to a red-letter
        ConsentedRedLetter // red-letter a pledged invoice within the consented amount
    }

    /// @notice Booking marks (the bureau's 发票入账标识).
    enum BookingMark {
        NONE,
        BOOKED_DEDUCTIBLE, // 已入账(企业所得税税前扣除)
        BOOKED_NON_DEDUCTIBLE // 已入账(企业所得税不扣除)
    }

    /// @notice An invoice as `invoiceOf` returns it.
    struct Invoice {
        InvoiceStatus status;
        bytes32 seller; // memberId of the issuing seller
        bytes32 buyer; // memberId of the buyer
        uint8 kind; // 1 DIGITAL_SPECIAL (数电专票), 2 DIGITAL_ORDINARY (数电普票)
        bytes32 recordDigest; // digest of the attested invoice record
        bytes32 linesDigest; // keccak256(abi.encodePacked(uint256[] lineTotalsCents)); zero for a red invoice
        uint256 totalCents; // total incl. tax
        uint256 remainingCents; // total less red-lettered; zero for a red invoice
        bytes3 currency; // ISO 4217, e.g. "CNY"
        uint32 issueDate; // yyyymmdd
        bool isRed;
        bytes32 redOf; // the blue invoice of a red one
        bytes32 holder; // the member that booked or reimbursed it, zero if none
        uint8 bookedMark; // BookingMark
        uint64 bookedAt;
        bool reimbursed;
        uint64 reimbursedAt;
        bytes32 financingId; // the financing it is pledged to, zero if none
        uint256 pledgedCents;
    }

    /// @notice An issuer as `issuerOf` returns it (all zero if never authorised).
    struct Issuer {
        bytes32 bureau; // memberId of the authorising tax bureau
        bytes32 taxIdDigest; // digest of the issuer's tax id (USCC)
        uint8 kindMask; // bit (1 << kind) set for each kind it may issue
        uint256 quotaCents; // cap on the blue totals it issues per calendar month (China Standard Time): 授信额度 per period
        uint256 usedCents; // blue totals issued this month (red-letters do not give quota back; a new month starts at zero)
        bool suspended;
    }

    // --- errors (besides those of IInvoiceFinancing) ---

    /// @dev The member registry address is not a contract.
    error InvoiceRegistryInvalidMemberRegistry(address registry);
    /// @dev `account` belongs to no member, or to one that is not Active.
    error InvoiceRegistryNotAMember(address account);
    /// @dev `issuer` is not an Active member and cannot be authorised.
    error InvoiceRegistryInvalidIssuer(bytes32 issuer);
    /// @dev `issuer` was authorised before.
    error InvoiceRegistryIssuerExists(bytes32 issuer);
    /// @dev `issuer` was never authorised (as issuer: it cannot issue or red-letter).
    error InvoiceRegistryNotAnIssuer(bytes32 issuer);
    /// @dev Only the bureau that authorised `issuer` may change it.
    error InvoiceRegistryNotTheBureau(bytes32 issuer, bytes32 member);
    /// @dev `issuer` is suspended: it cannot issue or red-letter, nor be suspended again.
    error InvoiceRegistryIssuerSuspended(bytes32 issuer);
    /// @dev `issuer` is not suspended and cannot be reinstated.
    error InvoiceRegistryIssuerNotSuspended(bytes32 issuer);
    /// @dev A kind mask has only bits 1 << 1 and 1 << 2, at least one of them.
    error InvoiceRegistryInvalidKindMask(uint8 kindMask);
    /// @dev A hash or digest that must be given is zero.
    error InvoiceRegistryInvalidHash();
    /// @dev The issuer may not issue invoices of this kind.
    error InvoiceRegistryKindNotAllowed(bytes32 issuer, uint8 kind);
    /// @dev Issuing `totalCents` would take the issuer's used amount past its quota.
    error InvoiceRegistryQuotaExceeded(bytes32 issuer, uint256 usedCents, uint256 totalCents, uint256 quotaCents);
    /// @dev The invoice id was issued before (blue or red).
    error InvoiceRegistryInvoiceExists(bytes32 invoiceId);
    /// @dev A field of the new invoice is invalid: zero id, unknown kind, zero or too large total
    /// (> 2^96 - 1 cents), zero currency, an issue date that is not yyyymmdd, or a zero digest.
    error InvoiceRegistryInvalidInvoice(bytes32 invoiceId);
    /// @dev The buyer is zero, the seller itself, or not an Active member.
    error InvoiceRegistryInvalidBuyer(bytes32 buyer);
    /// @dev The arrays of a batch differ in length.
    error InvoiceRegistryBatchLengthMismatch();
    /// @dev The caller's member is not the invoice's seller.
    error InvoiceRegistryNotTheSeller(bytes32 invoiceId, bytes32 member);
    /// @dev The caller's member is not the invoice's buyer.
    error InvoiceRegistryNotTheBuyer(bytes32 invoiceId, bytes32 member);
    /// @dev The blue line amounts do not hash to the invoice's lines digest or do not add up to its
    /// total, or the red line amounts are not one per blue line.
    error InvoiceRegistryLinesMismatch(bytes32 invoiceId);
    /// @dev Red-lettering `redCents` on line `line` would exceed what remains of that line.
    error InvoiceRegistryRedExceedsLine(bytes32 invoiceId, uint256 line, uint256 remainingCents, uint256 redCents);
    /// @dev A red invoice is for more than zero and at most the blue invoice's remaining amount.
    error InvoiceRegistryInvalidRedAmount(bytes32 invoiceId, uint256 redCents, uint256 remainingCents);
    /// @dev A booking mark is BOOKED_DEDUCTIBLE (1) or BOOKED_NON_DEDUCTIBLE (2).
    error InvoiceRegistryInvalidMark(uint8 mark);
    /// @dev The invoice was booked by `member` at time `at`.
    error InvoiceRegistryAlreadyBooked(bytes32 invoiceId, bytes32 member, uint64 at);
    /// @dev The invoice is not booked, so there is nothing to unbook.
    error InvoiceRegistryNotBooked(bytes32 invoiceId);
    /// @dev The invoice is not reimbursed, so there is nothing to reverse.
    error InvoiceRegistryNotReimbursed(bytes32 invoiceId);
    /// @dev Only the member that set a mark may reverse it.
    error InvoiceRegistryNotTheHolder(bytes32 invoiceId, bytes32 member);

    // --- events (past tense, emitted right after the change) ---

    /// @notice A bureau authorised an issuer.
    /// @param issuer The issuing member.
    /// @param bureau The authorising bureau's member.
    /// @param taxIdDigest Digest of the issuer's tax id.
    /// @param kindMask The kinds it may issue.
    /// @param quotaCents Its quota.
    event IssuerAuthorised(
        bytes32 indexed issuer, bytes32 indexed bureau, bytes32 taxIdDigest, uint8 kindMask, uint256 quotaCents
    );
    /// @notice The bureau changed an issuer's kinds or quota.
    /// @param issuer The issuer.
    /// @param kindMask The kinds it may issue from now on.
    /// @param quotaCents Its quota from now on (may be below what it used: it then issues nothing more).
    event IssuerLimitsChanged(bytes32 indexed issuer, uint8 kindMask, uint256 quotaCents);
    /// @notice The bureau suspended an issuer.
    /// @param issuer The issuer.
    /// @param bureau The bureau's member.
    /// @param reasonHash Digest of the reason.
    event IssuerSuspended(bytes32 indexed issuer, bytes32 indexed bureau, bytes32 reasonHash);
    /// @notice The bureau reinstated a suspended issuer.
    /// @param issuer The issuer.
    /// @param bureau The bureau's member.
    event IssuerReinstated(bytes32 indexed issuer, bytes32 indexed bureau);
    /// @notice A blue invoice was issued.
    /// @param invoiceId The invoice id, invoiceIdOf(kind, number).
    /// @param seller The issuing seller's member.
    /// @param buyer The buyer's member.
    /// @param kind The invoice kind.
    /// @param recordDigest Digest of the attested invoice record.
    /// @param totalCents Total incl. tax.
    /// @param currency ISO 4217 code.
    /// @param issueDate yyyymmdd.
    event InvoiceIssued(
        bytes32 indexed invoiceId,
        bytes32 indexed seller,
        bytes32 indexed buyer,
        uint8 kind,
        bytes32 recordDigest,
        uint256 totalCents,
        bytes3 currency,
        uint32 issueDate
    );
    /// @notice An item of `issueBatch` was refused; the others were issued.
    /// @param invoiceId The refused invoice id.
    /// @param seller The caller's member (zero if none).
    /// @param reason A Refusal code.
    event InvoiceIssueRefused(bytes32 indexed invoiceId, bytes32 indexed seller, uint8 reason);
    /// @notice A red invoice was issued against a blue one.
    /// @param blueId The blue invoice.
    /// @param redId The red invoice, recorded as an invoice with isRed and redOf = blueId.
    /// @param redRecordDigest Digest of the red invoice's record.
    /// @param redCents The red invoice's total (sum of its red line amounts).
    /// @param remainingCents What remains of the blue invoice.
    event InvoiceRedLettered(
        bytes32 indexed blueId, bytes32 indexed redId, bytes32 redRecordDigest, uint256 redCents, uint256 remainingCents
    );
    /// @notice The buyer booked an invoice.
    /// @param invoiceId The invoice.
    /// @param member The buyer's member.
    /// @param mark A BookingMark.
    event InvoiceBooked(bytes32 indexed invoiceId, bytes32 indexed member, uint8 mark);
    /// @notice The member that booked an invoice took the booking back.
    /// @param invoiceId The invoice.
    /// @param member The member.
    /// @param reasonHash Digest of the reason.
    event InvoiceUnbooked(bytes32 indexed invoiceId, bytes32 indexed member, bytes32 reasonHash);
    /// @notice A member reimbursed an invoice.
    /// @param invoiceId The invoice.
    /// @param member The reimbursing member.
    event InvoiceReimbursed(bytes32 indexed invoiceId, bytes32 indexed member);
    /// @notice An item of `reimburseBatch` was refused; the others were reimbursed.
    /// @param invoiceId The invoice.
    /// @param member The caller's member (zero if none).
    /// @param reason A Refusal code.
    /// @param holder The member that reimbursed or booked it before (ALREADY_REIMBURSED,
    /// ALREADY_BOOKED_ELSEWHERE), else zero.
    /// @param at When that member did so, else zero.
    event InvoiceReimbursementRefused(
        bytes32 indexed invoiceId, bytes32 indexed member, uint8 reason, bytes32 holder, uint64 at
    );
    /// @notice The member that reimbursed an invoice reversed the reimbursement.
    /// @param invoiceId The invoice.
    /// @param member The member.
    /// @param reasonHash Digest of the reason.
    event InvoiceReimbursementReversed(bytes32 indexed invoiceId, bytes32 indexed member, bytes32 reasonHash);

    // --- issuers (by a member holding TAX_BUREAU) ---

    /// @notice Authorises an Active member as issuer, with the kinds it may issue and its quota.
    /// @dev The caller's member becomes the issuer's bureau; only it may change the issuer later.
    /// @param issuer The member to authorise; Active, never authorised before.
    /// @param taxIdDigest Digest of its tax id (USCC); non-zero.
    /// @param kindMask Bit (1 << kind) per allowed kind (kinds 1 and 2); non-zero.
    /// @param quotaCents Cap on the blue totals it may issue per calendar month (China Standard Time).
    function authoriseIssuer(bytes32 issuer, bytes32 taxIdDigest, uint8 kindMask, uint256 quotaCents) external;

    /// @notice Changes an issuer's kinds and quota.
    /// @param issuer The issuer, authorised by the caller's bureau.
    /// @param kindMask The kinds it may issue from now on; non-zero.
    /// @param quotaCents Its quota from now on.
    function setIssuerLimits(bytes32 issuer, uint8 kindMask, uint256 quotaCents) external;

    /// @notice Suspends an issuer: it can neither issue nor red-letter until reinstated.
    /// @param issuer The issuer, authorised by the caller's bureau, not suspended.
    /// @param reasonHash Digest of the reason; non-zero.
    function suspendIssuer(bytes32 issuer, bytes32 reasonHash) external;

    /// @notice Reinstates a suspended issuer.
    /// @param issuer The issuer, authorised by the caller's bureau, suspended.
    function reinstateIssuer(bytes32 issuer) external;

    // --- invoices (by the seller) ---

    /// @notice Issues a blue invoice from the caller's member (the seller) to a buyer.
    /// @dev The seller must be an authorised issuer, not suspended, allowed the kind, and the total must
    /// fit in its quota. Reverts with NotAMember, NotAnIssuer, IssuerSuspended, InvoiceExists,
    /// InvalidInvoice, InvalidBuyer, KindNotAllowed or QuotaExceeded.
    /// @param invoiceId invoiceIdOf(kind, number); non-zero, never issued.
    /// @param kind 1 DIGITAL_SPECIAL or 2 DIGITAL_ORDINARY.
    /// @param recordDigest Digest of the attested invoice record; non-zero.
    /// @param buyer The buyer's member; Active, not the seller.
    /// @param totalCents Total incl. tax; 0 < totalCents < 2^96.
    /// @param currency ISO 4217 code, e.g. "CNY"; non-zero.
    /// @param issueDate yyyymmdd.
    /// @param linesDigest keccak256(abi.encodePacked(uint256[] lineTotalsCents)) over the lines that may be
    /// red-lettered, in order; their sum must equal totalCents (checked at the first red-letter).
    function issue(
        bytes32 invoiceId,
        uint8 kind,
        bytes32 recordDigest,
        bytes32 buyer,
        uint256 totalCents,
        bytes3 currency,
        uint32 issueDate,
        bytes32 linesDigest
    ) external;

    /// @notice Issues many blue invoices from the caller's member; an item that `issue` would refuse
    /// emits InvoiceIssueRefused with its Refusal code instead, and the others are issued.
    /// @dev Reverts only when the arrays differ in length. Item i is (invoiceIds[i], kinds[i], ...).
    /// @param invoiceIds The invoice ids.
    /// @param kinds The kinds.
    /// @param recordDigests The record digests.
    /// @param buyers The buyers.
    /// @param totalsCents The totals incl. tax.
    /// @param currencies The currencies.
    /// @param issueDates The issue dates.
    /// @param linesDigests The lines digests.
    function issueBatch(
        bytes32[] memory invoiceIds,
        uint8[] memory kinds,
        bytes32[] memory recordDigests,
        bytes32[] memory buyers,
        uint256[] memory totalsCents,
        bytes3[] memory currencies,
        uint32[] memory issueDates,
        bytes32[] memory linesDigests
    ) external;

    /// @notice Issues a red invoice against a blue one, whole or per line.
    /// @dev The caller's member must be the blue invoice's seller and an issuer that is not suspended.
    /// The blue line amounts are checked against its lines digest and total; per line, everything
    /// red-lettered stays within the blue line, and the red total within what remains of the invoice.
    /// A pledged invoice is red-lettered only within the red amount its financing consented to
    /// (`consentToRed`, used up by each red-letter; the pledge drops to at most what remains), else
    /// InvoiceRegistryPledged; red-lettering a booked or reimbursed one is allowed (the counterparty's
    /// confirmation happens on the red form, off chain). The red invoice does not give quota back.
    /// @param blueId The blue invoice.
    /// @param redId The red invoice's id (invoiceIdOf of its kind and number); non-zero, never issued.
    /// @param redRecordDigest Digest of the red invoice's record; non-zero.
    /// @param issueDate The red invoice's issue date, yyyymmdd.
    /// @param blueLineAmounts The blue invoice's line totals, as hashed into its lines digest.
    /// @param redLineAmounts The amount red-lettered per blue line (positive cents), same length.
    function redLetter(
        bytes32 blueId,
        bytes32 redId,
        bytes32 redRecordDigest,
        uint32 issueDate,
        uint256[] calldata blueLineAmounts,
        uint256[] calldata redLineAmounts
    ) external;

    // --- booking and reimbursement (one claimant per invoice) ---

    /// @notice Books a blue invoice for the buyer (入账), once.
    /// @dev The caller's member must be the buyer and either hold nothing on the invoice or have
    /// reimbursed it itself. Refused for a red or fully red-lettered invoice.
    /// @param invoiceId The invoice.
    /// @param mark 1 BOOKED_DEDUCTIBLE or 2 BOOKED_NON_DEDUCTIBLE.
    function book(bytes32 invoiceId, uint8 mark) external;

    /// @notice Takes back the caller's member's booking; the holder is cleared once no mark is left.
    /// @param invoiceId The invoice.
    /// @param reasonHash Digest of the reason; non-zero.
    function unbook(bytes32 invoiceId, bytes32 reasonHash) external;

    /// @notice Records that the caller's member reimbursed an invoice, once across the consortium.
    /// @dev Any Active member; refused if reimbursed before (even by the caller), booked by another
    /// member, pledged, red, or fully red-lettered.
    /// @param invoiceId The invoice.
    function reimburse(bytes32 invoiceId) external;

    /// @notice Reimburses many invoices; an item that `reimburse` would refuse emits
    /// InvoiceReimbursementRefused instead (naming who reimbursed or booked it, and when), and the
    /// others are reimbursed.
    /// @param invoiceIds The invoices.
    function reimburseBatch(bytes32[] calldata invoiceIds) external;

    /// @notice Reverses the caller's member's reimbursement; the holder is cleared once no mark is left.
    /// @param invoiceId The invoice.
    /// @param reasonHash Digest of the reason; non-zero.
    function reverseReimbursement(bytes32 invoiceId, bytes32 reasonHash) external;

    // --- views ---

    /// @notice The id of an invoice: keccak256(abi.encodePacked(kind, number)).
    /// @param kind The kind (1 or 2).
    /// @param number The invoice number (20 digits for 数电).
    /// @return The invoice id.
    function invoiceIdOf(uint8 kind, string calldata number) external pure returns (bytes32);

    /// @notice An invoice with every field.
    /// @param invoiceId The invoice.
    /// @return The invoice; status None and all fields zero if never issued.
    function invoiceOf(bytes32 invoiceId) external view returns (Invoice memory);

    /// @notice An issuer with every field.
    /// @param issuer The issuer's member.
    /// @return The issuer; all fields zero if never authorised.
    function issuerOf(bytes32 issuer) external view returns (Issuer memory);

    /// @notice How much was red-lettered on one line of a blue invoice.
    /// @param invoiceId The blue invoice.
    /// @param line The line's index in the lines digest.
    /// @return The red-lettered cents of that line.
    function lineRedCentsOf(bytes32 invoiceId, uint256 line) external view returns (uint256);

    /// @notice The transition table: why a step is refused for an invoice in a status with these marks.
    /// @dev Who may take the step (seller, buyer, holder, financing registry) is checked apart.
    /// @param step The step.
    /// @param status The invoice's status.
    /// @param booked Whether it is booked.
    /// @param reimbursed Whether it is reimbursed.
    /// @param pledged Whether it is pledged.
    /// @return Refusal.NONE if the table allows the step, else the reason.
    function refusalOf(InvoiceStep step, InvoiceStatus status, bool booked, bool reimbursed, bool pledged)
        external
        pure
        returns (Refusal);

    /// @notice The MemberRegistry that decides who is a member and who holds a role.
    /// @return The registry's address.
    function memberRegistry() external view returns (address);
}
