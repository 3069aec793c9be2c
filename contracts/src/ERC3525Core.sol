// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

import {IERC3525, IERC3525Errors, IERC3525Metadata, IERC3525Receiver, IERC3525SlotEnumerable} from "./IERC3525.sol";

/// @title ERC3525Core
/// @notice This suite's ERC-3525 implementation: ERC-721 tokens with a slot and a value, the four
/// approval levels the standard has (all, token, value; no slot approvals), receiver checks, ERC-721
/// metadata and slot enumeration. Written from the standard; behaviour matches the reference
/// implementation (solv-finance/erc-3525 v1.5.0) as the differential test in test/ shows.
/// @dev Every external entry point is `virtual` so that a registry can close the ones it does not
/// allow. Internals for registries: `_createTokenId`, `_mint`, `_transferValue` (no receiver call),
/// `_transferToken`, `_burn`, `_burnValue`. Value approvals are kept per approval epoch of a token, so
/// clearing them all when its owner changes is one write. Not ERC721Enumerable (no per-owner lists):
/// `totalSupply` and `balanceOf(owner)` are counters.
abstract contract ERC3525Core is IERC3525Metadata, IERC3525SlotEnumerable, IERC3525Errors, IERC721Errors {
    struct TokenData {
        address owner; // zero: no such token
        uint48 indexInSlot; // position in its slot's token list
        uint48 approvalEpoch; // value approvals of earlier epochs are void
        uint256 slot;
        uint256 balance;
        address approved; // token-level (ERC-721) approval
    }

    uint8 private immutable _decimals;
    uint256 private _lastTokenId;
    uint256 private _totalSupply;
    mapping(uint256 tokenId => TokenData) private _tokens;
    mapping(uint256 tokenId => mapping(uint256 epoch => mapping(address operator => uint256))) private _allowances;
    mapping(address owner => uint256) private _ownedCount;
    mapping(address owner => mapping(address operator => bool)) private _operators;
    mapping(uint256 slot => uint256[] tokenIds) private _slotTokens;
    uint256[] private _slots;
    mapping(uint256 slot => bool) private _slotKnown;

    /// @dev `name` and `symbol` are left to the token (constants there cost no storage reads).
    constructor(uint8 decimals_) {
        _decimals = decimals_;
    }

    // --- ERC-165 and metadata ---

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view virtual returns (bool) {
        return interfaceId == type(IERC165).interfaceId || interfaceId == type(IERC721).interfaceId
            || interfaceId == type(IERC3525).interfaceId || interfaceId == type(IERC721Metadata).interfaceId
            || interfaceId == type(IERC3525Metadata).interfaceId
            || interfaceId == type(IERC3525SlotEnumerable).interfaceId;
    }

    /// @inheritdoc IERC721Metadata
    function name() public view virtual returns (string memory);

    /// @inheritdoc IERC721Metadata
    function symbol() public view virtual returns (string memory);

    /// @inheritdoc IERC3525
    function valueDecimals() public view virtual returns (uint8) {
        return _decimals;
    }

    /// @inheritdoc IERC3525Metadata
    function contractURI() public view virtual returns (string memory) {
        return string.concat('data:application/json,{"name":"', name(), '"}');
    }

    /// @inheritdoc IERC3525Metadata
    function slotURI(uint256) public view virtual returns (string memory) {
        return "";
    }

    /// @inheritdoc IERC721Metadata
    function tokenURI(uint256 tokenId) public view virtual returns (string memory) {
        _existing(tokenId);
        return "";
    }

    // --- views ---

    /// @inheritdoc IERC3525
    function balanceOf(uint256 tokenId) public view virtual returns (uint256) {
        return _existing(tokenId).balance;
    }

    /// @inheritdoc IERC721
    function ownerOf(uint256 tokenId) public view virtual returns (address) {
        return _existing(tokenId).owner;
    }

    /// @inheritdoc IERC3525
    function slotOf(uint256 tokenId) public view virtual returns (uint256) {
        return _existing(tokenId).slot;
    }

    /// @inheritdoc IERC3525
    function allowance(uint256 tokenId, address operator) public view virtual returns (uint256) {
        return _allowances[tokenId][_existing(tokenId).approvalEpoch][operator];
    }

    /// @inheritdoc IERC721
    function getApproved(uint256 tokenId) public view virtual returns (address) {
        return _existing(tokenId).approved;
    }

    /// @inheritdoc IERC721
    function isApprovedForAll(address owner, address operator) public view virtual returns (bool) {
        return _operators[owner][operator];
    }

    /// @inheritdoc IERC721
    function balanceOf(address owner) public view virtual returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _ownedCount[owner];
    }

    /// @notice The number of existing tokens.
    /// @return The count.
    function totalSupply() public view virtual returns (uint256) {
        return _totalSupply;
    }

    /// @inheritdoc IERC3525SlotEnumerable
    function slotCount() public view virtual returns (uint256) {
        return _slots.length;
    }

    /// @inheritdoc IERC3525SlotEnumerable
    function slotByIndex(uint256 index) public view virtual returns (uint256) {
        return _slots[index];
    }

    /// @inheritdoc IERC3525SlotEnumerable
    function tokenSupplyInSlot(uint256 slot) public view virtual returns (uint256) {
        return _slotTokens[slot].length;
    }

    /// @inheritdoc IERC3525SlotEnumerable
    function tokenInSlotByIndex(uint256 slot, uint256 index) public view virtual returns (uint256) {
        return _slotTokens[slot][index];
    }

    // --- approvals ---

    /// @inheritdoc IERC3525
    function approve(uint256 tokenId, address operator, uint256 value) public virtual {
        address owner = ownerOf(tokenId);
        if (operator == owner || operator == address(0)) revert ERC721InvalidOperator(operator);
        if (!_isApprovedOrOwner(msg.sender, tokenId)) revert ERC721InvalidApprover(msg.sender);
        _approveValue(tokenId, operator, value);
    }

    /// @inheritdoc IERC721
    function approve(address to, uint256 tokenId) public virtual {
        address owner = ownerOf(tokenId);
        if (to == owner) revert ERC721InvalidOperator(to);
        if (msg.sender != owner && !_operators[owner][msg.sender]) revert ERC721InvalidApprover(msg.sender);
        _tokens[tokenId].approved = to;
        emit Approval(owner, to, tokenId);
    }

    /// @inheritdoc IERC721
    function setApprovalForAll(address operator, bool approved) public virtual {
        if (operator == msg.sender) revert ERC721InvalidOperator(operator);
        _operators[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    // --- moves ---

    /// @inheritdoc IERC3525
    function transferFrom(uint256 fromTokenId, uint256 toTokenId, uint256 value) public virtual {
        _spendAllowance(msg.sender, fromTokenId, value);
        _transferValue(fromTokenId, toTokenId, value);
        _checkReceived(fromTokenId, toTokenId, value);
    }

    /// @inheritdoc IERC3525
    function transferFrom(uint256 fromTokenId, address to, uint256 value) public virtual returns (uint256 newTokenId) {
        _spendAllowance(msg.sender, fromTokenId, value);
        newTokenId = _createTokenId();
        _mint(to, newTokenId, slotOf(fromTokenId), 0);
        _transferValue(fromTokenId, newTokenId, value);
        _checkReceived(fromTokenId, newTokenId, value);
    }

    /// @inheritdoc IERC721
    function transferFrom(address from, address to, uint256 tokenId) public virtual {
        _transferTokenByOperator(from, to, tokenId);
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory data) public virtual {
        _transferTokenByOperator(from, to, tokenId);
        ERC721Utils.checkOnERC721Received(msg.sender, from, to, tokenId, data);
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId) public virtual {
        safeTransferFrom(from, to, tokenId, "");
    }

    // --- internals for registries ---

    /// @dev A fresh token id (1, 2, ...).
    function _createTokenId() internal virtual returns (uint256) {
        return ++_lastTokenId;
    }

    /// @dev Mints `tokenId` to `to` in `slot` holding `value` (no receiver call, as in the reference).
    function _mint(address to, uint256 tokenId, uint256 slot, uint256 value) internal virtual {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        if (tokenId == 0) revert ERC3525InvalidTokenId(0);
        TokenData storage t = _tokens[tokenId];
        if (t.owner != address(0)) revert ERC721InvalidSender(address(0));
        if (!_slotKnown[slot]) {
            _slotKnown[slot] = true;
            _slots.push(slot);
        }
        uint256[] storage inSlot = _slotTokens[slot];
        t.owner = to;
        // a slot holds fewer than 2^48 tokens
        // forge-lint: disable-next-line(unsafe-typecast)
        t.indexInSlot = uint48(inSlot.length);
        t.slot = slot;
        t.balance = value;
        inSlot.push(tokenId);
        unchecked {
            ++_ownedCount[to];
            ++_totalSupply;
        }
        emit Transfer(address(0), to, tokenId);
        emit SlotChanged(tokenId, 0, slot);
        emit TransferValue(0, tokenId, value);
    }

    /// @dev Moves value between two existing tokens of one slot (zero value and a token to itself
    /// allowed, as in the reference). Calls no receiver: the public transferFrom does.
    function _transferValue(uint256 fromTokenId, uint256 toTokenId, uint256 value) internal virtual {
        TokenData storage from = _existing(fromTokenId);
        TokenData storage to = _existing(toTokenId);
        uint256 balance = from.balance;
        if (balance < value) revert ERC3525InsufficientBalance(fromTokenId, balance, value);
        if (from.slot != to.slot) revert ERC3525SlotMismatch(fromTokenId, toTokenId);
        unchecked {
            from.balance = balance - value;
        }
        to.balance += value;
        emit TransferValue(fromTokenId, toTokenId, value);
    }

    /// @dev Gives a token to a new owner; its token and value approvals are cleared.
    function _transferToken(address from, address to, uint256 tokenId) internal virtual {
        TokenData storage t = _existing(tokenId);
        if (t.owner != from) revert ERC721IncorrectOwner(from, tokenId, t.owner);
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        _clearApprovals(t, tokenId);
        t.owner = to;
        unchecked {
            --_ownedCount[from];
            ++_ownedCount[to];
        }
        emit Transfer(from, to, tokenId);
    }

    /// @dev Burns a token with whatever value it holds.
    function _burn(uint256 tokenId) internal virtual {
        TokenData storage t = _existing(tokenId);
        address owner = t.owner;
        uint256 slot = t.slot;
        uint256 value = t.balance;
        uint256[] storage inSlot = _slotTokens[slot];
        uint256 last = inSlot[inSlot.length - 1];
        uint48 index = t.indexInSlot;
        inSlot[index] = last;
        _tokens[last].indexInSlot = index;
        inSlot.pop();
        uint48 epoch = t.approvalEpoch;
        delete _tokens[tokenId];
        _tokens[tokenId].approvalEpoch = epoch + 1; // a token minted again with this id starts unapproved
        unchecked {
            --_ownedCount[owner];
            --_totalSupply;
        }
        emit TransferValue(tokenId, 0, value);
        emit SlotChanged(tokenId, slot, 0);
        emit Transfer(owner, address(0), tokenId);
    }

    /// @dev Burns some of a token's value.
    function _burnValue(uint256 tokenId, uint256 value) internal virtual {
        TokenData storage t = _existing(tokenId);
        uint256 balance = t.balance;
        if (balance < value) revert ERC3525InsufficientBalance(tokenId, balance, value);
        unchecked {
            t.balance = balance - value;
        }
        emit TransferValue(tokenId, 0, value);
    }

    /// @dev Whether `operator` is the token's owner, an operator of the owner, or approved for the token.
    function _isApprovedOrOwner(address operator, uint256 tokenId) internal view virtual returns (bool) {
        TokenData storage t = _existing(tokenId);
        address owner = t.owner;
        return operator == owner || _operators[owner][operator] || t.approved == operator;
    }

    /// @dev Calls onERC3525Received when the target token's owner is a contract that says (ERC-165) it
    /// implements it; a failing ERC-165 probe counts as acceptance, as in the reference.
    function _checkReceived(uint256 fromTokenId, uint256 toTokenId, uint256 value) internal virtual {
        address to = _tokens[toTokenId].owner;
        if (to.code.length == 0) return;
        try IERC165(to).supportsInterface(type(IERC3525Receiver).interfaceId) returns (bool yes) {
            if (!yes) return;
        } catch {
            return;
        }
        bytes4 answer = IERC3525Receiver(to).onERC3525Received(msg.sender, fromTokenId, toTokenId, value, "");
        if (answer != IERC3525Receiver.onERC3525Received.selector) revert ERC3525RejectedByReceiver(toTokenId);
    }

    function _existing(uint256 tokenId) internal view returns (TokenData storage t) {
        t = _tokens[tokenId];
        if (t.owner == address(0)) revert ERC721NonexistentToken(tokenId);
    }

    function _transferTokenByOperator(address from, address to, uint256 tokenId) private {
        if (!_isApprovedOrOwner(msg.sender, tokenId)) revert ERC721InsufficientApproval(msg.sender, tokenId);
        _transferToken(from, to, tokenId);
    }

    function _approveValue(uint256 tokenId, address operator, uint256 value) private {
        _allowances[tokenId][_tokens[tokenId].approvalEpoch][operator] = value;
        emit ApprovalValue(tokenId, operator, value);
    }

    /// @dev Spends `value` of the operator's allowance unless it is the owner, an operator or approved
    /// for the token, or its allowance is unlimited.
    function _spendAllowance(address operator, uint256 tokenId, uint256 value) private {
        if (_isApprovedOrOwner(operator, tokenId)) return;
        uint256 current = allowance(tokenId, operator);
        if (current == type(uint256).max) return;
        if (current < value) revert ERC3525InsufficientAllowance(tokenId, operator, current, value);
        _approveValue(tokenId, operator, current - value);
    }

    function _clearApprovals(TokenData storage t, uint256 tokenId) private {
        if (t.approved != address(0)) {
            t.approved = address(0);
            emit Approval(t.owner, address(0), tokenId);
        }
        ++t.approvalEpoch;
    }
}
