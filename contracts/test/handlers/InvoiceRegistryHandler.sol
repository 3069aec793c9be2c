// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {IInvoiceFinancing} from "../../src/IInvoiceFinancing.sol";
import {IInvoiceRegistry} from "../../src/IInvoiceRegistry.sol";
import {IMemberRegistry} from "../../src/IMemberRegistry.sol";
import {InvoiceFixture} from "../utils/InvoiceFixture.sol";

/// @dev Random steps on four blue invoices of Acme to Nova (issued, red-lettered per line, booked,
/// reimbursed one by one or in batches, pledged, topped up, reduced, consented to red, released,
/// marks reversed) by random actors, with
/// Acme's issuing suspended now and then. Every step that succeeds is checked against the transition
/// table and recorded in ghost counters; refusals are expected and ignored.
contract InvoiceRegistryHandler is InvoiceFixture {
    uint256 internal constant INVOICES = 4;
    bytes32[INVOICES] internal ids = [keccak256("i0"), keccak256("i1"), keccak256("i2"), keccak256("i3")];
    address[5] internal actors;
    bool internal acmeSuspended;
    uint256 internal redCount;

    /// Red-lettered per invoice and per line, as the handler saw the red invoices succeed.
    mapping(bytes32 => uint256) public ghostRedCents;
    mapping(bytes32 => mapping(uint256 => uint256)) public ghostLineRedCents;
    /// Reimbursements less reversals per invoice.
    mapping(bytes32 => uint256) public ghostOpenReimbursements;
    uint256 public ghostReimbursedTwice;
    uint256 public ghostNewClaimOnFullyRedLettered;
    uint256 public ghostStepTheTableRefuses;
    /// Red-letters of a pledged invoice beyond what its financing had consented to.
    uint256 public ghostRedBeyondConsent;
    uint256 public ghostSteps;

    constructor() {
        _deployInvoices();
        vm.prank(taxClerk);
        invoices.setIssuerLimits(ACME, BOTH_KINDS, type(uint256).max);
        actors = [acmeClerk, novaClerk, pixelClerk, financingRegistry, outsider];
        _issue(ids[0], linesOf(0));
        _issue(ids[1], linesOf(1));
    }

    function invoiceRegistry() external view returns (address) {
        return address(invoices);
    }

    function idAt(uint256 i) external view returns (bytes32) {
        return ids[i];
    }

    /// The blue lines of invoice i (fixed, so a red-letter can always name them).
    function linesOf(uint256 i) public pure returns (uint256[] memory) {
        return _lines(100_00 + i, 3_00 * i, 7);
    }

    function issue(uint256 seed) external {
        uint256 i = seed % INVOICES;
        uint256[] memory lines = linesOf(i);
        _step(
            ids[i],
            IInvoiceRegistry.InvoiceStep.Issue,
            acmeClerk,
            abi.encodeCall(
                IInvoiceRegistry.issue, (ids[i], SPECIAL, keccak256("r"), NOVA, _sum(lines), CNY, DATE, _digest(lines))
            )
        );
    }

    function redLetter(uint256 seed, uint256 a, uint256 b, uint256 c, bool bySeller) external {
        uint256 i = seed % INVOICES;
        uint256[] memory lines = linesOf(i);
        uint256[] memory red = _lines(bound(a, 0, lines[0]), bound(b, 0, lines[1] + 1), bound(c, 0, 8));
        bytes32 redId = keccak256(abi.encode("red", ++redCount));
        IInvoiceFinancing.Pledge memory consent = invoices.pledgeOf(ids[i]);
        bool pledged = consent.financingId != bytes32(0);
        bool ok = _step(
            ids[i],
            pledged ? IInvoiceRegistry.InvoiceStep.ConsentedRedLetter : IInvoiceRegistry.InvoiceStep.RedLetter,
            bySeller ? acmeClerk : novaClerk,
            abi.encodeCall(IInvoiceRegistry.redLetter, (ids[i], redId, keccak256("rr"), DATE, lines, red))
        );
        if (!ok) return;
        if (pledged && red[0] + red[1] + red[2] > consent.redAllowanceCents) ghostRedBeyondConsent++;
        for (uint256 l; l < 3; ++l) {
            ghostLineRedCents[ids[i]][l] += red[l];
            ghostRedCents[ids[i]] += red[l];
        }
    }

    function book(uint256 seed, uint256 actorSeed, uint8 mark) external {
        bytes32 id = ids[seed % INVOICES];
        _step(
            id,
            IInvoiceRegistry.InvoiceStep.Book,
            _actor(actorSeed),
            abi.encodeCall(IInvoiceRegistry.book, (id, 1 + mark % 2))
        );
    }

    function unbook(uint256 seed, uint256 actorSeed) external {
        bytes32 id = ids[seed % INVOICES];
        _step(
            id,
            IInvoiceRegistry.InvoiceStep.Unbook,
            _actor(actorSeed),
            abi.encodeCall(IInvoiceRegistry.unbook, (id, keccak256("w")))
        );
    }

    function reimburse(uint256 seed, uint256 actorSeed) external {
        bytes32 id = ids[seed % INVOICES];
        _step(
            id,
            IInvoiceRegistry.InvoiceStep.Reimburse,
            _actor(actorSeed),
            abi.encodeCall(IInvoiceRegistry.reimburse, (id))
        );
    }

    function reimburseBatch(uint256 seed, uint256 actorSeed) external {
        bytes32[] memory batch = new bytes32[](3);
        IInvoiceRegistry.Invoice[3] memory before;
        uint256 stride = seed % 3 + 1;
        seed %= INVOICES;
        for (uint256 k; k < 3; ++k) {
            batch[k] = ids[(seed + k * stride) % INVOICES]; // duplicates within a batch too
        }
        for (uint256 k; k < 3; ++k) {
            before[k] = invoices.invoiceOf(batch[k]);
        }
        vm.prank(_actor(actorSeed));
        (bool ok,) = address(invoices).call(abi.encodeCall(IInvoiceRegistry.reimburseBatch, (batch)));
        if (!ok) return;
        // Which items succeeded: those reimbursed now that were not before (first occurrence only).
        for (uint256 k; k < 3; ++k) {
            bool repeated = k > 0 && batch[k] == batch[0] || k > 1 && batch[k] == batch[1];
            if (repeated) continue;
            if (!before[k].reimbursed && invoices.invoiceOf(batch[k]).reimbursed) {
                _afterSuccess(batch[k], IInvoiceRegistry.InvoiceStep.Reimburse, before[k]);
            }
        }
    }

    function reverseReimbursement(uint256 seed, uint256 actorSeed) external {
        bytes32 id = ids[seed % INVOICES];
        _step(
            id,
            IInvoiceRegistry.InvoiceStep.ReverseReimbursement,
            _actor(actorSeed),
            abi.encodeCall(IInvoiceRegistry.reverseReimbursement, (id, keccak256("w")))
        );
    }

    function pledge(uint256 seed, uint256 amount, bool byRegistry) external {
        bytes32 id = ids[seed % INVOICES];
        amount = bound(amount, 0, 200_00);
        bool topUp = byRegistry && invoices.pledgeOf(id).financingId != bytes32(0);
        _step(
            id,
            topUp ? IInvoiceRegistry.InvoiceStep.TopUpPledge : IInvoiceRegistry.InvoiceStep.Pledge,
            byRegistry ? financingRegistry : pixelClerk,
            abi.encodeCall(IInvoiceFinancing.pledge, (id, keccak256(abi.encode("fin", id)), amount))
        );
    }

    function reducePledge(uint256 seed, uint256 amount, bool right) external {
        bytes32 id = ids[seed % INVOICES];
        bytes32 fin = right ? keccak256(abi.encode("fin", id)) : keccak256("other");
        _step(
            id,
            IInvoiceRegistry.InvoiceStep.ReducePledge,
            financingRegistry,
            abi.encodeCall(IInvoiceFinancing.reducePledge, (id, fin, bound(amount, 0, 200_00)))
        );
    }

    function consentToRed(uint256 seed, uint256 amount, bool byRegistry) external {
        bytes32 id = ids[seed % INVOICES];
        _step(
            id,
            IInvoiceRegistry.InvoiceStep.ConsentToRed,
            byRegistry ? financingRegistry : acmeClerk,
            abi.encodeCall(
                IInvoiceFinancing.consentToRed, (id, keccak256(abi.encode("fin", id)), bound(amount, 0, 200_00))
            )
        );
    }

    function release(uint256 seed, bool right) external {
        bytes32 id = ids[seed % INVOICES];
        bytes32 fin = right ? keccak256(abi.encode("fin", id)) : keccak256("other");
        _step(
            id,
            IInvoiceRegistry.InvoiceStep.Release,
            financingRegistry,
            abi.encodeCall(IInvoiceFinancing.release, (id, fin))
        );
    }

    function toggleIssuerSuspension() external {
        vm.prank(taxClerk);
        if (acmeSuspended) invoices.reinstateIssuer(ACME);
        else invoices.suspendIssuer(ACME, keccak256("why"));
        acmeSuspended = !acmeSuspended;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _step(bytes32 id, IInvoiceRegistry.InvoiceStep step, address actor, bytes memory call)
        internal
        returns (bool ok)
    {
        IInvoiceRegistry.Invoice memory before = invoices.invoiceOf(id);
        vm.prank(actor);
        (ok,) = address(invoices).call(call);
        if (ok) _afterSuccess(id, step, before);
    }

    function _afterSuccess(bytes32 id, IInvoiceRegistry.InvoiceStep step, IInvoiceRegistry.Invoice memory before)
        internal
    {
        ghostSteps++;
        bool pledged = before.financingId != bytes32(0);
        if (
            invoices.refusalOf(step, before.status, before.bookedMark != 0, before.reimbursed, pledged)
                != IInvoiceRegistry.Refusal.NONE
        ) {
            ghostStepTheTableRefuses++;
        }
        bool claim = step == IInvoiceRegistry.InvoiceStep.Reimburse || step == IInvoiceRegistry.InvoiceStep.Pledge
            || step == IInvoiceRegistry.InvoiceStep.TopUpPledge;
        if (claim && before.status == IInvoiceRegistry.InvoiceStatus.FullyRedLettered) {
            ghostNewClaimOnFullyRedLettered++;
        }
        if (step == IInvoiceRegistry.InvoiceStep.Reimburse) {
            if (before.reimbursed) ghostReimbursedTwice++;
            ghostOpenReimbursements[id]++;
        }
        if (step == IInvoiceRegistry.InvoiceStep.ReverseReimbursement) ghostOpenReimbursements[id]--;
    }
}
