// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "./ConsortiumRoles.sol";
import {IBusinessCalendar} from "./IBusinessCalendar.sol";
import {IFinancingQuotes} from "./IFinancingQuotes.sol";
import {IMemberRegistry} from "./IMemberRegistry.sol";

/// @title FinancingQuotes
/// @notice Banks' quotes for receivable financing, priced on chain so that the bank, the holder and the
/// ReceivableRegistry read the same interest and proceeds.
/// @dev Kept apart from the ReceivableRegistry (which reads quotes through IFinancingQuotes at
/// acceptance) so that the registry stays within the EIP-170 code size.
contract FinancingQuotes is IFinancingQuotes {
    /// @dev UTC+8, as the calendar counts days.
    uint256 private constant CST_OFFSET = 8 hours;

    IMemberRegistry private immutable _memberRegistry;
    IBusinessCalendar private immutable _calendar;
    mapping(bytes32 quoteId => Quote) private _quotes;

    constructor(IMemberRegistry memberRegistry_, IBusinessCalendar calendar_) {
        if (address(memberRegistry_).code.length == 0) {
            revert FinancingQuotesInvalidDependency(address(memberRegistry_));
        }
        if (address(calendar_).code.length == 0) revert FinancingQuotesInvalidDependency(address(calendar_));
        _memberRegistry = memberRegistry_;
        _calendar = calendar_;
    }

    /// @inheritdoc IFinancingQuotes
    function quote(Quote calldata terms, bytes32 quoteNonce) external returns (bytes32 quoteId) {
        if (!_memberRegistry.hasRole(ConsortiumRoles.FINANCIER, msg.sender)) {
            revert FinancingQuotesUnauthorized(msg.sender, ConsortiumRoles.FINANCIER);
        }
        Quote memory q = terms;
        q.bank = _memberRegistry.memberOf(msg.sender);
        quoteId = keccak256(abi.encode(q.bank, q.financingId, quoteNonce));
        if (_quotes[quoteId].bank != bytes32(0)) revert FinancingQuotesQuoteExists(quoteId);
        q.paymentDay = _calendar.nextBusinessDay(q.maturityDay);
        // forge-lint: disable-next-line(unsafe-typecast)
        uint32 today = uint32((block.timestamp + CST_OFFSET) / 1 days);
        if (
            q.financingId == bytes32(0) || q.faceCents == 0 || q.faceCents > type(uint96).max || q.annualRateBp == 0
                || q.annualRateBp > 10_000 || q.discountDay < today || q.discountDay >= q.paymentDay
                || q.validUntil <= block.timestamp
        ) revert FinancingQuotesInvalidQuote(q.financingId);
        q.interestCents = discountInterest(q.faceCents, q.annualRateBp, q.paymentDay - q.discountDay);
        if (q.interestCents + q.feeCents >= q.faceCents) revert FinancingQuotesInvalidQuote(q.financingId);
        q.proceedsCents = q.faceCents - q.interestCents - q.feeCents;
        q.quoteHash = bytes32(0);
        q.quoteHash = keccak256(abi.encode(quoteId, q));
        _quotes[quoteId] = q;
        emit Quoted(quoteId, q.financingId, q.bank, q);
    }

    /// @inheritdoc IFinancingQuotes
    function quoteOf(bytes32 quoteId) external view returns (Quote memory) {
        return _quotes[quoteId];
    }

    /// @inheritdoc IFinancingQuotes
    function discountInterest(uint256 faceCents, uint256 annualRateBp, uint256 days_) public pure returns (uint256) {
        return (faceCents * annualRateBp * days_ + 1_800_000) / 3_600_000;
    }

    /// @inheritdoc IFinancingQuotes
    function memberRegistry() external view returns (address) {
        return address(_memberRegistry);
    }

    /// @inheritdoc IFinancingQuotes
    function businessCalendar() external view returns (address) {
        return address(_calendar);
    }
}
