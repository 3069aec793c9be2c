// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "../../src/ConsortiumRoles.sol";
import {IInvoiceRegistry} from "../../src/IInvoiceRegistry.sol";
import {IMemberRegistry} from "../../src/IMemberRegistry.sol";
import {InvoiceRegistry} from "../../src/InvoiceRegistry.sol";
import {RegistryFixture} from "./RegistryFixture.sol";

/// @dev A consortium with two tax bureaus, two companies authorised to issue (Acme by Hangzhou, Nova
/// by Guangzhou), a member that only reimburses (Pixel), and a bank whose financing registry account
/// may pledge; and an InvoiceRegistry over it.
abstract contract InvoiceFixture is RegistryFixture {
    bytes32 internal constant TAX_HZ = keccak256("member:tax-bureau");
    bytes32 internal constant TAX_GZ = keccak256("member:tax-bureau-gz");
    bytes32 internal constant ACME = keccak256("member:acme");
    bytes32 internal constant NOVA = keccak256("member:nova");
    bytes32 internal constant PIXEL = keccak256("member:pixel");

    uint8 internal constant SPECIAL = 1;
    uint8 internal constant ORDINARY = 2;
    uint8 internal constant BOTH_KINDS = (1 << 1) | (1 << 2);
    uint8 internal constant ONLY_ORDINARY = 1 << 2;
    uint256 internal constant QUOTA = 1_000_000_00; // one million yuan
    bytes3 internal constant CNY = "CNY";
    uint32 internal constant DATE = 20260315;

    address internal taxClerk = makeAddr("taxClerk");
    address internal taxGzClerk = makeAddr("taxGzClerk");
    address internal acmeClerk = makeAddr("acmeClerk");
    address internal novaClerk = makeAddr("novaClerk");
    address internal pixelClerk = makeAddr("pixelClerk");
    address internal financingRegistry = makeAddr("financingRegistry");

    InvoiceRegistry internal invoices;

    function _deployInvoices() internal {
        _deployRegistry();
        _member(TAX_HZ, taxClerk, ConsortiumRoles.TAX_BUREAU);
        _member(TAX_GZ, taxGzClerk, ConsortiumRoles.TAX_BUREAU);
        _admit(ACME, acmeClerk);
        _admit(NOVA, novaClerk);
        _admit(PIXEL, pixelClerk);
        _member(BANK, financingRegistry, ConsortiumRoles.FINANCING_REGISTRY);
        invoices = new InvoiceRegistry(registry);
        vm.prank(taxClerk);
        invoices.authoriseIssuer(ACME, keccak256("91330100MA0000001X"), BOTH_KINDS, QUOTA);
        vm.prank(taxGzClerk);
        invoices.authoriseIssuer(NOVA, keccak256("91440100MA0000002Y"), BOTH_KINDS, QUOTA);
    }

    function _member(bytes32 memberId, address account, bytes32 role) internal {
        _admit(memberId, account);
        _grant(memberId, role);
    }

    function _suspendMember(bytes32 memberId) internal {
        _pass(IMemberRegistry.Action.SuspendMember, memberId, address(0), bytes32(0));
    }

    function _id(string memory number) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(SPECIAL, number));
    }

    function _lines(uint256 a, uint256 b, uint256 c) internal pure returns (uint256[] memory lines) {
        lines = new uint256[](3);
        lines[0] = a;
        lines[1] = b;
        lines[2] = c;
    }

    function _digest(uint256[] memory lines) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(lines));
    }

    function _sum(uint256[] memory lines) internal pure returns (uint256 total) {
        for (uint256 i; i < lines.length; ++i) {
            total += lines[i];
        }
    }

    /// @dev Acme issues a special invoice to Nova over these lines.
    function _issue(bytes32 invoiceId, uint256[] memory lines) internal {
        vm.prank(acmeClerk);
        invoices.issue(
            invoiceId, SPECIAL, keccak256(abi.encode("record", invoiceId)), NOVA, _sum(lines), CNY, DATE, _digest(lines)
        );
    }

    function _status(bytes32 invoiceId) internal view returns (IInvoiceRegistry.InvoiceStatus) {
        return invoices.invoiceOf(invoiceId).status;
    }

    /// @dev The transition table as IInvoiceRegistry documents it, written out case by case.
    function _documentedRefusal(
        IInvoiceRegistry.InvoiceStep step,
        IInvoiceRegistry.InvoiceStatus status,
        bool booked,
        bool reimbursed,
        bool pledged
    ) internal pure returns (IInvoiceRegistry.Refusal) {
        // Issue RedLetter Book Unbook Reimburse ReverseReimbursement Pledge Release
        // TopUpPledge ReducePledge ConsentToRed ConsentedRedLetter
        uint8 s = uint8(step);
        uint8 st = uint8(status); // None Issued Partly Fully Red
        if (s == 0) return st == 0 ? IInvoiceRegistry.Refusal.NONE : IInvoiceRegistry.Refusal.DUPLICATE;
        if (st == 0) return IInvoiceRegistry.Refusal.UNKNOWN_INVOICE;
        if (st == 4) return IInvoiceRegistry.Refusal.RED_INVOICE;
        if (s >= 8) {
            // the pledging financing's steps need its pledge
            if (!pledged) return IInvoiceRegistry.Refusal.INVALID;
            if (s == 8 && reimbursed) return IInvoiceRegistry.Refusal.ALREADY_REIMBURSED;
            if (st == 3 && s != 9) return IInvoiceRegistry.Refusal.FULLY_RED_LETTERED; // reducing needs nothing left
            return IInvoiceRegistry.Refusal.NONE;
        }
        if (s == 3 && !booked) return IInvoiceRegistry.Refusal.INVALID;
        if (s == 5 && !reimbursed) return IInvoiceRegistry.Refusal.INVALID;
        if (s == 7 && !pledged) return IInvoiceRegistry.Refusal.INVALID;
        if (s == 3 || s == 5 || s == 7) return IInvoiceRegistry.Refusal.NONE; // reversing a mark: any status
        if (s == 2 && booked) return IInvoiceRegistry.Refusal.ALREADY_BOOKED_ELSEWHERE;
        if ((s == 4 || s == 6) && reimbursed) return IInvoiceRegistry.Refusal.ALREADY_REIMBURSED;
        if (s != 2 && pledged) return IInvoiceRegistry.Refusal.PLEDGED; // red-letter, reimburse, pledge
        if (st == 3) return IInvoiceRegistry.Refusal.FULLY_RED_LETTERED;
        return IInvoiceRegistry.Refusal.NONE;
    }
}
