// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";

import {ILicenceRegistry} from "../src/ILicenceRegistry.sol";
import {IMemberRegistry} from "../src/IMemberRegistry.sol";
import {IWorkRegistry} from "../src/IWorkRegistry.sol";
import {CopyrightHandler} from "./handlers/CopyrightHandler.sol";

/// @dev Works and licences under random steps by random actors (see CopyrightHandler).
/// forge-config: default.invariant.depth = 96
contract CopyrightInvariantTest is Test {
    CopyrightHandler internal handler;
    IWorkRegistry internal works;
    ILicenceRegistry internal licences;
    IMemberRegistry internal members;

    function setUp() public {
        handler = new CopyrightHandler();
        works = IWorkRegistry(handler.worksAddress());
        licences = ILicenceRegistry(handler.licencesAddress());
        members = IMemberRegistry(handler.memberRegistryAddress());
        targetContract(address(handler));
    }

    /// The campaign reaches grants, revocations and valid answers (logged with -vv).
    function afterInvariant() public {
        uint256 validAnswers;
        for (uint256 i; i < handler.observationCount(); ++i) {
            if (handler.observation(i).valid) ++validAnswers;
        }
        emit log_named_uint("grants", handler.ghostGrants());
        emit log_named_uint("revocations", handler.ghostRevocations());
        emit log_named_uint("observations", handler.observationCount());
        emit log_named_uint("valid answers", validAnswers);
        uint256 registered;
        for (uint256 i; i < handler.contentCount(); ++i) {
            if (works.isRegistered(handler.contentAt(i))) ++registered;
        }
        emit log_named_uint("registered works", registered);
    }

    function _now() internal {
        vm.roll(handler.ghostBlock());
        vm.warp(handler.ghostTime());
    }

    /// Each content digest is registered at most once, and exactly the registered ones were.
    function invariant_EachContentRegisteredAtMostOnce() public view {
        for (uint256 i; i < handler.contentCount(); ++i) {
            bytes32 c = handler.contentAt(i);
            uint256 n = handler.ghostRegistrations(c);
            assertLe(n, 1, "a content digest registered twice");
            assertEq(n == 1, works.isRegistered(c), "registered without an event, or an event without the record");
        }
    }

    /// The holder of every registered work is an admitted member that holds RIGHTS_HOLDER.
    function invariant_TheHolderIsAlwaysAnExistingRightsHolder() public view {
        for (uint256 i; i < handler.contentCount(); ++i) {
            bytes32 c = handler.contentAt(i);
            if (!works.isRegistered(c)) continue;
            bytes32 holder = works.holderOf(c);
            assertTrue(members.memberStatus(holder) != IMemberRegistry.MemberStatus.None, "holder is no member");
            assertTrue(members.hasMemberRole(holder, keccak256("RIGHTS_HOLDER")), "holder without the role");
        }
    }

    /// A suspended media house registers, transfers, grants and revokes nothing.
    function invariant_ASuspendedMemberTakesNoStep() public view {
        assertEq(handler.ghostSuspendedSuccesses(), 0, "a suspended member took a step");
    }

    /// A revoked licence never answers valid for a time at or after its effective time, in answers for its
    /// revocation block and later.
    function invariant_ARevokedLicenceNeverAnswersAfterItsEffectiveTime() public {
        _now();
        for (uint256 i; i < handler.licenceCount(); ++i) {
            ILicenceRegistry.Licence memory l = licences.licenceOf(handler.licenceAtIndex(i));
            if (l.revokedBlock == 0) continue;
            uint64[3] memory times = [
                l.effectiveAt,
                l.effectiveAt + 1 days,
                l.validUntil == type(uint64).max ? l.effectiveAt + 365 days : l.validUntil - 1
            ];
            for (uint256 t; t < 3; ++t) {
                if (times[t] < l.effectiveAt) continue;
                for (
                    uint256 asOf = l.revokedBlock;
                    asOf <= block.number;
                    asOf += 1 + (block.number - l.revokedBlock) / 3
                ) {
                    (bool valid, bytes32 id) = licences.licenceAt(
                        l.licensee, l.work, l.uses, l.territory, times[t], asOf
                    );
                    assertFalse(valid && id == l.licenceId, "a revoked licence answered after its effective time");
                }
            }
        }
    }

    /// Answers for a block never change: every recorded observation is answered the same again.
    function invariant_HistoryAnswersNeverChange() public {
        _now();
        for (uint256 i; i < handler.observationCount(); ++i) {
            CopyrightHandler.Observation memory o = handler.observation(i);
            (bool valid, bytes32 id) = licences.licenceAt(o.licensee, o.work, o.use, o.territory, o.time, o.asOfBlock);
            assertEq(valid, o.valid, "the answer for a past block changed");
            assertEq(id, o.licenceId, "another licence answers for a past block");
        }
    }

    /// The hash chain's event count as of the current block equals the key's licences and revocations.
    function invariant_TheHashChainCountsEveryEvent() public {
        _now();
        bytes32[2] memory licensees = [keccak256("acme-trading"), keccak256("nova-manufacturing")];
        uint256 total;
        for (uint256 i; i < handler.contentCount(); ++i) {
            for (uint256 j; j < 2; ++j) {
                bytes32[] memory ids = licences.licencesOf(handler.contentAt(i), licensees[j]);
                uint256 expected = ids.length;
                for (uint256 k; k < ids.length; ++k) {
                    if (licences.licenceOf(ids[k]).revokedBlock != 0) ++expected;
                }
                (, uint256 events) = licences.headOf(handler.contentAt(i), licensees[j]);
                assertEq(events, expected);
                (, uint256 eventsNow) = licences.headAt(handler.contentAt(i), licensees[j], block.number);
                assertEq(eventsNow, expected);
                total += expected;
            }
        }
        assertEq(total, handler.ghostGrants() + handler.ghostRevocations());
    }
}
