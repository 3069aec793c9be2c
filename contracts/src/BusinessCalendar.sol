// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "./ConsortiumRoles.sol";
import {IBusinessCalendar} from "./IBusinessCalendar.sol";
import {IMemberRegistry} from "./IMemberRegistry.sol";

/// @title BusinessCalendar
/// @notice Weekends and the operator's published holidays and makeup working days; rolls a date to the
/// next business day.
contract BusinessCalendar is IBusinessCalendar {
    /// @dev UTC+8: a China Standard Time day starts eight hours before the UTC one.
    uint256 private constant CST_OFFSET = 8 hours;
    uint32 private constant MAX_ROLL = 31;

    IMemberRegistry private immutable _memberRegistry;
    mapping(uint32 day => DayKind) private _days;

    constructor(IMemberRegistry memberRegistry_) {
        if (address(memberRegistry_).code.length == 0) {
            revert BusinessCalendarInvalidMemberRegistry(address(memberRegistry_));
        }
        _memberRegistry = memberRegistry_;
    }

    /// @inheritdoc IBusinessCalendar
    function publish(uint32[] calldata days_, DayKind[] calldata kinds) external {
        if (!_memberRegistry.hasRole(ConsortiumRoles.PLATFORM_OPERATOR, msg.sender)) {
            revert BusinessCalendarUnauthorized(msg.sender, ConsortiumRoles.PLATFORM_OPERATOR);
        }
        if (days_.length != kinds.length) revert BusinessCalendarLengthMismatch();
        bytes32 member = _memberRegistry.memberOf(msg.sender);
        for (uint256 i; i < days_.length; ++i) {
            _days[days_[i]] = kinds[i];
            emit DayPublished(days_[i], kinds[i], member);
        }
    }

    /// @inheritdoc IBusinessCalendar
    function dayKindOf(uint32 day) external view returns (DayKind) {
        return _days[day];
    }

    /// @inheritdoc IBusinessCalendar
    function isBusinessDay(uint32 day) public view returns (bool) {
        DayKind kind = _days[day];
        if (kind == DayKind.Holiday) return false;
        if (kind == DayKind.Workday) return true;
        uint256 weekday = (uint256(day) + 3) % 7; // 0 = Monday; day 0 was a Thursday
        return weekday < 5;
    }

    /// @inheritdoc IBusinessCalendar
    function nextBusinessDay(uint32 day) external view returns (uint32) {
        for (uint32 d = day; d <= day + MAX_ROLL; ++d) {
            if (isBusinessDay(d)) return d;
        }
        revert BusinessCalendarNoBusinessDay(day);
    }

    /// @inheritdoc IBusinessCalendar
    function today() external view returns (uint32) {
        // forge-lint: disable-next-line(unsafe-typecast)
        return uint32((block.timestamp + CST_OFFSET) / 1 days);
    }

    /// @inheritdoc IBusinessCalendar
    function memberRegistry() external view returns (address) {
        return address(_memberRegistry);
    }
}
