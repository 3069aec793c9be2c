// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title IBusinessCalendar
/// @notice The business-day calendar the platform operator publishes, so that a bank and a holder roll
/// a maturity to the same payment date: Saturdays and Sundays are holidays, Monday to Friday business
/// days, except the days the operator lists as public holidays or as makeup working days (调休上班).
/// @dev Days are unix day numbers: days since 1970-01-01 (day 0, a Thursday), in China Standard Time
/// (a day starts at 00:00 UTC+8). Only an account whose member is Active and holds PLATFORM_OPERATOR
/// publishes; a day can be re-published (the State Council's notice can change).
interface IBusinessCalendar {
    /// @notice What the operator published for a day.
    enum DayKind {
        Default, // the weekday rule: Monday to Friday business days
        Holiday, // a public holiday, even on a weekday
        Workday // a makeup working day, even on a weekend
    }

    /// @dev The member registry address is not a contract.
    error BusinessCalendarInvalidMemberRegistry(address registry);
    /// @dev `account` does not belong to an Active member holding `role`.
    error BusinessCalendarUnauthorized(address account, bytes32 role);
    /// @dev The arrays of `publish` differ in length.
    error BusinessCalendarLengthMismatch();
    /// @dev No business day within the 31 days from `day` (a calendar with a month of holidays is wrong).
    error BusinessCalendarNoBusinessDay(uint32 day);

    /// @notice The operator published what a day is.
    /// @param day The unix day number.
    /// @param kind The kind published.
    /// @param member The operator's member.
    event DayPublished(uint32 indexed day, DayKind kind, bytes32 indexed member);

    /// @notice Publishes days (holidays, makeup working days, or back to the weekday rule).
    /// @param days_ The unix day numbers.
    /// @param kinds The kind of each, same length.
    function publish(uint32[] calldata days_, DayKind[] calldata kinds) external;

    /// @notice What was published for a day (Default if nothing).
    /// @param day The unix day number.
    /// @return The kind.
    function dayKindOf(uint32 day) external view returns (DayKind);

    /// @notice Whether a day is a business day.
    /// @param day The unix day number.
    /// @return True for a business day.
    function isBusinessDay(uint32 day) external view returns (bool);

    /// @notice The day itself if it is a business day, else the next business day.
    /// @dev Reverts with NoBusinessDay when none lies within 31 days.
    /// @param day The unix day number.
    /// @return The business day.
    function nextBusinessDay(uint32 day) external view returns (uint32);

    /// @notice Today's unix day number in China Standard Time.
    /// @return The day.
    function today() external view returns (uint32);

    /// @notice The MemberRegistry that decides who holds PLATFORM_OPERATOR.
    /// @return The registry's address.
    function memberRegistry() external view returns (address);
}
