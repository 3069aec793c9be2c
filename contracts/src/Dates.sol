// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title Dates
/// @notice Unix day numbers (days since 1970-01-01) to and from proleptic Gregorian dates, and adding
/// calendar months (clamped to the month's last day: 31 Aug + 6 months = 28/29 Feb).
/// @dev The civil-date algorithms of Howard Hinnant ("chrono-compatible low-level date algorithms"),
/// for days from 1970 on.
library Dates {
    /// @dev The date of a day number.
    function toDate(uint256 day) internal pure returns (uint256 year, uint256 month, uint256 dayOfMonth) {
        uint256 z = day + 719468;
        uint256 era = z / 146097;
        uint256 doe = z - era * 146097;
        uint256 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        uint256 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        uint256 mp = (5 * doy + 2) / 153;
        dayOfMonth = doy - (153 * mp + 2) / 5 + 1;
        month = mp < 10 ? mp + 3 : mp - 9;
        year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    }

    /// @dev The day number of a date (year >= 1970, month 1-12, day 1-31 within the month).
    function toDay(uint256 year, uint256 month, uint256 dayOfMonth) internal pure returns (uint256) {
        uint256 y = month <= 2 ? year - 1 : year;
        uint256 era = y / 400;
        uint256 yoe = y - era * 400;
        uint256 mp = month > 2 ? month - 3 : month + 9;
        uint256 doy = (153 * mp + 2) / 5 + dayOfMonth - 1;
        uint256 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /// @dev The same day of the month `months` later, or that month's last day if it is shorter.
    function addMonths(uint256 day, uint256 months) internal pure returns (uint256) {
        (uint256 y, uint256 m, uint256 d) = toDate(day);
        uint256 index = y * 12 + (m - 1) + months;
        y = index / 12;
        m = index % 12 + 1;
        uint256 last = daysInMonth(y, m);
        return toDay(y, m, d > last ? last : d);
    }

    function daysInMonth(uint256 year, uint256 month) internal pure returns (uint256) {
        if (month == 2) return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }
}
