// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {IFinancingQuotes} from "../src/IFinancingQuotes.sol";
import {ReceivableFixture} from "./utils/ReceivableFixture.sol";

/// @dev Execution gas per operation (without the 21,000 base and calldata), logged for the README:
/// `forge test --match-contract ReceivableRegistryGasTest -vv`. The bounds catch a regression.
contract ReceivableRegistryGasTest is ReceivableFixture {
    uint256 internal gasBefore;
    uint256 internal issued;

    function setUp() public {
        _deployReceivables();
    }

    function _start() internal {
        gasBefore = gasleft();
    }

    function _stop(string memory what, uint256 bound) internal returns (uint256 used) {
        used = gasBefore - gasleft();
        emit log_named_uint(what, used);
        assertLt(used, bound, what);
    }

    function _invoices(uint256 n, uint256 each) internal returns (bytes32[] memory ids) {
        ids = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            ids[i] = _invoice(vm.toString(1000 + issued++), each);
        }
    }

    function test_GasPerOperation() public {
        bytes32[] memory one = _invoices(1, 1_000_000_00);
        vm.prank(novaClerk);
        _start();
        uint256 root = receivables.confirm(keccak256("c1"), acmeClerk, 1_000_000_00, OCT_25, false, one, keccak256("d"));
        _stop("confirm, 1 invoice (first certificate)", 700_000);

        vm.prank(acmeClerk);
        _start();
        receivables.split(root, 1_000_00);
        _stop("split", 200_000);

        vm.prank(acmeClerk);
        _start();
        uint256 pending = receivables.offer(root, 5_000_00, pixelClerk, uint64(block.timestamp + 1 days));
        _stop("offer", 250_000);

        vm.prank(pixelClerk);
        _start();
        receivables.acceptOffer(pending);
        _stop("acceptOffer", 80_000);

        uint256 back = _offer(acmeClerk, root, 5_000_00, pixelClerk);
        vm.prank(pixelClerk);
        _start();
        receivables.rejectOffer(back);
        _stop("rejectOffer (back into the source)", 80_000);

        vm.prank(acmeClerk);
        _start();
        receivables.requestFinancing(keccak256("f1"), root, 500_000_00);
        _stop("requestFinancing", 200_000);

        IFinancingQuotes.Quote memory terms;
        terms.financingId = keccak256("f1");
        terms.annualRateBp = 390;
        terms.feeCents = 1_500_00;
        terms.discountDay = _today();
        terms.maturityDay = OCT_25;
        terms.validUntil = uint64(block.timestamp + 1 days);
        terms.faceCents = 500_000_00;
        vm.prank(icbcClerk);
        _start();
        bytes32 quoteId = quotes.quote(terms, keccak256("n"));
        _stop("quote (FinancingQuotes)", 350_000);

        bytes32 h = quotes.quoteOf(quoteId).quoteHash;
        vm.prank(acmeClerk);
        _start();
        receivables.acceptQuote(quoteId, h);
        _stop("acceptQuote, 1 invoice", 300_000);

        vm.prank(icbcClerk);
        _start();
        receivables.recordPayment(keccak256("f1"), keccak256("p"), keccak256("crc"));
        _stop("recordPayment (new bank part)", 300_000);

        vm.warp(_at(OCT_25));
        vm.prank(novaClerk);
        _start();
        receivables.recordSettlement(keccak256("c1"), keccak256("paid"));
        _stop("recordSettlement, 4 parts", 300_000);
    }

    function test_GasOfAcceptingAQuoteWithTenInvoicesAndSettlingAHundredParts() public {
        bytes32[] memory ten = _invoices(10, 100_000_00);
        vm.prank(novaClerk);
        _start();
        uint256 root = receivables.confirm(keccak256("c2"), acmeClerk, 1_000_000_00, OCT_25, false, ten, keccak256("d"));
        _stop("confirm, 10 invoices", 1_200_000);

        _request(acmeClerk, keccak256("f2"), root, 1_000_000_00);
        bytes32 quoteId = _quote(icbcClerk, keccak256("f2"));
        bytes32 h = quotes.quoteOf(quoteId).quoteHash;
        vm.prank(acmeClerk);
        _start();
        receivables.acceptQuote(quoteId, h);
        _stop("acceptQuote, 10 invoices", 1_500_000);
        vm.prank(icbcClerk);
        _start();
        receivables.recordPayment(keccak256("f2"), keccak256("p"), keccak256("crc"));
        _stop("recordPayment (whole part to the bank)", 150_000);

        bytes32[] memory one = _invoices(1, 1_000_000_00);
        vm.prank(novaClerk);
        uint256 other =
            receivables.confirm(keccak256("c3"), acmeClerk, 1_000_000_00, OCT_25, false, one, keccak256("d"));
        vm.startPrank(acmeClerk);
        for (uint256 i; i < 99; ++i) {
            receivables.split(other, 1_000_00);
        }
        vm.stopPrank();
        vm.warp(_at(OCT_25));
        vm.prank(novaClerk);
        _start();
        receivables.recordSettlement(keccak256("c3"), keccak256("paid"));
        uint256 used = _stop("recordSettlement, 100 parts", 6_000_000);
        emit log_named_uint("  per part", used / 100);
    }
}
