// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";

import {IInvoiceFinancing} from "../src/IInvoiceFinancing.sol";
import {IInvoiceRegistry} from "../src/IInvoiceRegistry.sol";
import {InvoiceRegistry} from "../src/InvoiceRegistry.sol";
import {InvoiceRegistryHandler} from "./handlers/InvoiceRegistryHandler.sol";

/// @dev Whatever steps anyone tries in whatever order, the amounts and claims of an invoice stay consistent.
/// forge-config: default.invariant.depth = 64
contract InvoiceRegistryInvariantTest is Test {
    InvoiceRegistryHandler internal handler;
    InvoiceRegistry internal invoices;

    function setUp() public {
        handler = new InvoiceRegistryHandler();
        invoices = InvoiceRegistry(handler.invoiceRegistry());
        targetContract(address(handler));
    }

    /// No step succeeded that the transition table refuses.
    function invariant_OnlyStepsTheTableAllows() public view {
        assertEq(handler.ghostStepTheTableRefuses(), 0, "a step the table refuses succeeded");
    }

    /// An invoice is reimbursed at most once: never while reimbursed, and at most one reimbursement open.
    function invariant_ReimbursedAtMostOncePerInvoice() public view {
        assertEq(handler.ghostReimbursedTwice(), 0, "reimbursed twice");
        for (uint256 i; i < 4; ++i) {
            bytes32 id = handler.idAt(i);
            uint256 open = handler.ghostOpenReimbursements(id);
            assertLe(open, 1, "more than one open reimbursement");
            assertEq(invoices.invoiceOf(id).reimbursed, open == 1, "the reimbursed flag and the ghost disagree");
        }
    }

    /// Red-lettered stays within each line and the total; remaining is the total less everything red.
    function invariant_RedLetteredWithinLinesAndTotal() public view {
        for (uint256 i; i < 4; ++i) {
            bytes32 id = handler.idAt(i);
            IInvoiceRegistry.Invoice memory v = invoices.invoiceOf(id);
            if (v.status == IInvoiceRegistry.InvoiceStatus.None) continue;
            uint256[] memory lines = handler.linesOf(i);
            for (uint256 l; l < lines.length; ++l) {
                uint256 red = invoices.lineRedCentsOf(id, l);
                assertEq(red, handler.ghostLineRedCents(id, l), "line red differs from the red invoices");
                assertLe(red, lines[l], "line red-lettered beyond the line");
            }
            assertLe(handler.ghostRedCents(id), v.totalCents, "red-lettered beyond the total");
            assertEq(v.remainingCents, v.totalCents - handler.ghostRedCents(id), "remaining is not total less red");
        }
    }

    /// A pledged invoice is not reimbursed; a holder exactly while a mark is set.
    function invariant_PledgedIsNotReimbursedAndHoldersHoldMarks() public view {
        for (uint256 i; i < 4; ++i) {
            IInvoiceRegistry.Invoice memory v = invoices.invoiceOf(handler.idAt(i));
            if (v.financingId != bytes32(0)) assertFalse(v.reimbursed, "pledged and reimbursed");
            assertEq(
                v.holder != bytes32(0),
                v.reimbursed || v.bookedMark != 0,
                "holder without a mark or a mark without holder"
            );
        }
    }

    /// A pledge and the red-letter consented to stay within what remains of the invoice, and a pledged
    /// invoice is red-lettered only within its financing's consent.
    function invariant_PledgesStayWithinTheRemainderAndRedWithinConsent() public view {
        assertEq(handler.ghostRedBeyondConsent(), 0, "a pledged invoice red-lettered beyond the consent");
        for (uint256 i; i < 4; ++i) {
            bytes32 id = handler.idAt(i);
            IInvoiceFinancing.Pledge memory p = invoices.pledgeOf(id);
            assertLe(p.amountCents + p.redAllowanceCents, invoices.remainingOf(id), "pledged beyond the remainder");
            assertEq(p.amountCents, invoices.invoiceOf(id).pledgedCents, "two pledge views disagree");
        }
    }

    /// A fully red-lettered invoice never got a new pledge or reimbursement.
    function invariant_FullyRedLetteredTakesNoNewClaim() public view {
        assertEq(
            handler.ghostNewClaimOnFullyRedLettered(), 0, "new pledge or reimbursement on a fully red-lettered invoice"
        );
    }
}
