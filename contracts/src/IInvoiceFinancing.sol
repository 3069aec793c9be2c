// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title IInvoiceFinancing
/// @notice What a financing registry (supply-finance) needs of the invoice registry: whether an
/// invoice can back a financing, how much of it is left after red-lettering, who sold it to whom, and a
/// pledge that keeps it from being reimbursed, pledged elsewhere or red-lettered until the financing
/// releases it or consents to a red-letter.
/// @dev Only accounts whose member is Active and holds FINANCING_REGISTRY in the MemberRegistry may
/// pledge, top up, reduce, consent or release; once pledged, only the account that made the pledge,
/// naming its financing, changes it. A financing registry may use one financing id for several
/// financings of the same receivable: each tops the pledge up, a cancelled one reduces it.
interface IInvoiceFinancing {
    /// @notice An invoice's pledge as `pledgeOf` returns it (all zero if not pledged).
    struct Pledge {
        bytes32 financingId; // the financing it is pledged to
        address account; // the financing registry that pledged it
        uint256 amountCents; // pledged amount
        uint256 redAllowanceCents; // red-letter amount consented to and not yet red-lettered
    }

    /// @dev `account` does not belong to an Active member holding `role`.
    error InvoiceRegistryUnauthorized(address account, bytes32 role);
    /// @dev No invoice with this id was issued.
    error InvoiceRegistryUnknownInvoice(bytes32 invoiceId);
    /// @dev The invoice is a red invoice: it cannot be red-lettered, booked, reimbursed or pledged.
    error InvoiceRegistryRedInvoice(bytes32 invoiceId);
    /// @dev The invoice was red-lettered in full (nothing remains): no new booking, reimbursement or pledge.
    error InvoiceRegistryFullyRedLettered(bytes32 invoiceId);
    /// @dev The invoice was reimbursed by `member` at time `at`.
    error InvoiceRegistryAlreadyReimbursed(bytes32 invoiceId, bytes32 member, uint64 at);
    /// @dev The invoice is pledged to a financing: no reimbursement, pledge to another financing or
    /// account, or red-letter beyond what the financing consented to.
    error InvoiceRegistryPledged(bytes32 invoiceId);
    /// @dev The zero financing id is reserved for "not pledged".
    error InvoiceRegistryInvalidFinancing(bytes32 financingId);
    /// @dev A pledge (or top-up) is for more than zero and at most the invoice's remaining amount less
    /// what is pledged and consented to already; a reduction or consent for more than zero and at most
    /// the pledged amount. `remainingCents` is that bound.
    error InvoiceRegistryInvalidPledgeAmount(bytes32 invoiceId, uint256 amountCents, uint256 remainingCents);
    /// @dev The invoice is not pledged to this financing by the calling account.
    error InvoiceRegistryNotPledgedTo(bytes32 invoiceId, bytes32 financingId);

    /// @notice Emitted right after an invoice was pledged to a financing.
    /// @param invoiceId The invoice.
    /// @param financingId The financing it backs (chosen by the financing registry).
    /// @param amountCents The pledged amount, at most the invoice's remaining amount.
    event InvoicePledged(bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents);

    /// @notice Emitted right after a pledge was reduced (a financing that shared it was cancelled).
    /// @param invoiceId The invoice.
    /// @param financingId The financing that holds it.
    /// @param amountCents The amount taken off the pledge.
    /// @param pledgedCents The amount pledged from now on (the pledge stays until released).
    event InvoicePledgeReduced(
        bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents, uint256 pledgedCents
    );

    /// @notice Emitted right after a financing consented to a red-letter of its pledged invoice.
    /// @param invoiceId The invoice.
    /// @param financingId The financing that holds it.
    /// @param amountCents The amount consented to, taken off the pledge.
    /// @param redAllowanceCents How much may now be red-lettered on the invoice in total.
    event InvoiceRedConsented(
        bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents, uint256 redAllowanceCents
    );

    /// @notice Emitted right after a pledge was released.
    /// @param invoiceId The invoice.
    /// @param financingId The financing that held it.
    event InvoiceReleased(bytes32 indexed invoiceId, bytes32 indexed financingId);

    /// @notice Whether an invoice can back a new financing: it exists, is blue, has a remaining
    /// amount, was not reimbursed and is not pledged.
    /// @param invoiceId The invoice.
    /// @return True if `pledge` would accept it (for an amount up to `remainingOf`).
    function isLive(bytes32 invoiceId) external view returns (bool);

    /// @notice The invoice's total less everything red-lettered on it, in cents incl. tax.
    /// @param invoiceId The invoice.
    /// @return The remaining amount; zero for an unknown or red invoice.
    function remainingOf(bytes32 invoiceId) external view returns (uint256);

    /// @notice The seller and the buyer of an invoice (a red invoice: those of its blue invoice).
    /// @param invoiceId The invoice.
    /// @return seller The seller's member, zero for an unknown invoice.
    /// @return buyer The buyer's member, zero for an unknown invoice.
    function partiesOf(bytes32 invoiceId) external view returns (bytes32 seller, bytes32 buyer);

    /// @notice An invoice's pledge.
    /// @param invoiceId The invoice.
    /// @return The pledge; all zero if the invoice is not pledged.
    function pledgeOf(bytes32 invoiceId) external view returns (Pledge memory);

    /// @notice How much the calling account could pledge (or top up) on an invoice for a financing;
    /// reverts with the reason `pledge` would give when it could pledge nothing at all.
    /// @dev Reverts with UnknownInvoice, RedInvoice, AlreadyReimbursed, Pledged (pledged to another
    /// account or financing) or FullyRedLettered. The amount is the remaining amount less what is
    /// pledged and consented to red-letter under this financing; it may be zero.
    /// @param invoiceId The invoice.
    /// @param financingId The financing the caller would pledge it to.
    /// @return The amount `pledge(invoiceId, financingId, amount)` accepts at most.
    function pledgeableOf(bytes32 invoiceId, bytes32 financingId) external view returns (uint256);

    /// @notice Pledges a live invoice to a financing of the calling financing registry, or tops up
    /// the calling account's pledge of the invoice to the same financing.
    /// @dev Reverts with Unauthorized, UnknownInvoice, RedInvoice, AlreadyReimbursed, Pledged (pledged
    /// to another account or financing), FullyRedLettered, InvalidFinancing or InvalidPledgeAmount.
    /// Emits InvoicePledged with the amount added.
    /// @param invoiceId The invoice; live (see isLive), or pledged by the caller to `financingId`.
    /// @param financingId The financing; non-zero.
    /// @param amountCents The amount financed against it; 0 < amountCents <= pledgeableOf(invoiceId,
    /// financingId) (the remaining amount less what is already pledged and consented to red-letter).
    function pledge(bytes32 invoiceId, bytes32 financingId, uint256 amountCents) external;

    /// @notice Takes an amount off the calling account's pledge (one of the financings that shared
    /// it was cancelled); the invoice stays pledged, even at zero, until released.
    /// @dev Only the account that pledged it, naming the same financing (else NotPledgedTo);
    /// 0 < amountCents <= the pledged amount (else InvalidPledgeAmount).
    /// @param invoiceId The invoice.
    /// @param financingId The financing that holds it.
    /// @param amountCents The amount to take off.
    function reducePledge(bytes32 invoiceId, bytes32 financingId, uint256 amountCents) external;

    /// @notice Consents, as the financing holding the pledge, to a red-letter of the invoice: the
    /// seller's red-letter on the pledged invoice then goes through for up to the consented amounts
    /// (each red-letter uses up what it red-letters). The amount is taken off the pledge.
    /// @dev Only the account that pledged it, naming the same financing (else NotPledgedTo); refused on
    /// a fully red-lettered invoice; 0 < amountCents <= the pledged amount (else InvalidPledgeAmount).
    /// Without consent a red-letter on a pledged invoice reverts with InvoiceRegistryPledged.
    /// @param invoiceId The invoice.
    /// @param financingId The financing that holds it.
    /// @param amountCents The red amount consented to.
    function consentToRed(bytes32 invoiceId, bytes32 financingId, uint256 amountCents) external;

    /// @notice Releases an invoice's pledge (financing repaid or cancelled).
    /// @dev Only the account that pledged it, naming the same financing; else NotPledgedTo. An unused
    /// red-letter consent ends with the pledge.
    /// @param invoiceId The invoice.
    /// @param financingId The financing that holds it.
    function release(bytes32 invoiceId, bytes32 financingId) external;
}
