// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {ILicenceRegistry} from "../src/ILicenceRegistry.sol";
import {IMemberRegistry} from "../src/IMemberRegistry.sol";
import {IWorkRegistry} from "../src/IWorkRegistry.sol";
import {LicenceRegistry} from "../src/LicenceRegistry.sol";
import {CopyrightFixture} from "./utils/CopyrightFixture.sol";

contract LicenceRegistryTest is CopyrightFixture {
    bytes32 internal constant WORK = keccak256("a news article");
    bytes32 internal constant OTHER_WORK = keccak256("a photo");
    bytes32 internal constant L1 = keccak256("licence 1");
    bytes32 internal constant L2 = keccak256("licence 2");
    bytes32 internal constant L3 = keccak256("licence 3");
    uint64 internal constant FROM = T0 + 10 days;
    uint64 internal constant UNTIL = T0 + 100 days;

    function setUp() public {
        _deployCopyright();
        _register(dailyEditor, WORK);
        _register(pixelEditor, OTHER_WORK);
    }

    // a territory code with a space in it
    // forge-lint: disable-next-line(unsafe-typecast)
    bytes32 internal constant SPACED = bytes32("C N");
    // a code that starts like CN
    // forge-lint: disable-next-line(unsafe-typecast)
    bytes32 internal constant CNX = bytes32("CNX");

    function _grantL1() internal {
        _grantAs(dailyEditor, L1, WORK, ACME, EXCERPT | ONLINE, CN, FROM, UNTIL);
    }

    function _at(bytes32 licensee, uint32 use, bytes32 territory, uint64 time, uint256 asOf)
        internal
        view
        returns (bool valid, bytes32 id)
    {
        return licences.licenceAt(licensee, WORK, use, territory, time, asOf);
    }

    function _head(
        bytes32 previous,
        uint8 kind,
        ILicenceRegistry.Licence memory l,
        uint64 effectiveAt,
        uint256 blockNumber
    ) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                previous,
                kind,
                l.licenceId,
                l.work,
                l.licensee,
                l.licensor,
                l.uses,
                l.territory,
                l.validFrom,
                l.validUntil,
                l.termsDigest,
                effectiveAt,
                blockNumber
            )
        );
    }

    // --- construction and constants ---

    function test_TheConstructorRefusesRegistriesThatAreNoContracts() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidRegistry.selector, outsider));
        new LicenceRegistry(IMemberRegistry(outsider), works);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidRegistry.selector, outsider));
        new LicenceRegistry(registry, IWorkRegistry(outsider));
        assertEq(licences.memberRegistry(), address(registry));
        assertEq(licences.workRegistry(), address(works));
    }

    function test_TheDocumentedConstants() public view {
        assertEq(licences.USE_FULL_REPRINT(), 1);
        assertEq(licences.USE_EXCERPT(), 2);
        assertEq(licences.USE_IMAGE_REUSE(), 4);
        assertEq(licences.USE_ADAPTATION(), 8);
        assertEq(licences.CHANNEL_ONLINE(), 16);
        assertEq(licences.CHANNEL_PRINT(), 32);
        assertEq(licences.WORLDWIDE(), bytes32(0x2a00000000000000000000000000000000000000000000000000000000000000));
        assertEq(licences.MAX_LICENCES_PER_KEY(), 64);
    }

    // --- grant ---

    function test_TheHolderGrantsALicenceRecordedWithItsHead() public {
        vm.roll(200);
        vm.warp(T0 + 5);
        bytes32 terms = keccak256(abi.encode("terms", L1));
        ILicenceRegistry.Licence memory expected = ILicenceRegistry.Licence({
            licenceId: L1,
            work: WORK,
            licensee: ACME,
            licensor: DAILY,
            uses: EXCERPT | ONLINE,
            territory: CN,
            validFrom: FROM,
            validUntil: UNTIL,
            termsDigest: terms,
            grantedBlock: 200,
            grantedAt: T0 + 5,
            revokedBlock: 0,
            effectiveAt: 0
        });
        bytes32 head = _head(bytes32(0), 1, expected, 0, 200);
        vm.expectEmit(address(licences));
        emit ILicenceRegistry.LicenceGranted(L1, WORK, ACME, DAILY, EXCERPT | ONLINE, CN, FROM, UNTIL, terms, head);
        _grantAs(dailyService, L1, WORK, ACME, EXCERPT | ONLINE, CN, FROM, UNTIL);

        ILicenceRegistry.Licence memory l = licences.licenceOf(L1);
        assertEq(abi.encode(l), abi.encode(expected));
        bytes32[] memory ids = licences.licencesOf(WORK, ACME);
        assertEq(ids.length, 1);
        assertEq(ids[0], L1);
        (bytes32 h, uint256 events) = licences.headOf(WORK, ACME);
        assertEq(h, head);
        assertEq(events, 1);
        assertEq(licences.licenceOf(L2).work, bytes32(0), "unknown licences read as zero");
    }

    function test_OnlyTheWorksCurrentHolderGrants() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryNotTheHolder.selector, WORK, PIXEL));
        _grantAs(pixelEditor, L1, WORK, ACME, EXCERPT | ONLINE, CN, FROM, UNTIL);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryUnauthorized.selector, acmeClerk));
        _grantAs(acmeClerk, L1, WORK, NOVA, EXCERPT | ONLINE, CN, FROM, UNTIL);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryUnknownWork.selector, keccak256("x")));
        _grantAs(dailyEditor, L1, keccak256("x"), ACME, EXCERPT | ONLINE, CN, FROM, UNTIL);
        // after a transfer the new holder grants, the old one no longer
        vm.prank(dailyEditor);
        works.transferRights(WORK, PIXEL);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryNotTheHolder.selector, WORK, DAILY));
        _grantAs(dailyEditor, L1, WORK, ACME, EXCERPT | ONLINE, CN, FROM, UNTIL);
        _grantAs(pixelEditor, L1, WORK, ACME, EXCERPT | ONLINE, CN, FROM, UNTIL);
        assertEq(licences.licenceOf(L1).licensor, PIXEL);
    }

    function test_ASuspendedHolderCannotGrant() public {
        _suspend(DAILY);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryUnauthorized.selector, dailyEditor));
        _grantL1();
    }

    function test_GrantRefusesInvalidFields() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidLicenceId.selector, bytes32(0)));
        _grantAs(dailyEditor, bytes32(0), WORK, ACME, EXCERPT | ONLINE, CN, FROM, UNTIL);
        _grantL1();
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryLicenceExists.selector, L1));
        _grantAs(dailyEditor, L1, WORK, NOVA, EXCERPT | ONLINE, CN, FROM, UNTIL);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidLicensee.selector, DAILY));
        _grantAs(dailyEditor, L2, WORK, DAILY, EXCERPT | ONLINE, CN, FROM, UNTIL);
        vm.expectRevert(
            abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidLicensee.selector, keccak256("nobody"))
        );
        _grantAs(dailyEditor, L2, WORK, keccak256("nobody"), EXCERPT | ONLINE, CN, FROM, UNTIL);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidUses.selector, uint32(EXCERPT)));
        _grantAs(dailyEditor, L2, WORK, NOVA, EXCERPT, CN, FROM, UNTIL);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidUses.selector, uint32(ONLINE)));
        _grantAs(dailyEditor, L2, WORK, NOVA, ONLINE, CN, FROM, UNTIL);
        vm.expectRevert(
            abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidUses.selector, uint32(64 | 1 | 16))
        );
        _grantAs(dailyEditor, L2, WORK, NOVA, 64 | 1 | 16, CN, FROM, UNTIL);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidTerritory.selector, bytes32(0)));
        _grantAs(dailyEditor, L2, WORK, NOVA, EXCERPT | ONLINE, bytes32(0), FROM, UNTIL);
        bytes32 gap = bytes32(uint256(CN) | 1);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidTerritory.selector, gap));
        _grantAs(dailyEditor, L2, WORK, NOVA, EXCERPT | ONLINE, gap, FROM, UNTIL);
        vm.expectRevert(
            abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidTerritory.selector, SPACED)
        );
        _grantAs(dailyEditor, L2, WORK, NOVA, EXCERPT | ONLINE, SPACED, FROM, UNTIL);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidPeriod.selector, UNTIL, FROM));
        _grantAs(dailyEditor, L2, WORK, NOVA, EXCERPT | ONLINE, CN, UNTIL, FROM);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidPeriod.selector, FROM, FROM));
        _grantAs(dailyEditor, L2, WORK, NOVA, EXCERPT | ONLINE, CN, FROM, FROM);
        vm.prank(dailyEditor);
        vm.expectRevert(ILicenceRegistry.LicenceRegistryInvalidTerms.selector);
        licences.grant(L2, WORK, NOVA, EXCERPT | ONLINE, CN, FROM, UNTIL, bytes32(0));
    }

    function test_AnOverlappingLicenceOfTheSameWorkAndLicenseeIsRefused() public {
        _grantL1(); // excerpt online, CN, [FROM, UNTIL)
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryOverlappingLicence.selector, L1));
        _grantAs(dailyEditor, L2, WORK, ACME, EXCERPT | REPRINT | ONLINE, WORLD, UNTIL - 1, FOREVER);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryOverlappingLicence.selector, L1));
        _grantAs(dailyEditor, L2, WORK, ACME, EXCERPT | ONLINE, CN_BJ, T0, FROM + 1);
        // no overlap: another kind, another channel, a later period, another country, another licensee or work
        _grantAs(dailyEditor, L2, WORK, ACME, REPRINT | ONLINE, CN, FROM, UNTIL);
        _grantAs(dailyEditor, L3, WORK, ACME, EXCERPT | PRINT, CN, FROM, UNTIL);
        _grantAs(dailyEditor, keccak256("l4"), WORK, ACME, EXCERPT | ONLINE, CN, UNTIL, FOREVER);
        _grantAs(dailyEditor, keccak256("l5"), WORK, ACME, EXCERPT | ONLINE, HK, FROM, UNTIL);
        _grantAs(dailyEditor, keccak256("l6"), WORK, NOVA, EXCERPT | ONLINE, CN, FROM, UNTIL);
        _grantAs(pixelEditor, keccak256("l7"), OTHER_WORK, ACME, EXCERPT | ONLINE, CN, FROM, UNTIL);
        assertEq(licences.licencesOf(WORK, ACME).length, 5);
    }

    function test_ARevokedLicenceNoLongerOverlapsAfterItsEnd() public {
        _grantL1();
        vm.warp(FROM + 5 days);
        vm.prank(dailyEditor);
        licences.revoke(L1, FROM + 20 days);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryOverlappingLicence.selector, L1));
        _grantAs(dailyEditor, L2, WORK, ACME, EXCERPT | ONLINE, WORLD, FROM + 20 days - 1, FOREVER);
        _grantAs(dailyEditor, L2, WORK, ACME, EXCERPT | ONLINE, WORLD, FROM + 20 days, FOREVER);
    }

    function test_AKeyHoldsAtMostTheBoundOfLicences() public {
        for (uint64 i; i < 64; ++i) {
            _grantAs(
                dailyEditor,
                keccak256(abi.encode(uint256(i))),
                WORK,
                ACME,
                EXCERPT | ONLINE,
                CN,
                T0 + i * 1 days,
                T0 + (i + 1) * 1 days
            );
        }
        vm.expectRevert(
            abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryTooManyLicences.selector, WORK, ACME, 64)
        );
        _grantAs(dailyEditor, L1, WORK, ACME, EXCERPT | ONLINE, CN, T0 + 100 days, T0 + 101 days);
        // the fullest scan stays cheap: the last licence answers, every slot read cold
        vm.cool(address(licences));
        uint256 before = gasleft();
        (bool valid, bytes32 id) = _at(ACME, EXCERPT, CN, T0 + 63 days + 1, block.number);
        uint256 used = before - gasleft();
        emit log_named_uint("gas of licenceAt scanning 64 licences", used);
        assertTrue(valid);
        assertEq(id, keccak256(abi.encode(uint256(63))));
        assertLt(used, 1_000_000);
    }

    function test_GasOfGrantAndRevoke() public {
        vm.prank(dailyEditor);
        uint256 before = gasleft();
        licences.grant(L1, WORK, ACME, EXCERPT | ONLINE, CN, FROM, UNTIL, keccak256("terms"));
        uint256 granted = before - gasleft();
        emit log_named_uint("gas of grant, the first licence of a key (execution only)", granted);
        vm.prank(dailyEditor);
        before = gasleft();
        licences.revoke(L1, 0);
        uint256 revoked = before - gasleft();
        emit log_named_uint("gas of revoke (execution only)", revoked);
        assertLt(granted, 350_000);
        assertLt(revoked, 100_000);
    }

    // --- revoke ---

    function test_TheLicensorRevokesFromAnEffectiveTime() public {
        vm.roll(200);
        _grantL1();
        vm.roll(300);
        vm.warp(FROM + 5 days);
        ILicenceRegistry.Licence memory l = licences.licenceOf(L1);
        (bytes32 first,) = licences.headOf(WORK, ACME);
        bytes32 head = _head(first, 2, l, FROM + 20 days, 300);
        vm.expectEmit(address(licences));
        emit ILicenceRegistry.LicenceRevoked(
            L1, WORK, ACME, DAILY, EXCERPT | ONLINE, CN, FROM, UNTIL, l.termsDigest, FROM + 20 days, head
        );
        vm.prank(dailyService);
        licences.revoke(L1, FROM + 20 days);
        l = licences.licenceOf(L1);
        assertEq(l.revokedBlock, 300);
        assertEq(l.effectiveAt, FROM + 20 days);
        (bytes32 h, uint256 events) = licences.headOf(WORK, ACME);
        assertEq(h, head);
        assertEq(events, 2);

        vm.prank(dailyEditor);
        vm.expectRevert(
            abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryAlreadyRevoked.selector, L1, FROM + 20 days)
        );
        licences.revoke(L1, 0);
    }

    function test_ZeroMeansNowAndRevocationsAreNeverRetroactive() public {
        _grantL1();
        vm.warp(FROM + 5 days);
        vm.startPrank(dailyEditor);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILicenceRegistry.LicenceRegistryInvalidEffectiveTime.selector, FROM, FROM + 5 days, UNTIL
            )
        );
        licences.revoke(L1, FROM);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILicenceRegistry.LicenceRegistryInvalidEffectiveTime.selector, UNTIL, FROM + 5 days, UNTIL
            )
        );
        licences.revoke(L1, UNTIL);
        licences.revoke(L1, 0);
        vm.stopPrank();
        assertEq(licences.licenceOf(L1).effectiveAt, FROM + 5 days);
    }

    function test_OnlyTheLicensorRevokes() public {
        _grantL1();
        vm.prank(pixelEditor);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryNotTheLicensor.selector, L1, PIXEL));
        licences.revoke(L1, 0);
        vm.prank(acmeClerk);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryNotTheLicensor.selector, L1, ACME));
        licences.revoke(L1, 0);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryUnauthorized.selector, outsider));
        licences.revoke(L1, 0);
        vm.prank(dailyEditor);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryUnknownLicence.selector, L2));
        licences.revoke(L2, 0);
        // the licensor keeps its licences after transferring the rights, and revokes them
        vm.prank(dailyEditor);
        works.transferRights(WORK, PIXEL);
        vm.prank(pixelEditor);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryNotTheLicensor.selector, L1, PIXEL));
        licences.revoke(L1, 0);
        _suspend(DAILY);
        vm.prank(dailyEditor);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryUnauthorized.selector, dailyEditor));
        licences.revoke(L1, 0);
        _reinstate(DAILY);
        vm.prank(dailyEditor);
        licences.revoke(L1, 0);
    }

    // --- licenceAt ---

    function test_AnswersFollowUsesTerritoryAndPeriod() public {
        _grantL1(); // excerpt online, CN, [FROM, UNTIL)
        uint256 now_ = block.number;
        (bool valid, bytes32 id) = _at(ACME, EXCERPT | ONLINE, CN, FROM, now_);
        assertTrue(valid);
        assertEq(id, L1);
        (valid,) = _at(ACME, EXCERPT, CN_BJ, UNTIL - 1, now_);
        assertTrue(valid, "a subdivision of the country, the last second");
        (valid,) = _at(ACME, ONLINE, CN, FROM, now_);
        assertTrue(valid, "a channel alone");
        (valid, id) = _at(ACME, EXCERPT, CN, UNTIL, now_);
        assertFalse(valid, "the end is exclusive");
        assertEq(id, bytes32(0));
        (valid,) = _at(ACME, EXCERPT, CN, FROM - 1, now_);
        assertFalse(valid, "before the start");
        (valid,) = _at(ACME, REPRINT, CN, FROM, now_);
        assertFalse(valid, "another kind of use");
        (valid,) = _at(ACME, EXCERPT | PRINT, CN, FROM, now_);
        assertFalse(valid, "another channel");
        (valid,) = _at(ACME, EXCERPT, HK, FROM, now_);
        assertFalse(valid, "another country");
        (valid,) = _at(ACME, EXCERPT, WORLD, FROM, now_);
        assertFalse(valid, "a worldwide use is more than China");
        (valid,) = _at(NOVA, EXCERPT, CN, FROM, now_);
        assertFalse(valid, "another licensee");
        (valid,) = licences.licenceAt(ACME, OTHER_WORK, EXCERPT, CN, FROM, now_);
        assertFalse(valid, "another work");
        (valid,) = _at(ACME, EXCERPT, CNX, FROM, now_);
        assertFalse(valid, "a code that merely starts alike");
    }

    function test_AWorldwideLicenceCoversEveryTerritory() public {
        _grantAs(dailyEditor, L1, WORK, ACME, REPRINT | PRINT, WORLD, FROM, FOREVER);
        (bool valid,) = _at(ACME, REPRINT | PRINT, HK, type(uint64).max - 1, block.number);
        assertTrue(valid);
        (valid,) = _at(ACME, REPRINT, WORLD, FROM, block.number);
        assertTrue(valid);
        (valid,) = _at(ACME, REPRINT, CN_BJ, FROM, block.number);
        assertTrue(valid);
    }

    function test_AGrantRecordedAfterTheBlockDoesNotChangeItsAnswer() public {
        vm.roll(200);
        (bool valid,) = _at(ACME, EXCERPT, CN, FROM, 200);
        assertFalse(valid);
        vm.roll(201);
        _grantL1(); // back-dated over FROM, recorded at 201
        (valid,) = _at(ACME, EXCERPT, CN, FROM, 200);
        assertFalse(valid, "block 200 did not know the grant");
        (valid,) = _at(ACME, EXCERPT, CN, FROM, 201);
        assertTrue(valid);
    }

    function test_ARevocationCountsFromItsBlockAndItsEffectiveTime() public {
        vm.roll(200);
        _grantL1();
        vm.roll(300);
        vm.warp(FROM + 5 days);
        vm.prank(dailyEditor);
        licences.revoke(L1, FROM + 20 days);
        (bool valid,) = _at(ACME, EXCERPT, CN, FROM + 20 days, 299);
        assertTrue(valid, "before the revocation was recorded");
        (valid,) = _at(ACME, EXCERPT, CN, FROM + 20 days, 300);
        assertFalse(valid, "at the effective time, once recorded");
        (valid,) = _at(ACME, EXCERPT, CN, FROM + 20 days - 1, 300);
        assertTrue(valid, "before the effective time");
        (valid,) = _at(ACME, EXCERPT, CN, FROM, 199);
        assertFalse(valid, "before the grant");
    }

    function test_TheFirstCoveringLicenceAnswers() public {
        _grantAs(dailyEditor, L1, WORK, ACME, EXCERPT | ONLINE, CN, FROM, UNTIL);
        _grantAs(dailyEditor, L2, WORK, ACME, REPRINT | ONLINE, CN, FROM, UNTIL);
        (bool valid, bytes32 id) = _at(ACME, REPRINT | ONLINE, CN, FROM, block.number);
        assertTrue(valid);
        assertEq(id, L2);
    }

    function test_QueriesRefuseInvalidUsesTerritoriesAndFutureBlocks() public {
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidUses.selector, uint32(0)));
        _at(ACME, 0, CN, FROM, block.number);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidUses.selector, uint32(64)));
        _at(ACME, 64, CN, FROM, block.number);
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidTerritory.selector, bytes32(0)));
        _at(ACME, EXCERPT, bytes32(0), FROM, block.number);
        vm.expectRevert(
            abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryFutureBlock.selector, block.number + 1, block.number)
        );
        _at(ACME, EXCERPT, CN, FROM, block.number + 1);
    }

    // --- hash chain ---

    function test_AnOutsiderRecomputesTheHeadFromTheEventsUpToABlock() public {
        vm.roll(200);
        _grantL1();
        vm.roll(210);
        _grantAs(dailyEditor, L2, WORK, ACME, REPRINT | PRINT, WORLD, FROM, FOREVER);
        vm.roll(220);
        vm.prank(dailyEditor);
        licences.revoke(L1, 0);
        vm.roll(230);

        bytes32 h1 = _head(bytes32(0), 1, _granted(L1), 0, 200);
        bytes32 h2 = _head(h1, 1, _granted(L2), 0, 210);
        bytes32 h3 = _head(h2, 2, _granted(L1), licences.licenceOf(L1).effectiveAt, 220);
        _assertHeadAt(199, bytes32(0), 0);
        _assertHeadAt(200, h1, 1);
        _assertHeadAt(209, h1, 1);
        _assertHeadAt(210, h2, 2);
        _assertHeadAt(220, h3, 3);
        _assertHeadAt(10_000, h3, 3);
        (bytes32 head, uint256 events) = licences.headOf(WORK, ACME);
        assertEq(head, h3);
        assertEq(events, 3);
        (head, events) = licences.headOf(WORK, NOVA);
        assertEq(head, bytes32(0), "a key never licensed");
        assertEq(events, 0);
    }

    function _granted(bytes32 id) internal view returns (ILicenceRegistry.Licence memory l) {
        l = licences.licenceOf(id);
    }

    function _assertHeadAt(uint256 blockNumber, bytes32 head, uint256 events) internal view {
        (bytes32 h, uint256 n) = licences.headAt(WORK, ACME, blockNumber);
        assertEq(h, head);
        assertEq(n, events);
    }

    // --- fuzz ---

    function testFuzz_ValidExactlyWithinThePeriodUsesAndBlocks(
        uint64 from,
        uint64 length,
        uint64 time,
        uint32 uses,
        uint32 use,
        uint8 grantDelay,
        uint8 asOfOffset
    ) public {
        from = uint64(bound(from, 0, type(uint64).max - 1));
        length = uint64(bound(length, 1, type(uint64).max - from));
        uint64 until = from + length;
        uses = uint32(bound(uses, 1, 63));
        if (uses & 15 == 0) uses |= EXCERPT;
        if (uses & 48 == 0) uses |= ONLINE;
        use = uint32(bound(use, 1, 63));
        uint256 grantBlock = 200 + uint256(grantDelay);
        vm.roll(grantBlock);
        _grantAs(dailyEditor, L1, WORK, ACME, uses, CN, from, until);
        vm.roll(1000);
        uint256 asOf = 200 + uint256(asOfOffset) + uint256(asOfOffset);
        (bool valid, bytes32 id) = _at(ACME, use, CN_BJ, time, asOf);
        bool expected = asOf >= grantBlock && time >= from && time < until && uses & use == use;
        assertEq(valid, expected);
        assertEq(id, expected ? L1 : bytes32(0));
    }

    function testFuzz_InvertedOrEmptyPeriodsAreRefused(uint64 from, uint64 until) public {
        until = uint64(bound(until, 0, from));
        vm.expectRevert(abi.encodeWithSelector(ILicenceRegistry.LicenceRegistryInvalidPeriod.selector, from, until));
        _grantAs(dailyEditor, L1, WORK, ACME, EXCERPT | ONLINE, CN, from, until);
    }

    function testFuzz_RevocationEndsValidityOnlyFromItsBlockAndTime(
        uint32 revokeAfter,
        uint32 effectiveDelay,
        uint64 time,
        uint8 revokeDelay,
        uint8 asOfOffset
    ) public {
        vm.roll(200);
        _grantAs(dailyEditor, L1, WORK, ACME, EXCERPT | ONLINE, WORLD, FROM, UNTIL);
        uint64 revokedAt = FROM + uint64(bound(revokeAfter, 0, 80 days));
        vm.warp(revokedAt);
        uint256 revokedBlock = 201 + uint256(revokeDelay);
        vm.roll(revokedBlock);
        uint64 effectiveAt = revokedAt + uint64(bound(effectiveDelay, 0, UNTIL - revokedAt - 1));
        vm.prank(dailyEditor);
        licences.revoke(L1, effectiveAt);
        vm.roll(1000);
        uint256 asOf = 195 + uint256(asOfOffset) * 2;
        time = uint64(bound(time, FROM - 10, UNTIL + 10));
        (bool valid,) = _at(ACME, EXCERPT, HK, time, asOf);
        bool inPeriod = time >= FROM && time < UNTIL;
        bool expected = asOf >= 200 && inPeriod && !(asOf >= revokedBlock && time >= effectiveAt);
        assertEq(valid, expected);
    }

    function testFuzz_TerritoryCoverage(uint8 a, uint8 b, uint8 x, uint8 y) public {
        bytes2 country = bytes2(abi.encodePacked(_letter(a), _letter(b)));
        bytes2 region = bytes2(abi.encodePacked(_letter(x), _letter(y)));
        bytes32 c = bytes32(country);
        bytes32 sub = bytes32(abi.encodePacked(country, "-", region));
        bytes32 otherSub = bytes32(abi.encodePacked(region, "-", country));
        _grantAs(dailyEditor, L1, WORK, ACME, EXCERPT | ONLINE, c, FROM, UNTIL);
        (bool valid,) = _at(ACME, EXCERPT, sub, FROM, block.number);
        assertTrue(valid, "a country covers its subdivisions");
        (valid,) = _at(ACME, EXCERPT, otherSub, FROM, block.number);
        assertEq(valid, country == region, "another country's subdivision");
        _grantAs(dailyEditor, L2, WORK, NOVA, EXCERPT | ONLINE, sub, FROM, UNTIL);
        (valid,) = licences.licenceAt(NOVA, WORK, EXCERPT, c, FROM, block.number);
        assertFalse(valid, "a subdivision does not cover its country");
    }

    function _letter(uint8 seed) internal pure returns (bytes1) {
        return bytes1(uint8(0x41 + seed % 26));
    }
}
