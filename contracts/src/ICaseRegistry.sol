// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title ICaseRegistry
/// @notice The on-chain record of online arbitration cases: each step of a case, who took it and
/// the hash of what it was about (the documents stay with the commission and the parties).
/// @dev Allowed transitions, and who may take them:
///   Filed    -> Accepted | Rejected                      (the case's commission)
///   Accepted -> Evidence -> Hearing -> Awarded -> Closed  (the case's commission; Closed only
///                                                         once the award was made available to both parties)
///   Filed | Accepted | Evidence | Hearing -> Withdrawn    (the claimant)
/// Rejected, Closed and Withdrawn are final. Roles are checked through the MemberRegistry, so a
/// suspended member can take no step.
interface ICaseRegistry {
    enum CaseStatus {
        None,
        Filed,
        Accepted,
        Rejected,
        Evidence,
        Hearing,
        Awarded,
        Closed,
        Withdrawn
    }

    /// @notice Service of the award: made available to a party, then opened by it.
    enum ServiceKind {
        MadeAvailable,
        Opened
    }

    struct Case {
        CaseStatus status;
        bytes32 claimant; // memberId of the filing organisation
        bytes32 commission; // memberId of the arbitration commission
        bytes32 respondent; // memberId of the respondent, or a hash identifying a respondent outside the consortium
        bytes32 caseHash; // hash of the filing (claim, parties, amount, agreement reference, documents)
        bytes32 awardHash; // hash of the signed award, once issued
        uint64 filedAt;
        uint64 updatedAt;
    }

    event CaseFiled(bytes32 indexed caseId, bytes32 indexed claimant, bytes32 indexed commission, bytes32 respondent, bytes32 caseHash);
    /// @param dataHash what the step was about: a reason (rejection, withdrawal) or the award; zero if nothing
    event CaseStatusChanged(
        bytes32 indexed caseId, CaseStatus from, CaseStatus to, bytes32 indexed actor, bytes32 dataHash, uint64 timestamp
    );
    event AwardServed(bytes32 indexed caseId, bytes32 indexed party, ServiceKind kind, bytes32 awardHash, uint64 timestamp);
    /// @notice A filing by {fileCaseCiting} cites an event already on chain as the claimant's evidence: emitted once per
    /// citation, in the order given, right after the case's {CaseFiled} (and its {CaseStatusChanged}).
    /// @param txHash the transaction that emitted the cited event
    /// @param logIndex the event's log index in that transaction's block (as eth_getTransactionReceipt reports it)
    event CaseEvidenceCited(bytes32 indexed caseId, bytes32 txHash, uint32 logIndex);

    error CaseRegistryInvalidMemberRegistry(address registry);
    error CaseRegistryUnauthorized(address account, bytes32 role);
    error CaseRegistryInvalidCaseId(bytes32 caseId);
    error CaseRegistryCaseExists(bytes32 caseId);
    error CaseRegistryUnknownCase(bytes32 caseId);
    error CaseRegistryInvalidHash();
    error CaseRegistryInvalidCommission(bytes32 commission);
    error CaseRegistryInvalidRespondent(bytes32 respondent);
    error CaseRegistryNotTheCommission(bytes32 caseId, bytes32 member);
    error CaseRegistryNotTheClaimant(bytes32 caseId, bytes32 member);
    error CaseRegistryInvalidTransition(bytes32 caseId, CaseStatus from, CaseStatus to);
    error CaseRegistryNotAParty(bytes32 caseId, bytes32 party);
    error CaseRegistryAwardNotMadeAvailable(bytes32 caseId, bytes32 party);
    error CaseRegistryAlreadyServed(bytes32 caseId, bytes32 party, ServiceKind kind);
    /// @dev A filing must cite between 1 and {MAX_CITATIONS} events.
    error CaseRegistryInvalidCitationCount(uint256 count, uint256 max);
    /// @dev {fileCaseCiting} got a different number of transaction hashes and log indexes.
    error CaseRegistryCitationLengthMismatch(uint256 txHashes, uint256 logIndexes);
    /// @dev The citation at this position names no transaction (zero hash).
    error CaseRegistryInvalidCitation(uint256 position);

    /// @notice Files a case as the sender's member, which must hold ODR_PARTY: the claimant.
    /// @param commission memberId of an active member holding ODR_COMMISSION
    /// @param respondent memberId of the respondent (neither the claimant nor the commission)
    /// @param caseHash hash of the filing (non-zero); the filing itself stays with the parties and the commission
    function fileCase(bytes32 caseId, bytes32 commission, bytes32 respondent, bytes32 caseHash) external;
    /// @notice {fileCase}, citing events already on chain as the claimant's evidence (an app files for its user's
    /// organisation; the commission's service resolves each citation into an evidence item with its proofs).
    /// Emits {CaseFiled}, {CaseStatusChanged}, then one {CaseEvidenceCited} per citation in the order given.
    /// @dev Same rules as {fileCase}; 1 to {MAX_CITATIONS} citations, both arrays of the same length, no zero hash.
    /// Whether a cited log exists is not checked here (a contract cannot read receipts): the reader resolves it.
    /// @param txHashes the transactions of the cited events
    /// @param logIndexes the cited events' log indexes, one per transaction hash
    function fileCaseCiting(
        bytes32 caseId,
        bytes32 commission,
        bytes32 respondent,
        bytes32 caseHash,
        bytes32[] calldata txHashes,
        uint32[] calldata logIndexes
    ) external;
    function accept(bytes32 caseId) external;
    function reject(bytes32 caseId, bytes32 reasonHash) external;
    function openEvidence(bytes32 caseId) external;
    function openHearing(bytes32 caseId) external;
    function issueAward(bytes32 caseId, bytes32 awardHash) external;
    function recordService(bytes32 caseId, bytes32 party, ServiceKind kind) external;
    function close(bytes32 caseId) external;
    function withdraw(bytes32 caseId, bytes32 reasonHash) external;

    function caseOf(bytes32 caseId) external view returns (Case memory);
    function serviceOf(bytes32 caseId, bytes32 party) external view returns (bool madeAvailable, bool opened);
    /// @notice Whether the registry allows a step from one status to another (by the right actor).
    function isAllowed(CaseStatus from, CaseStatus to) external pure returns (bool);
    function memberRegistry() external view returns (address);
    /// @notice The most events one filing may cite.
    function MAX_CITATIONS() external view returns (uint256);
}
