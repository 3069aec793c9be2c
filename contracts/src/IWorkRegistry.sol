// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

/// @title IWorkRegistry
/// @notice The consortium's register of copyright works (news texts, images): each work once, keyed by the
/// digest of its content, with the digests of its fingerprint record and metadata, the member holding the
/// rights in it, and who registered it and when.
/// @dev The work id IS the content digest (SHA-256, or SM3 on GM-crypto chains, of the submitted bytes or
/// canonical text, computed off chain), so a service knows the id before its transaction is mined and the
/// same content can be registered only once across the consortium. Registrants are accounts of Active
/// members holding RIGHTS_HOLDER (MemberRegistry); the member of the registering account becomes the
/// work's first holder. Rights move between members with `transferRights`; the first holder stays on record.
interface IWorkRegistry {
    /// @notice Why an item of `registerWorks` was refused (ABI uint8, in WorkRegistrationRefused).
    enum Refusal {
        NONE, // not refused
        DUPLICATE, // the content digest is registered already (before, or earlier in the same batch)
        INVALID // the content, fingerprint or metadata digest is zero
    }

    /// @notice A work as `workOf` returns it (all zero when the content digest was never registered).
    struct Work {
        bytes32 contentDigest; // the work id
        bytes32 fingerprintDigest; // digest of the off-chain fingerprint record (domain §8)
        bytes32 metadataDigest; // digest of the off-chain metadata (title, authors, claimed publication, URL, ...)
        bytes32 holder; // the member holding the rights now
        bytes32 firstHolder; // the member whose account registered the work
        address registrant; // the account that registered the work
        uint64 blockNumber; // block of the registration
        uint64 timestamp; // block time of the registration
    }

    // --- errors ---

    /// @dev The member registry address is not a contract.
    error WorkRegistryInvalidMemberRegistry(address memberRegistry);
    /// @dev `account` does not belong to an Active member holding RIGHTS_HOLDER.
    error WorkRegistryUnauthorizedRegistrant(address account);
    /// @dev The content, fingerprint or metadata digest is zero.
    error WorkRegistryInvalidDigest(bytes32 contentDigest);
    /// @dev The content digest was registered before, by an account of `firstHolder` in block `firstBlock`.
    error WorkRegistryDuplicateContent(bytes32 contentDigest, bytes32 firstHolder, uint64 firstBlock);
    /// @dev The arrays of `registerWorks` differ in length.
    error WorkRegistryBatchLengthMismatch();
    /// @dev No work with this content digest is registered.
    error WorkRegistryUnknownWork(bytes32 contentDigest);
    /// @dev `member` (the caller's) does not hold the rights in the work.
    error WorkRegistryNotTheHolder(bytes32 contentDigest, bytes32 member);
    /// @dev `member` cannot receive rights: it is the holder already, not Active, or lacks RIGHTS_HOLDER.
    error WorkRegistryInvalidRecipient(bytes32 member);
    /// @dev The registry cannot record more members as holders (2^24 - 1) or a block past 2^32 - 1.
    error WorkRegistryCapacityExceeded();

    // --- events (past tense, emitted right after the change) ---

    /// @notice A work was registered.
    /// @param contentDigest The work id.
    /// @param holder The member holding the rights (the registering account's member).
    /// @param fingerprintDigest Digest of the fingerprint record.
    /// @param metadataDigest Digest of the metadata.
    event WorkRegistered(
        bytes32 indexed contentDigest, bytes32 indexed holder, bytes32 fingerprintDigest, bytes32 metadataDigest
    );
    /// @notice An item of `registerWorks` was refused; the other items were registered.
    /// @param contentDigest The refused item's content digest.
    /// @param firstHolder For a DUPLICATE, the member that registered the content first (zero for INVALID).
    /// @param firstBlock For a DUPLICATE, the block of the first registration (zero for INVALID).
    /// @param reason The Refusal code.
    event WorkRegistrationRefused(
        bytes32 indexed contentDigest, bytes32 indexed firstHolder, uint64 firstBlock, uint8 reason
    );
    /// @notice The rights in a work moved to another member.
    /// @param contentDigest The work id.
    /// @param from The member that held them.
    /// @param to The member that holds them now.
    event RightsTransferred(bytes32 indexed contentDigest, bytes32 indexed from, bytes32 indexed to);

    // --- writes ---

    /// @notice Registers a work for the caller's member.
    /// @dev The caller must be an account of an Active member holding RIGHTS_HOLDER.
    /// Reverts WorkRegistryDuplicateContent naming the first registrant's member and block if the
    /// content digest is registered already.
    /// @param contentDigest The work id: the digest of the work's content; non-zero.
    /// @param fingerprintDigest Digest of the fingerprint record; non-zero.
    /// @param metadataDigest Digest of the metadata; non-zero.
    function registerWork(bytes32 contentDigest, bytes32 fingerprintDigest, bytes32 metadataDigest) external;

    /// @notice Registers many works for the caller's member in one transaction.
    /// @dev Reverts only when the caller may not register (WorkRegistryUnauthorizedRegistrant) or the
    /// arrays differ in length. An item whose content digest is registered already, or appears earlier
    /// in the same batch, emits WorkRegistrationRefused(DUPLICATE) naming the first registrant; an item
    /// with a zero digest emits WorkRegistrationRefused(INVALID); the other items are registered.
    /// @param contentDigests The work ids.
    /// @param fingerprintDigests Their fingerprint-record digests, one per work.
    /// @param metadataDigests Their metadata digests, one per work.
    function registerWorks(
        bytes32[] calldata contentDigests,
        bytes32[] calldata fingerprintDigests,
        bytes32[] calldata metadataDigests
    ) external;

    /// @notice Transfers the rights in a work from the caller's member to another member.
    /// @dev The caller must be an account of the current holder, which must be Active and hold
    /// RIGHTS_HOLDER; the recipient must be another Active member holding RIGHTS_HOLDER. Licences the
    /// previous holder granted stay as they are (their licensor may still revoke them).
    /// @param contentDigest The work id.
    /// @param toMember The member receiving the rights.
    function transferRights(bytes32 contentDigest, bytes32 toMember) external;

    // --- views ---

    /// @notice A work by its content digest.
    /// @param contentDigest The work id.
    /// @return The work; all fields zero if never registered.
    function workOf(bytes32 contentDigest) external view returns (Work memory);

    /// @notice The member holding the rights in a work now.
    /// @param contentDigest The work id.
    /// @return The holder's member id; zero if the work was never registered.
    function holderOf(bytes32 contentDigest) external view returns (bytes32);

    /// @notice Whether a content digest is registered.
    /// @param contentDigest The work id.
    /// @return True if registered.
    function isRegistered(bytes32 contentDigest) external view returns (bool);

    /// @notice The MemberRegistry that decides who may register and hold works.
    /// @return The registry's address.
    function memberRegistry() external view returns (address);
}
