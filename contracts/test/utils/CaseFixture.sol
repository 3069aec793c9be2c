// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {CaseRegistry} from "../../src/CaseRegistry.sol";
import {ConsortiumRoles} from "../../src/ConsortiumRoles.sol";
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

    /// @dev Acme files against Nova with the Hangzhou commission.
    function _file(bytes32 caseId) internal {
        vm.prank(acmeLawyer);
        cases.fileCase(caseId, HZ, NOVA, keccak256(abi.encode("filing", caseId)));
    }
}
