// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";

import {CaseRegistry} from "../src/CaseRegistry.sol";
import {ICaseRegistry} from "../src/ICaseRegistry.sol";
import {CaseRegistryHandler} from "./handlers/CaseRegistryHandler.sol";

/// @dev No illegal transition is ever reachable, whatever steps anyone tries in whatever order.
/// forge-config: default.invariant.depth = 64
contract CaseRegistryInvariantTest is Test {
    CaseRegistryHandler internal handler;
    CaseRegistry internal cases;

    function setUp() public {
        handler = new CaseRegistryHandler();
        cases = CaseRegistry(handler.caseRegistry());
        targetContract(address(handler));
    }

    /// Every status change that ever happened is an edge of the documented table.
    function invariant_OnlyDocumentedTransitions() public view {
        assertEq(handler.ghostIllegalTransitions(), 0, "an undocumented transition happened");
    }

    /// Rejected, Closed and Withdrawn are final.
    function invariant_FinalStatusesNeverChange() public view {
        assertEq(handler.ghostFinalStatusChanged(), 0, "a final status changed");
    }

    /// Filing and withdrawal only by the claimant; every other step only by the case's own, active commission.
    function invariant_OnlyTheRightMemberTakesAStep() public view {
        assertEq(handler.ghostWrongActor(), 0, "a step by the wrong member");
    }

    /// A closed case had its award made available to both parties; an award exists exactly after one was issued.
    function invariant_AwardsAndServiceAreConsistent() public view {
        for (uint256 i = 0; i < 4; ++i) {
            bytes32 id = handler.caseIdAt(i);
            ICaseRegistry.Case memory c = cases.caseOf(id);
            bool awarded = c.status == ICaseRegistry.CaseStatus.Awarded || c.status == ICaseRegistry.CaseStatus.Closed;
            assertEq(c.awardHash != bytes32(0), awarded, "award hash without an award, or an award without its hash");
            if (c.status == ICaseRegistry.CaseStatus.Closed) {
                (bool claimantServed,) = cases.serviceOf(id, c.claimant);
                (bool respondentServed,) = cases.serviceOf(id, c.respondent);
                assertTrue(claimantServed && respondentServed, "closed before the award was served");
            }
        }
    }
}
