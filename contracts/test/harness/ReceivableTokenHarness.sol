// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ERC3525Core} from "../../src/ERC3525Core.sol";
import {ReceivableToken} from "../../src/ReceivableToken.sol";

/// @dev The registry's token surface (ReceivableToken, with its refusals) with the gates open: anyone
/// mints, burns and burns value as the reference mock lets them, so it can be driven like the mock.
contract ReceivableTokenHarness is ReceivableToken {
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
