// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title IFinancingQuotes
/// @notice Banks' discount quotes for receivable financing requests, priced on chain with the bill
/// discount convention (domain §5): interest = face x annual rate x days / 360, in integers
/// `face_fen x rate_bp x days / 3,600,000` rounded half up to the fen; days from the discount date to
/// the payment date, the maturity rolled to the next business day by the operator's calendar;
/// proceeds = face - interest - disclosed fee.
/// @dev Quotes are written once, by an account of an Active FINANCIER member. The ReceivableRegistry
/// checks at acceptance that a quote is for the request's value and certificate maturity, still
/// valid, its discount day not passed, and its bank still an Active FINANCIER.
interface IFinancingQuotes {
    /// @notice A quote as `quoteOf` returns it.
    struct Quote {
        bytes32 financingId; // the request it answers
        bytes32 bank; // the quoting bank's member
        uint32 annualRateBp;
        bool recourse; // with recourse against the holder (Civil Code art. 766) or without (767)
        uint32 discountDay; // unix day (CST); the quote is void once it has passed
        uint32 maturityDay; // the certificate's maturity as the bank priced it
        uint32 paymentDay; // the maturity rolled to a business day
        uint64 validUntil; // unix time until which the holder may accept
        uint256 faceCents; // the financed value
        uint256 interestCents;
        uint256 feeCents; // disclosed fees
        uint256 proceedsCents; // face - interest - fee
        bytes32 quoteHash; // keccak256(abi.encode(quoteId, the quote with this field zero))
    }

    /// @dev The member registry or calendar address is not a contract.
    error FinancingQuotesInvalidDependency(address dependency);
    /// @dev `account` does not belong to an Active member holding `role`.
    error FinancingQuotesUnauthorized(address account, bytes32 role);
    /// @dev The quote id was used before (same bank, request and nonce).
    error FinancingQuotesQuoteExists(bytes32 quoteId);
    /// @dev Invalid terms: zero request or face, rate not in 1..10,000 bp, a discount day before today
    /// or not before the payment day, a validity not in the future, or interest plus fee not below face.
    error FinancingQuotesInvalidQuote(bytes32 financingId);

    /// @notice A bank quoted.
    /// @param quoteId The quote id.
    /// @param financingId The request.
    /// @param bank The bank's member.
    /// @param quote Every term and amount.
    event Quoted(bytes32 indexed quoteId, bytes32 indexed financingId, bytes32 indexed bank, Quote quote);

    /// @notice Quotes for a financing request; interest, payment day and proceeds are computed here.
    /// @param terms financingId, annualRateBp, recourse, discountDay, maturityDay, validUntil, faceCents
    /// and feeCents; the other fields are ignored and computed.
    /// @param quoteNonce Makes the quote id; a bank's second quote for a request needs another nonce.
    /// @return quoteId keccak256(abi.encode(bank member, financingId, quoteNonce)).
    function quote(Quote calldata terms, bytes32 quoteNonce) external returns (bytes32 quoteId);

    /// @notice A quote.
    /// @param quoteId The quote.
    /// @return The quote; all zero if unknown.
    function quoteOf(bytes32 quoteId) external view returns (Quote memory);

    /// @notice The discount interest: face x rateBp x days / 3,600,000, rounded half up to the fen.
    /// @param faceCents The face in fen.
    /// @param annualRateBp The annual rate in basis points.
    /// @param days_ Days from the discount day to the payment day.
    /// @return The interest in fen.
    function discountInterest(uint256 faceCents, uint256 annualRateBp, uint256 days_) external pure returns (uint256);

    /// @notice The MemberRegistry that decides who is a FINANCIER.
    /// @return The address.
    function memberRegistry() external view returns (address);

    /// @notice The business-day calendar that rolls maturities.
    /// @return The address.
    function businessCalendar() external view returns (address);
}
