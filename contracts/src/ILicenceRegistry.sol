// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title ILicenceRegistry
/// @notice Licences for works of the WorkRegistry, granted by the member holding the rights to another
/// member, revoked with an effective time, never edited; and the one-call answer to domain §7's question:
/// was any licence valid for licensee L, work W and use U in territory X at time T, as recorded at block N?
/// @dev Uses (a bitmask, `uses`): kinds of use USE_FULL_REPRINT 1, USE_EXCERPT 2, USE_IMAGE_REUSE 4,
/// USE_ADAPTATION 8; channels CHANNEL_ONLINE 16, CHANNEL_PRINT 32. A licence names at least one kind and at
/// least one channel and grants every combination of its kinds and channels. A query names one or more
/// bits (usually one kind and the channel of the use) and is covered when every bit it names is granted.
/// Territory: ASCII, left-aligned and zero-padded in a bytes32 (Solidity `bytes32("CN")`): an ISO 3166-1
/// alpha-2 country ("CN", "HK") or an ISO 3166-2 subdivision ("CN-BJ"); WORLDWIDE = `bytes32("*")`. A
/// licence covers its own code, every subdivision of its country code ("CN" covers "CN-BJ", not "HK"),
/// and WORLDWIDE covers everything.
/// Periods are [validFrom, validUntil) in unix seconds; validUntil = type(uint64).max for no end.
/// As-of semantics: a licence counts for block N when it was granted in a block <= N; a revocation counts
/// for block N when it was recorded in a block <= N, and then ends the licence at its effectiveAt.
/// Hash chain per key (work, licensee): head' = keccak256(abi.encode(head, kind, licenceId, work, licensee,
/// licensor, uses, territory, validFrom, validUntil, termsDigest, effectiveAt, blockNumber)) with kind 1 for
/// a grant (effectiveAt 0) and 2 for a revocation, head 0 before the first event, blockNumber that of the
/// event's block; each event carries the head it produced. `headAt(work, licensee, N)` gives the head and
/// event count as of block N, so an outsider can recompute the chain over the key's events up to N.
interface ILicenceRegistry {
    /// @notice A licence as `licenceOf` returns it (all zero when never granted).
    struct Licence {
        bytes32 licenceId;
        bytes32 work; // the work's content digest (WorkRegistry id)
        bytes32 licensee; // member
        bytes32 licensor; // member that held the rights and granted the licence
        uint32 uses; // bitmask, see the interface notes
        bytes32 territory; // code, see the interface notes
        uint64 validFrom; // unix seconds, inclusive
        uint64 validUntil; // unix seconds, exclusive
        bytes32 termsDigest; // digest of the signed licence terms
        uint64 grantedBlock;
        uint64 grantedAt; // block time of the grant
        uint64 revokedBlock; // 0 while not revoked
        uint64 effectiveAt; // the revocation's effective time, 0 while not revoked
    }

    // --- errors ---

    /// @dev The member registry or work registry address is not a contract.
    error LicenceRegistryInvalidRegistry(address registry);
    /// @dev `account` does not belong to an Active member (holding RIGHTS_HOLDER, to grant).
    error LicenceRegistryUnauthorized(address account);
    /// @dev No work with this content digest is registered.
    error LicenceRegistryUnknownWork(bytes32 work);
    /// @dev `member` (the caller's) does not hold the rights in the work now.
    error LicenceRegistryNotTheHolder(bytes32 work, bytes32 member);
    /// @dev The licence id is zero.
    error LicenceRegistryInvalidLicenceId(bytes32 licenceId);
    /// @dev A licence with this id was granted before.
    error LicenceRegistryLicenceExists(bytes32 licenceId);
    /// @dev The licensee is not an Active member, or is the licensor itself.
    error LicenceRegistryInvalidLicensee(bytes32 licensee);
    /// @dev The uses name an undefined bit, no kind of use, or no channel (a query: zero or undefined bits).
    error LicenceRegistryInvalidUses(uint32 uses);
    /// @dev The territory is zero or not left-aligned ASCII without gaps.
    error LicenceRegistryInvalidTerritory(bytes32 territory);
    /// @dev The period is empty or inverted (validFrom >= validUntil).
    error LicenceRegistryInvalidPeriod(uint64 validFrom, uint64 validUntil);
    /// @dev The terms digest is zero.
    error LicenceRegistryInvalidTerms();
    /// @dev The new licence overlaps `licenceId` of the same work and licensee: a use in common, territories
    /// one within the other, and periods (up to a revocation's effective time) that intersect.
    error LicenceRegistryOverlappingLicence(bytes32 licenceId);
    /// @dev The work and licensee already have `max` licences (the bound on `licenceAt`'s scan).
    error LicenceRegistryTooManyLicences(bytes32 work, bytes32 licensee, uint256 max);
    /// @dev No licence with this id.
    error LicenceRegistryUnknownLicence(bytes32 licenceId);
    /// @dev `member` (the caller's) is not the licence's licensor.
    error LicenceRegistryNotTheLicensor(bytes32 licenceId, bytes32 member);
    /// @dev The licence was revoked before, effective at `effectiveAt`.
    error LicenceRegistryAlreadyRevoked(bytes32 licenceId, uint64 effectiveAt);
    /// @dev A revocation takes effect now or later (`effectiveAt` >= `now`), and before the licence ends.
    error LicenceRegistryInvalidEffectiveTime(uint64 effectiveAt, uint64 now, uint64 validUntil);
    /// @dev `asOfBlock` is after the current block: its answer could still change.
    error LicenceRegistryFutureBlock(uint256 asOfBlock, uint256 currentBlock);

    // --- events (past tense, emitted right after the change; each carries the whole licence version) ---

    /// @notice A licence was granted.
    /// @param head The key's (work, licensee) hash-chain head after this event.
    event LicenceGranted(
        bytes32 indexed licenceId,
        bytes32 indexed work,
        bytes32 indexed licensee,
        bytes32 licensor,
        uint32 uses,
        bytes32 territory,
        uint64 validFrom,
        uint64 validUntil,
        bytes32 termsDigest,
        bytes32 head
    );
    /// @notice A licence was revoked: it is not valid for times at or after `effectiveAt` (in answers for
    /// this block and later).
    /// @param head The key's (work, licensee) hash-chain head after this event.
    event LicenceRevoked(
        bytes32 indexed licenceId,
        bytes32 indexed work,
        bytes32 indexed licensee,
        bytes32 licensor,
        uint32 uses,
        bytes32 territory,
        uint64 validFrom,
        uint64 validUntil,
        bytes32 termsDigest,
        uint64 effectiveAt,
        bytes32 head
    );

    // --- writes ---

    /// @notice Grants a licence for a work the caller's member holds.
    /// @dev The caller must be an account of an Active member holding RIGHTS_HOLDER that holds the rights in
    /// the work now (WorkRegistry.holderOf). Refused (reverts) for an unknown work, a work held by another
    /// member, a zero or used licence id, a licensee that is not another Active member, invalid uses or
    /// territory, an empty or inverted period, a zero terms digest, an overlap with a licence of the same
    /// work and licensee, or a key at MAX_LICENCES_PER_KEY.
    /// @param licenceId Id chosen by the licensor's service; non-zero, unique.
    /// @param work The work's content digest.
    /// @param licensee The licensee member.
    /// @param uses Kinds of use and channels granted (bitmask).
    /// @param territory Territory code, or WORLDWIDE.
    /// @param validFrom Start of the period (inclusive, unix seconds; may be in the past or future).
    /// @param validUntil End of the period (exclusive); type(uint64).max for no end.
    /// @param termsDigest Digest of the signed terms.
    function grant(
        bytes32 licenceId,
        bytes32 work,
        bytes32 licensee,
        uint32 uses,
        bytes32 territory,
        uint64 validFrom,
        uint64 validUntil,
        bytes32 termsDigest
    ) external;

    /// @notice Revokes a licence from a time on; the licence stays on record.
    /// @dev By an account of the licence's licensor member, which must be Active. Once per licence.
    /// @param licenceId The licence.
    /// @param effectiveAt When the revocation takes effect (unix seconds): 0 for the block's time, else at or
    /// after the block's time (never retroactive) and before the licence's validUntil.
    function revoke(bytes32 licenceId, uint64 effectiveAt) external;

    // --- views ---

    /// @notice Was any licence valid for `licensee`, `work` and `use` in `territory` at `time`, as recorded at
    /// block `asOfBlock`?
    /// @dev Grants recorded after `asOfBlock` are ignored; a revocation recorded at or before it ends its
    /// licence at its effectiveAt. Scans at most MAX_LICENCES_PER_KEY licences. Reverts for a zero or
    /// undefined `use`, an invalid territory, or an `asOfBlock` after the current block.
    /// @param licensee The member whose use is in question.
    /// @param work The work's content digest.
    /// @param use The use: one or more bits of the uses mask, all of which must be granted.
    /// @param territory Where the use happened (a code, or WORLDWIDE for a use everywhere).
    /// @param time When the use happened (unix seconds).
    /// @param asOfBlock The block whose knowledge the answer reflects.
    /// @return valid True if some licence covered the use.
    /// @return licenceId The first such licence (in order of grant); zero if none.
    function licenceAt(bytes32 licensee, bytes32 work, uint32 use, bytes32 territory, uint64 time, uint256 asOfBlock)
        external
        view
        returns (bool valid, bytes32 licenceId);

    /// @notice A licence by id, with its revocation if any.
    /// @param licenceId The licence.
    /// @return The licence; all zero if never granted.
    function licenceOf(bytes32 licenceId) external view returns (Licence memory);

    /// @notice The licences of a work and licensee, in order of grant.
    /// @param work The work's content digest.
    /// @param licensee The licensee member.
    /// @return The licence ids (at most MAX_LICENCES_PER_KEY).
    function licencesOf(bytes32 work, bytes32 licensee) external view returns (bytes32[] memory);

    /// @notice The key's hash-chain head now, and how many events it covers.
    /// @param work The work's content digest.
    /// @param licensee The licensee member.
    /// @return head The head (zero if the key has no events).
    /// @return events The number of LicenceGranted and LicenceRevoked events of the key.
    function headOf(bytes32 work, bytes32 licensee) external view returns (bytes32 head, uint256 events);

    /// @notice The key's hash-chain head as of a block: after the last of its events recorded at or before
    /// `asOfBlock`.
    /// @param work The work's content digest.
    /// @param licensee The licensee member.
    /// @param asOfBlock The block.
    /// @return head The head (zero if the key had no events by then).
    /// @return events The number of the key's events up to and including `asOfBlock`.
    function headAt(bytes32 work, bytes32 licensee, uint256 asOfBlock)
        external
        view
        returns (bytes32 head, uint256 events);

    /// @notice The MemberRegistry that decides who may grant and be licensed.
    /// @return The registry's address.
    function memberRegistry() external view returns (address);

    /// @notice The WorkRegistry that says who holds each work.
    /// @return The registry's address.
    function workRegistry() external view returns (address);
}
