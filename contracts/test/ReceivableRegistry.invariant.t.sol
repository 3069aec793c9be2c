// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";

import {IInvoiceFinancing} from "../src/IInvoiceFinancing.sol";
import {IReceivableRegistry} from "../src/IReceivableRegistry.sol";
import {InvoiceRegistry} from "../src/InvoiceRegistry.sol";
import {ReceivableRegistry} from "../src/ReceivableRegistry.sol";
import {ReceivableRegistryHandler} from "./handlers/ReceivableRegistryHandler.sol";

/// @dev Whatever holders, banks and the core enterprise do in whatever order, value is conserved per
/// certificate, sits in one part only, financed value is pledged, and closed certificates hold nothing.
/// forge-config: default.invariant.depth = 128
contract ReceivableRegistryInvariantTest is Test {
    ReceivableRegistryHandler internal handler;
    ReceivableRegistry internal receivables;
    InvoiceRegistry internal invoices;

    function setUp() public {
        handler = new ReceivableRegistryHandler();
        (address r, address i) = handler.registries();
        receivables = ReceivableRegistry(r);
        invoices = InvoiceRegistry(i);
        targetContract(address(handler));
    }

    /// Per certificate: the parts' values (escrow parts included) add up to face - settled - reduced by
    /// red-letters, as the registry records them and as the handler saw them happen.
    function invariant_ValuePerSlotIsFaceLessSettledLessRed() public view {
        bytes32[2] memory ids = [handler.C0(), handler.C1()];
        for (uint256 k; k < 2; ++k) {
            IReceivableRegistry.Certificate memory c = receivables.certificateOf(ids[k]);
            uint256 total = _slotValue(c.slot);
            assertEq(total, c.faceCents - c.settledCents - c.reducedByRedCents, "slot value vs the record");
            assertEq(c.settledCents, handler.ghostSettled(ids[k]), "settled differs from what left the slot");
            assertEq(c.reducedByRedCents, handler.ghostReduced(ids[k]), "reduced differs from the consents");
        }
    }

    /// Every existing part is enumerated in its slot exactly once, and nowhere else.
    function invariant_NoPartCountedTwice() public view {
        uint256 live;
        for (uint256 i; i < handler.partCount(); ++i) {
            uint256 part = handler.partAt(i);
            IReceivableRegistry.PartState s = receivables.partOf(part).state;
            bool burned = s == IReceivableRegistry.PartState.Settled || s == IReceivableRegistry.PartState.Merged;
            if (burned) continue;
            live++;
            uint256 slot = receivables.slotOf(part);
            uint256 seen;
            for (uint256 j; j < receivables.tokenSupplyInSlot(slot); ++j) {
                if (receivables.tokenInSlotByIndex(slot, j) == part) seen++;
            }
            assertEq(seen, 1, "a part listed other than once in its slot");
        }
        assertEq(receivables.totalSupply(), live, "supply differs from the live parts");
    }

    /// Financed (quote accepted, or paid) => the financing's value is pledged across the certificate's
    /// invoices, and each invoice's pledge in the InvoiceRegistry is what the live financings hold on it.
    function invariant_FinancedMeansPledged() public view {
        uint256[3] memory held;
        for (uint256 i; i < handler.financingCount(); ++i) {
            bytes32 id = handler.financingAt(i);
            IReceivableRegistry.Financing memory f = receivables.financingOf(id);
            bool accepted = f.status == IReceivableRegistry.FinancingStatus.Accepted;
            bool paid = f.status == IReceivableRegistry.FinancingStatus.Paid;
            if (!accepted && !paid) continue;
            uint256 allocated;
            for (uint256 k; k < 3; ++k) {
                uint256 a = receivables.allocationOf(id, handler.invoiceAt(k));
                allocated += a;
                held[k] += a;
                if (a > 0) {
                    assertEq(
                        invoices.pledgeOf(handler.invoiceAt(k)).financingId, f.confirmationId, "allocated, not pledged"
                    );
                }
            }
            uint256 financed = paid ? receivables.balanceOf(f.bankPartId) : f.valueCents;
            assertEq(allocated, financed, "financed value not fully pledged");
        }
        for (uint256 k; k < 3; ++k) {
            bytes32 inv = handler.invoiceAt(k);
            IInvoiceFinancing.Pledge memory p = invoices.pledgeOf(inv);
            (, uint256 backing) = receivables.backingOf(inv);
            assertEq(p.amountCents, held[k], "the invoice's pledge is not what the financings hold");
            assertEq(backing, held[k], "the registry's book is not what the financings hold");
        }
    }

    /// A settled certificate holds no value and no part.
    function invariant_ASettledCertificateHoldsNothing() public view {
        bytes32[2] memory ids = [handler.C0(), handler.C1()];
        for (uint256 k; k < 2; ++k) {
            IReceivableRegistry.Certificate memory c = receivables.certificateOf(ids[k]);
            if (c.status != IReceivableRegistry.CertificateStatus.Settled) continue;
            assertEq(receivables.tokenSupplyInSlot(c.slot), 0, "a part left in a settled certificate");
            assertEq(c.settledCents + c.reducedByRedCents, c.faceCents, "settled certificate not paid in full");
        }
    }

    /// The core enterprise's overdue events only grow, one per overdue mark.
    function invariant_OverdueEventsOnlyGrow() public view {
        assertEq(handler.ghostOverdueCountDecreased(), 0, "overdue events went down");
        assertEq(
            receivables.overdueRecordOf(keccak256("member:nova")).events,
            handler.ghostOverdueMarks(),
            "overdue events differ from the marks"
        );
    }

    function _slotValue(uint256 slot) internal view returns (uint256 total) {
        for (uint256 i; i < receivables.tokenSupplyInSlot(slot); ++i) {
            total += receivables.balanceOf(receivables.tokenInSlotByIndex(slot, i));
        }
    }
}
