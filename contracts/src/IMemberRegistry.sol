// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title IMemberRegistry
/// @notice The consortium's membership plane: member organisations, their accounts, their roles and
/// their status, changed only by proposals that a quorum of admins approves.
interface IMemberRegistry {
    /// @notice Lifecycle of a member organisation. A member never returns to `None`.
    enum MemberStatus {
        None,
        Active,
        Suspended
    }

    /// @notice What an executed proposal changes. Fields a proposal does not use must be zero.
    enum Action {
        AdmitMember, // memberId, account: admit a new member with its first account
        AddAccount, // memberId, account
        RemoveAccount, // memberId, account (never the member's last account)
        GrantRole, // memberId, role
        RevokeRole, // memberId, role
        SuspendMember, // memberId
        ReinstateMember, // memberId
        AddAdmin, // account
        RemoveAdmin, // account
        ChangeQuorum // newQuorum (proposed with proposeQuorumChange)
    }

    /// @notice `Stale` is never stored: an open proposal reads as stale once the admin set or the
    /// quorum changed after it was created; it can no longer be approved.
    enum ProposalStatus {
        None,
        Open,
        Executed,
        Stale
    }

    struct Proposal {
        Action action;
        ProposalStatus status;
        uint64 epoch;
        address account;
        bytes32 memberId;
        bytes32 role;
        uint256 newQuorum;
        uint256 approvals;
    }

    // --- errors (EIP-6093 style) ---

    /// @dev `account` is not an admin and cannot propose or approve.
    error MemberRegistryUnauthorizedAdmin(address account);
    /// @dev A quorum must satisfy 1 <= quorum <= adminCount.
    error MemberRegistryInvalidQuorum(uint256 quorum, uint256 adminCount);
    /// @dev The zero address, or an account that already is an admin, cannot become an admin.
    error MemberRegistryInvalidAdmin(address account);
    /// @dev `account` is not an admin and cannot be removed as one.
    error MemberRegistryUnknownAdmin(address account);
    /// @dev The zero member id is reserved for "no member".
    error MemberRegistryInvalidMember(bytes32 memberId);
    /// @dev A member with this id was admitted before.
    error MemberRegistryMemberExists(bytes32 memberId);
    /// @dev No member with this id was admitted.
    error MemberRegistryUnknownMember(bytes32 memberId);
    /// @dev The member's status does not allow the action (suspend needs Active, reinstate Suspended).
    error MemberRegistryInvalidMemberStatus(bytes32 memberId, MemberStatus status);
    /// @dev The zero address cannot be a member account.
    error MemberRegistryInvalidAccount(address account);
    /// @dev `account` already belongs to member `memberId`; an account belongs to at most one member.
    error MemberRegistryAccountAlreadyAssigned(address account, bytes32 memberId);
    /// @dev `account` does not belong to member `memberId`.
    error MemberRegistryAccountNotOfMember(address account, bytes32 memberId);
    /// @dev A member keeps at least one account.
    error MemberRegistryLastAccount(bytes32 memberId);
    /// @dev The zero role is not a role.
    error MemberRegistryInvalidRole(bytes32 role);
    /// @dev The member already holds the role.
    error MemberRegistryRoleAlreadyGranted(bytes32 memberId, bytes32 role);
    /// @dev The member does not hold the role.
    error MemberRegistryRoleNotGranted(bytes32 memberId, bytes32 role);
    /// @dev The proposal's fields do not fit its action, or the action needs the other propose function.
    error MemberRegistryInvalidProposal(Action action);
    /// @dev No proposal with this id exists.
    error MemberRegistryUnknownProposal(uint256 proposalId);
    /// @dev The proposal was executed already.
    error MemberRegistryProposalAlreadyExecuted(uint256 proposalId);
    /// @dev The admin set or quorum changed since the proposal was created.
    error MemberRegistryProposalStale(uint256 proposalId);
    /// @dev `admin` approved this proposal before.
    error MemberRegistryAlreadyApproved(uint256 proposalId, address admin);

    // --- events (past tense, emitted right after the change) ---

    event ProposalCreated(
        uint256 indexed proposalId,
        Action indexed action,
        address indexed proposer,
        bytes32 memberId,
        address account,
        bytes32 role,
        uint256 newQuorum
    );
    event ProposalApproved(uint256 indexed proposalId, address indexed admin, uint256 approvals);
    event ProposalExecuted(uint256 indexed proposalId, Action indexed action);

    event MemberAdmitted(bytes32 indexed memberId, address indexed account);
    event AccountAdded(bytes32 indexed memberId, address indexed account);
    event AccountRemoved(bytes32 indexed memberId, address indexed account);
    event MemberRoleGranted(bytes32 indexed memberId, bytes32 indexed role);
    event MemberRoleRevoked(bytes32 indexed memberId, bytes32 indexed role);
    event MemberSuspended(bytes32 indexed memberId);
    event MemberReinstated(bytes32 indexed memberId);
    event AdminAdded(address indexed account);
    event AdminRemoved(address indexed account);
    event QuorumChanged(uint256 previousQuorum, uint256 newQuorum);

    // --- governance ---

    /// @notice Proposes a membership or admin change; the caller's approval counts at once, and the
    /// change executes when approvals reach the quorum (immediately if the quorum is 1).
    /// @dev Fields the action does not use must be zero. ChangeQuorum goes through proposeQuorumChange.
    /// @param action What to change (any Action except ChangeQuorum).
    /// @param memberId The member concerned (member actions), else zero.
    /// @param account The account concerned (AdmitMember, Add/RemoveAccount, Add/RemoveAdmin), else zero.
    /// @param role The role concerned (GrantRole, RevokeRole), else zero.
    /// @return proposalId The new proposal's id, counting from 1.
    function propose(Action action, bytes32 memberId, address account, bytes32 role)
        external
        returns (uint256 proposalId);

    /// @notice Proposes a new quorum; the caller's approval counts at once.
    /// @param newQuorum The quorum to set, 1 <= newQuorum <= adminCount() when it executes.
    /// @return proposalId The new proposal's id.
    function proposeQuorumChange(uint256 newQuorum) external returns (uint256 proposalId);

    /// @notice Approves an open proposal as an admin; executes it when approvals reach the quorum.
    /// @dev Reverts with the action's own error if the change is no longer valid when it executes.
    /// @param proposalId The proposal to approve.
    function approve(uint256 proposalId) external;

    // --- views ---

    /// @notice Whether `account` belongs to an Active member that holds `role`.
    /// @param role The role, e.g. ANCHORER_ROLE.
    /// @param account The account to check.
    /// @return True only if the account's member is Active and holds the role.
    function hasRole(bytes32 role, address account) external view returns (bool);

    /// @notice The member an account belongs to.
    /// @param account The account.
    /// @return memberId The member's id, or zero if the account belongs to no member.
    function memberOf(address account) external view returns (bytes32 memberId);

    /// @notice A member's status.
    /// @param memberId The member.
    /// @return The status; None if never admitted.
    function memberStatus(bytes32 memberId) external view returns (MemberStatus);

    /// @notice Whether a member holds a role, regardless of its status.
    /// @param memberId The member.
    /// @param role The role.
    /// @return True if the role was granted and not revoked.
    function hasMemberRole(bytes32 memberId, bytes32 role) external view returns (bool);

    /// @notice The roles a member holds, in no particular order.
    /// @param memberId The member.
    /// @return The roles.
    function memberRoles(bytes32 memberId) external view returns (bytes32[] memory);

    /// @notice The accounts of a member, in no particular order.
    /// @param memberId The member.
    /// @return The accounts.
    function memberAccounts(bytes32 memberId) external view returns (address[] memory);

    /// @notice Whether `account` is an admin.
    /// @param account The account.
    /// @return True if the account is an admin.
    function isAdmin(address account) external view returns (bool);

    /// @notice The admins, in no particular order.
    /// @return The admin accounts.
    function admins() external view returns (address[] memory);

    /// @notice The number of distinct admin approvals a proposal needs to execute.
    /// @return The quorum.
    function quorum() external view returns (uint256);

    /// @notice Incremented whenever the admin set or the quorum changes; older open proposals are stale.
    /// @return The current governance epoch.
    function governanceEpoch() external view returns (uint64);

    /// @notice The number of proposals created so far (also the highest proposal id).
    /// @return The count.
    function proposalCount() external view returns (uint256);

    /// @notice A proposal; status reads Stale for an open proposal from an older governance epoch.
    /// @param proposalId The proposal.
    /// @return The proposal (status None if it does not exist).
    function proposal(uint256 proposalId) external view returns (Proposal memory);

    /// @notice Whether `admin` approved a proposal.
    /// @param proposalId The proposal.
    /// @param admin The admin.
    /// @return True if the admin approved it.
    function hasApproved(uint256 proposalId, address admin) external view returns (bool);
}
