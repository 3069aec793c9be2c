// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title IInvoiceFinancing
/// @notice What a financing registry (supply-finance) needs of the invoice registry: whether an
/// invoice can back a financing, how much of it is left after red-lettering, and a pledge that keeps
/// it from being reimbursed, pledged again or red-lettered until the financing releases it.
/// @dev Only accounts whose member is Active and holds FINANCING_REGISTRY in the MemberRegistry may
/// pledge or release; a pledge is released only by the account that made it, naming its financing.
interface IInvoiceFinancing {
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
    /// @dev The invoice is pledged to a financing: no reimbursement, second pledge or red-letter.
    error InvoiceRegistryPledged(bytes32 invoiceId);
    /// @dev The zero financing id is reserved for "not pledged".
    error InvoiceRegistryInvalidFinancing(bytes32 financingId);
    /// @dev A pledge is for more than zero and at most the invoice's remaining amount.
    error InvoiceRegistryInvalidPledgeAmount(bytes32 invoiceId, uint256 amountCents, uint256 remainingCents);
    /// @dev The invoice is not pledged to this financing by the calling account.
    error InvoiceRegistryNotPledgedTo(bytes32 invoiceId, bytes32 financingId);

    /// @notice Emitted right after an invoice was pledged to a financing.
    /// @param invoiceId The invoice.
    /// @param financingId The financing it backs (chosen by the financing registry).
    /// @param amountCents The pledged amount, at most the invoice's remaining amount.
    event InvoicePledged(bytes32 indexed invoiceId, bytes32 indexed financingId, uint256 amountCents);

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

    /// @notice Pledges a live invoice to a financing of the calling financing registry.
    /// @dev Reverts with Unauthorized, UnknownInvoice, RedInvoice, AlreadyReimbursed, Pledged,
    /// FullyRedLettered, InvalidFinancing or InvalidPledgeAmount.
    /// @param invoiceId The invoice; must be live (see isLive).
    /// @param financingId The financing; non-zero.
    /// @param amountCents The amount financed against it; 0 < amountCents <= remainingOf(invoiceId).
    function pledge(bytes32 invoiceId, bytes32 financingId, uint256 amountCents) external;

    /// @notice Releases an invoice's pledge (financing repaid or cancelled).
    /// @dev Only the account that pledged it, naming the same financing; else NotPledgedTo.
    /// @param invoiceId The invoice.
    /// @param financingId The financing that holds it.
    function release(bytes32 invoiceId, bytes32 financingId) external;
}
