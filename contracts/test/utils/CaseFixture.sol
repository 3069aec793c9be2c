// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {CaseRegistry} from "../../src/CaseRegistry.sol";
import {ConsortiumRoles} from "../../src/ConsortiumRoles.sol";
import {ICaseRegistry} from "../../src/ICaseRegistry.sol";
import {IMemberRegistry} from "../../src/IMemberRegistry.sol";
import {RegistryFixture} from "./RegistryFixture.sol";

/// @dev A consortium with two commissions and three companies, and a CaseRegistry over it.
abstract contract CaseFixture is RegistryFixture {
    bytes32 internal constant HZ = keccak256("member:hz-arbitration");
    bytes32 internal constant SZ = keccak256("member:sz-arbitration");
    bytes32 internal constant ACME = keccak256("member:acme");
    bytes32 internal constant NOVA = keccak256("member:nova");
    bytes32 internal constant PIXEL = keccak256("member:pixel");

    address internal hzClerk = makeAddr("hzClerk");
    address internal szClerk = makeAddr("szClerk");
    address internal acmeLawyer = makeAddr("acmeLawyer");
    address internal novaLawyer = makeAddr("novaLawyer");
    address internal pixelLawyer = makeAddr("pixelLawyer");

    CaseRegistry internal cases;

    function _deployCases() internal {
        _deployRegistry();
        _member(HZ, hzClerk, ConsortiumRoles.ODR_COMMISSION);
        _member(SZ, szClerk, ConsortiumRoles.ODR_COMMISSION);
        _member(ACME, acmeLawyer, ConsortiumRoles.ODR_PARTY);
        _member(NOVA, novaLawyer, ConsortiumRoles.ODR_PARTY);
        _member(PIXEL, pixelLawyer, ConsortiumRoles.ODR_PARTY);
        cases = new CaseRegistry(registry);
    }

    function _member(bytes32 memberId, address account, bytes32 role) internal {
        _admit(memberId, account);
        _grant(memberId, role);
    }

    function _suspend(bytes32 memberId) internal {
        _pass(IMemberRegistry.Action.SuspendMember, memberId, address(0), bytes32(0));
    }

    /// @dev The transition table as ICaseRegistry documents it (filing, None -> Filed, is not a transition).
    function _documented(ICaseRegistry.CaseStatus from, ICaseRegistry.CaseStatus to) internal pure returns (bool) {
        uint8 f = uint8(from);
        uint8 t = uint8(to);
        // Filed=1 Accepted=2 Rejected=3 Evidence=4 Hearing=5 Awarded=6 Closed=7 Withdrawn=8
        return (f == 1 && (t == 2 || t == 3 || t == 8)) || (f == 2 && (t == 4 || t == 8)) || (f == 4 && (t == 5 || t == 8))
            || (f == 5 && (t == 6 || t == 8)) || (f == 6 && t == 7);
    }

    /// @dev Acme files against Nova with the Hangzhou commission.
    function _file(bytes32 caseId) internal {
        vm.prank(acmeLawyer);
        cases.fileCase(caseId, HZ, NOVA, keccak256(abi.encode("filing", caseId)));
    }
}
