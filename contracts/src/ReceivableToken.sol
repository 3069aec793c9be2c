// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ERC3525Core} from "./ERC3525Core.sol";
import {IReceivableRegistry} from "./IReceivableRegistry.sol";

/// @title ReceivableToken
/// @notice ERC-3525 as the receivable registry exposes it: every view, event and value approval of the
/// standard, but none of its own ways to move value or tokens, and no operator approvals.
/// @dev The documented deviation: `transferFrom` (all three), `safeTransferFrom` (both),
/// `setApprovalForAll` and token-level `approve` revert, because a holder's value may move only by the
/// holder's own instruction through the registry's escrow and financing steps (the legal transfer is
/// agreement + registration + transfer of control). Value approvals (`approve(tokenId, operator,
/// value)`) are recorded for the owner alone and cleared when the part changes owner, so standard
/// tools can read them, but they authorise no move. The differential test drives exactly this
/// contract (with test mint and burn) against the reference implementation and counts these cases as
/// the only differences.
abstract contract ReceivableToken is ERC3525Core {
    /// @notice Refused: value moves through offer and accept only.
    function transferFrom(uint256, uint256, uint256) public pure override {
        revert IReceivableRegistry.ReceivableRegistryTransferRefused();
    }

    /// @notice Refused: value moves through offer and accept only.
    function transferFrom(uint256, address, uint256) public pure override returns (uint256) {
        revert IReceivableRegistry.ReceivableRegistryTransferRefused();
    }

    /// @notice Refused: parts move through offer and accept only.
    function transferFrom(address, address, uint256) public pure override {
        revert IReceivableRegistry.ReceivableRegistryTransferRefused();
    }

    /// @notice Refused: parts move through offer and accept only.
    function safeTransferFrom(address, address, uint256, bytes memory) public pure override {
        revert IReceivableRegistry.ReceivableRegistryTransferRefused();
    }

    /// @notice Refused: parts move through offer and accept only.
    function safeTransferFrom(address, address, uint256) public pure override {
        revert IReceivableRegistry.ReceivableRegistryTransferRefused();
    }

    /// @notice Refused: no operator may hold all of a holder's parts.
    function setApprovalForAll(address, bool) public pure override {
        revert IReceivableRegistry.ReceivableRegistryApprovalRefused();
    }

    /// @notice Refused: no operator may take a whole part.
    function approve(address, uint256) public pure override {
        revert IReceivableRegistry.ReceivableRegistryApprovalRefused();
    }
}
