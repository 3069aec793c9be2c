// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ICaseRegistry} from "../../src/ICaseRegistry.sol";
import {IMemberRegistry} from "../../src/IMemberRegistry.sol";
import {CaseFixture} from "../utils/CaseFixture.sol";

/// @dev Random steps on a few cases by random actors (commissions, parties, an outsider), with the
/// Hangzhou commission now and then suspended and reinstated. Every step that succeeds is checked
/// against the documented transition table and the actor rules; failures are expected and ignored.
contract CaseRegistryHandler is CaseFixture {
    bytes32[4] internal caseIds = [keccak256("c1"), keccak256("c2"), keccak256("c3"), keccak256("c4")];
    address[6] internal actors;
    bool internal hzSuspended;

    uint256 public ghostIllegalTransitions;
    uint256 public ghostFinalStatusChanged;
    uint256 public ghostWrongActor;
    uint256 public ghostSteps;
    /// How often each status was reached by a step (coverage of the campaign, reported by the test).
    mapping(uint8 => uint256) public ghostReached;

    constructor() {
        _deployCases();
        actors = [hzClerk, szClerk, acmeLawyer, novaLawyer, pixelLawyer, outsider];
    }

    function caseRegistry() external view returns (address) {
        return address(cases);
    }

    function caseIdAt(uint256 i) external view returns (bytes32) {
        return caseIds[i];
    }

    function file(uint256 caseSeed, uint256 actorSeed, uint256 commissionSeed, uint256 respondentSeed) external {
        bytes32[3] memory commissions = [HZ, SZ, PIXEL];
        bytes32[3] memory respondents = [NOVA, ACME, PIXEL];
        _step(caseSeed, actorSeed, abi.encodeCall(
            ICaseRegistry.fileCase,
            (caseIds[caseSeed % 4], commissions[commissionSeed % 3], respondents[respondentSeed % 3], keccak256("filing"))
        ));
    }

    function accept(uint256 caseSeed, uint256 actorSeed) external {
        _step(caseSeed, actorSeed, abi.encodeCall(ICaseRegistry.accept, (caseIds[caseSeed % 4])));
    }

    function reject(uint256 caseSeed, uint256 actorSeed) external {
        _step(caseSeed, actorSeed, abi.encodeCall(ICaseRegistry.reject, (caseIds[caseSeed % 4], keccak256("reason"))));
    }

    function openEvidence(uint256 caseSeed, uint256 actorSeed) external {
        _step(caseSeed, actorSeed, abi.encodeCall(ICaseRegistry.openEvidence, (caseIds[caseSeed % 4])));
    }

    function openHearing(uint256 caseSeed, uint256 actorSeed) external {
        _step(caseSeed, actorSeed, abi.encodeCall(ICaseRegistry.openHearing, (caseIds[caseSeed % 4])));
    }

    function issueAward(uint256 caseSeed, uint256 actorSeed) external {
        _step(caseSeed, actorSeed, abi.encodeCall(ICaseRegistry.issueAward, (caseIds[caseSeed % 4], keccak256("award"))));
    }

    function recordService(uint256 caseSeed, uint256 actorSeed, uint256 partySeed, bool opened) external {
        bytes32[3] memory parties = [ACME, NOVA, PIXEL];
        ICaseRegistry.ServiceKind kind = opened ? ICaseRegistry.ServiceKind.Opened : ICaseRegistry.ServiceKind.MadeAvailable;
        _step(caseSeed, actorSeed, abi.encodeCall(ICaseRegistry.recordService, (caseIds[caseSeed % 4], parties[partySeed % 3], kind)));
    }

    function close(uint256 caseSeed, uint256 actorSeed) external {
        _step(caseSeed, actorSeed, abi.encodeCall(ICaseRegistry.close, (caseIds[caseSeed % 4])));
    }

    function withdraw(uint256 caseSeed, uint256 actorSeed) external {
        _step(caseSeed, actorSeed, abi.encodeCall(ICaseRegistry.withdraw, (caseIds[caseSeed % 4], keccak256("why"))));
    }

    /// The next regular step of a case by the right member (so that campaigns reach awards, service
    /// and closing); the other handler functions try anything, by anyone.
    function advance(uint256 caseSeed) external {
        bytes32 id = caseIds[caseSeed % 4];
        ICaseRegistry.Case memory c = cases.caseOf(id);
        address clerk = c.commission == SZ ? szClerk : hzClerk;
        bytes memory call;
        address actor = clerk;
        if (c.status == ICaseRegistry.CaseStatus.None) {
            actor = acmeLawyer;
            call = abi.encodeCall(ICaseRegistry.fileCase, (id, caseSeed % 3 == 0 ? SZ : HZ, NOVA, keccak256("filing")));
        } else if (c.status == ICaseRegistry.CaseStatus.Filed) {
            call = abi.encodeCall(ICaseRegistry.accept, (id));
        } else if (c.status == ICaseRegistry.CaseStatus.Accepted) {
            call = abi.encodeCall(ICaseRegistry.openEvidence, (id));
        } else if (c.status == ICaseRegistry.CaseStatus.Evidence) {
            call = abi.encodeCall(ICaseRegistry.openHearing, (id));
        } else if (c.status == ICaseRegistry.CaseStatus.Hearing) {
            call = abi.encodeCall(ICaseRegistry.issueAward, (id, keccak256("award")));
        } else if (c.status == ICaseRegistry.CaseStatus.Awarded) {
            (bool claimantServed,) = cases.serviceOf(id, c.claimant);
            (bool respondentServed,) = cases.serviceOf(id, c.respondent);
            call = !claimantServed
                ? abi.encodeCall(ICaseRegistry.recordService, (id, c.claimant, ICaseRegistry.ServiceKind.MadeAvailable))
                : !respondentServed
                    ? abi.encodeCall(ICaseRegistry.recordService, (id, c.respondent, ICaseRegistry.ServiceKind.MadeAvailable))
                    : abi.encodeCall(ICaseRegistry.close, (id));
        } else {
            return;
        }
        _stepAs(id, actor, call);
    }

    function toggleCommissionSuspension() external {
        IMemberRegistry.Action action =
            hzSuspended ? IMemberRegistry.Action.ReinstateMember : IMemberRegistry.Action.SuspendMember;
        _pass(action, HZ, address(0), bytes32(0));
        hzSuspended = !hzSuspended;
    }

    function _step(uint256 caseSeed, uint256 actorSeed, bytes memory call) internal {
        _stepAs(caseIds[caseSeed % 4], actors[actorSeed % actors.length], call);
    }

    function _stepAs(bytes32 caseId, address actor, bytes memory call) internal {
        ICaseRegistry.CaseStatus before = cases.caseOf(caseId).status;
        vm.prank(actor);
        (bool ok,) = address(cases).call(call);
        if (!ok) return;
        ghostSteps++;
        ICaseRegistry.Case memory c = cases.caseOf(caseId);
        ghostReached[uint8(c.status)]++;
        if (c.status != before) {
            bool filing = before == ICaseRegistry.CaseStatus.None && c.status == ICaseRegistry.CaseStatus.Filed;
            if (!filing && !_documented(before, c.status)) ghostIllegalTransitions++;
            if (
                before == ICaseRegistry.CaseStatus.Rejected || before == ICaseRegistry.CaseStatus.Closed
                    || before == ICaseRegistry.CaseStatus.Withdrawn
            ) ghostFinalStatusChanged++;
        }
        bytes32 member = _memberOfActor(actor);
        bool byClaimant = c.status == ICaseRegistry.CaseStatus.Withdrawn || before == ICaseRegistry.CaseStatus.None;
        if (byClaimant ? member != c.claimant : (member != c.commission || (hzSuspended && c.commission == HZ))) {
            ghostWrongActor++;
        }
    }

    function _memberOfActor(address actor) internal view returns (bytes32) {
        if (actor == hzClerk) return HZ;
        if (actor == szClerk) return SZ;
        if (actor == acmeLawyer) return ACME;
        if (actor == novaLawyer) return NOVA;
        if (actor == pixelLawyer) return PIXEL;
        return bytes32(0);
    }
}
