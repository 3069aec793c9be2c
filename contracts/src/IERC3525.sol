// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";

/// @title IERC3525
/// @notice The ERC-3525 semi-fungible token (ethereum/ERCs ERCS/erc-3525.md): ERC-721 tokens that each
/// hold a value and belong to a slot; value moves between tokens of the same slot.
/// @dev Interface id 0xd5358140 (its own functions only, as ERC-165 counts them). The standard declares
/// `approve` and `transferFrom` payable; the selectors, and so the interface id, do not depend on it,
/// and this suite's tokens take no ether.
interface IERC3525 is IERC165, IERC721 {
    /// @notice Value moved from one token to another; `_fromTokenId` 0 is minting, `_toTokenId` 0 burning.
    /// @param _fromTokenId The token the value left.
    /// @param _toTokenId The token the value reached.
    /// @param _value The value moved.
    event TransferValue(uint256 indexed _fromTokenId, uint256 indexed _toTokenId, uint256 _value);

    /// @notice An operator's allowance on a token's value was set.
    /// @param _tokenId The token.
    /// @param _operator The operator.
    /// @param _value The allowance.
    event ApprovalValue(uint256 indexed _tokenId, address indexed _operator, uint256 _value);

    /// @notice A token's slot was set (minting: from 0) or cleared (burning: to 0).
    /// @param _tokenId The token.
    /// @param _oldSlot The slot before.
    /// @param _newSlot The slot after.
    event SlotChanged(uint256 indexed _tokenId, uint256 indexed _oldSlot, uint256 indexed _newSlot);

    /// @notice The number of decimals of a value (2: values are fen/cents).
    /// @return The decimals.
    function valueDecimals() external view returns (uint8);

    /// @notice The value a token holds.
    /// @param _tokenId The token; must exist.
    /// @return The value.
    function balanceOf(uint256 _tokenId) external view returns (uint256);

    /// @notice The slot of a token.
    /// @param _tokenId The token; must exist.
    /// @return The slot.
    function slotOf(uint256 _tokenId) external view returns (uint256);

    /// @notice Allows an operator to move up to `_value` of a token's value.
    /// @param _tokenId The token.
    /// @param _operator The operator; not the owner, not zero.
    /// @param _value The allowance (type(uint256).max: unlimited, never spent).
    function approve(uint256 _tokenId, address _operator, uint256 _value) external;

    /// @notice An operator's allowance on a token's value.
    /// @param _tokenId The token; must exist.
    /// @param _operator The operator.
    /// @return The allowance.
    function allowance(uint256 _tokenId, address _operator) external view returns (uint256);

    /// @notice Moves value from one token to another token of the same slot.
    /// @param _fromTokenId The source token.
    /// @param _toTokenId The target token.
    /// @param _value The value; at most the source's balance and the caller's allowance.
    function transferFrom(uint256 _fromTokenId, uint256 _toTokenId, uint256 _value) external;

    /// @notice Moves value from a token to a new token of `_to` in the same slot.
    /// @param _fromTokenId The source token.
    /// @param _to The new token's owner; not zero.
    /// @param _value The value; at most the source's balance and the caller's allowance.
    /// @return The new token's id.
    function transferFrom(uint256 _fromTokenId, address _to, uint256 _value) external returns (uint256);
}

/// @title IERC3525Metadata
/// @notice ERC-3525 metadata (interface id 0xe1600902), besides ERC-721's name, symbol and tokenURI.
interface IERC3525Metadata is IERC3525, IERC721Metadata {
    /// @notice The collection's metadata.
    /// @return A URI (here a data: URI with JSON).
    function contractURI() external view returns (string memory);

    /// @notice A slot's metadata.
    /// @param _slot The slot.
    /// @return A URI (here a data: URI with JSON).
    function slotURI(uint256 _slot) external view returns (string memory);
}

/// @title IERC3525SlotEnumerable
/// @notice ERC-3525 slot enumeration (interface id 0x3b741b9e): the slots, and the tokens in each.
interface IERC3525SlotEnumerable is IERC3525 {
    /// @notice The number of slots that ever held a token.
    /// @return The count.
    function slotCount() external view returns (uint256);

    /// @notice The slot at an index (in order of first use).
    /// @param _index Below slotCount().
    /// @return The slot.
    function slotByIndex(uint256 _index) external view returns (uint256);

    /// @notice The number of existing tokens in a slot.
    /// @param _slot The slot.
    /// @return The count.
    function tokenSupplyInSlot(uint256 _slot) external view returns (uint256);

    /// @notice The token at an index of a slot (the order changes when tokens are burned).
    /// @param _slot The slot.
    /// @param _index Below tokenSupplyInSlot(_slot).
    /// @return The token id.
    function tokenInSlotByIndex(uint256 _slot, uint256 _index) external view returns (uint256);
}

/// @title IERC3525Receiver
/// @notice What a contract implements to accept value (interface id 0x009ce20b).
interface IERC3525Receiver {
    /// @notice Called after value reached a token the contract owns.
    /// @param _operator Who moved it.
    /// @param _fromTokenId The source token.
    /// @param _toTokenId The target token.
    /// @param _value The value.
    /// @param _data Extra data (empty here).
    /// @return This function's selector (0x009ce20b) to accept.
    function onERC3525Received(
        address _operator,
        uint256 _fromTokenId,
        uint256 _toTokenId,
        uint256 _value,
        bytes calldata _data
    ) external returns (bytes4);
}

/// @title IERC3525Errors
/// @notice The custom errors of this suite's ERC-3525 core, in the ERC-6093 style (the ERC-721 ones are
/// OpenZeppelin's IERC721Errors).
interface IERC3525Errors {
    /// @dev A value move or burn of `value` exceeds the token's `balance`.
    error ERC3525InsufficientBalance(uint256 tokenId, uint256 balance, uint256 value);
    /// @dev The operator's allowance on the token is below `value`.
    error ERC3525InsufficientAllowance(uint256 tokenId, address operator, uint256 allowance, uint256 value);
    /// @dev Value moves only between tokens of one slot.
    error ERC3525SlotMismatch(uint256 fromTokenId, uint256 toTokenId);
    /// @dev The receiving contract refused the value (wrong magic value).
    error ERC3525RejectedByReceiver(uint256 toTokenId);
    /// @dev Token id 0 is reserved (minting and burning in TransferValue).
    error ERC3525InvalidTokenId(uint256 tokenId);
}
