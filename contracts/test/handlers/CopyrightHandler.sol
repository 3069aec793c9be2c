// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Vm} from "forge-std/Vm.sol";

import {ILicenceRegistry} from "../../src/ILicenceRegistry.sol";
import {IMemberRegistry} from "../../src/IMemberRegistry.sol";
import {IWorkRegistry} from "../../src/IWorkRegistry.sol";
import {CopyrightFixture} from "../utils/CopyrightFixture.sol";

/// @dev Random registrations (single and batched, with repeats), transfers, grants, revocations and
/// suspensions by random actors, each in a new block; and observations of `licenceAt` for past blocks,
/// recorded to be asked again later. Calls that fail are expected and ignored.
contract CopyrightHandler is CopyrightFixture {
    struct Observation {
        bytes32 licensee;
        bytes32 work;
        uint32 use;
        bytes32 territory;
        uint64 time;
        uint256 asOfBlock;
        bool valid;
        bytes32 licenceId;
    }

    uint256 internal constant CONTENTS = 6;
    uint256 internal constant LICENCES = 24;
    uint256 internal constant MAX_OBSERVATIONS = 60;

    address[5] internal actors;
    bytes32[2] internal licensees = [ACME, NOVA];
    bytes32[4] internal territories = [WORLD, CN, CN_BJ, HK];

    uint256 public ghostBlock;
    uint64 public ghostTime;
    mapping(bytes32 content => uint256) public ghostRegistrations;
    uint256 public ghostGrants;
    uint256 public ghostRevocations;
    uint256 public ghostSuspendedSuccesses;
    Observation[] internal observations;
    bytes32[] internal granted;

    constructor() {
        _deployCopyright();
        actors = [dailyEditor, dailyService, pixelEditor, acmeClerk, outsider];
        ghostBlock = block.number;
        ghostTime = uint64(block.timestamp);
    }

    // --- views for the invariants ---

    function contentAt(uint256 i) public pure returns (bytes32) {
        return _content(i % CONTENTS);
    }

    function contentCount() external pure returns (uint256) {
        return CONTENTS;
    }

    function licenceAtIndex(uint256 i) public pure returns (bytes32) {
        return keccak256(abi.encode("licence", i % LICENCES));
    }

    function licenceCount() external pure returns (uint256) {
        return LICENCES;
    }

    function observationCount() external view returns (uint256) {
        return observations.length;
    }

    function observation(uint256 i) external view returns (Observation memory) {
        return observations[i];
    }

    function worksAddress() external view returns (address) {
        return address(works);
    }

    function licencesAddress() external view returns (address) {
        return address(licences);
    }

    function memberRegistryAddress() external view returns (address) {
        return address(registry);
    }

    // --- steps ---

    function registerWork(uint256 contentSeed, uint256 actorSeed) public {
        bytes32 c = contentAt(contentSeed);
        address actor = actorSeed % 4 == 0
            ? actors[actorSeed / 4 % actors.length]
            : actorSeed % 2 == 0 ? dailyService : pixelEditor;
        _stepAs(actor, address(works), abi.encodeCall(IWorkRegistry.registerWork, (c, _fingerprint(c), _metadata(c))));
    }

    function registerWorks(uint256 a, uint256 b, uint256 c, uint256 actorSeed) external {
        bytes32[] memory contents = new bytes32[](3);
        bytes32[] memory fingerprints = new bytes32[](3);
        bytes32[] memory metadata = new bytes32[](3);
        uint256[3] memory seeds = [a, b, c];
        for (uint256 i; i < 3; ++i) {
            contents[i] = contentAt(seeds[i]);
            fingerprints[i] = _fingerprint(contents[i]);
            metadata[i] = _metadata(contents[i]);
        }
        _step(
            actorSeed, address(works), abi.encodeCall(IWorkRegistry.registerWorks, (contents, fingerprints, metadata))
        );
    }

    function transferRights(uint256 contentSeed, uint256 actorSeed, bool toPixel) external {
        _step(
            actorSeed,
            address(works),
            abi.encodeCall(IWorkRegistry.transferRights, (contentAt(contentSeed), toPixel ? PIXEL : DAILY))
        );
    }

    function grant(
        uint256 licenceSeed,
        uint256 contentSeed,
        uint256 actorSeed,
        uint8 licenseeSeed,
        uint32 uses,
        uint8 territorySeed,
        uint32 fromOffset,
        uint32 length
    ) external {
        // mostly a valid mask (a kind and a channel), now and then anything
        uses = uses % 8 == 0 ? uses % 64 : (uses >> 3) % 15 + 1 | (((uses >> 7) % 3 + 1) << 4);
        bytes32 work = contentAt(contentSeed);
        if (!works.isRegistered(work)) this.registerWork(contentSeed, actorSeed % 2 == 0 ? 2 : 1); // a media house's account
        uint64 from = ghostTime - 30 days + uint64(fromOffset % 120 days);
        uint64 until = length % 5 == 0 ? FOREVER : from + 1 + uint64(length % 90 days);
        bytes32 id = licenceAtIndex(licenceSeed);
        bytes memory call = abi.encodeCall(
            ILicenceRegistry.grant,
            (
                id,
                work,
                licensees[licenseeSeed % 2],
                uses,
                territories[territorySeed % 4],
                from,
                until,
                keccak256(abi.encode(id))
            )
        );
        if (_stepAs(
                actorSeed % 4 == 0 ? actors[actorSeed / 4 % actors.length] : _accountOf(works.holderOf(work)),
                address(licences),
                call
            )) {
            ghostGrants++;
            granted.push(id);
        }
    }

    function revoke(uint256 licenceSeed, uint256 actorSeed, uint32 delay) external {
        // the step runs 13 seconds later (_stepAs): an effective time from then on
        uint64 effectiveAt = delay % 3 == 0 ? 0 : ghostTime + 13 + uint64(delay % 60 days);
        bytes32 id = granted.length == 0 || licenceSeed % 5 == 0
            ? licenceAtIndex(licenceSeed)
            : granted[licenceSeed % granted.length];
        address actor =
            actorSeed % 4 == 0 ? actors[actorSeed / 4 % actors.length] : _accountOf(licences.licenceOf(id).licensor);
        if (_stepAs(actor, address(licences), abi.encodeCall(ILicenceRegistry.revoke, (id, effectiveAt)))) {
            ghostRevocations++;
        }
    }

    /// A media house suspended for one block: its registrations, transfers, grants and revocations are all
    /// refused (counted in ghostSuspendedSuccesses); then it is reinstated.
    function whileSuspended(bool pixel, uint256 contentSeed, uint256 licenceSeed) external {
        bytes32 member = pixel ? PIXEL : DAILY;
        address account = pixel ? pixelEditor : dailyEditor;
        _nextBlock(1);
        _pass(IMemberRegistry.Action.SuspendMember, member, address(0), bytes32(0));
        bytes32 c = contentAt(contentSeed);
        bytes32 id = licenceAtIndex(licenceSeed);
        if (_stepAs(
                account, address(works), abi.encodeCall(IWorkRegistry.registerWork, (c, _fingerprint(c), _metadata(c)))
            )) {
            ghostSuspendedSuccesses++;
        }
        if (_stepAs(account, address(works), abi.encodeCall(IWorkRegistry.transferRights, (c, pixel ? DAILY : PIXEL))))
        {
            ghostSuspendedSuccesses++;
        }
        if (_stepAs(
                account,
                address(licences),
                abi.encodeCall(ILicenceRegistry.grant, (id, c, ACME, EXCERPT | ONLINE, WORLD, 0, FOREVER, c))
            )) {
            ghostSuspendedSuccesses++;
        }
        if (_stepAs(account, address(licences), abi.encodeCall(ILicenceRegistry.revoke, (id, 0)))) {
            ghostSuspendedSuccesses++;
        }
        _nextBlock(1);
        _pass(IMemberRegistry.Action.ReinstateMember, member, address(0), bytes32(0));
    }

    function wait(uint32 seconds_) external {
        _nextBlock(1 + seconds_ % 5);
        ghostTime += uint64(seconds_ % 30 days);
        vm.warp(ghostTime);
    }

    /// Asks licenceAt about a past or the current (closed: the next write happens in a new block) block and
    /// records the answer.
    /// Like observe, about a licence granted in this campaign (its key, one of its uses, a time in or near its period).
    function observeLicence(uint256 licenceSeed, uint32 use, uint8 territorySeed, uint32 timeOffset, uint256 blocksBack)
        external
    {
        if (granted.length == 0) return;
        this.observe(licenceSeed, 0, use, territorySeed, timeOffset % 2 == 0 ? timeOffset : timeOffset - 1, blocksBack);
    }

    function observe(
        uint256 contentSeed,
        uint8 licenseeSeed,
        uint32 use,
        uint8 territorySeed,
        uint32 timeOffset,
        uint256 blocksBack
    ) public {
        vm.roll(ghostBlock);
        vm.warp(ghostTime);
        if (observations.length >= MAX_OBSERVATIONS) return;
        use = uint32(bound(use, 1, 63));
        Observation memory o = Observation({
            licensee: licensees[licenseeSeed % 2],
            work: contentAt(contentSeed),
            use: use,
            territory: territories[territorySeed % 4],
            time: ghostTime - 30 days + uint64(timeOffset % 200 days),
            asOfBlock: blocksBack % 2 == 0 ? ghostBlock : ghostBlock - blocksBack % (ghostBlock - 99),
            valid: false,
            licenceId: bytes32(0)
        });
        ILicenceRegistry.Licence memory l = licences.licenceOf(
            granted.length == 0 ? licenceAtIndex(contentSeed) : granted[contentSeed % granted.length]
        );
        if (timeOffset % 2 == 0 && l.work != bytes32(0)) {
            // about a licence that exists: one of its uses, its territory or another, a time in or near its period
            o.work = l.work;
            o.licensee = l.licensee;
            o.use = l.uses & use == 0 ? l.uses : l.uses & use;
            if (territorySeed % 2 == 0) o.territory = l.territory;
            uint64 length = l.validUntil - l.validFrom < 100 days ? l.validUntil - l.validFrom : 100 days;
            // mostly within the period, now and then around it
            o.time = timeOffset % 4 == 0
                ? l.validFrom - 1 days + uint64(timeOffset % 100 days)
                : l.validFrom + uint64(timeOffset) % length;
        }
        (o.valid, o.licenceId) = licences.licenceAt(o.licensee, o.work, o.use, o.territory, o.time, o.asOfBlock);
        observations.push(o);
    }

    // --- internals ---

    function _accountOf(bytes32 member) internal view returns (address) {
        if (member == DAILY) return dailyEditor;
        if (member == PIXEL) return pixelEditor;
        return outsider;
    }

    function _nextBlock(uint256 blocks) internal {
        ghostBlock += blocks;
        vm.roll(ghostBlock);
        vm.warp(ghostTime);
    }

    /// @dev Every write in a new block, so that no block already observed changes afterwards.
    function _step(uint256 actorSeed, address target, bytes memory call) internal returns (bool ok) {
        return _stepAs(actors[actorSeed % actors.length], target, call);
    }

    function _stepAs(address actor, address target, bytes memory call) internal returns (bool ok) {
        _nextBlock(1);
        ghostTime += 13;
        vm.warp(ghostTime);
        vm.recordLogs();
        vm.prank(actor);
        (ok,) = target.call(call);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(works) && logs[i].topics[0] == IWorkRegistry.WorkRegistered.selector) {
                ghostRegistrations[logs[i].topics[1]]++;
            }
        }
    }
}
