// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ConsortiumRoles} from "../../src/ConsortiumRoles.sol";
import {IMemberRegistry} from "../../src/IMemberRegistry.sol";
import {LicenceRegistry} from "../../src/LicenceRegistry.sol";
import {WorkRegistry} from "../../src/WorkRegistry.sol";
import {RegistryFixture} from "./RegistryFixture.sol";

/// @dev A consortium with two media houses holding RIGHTS_HOLDER (Daily News, Pixel Studio), two members
/// without it that take licences (Acme, Nova), and a WorkRegistry and LicenceRegistry over it.
abstract contract CopyrightFixture is RegistryFixture {
    bytes32 internal constant DAILY = keccak256("daily-news");
    bytes32 internal constant PIXEL = keccak256("pixel-studio");
    bytes32 internal constant ACME = keccak256("acme-trading");
    bytes32 internal constant NOVA = keccak256("nova-manufacturing");

    uint32 internal constant REPRINT = 1;
    uint32 internal constant EXCERPT = 2;
    uint32 internal constant IMAGE = 4;
    uint32 internal constant ADAPTATION = 8;
    uint32 internal constant ONLINE = 16;
    uint32 internal constant PRINT = 32;
    // forge-lint: disable-next-line(unsafe-typecast)
    bytes32 internal constant WORLD = bytes32("*");
    // forge-lint: disable-next-line(unsafe-typecast)
    bytes32 internal constant CN = bytes32("CN");
    // forge-lint: disable-next-line(unsafe-typecast)
    bytes32 internal constant CN_BJ = bytes32("CN-BJ");
    // forge-lint: disable-next-line(unsafe-typecast)
    bytes32 internal constant HK = bytes32("HK");
    uint64 internal constant FOREVER = type(uint64).max;
    uint64 internal constant T0 = 1_767_225_600; // 2026-01-01T00:00:00Z

    address internal dailyEditor = makeAddr("dailyEditor");
    address internal dailyService = makeAddr("dailyService");
    address internal pixelEditor = makeAddr("pixelEditor");
    address internal acmeClerk = makeAddr("acmeClerk");
    address internal novaClerk = makeAddr("novaClerk");

    WorkRegistry internal works;
    LicenceRegistry internal licences;

    function _deployCopyright() internal {
        vm.warp(T0);
        vm.roll(100);
        _deployRegistry();
        _admit(DAILY, dailyEditor);
        _grant(DAILY, ConsortiumRoles.RIGHTS_HOLDER);
        _pass(IMemberRegistry.Action.AddAccount, DAILY, dailyService, bytes32(0));
        _admit(PIXEL, pixelEditor);
        _grant(PIXEL, ConsortiumRoles.RIGHTS_HOLDER);
        _admit(ACME, acmeClerk);
        _admit(NOVA, novaClerk);
        works = new WorkRegistry(registry);
        licences = new LicenceRegistry(registry, works);
    }

    function _suspend(bytes32 memberId) internal {
        _pass(IMemberRegistry.Action.SuspendMember, memberId, address(0), bytes32(0));
    }

    function _reinstate(bytes32 memberId) internal {
        _pass(IMemberRegistry.Action.ReinstateMember, memberId, address(0), bytes32(0));
    }

    function _content(uint256 i) internal pure returns (bytes32) {
        return keccak256(abi.encode("content", i));
    }

    function _fingerprint(bytes32 content) internal pure returns (bytes32) {
        return keccak256(abi.encode("fingerprint", content));
    }

    function _metadata(bytes32 content) internal pure returns (bytes32) {
        return keccak256(abi.encode("metadata", content));
    }

    function _register(address account, bytes32 content) internal {
        vm.prank(account);
        works.registerWork(content, _fingerprint(content), _metadata(content));
    }

    function _grantAs(
        address account,
        bytes32 licenceId,
        bytes32 work,
        bytes32 licensee,
        uint32 uses,
        bytes32 territory,
        uint64 validFrom,
        uint64 validUntil
    ) internal {
        vm.prank(account);
        licences.grant(
            licenceId, work, licensee, uses, territory, validFrom, validUntil, keccak256(abi.encode("terms", licenceId))
        );
    }
}
