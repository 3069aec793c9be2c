// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ERC3525Core} from "../../src/ERC3525Core.sol";

/// @dev This suite's ERC-3525 core with every gate open: the standard's transfers and approvals as
/// written, plus mint, burn and burnValue as the reference mock has them.
contract ERC3525CoreHarness is ERC3525Core {
    constructor() ERC3525Core(2) {}

    function name() public pure override returns (string memory) {
        return "Harness";
    }

    function symbol() public pure override returns (string memory) {
        return "H";
    }

    function mint(address to, uint256 tokenId, uint256 slot, uint256 value) external {
        _mint(to, tokenId, slot, value);
    }

    function burn(uint256 tokenId) external {
        if (!_isApprovedOrOwner(msg.sender, tokenId)) revert ERC721InsufficientApproval(msg.sender, tokenId);
        _burn(tokenId);
    }

    function burnValue(uint256 tokenId, uint256 value) external {
        if (!_isApprovedOrOwner(msg.sender, tokenId)) revert ERC721InsufficientApproval(msg.sender, tokenId);
        _burnValue(tokenId, value);
    }
}
