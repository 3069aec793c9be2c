// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Vm} from "forge-std/Vm.sol";
import {ConsortiumRoles} from "../src/ConsortiumRoles.sol";
import {ICaseRegistry} from "../src/ICaseRegistry.sol";
import {CaseFixture} from "./utils/CaseFixture.sol";

/// Filings that cite events already on chain as the claimant's evidence (fileCaseCiting).
contract CaseRegistryCitationsTest is CaseFixture {
    bytes32 internal constant CASE = keccak256("supply-finance/SF-2026-000001");
    bytes32 internal constant CLAIM = keccak256("claim statement");

    function setUp() public {
        _deployCases();
    }

    function _citations(uint256 count) internal pure returns (bytes32[] memory txHashes, uint32[] memory logIndexes) {
        txHashes = new bytes32[](count);
        logIndexes = new uint32[](count);
        for (uint256 i = 0; i < count; ++i) {
            txHashes[i] = keccak256(abi.encode("tx", i));
            // forge-lint: disable-next-line(unsafe-typecast)
            logIndexes[i] = uint32(i % 7); // casting to uint32 is safe: below 7
        }
    }

    function test_AFilingCitesItsEvidenceAfterTheCaseIsFiled() public {
        (bytes32[] memory txHashes, uint32[] memory logIndexes) = _citations(3);
        vm.recordLogs();
        vm.expectEmit(address(cases));
        emit ICaseRegistry.CaseFiled(CASE, ACME, HZ, NOVA, CLAIM);
        vm.expectEmit(address(cases));
        emit ICaseRegistry.CaseStatusChanged(
            CASE, ICaseRegistry.CaseStatus.None, ICaseRegistry.CaseStatus.Filed, ACME, CLAIM, uint64(block.timestamp)
        );
        for (uint256 i = 0; i < 3; ++i) {
            vm.expectEmit(address(cases));
            emit ICaseRegistry.CaseEvidenceCited(CASE, txHashes[i], logIndexes[i]);
        }
        vm.prank(acmeLawyer);
        cases.fileCaseCiting(CASE, HZ, NOVA, CLAIM, txHashes, logIndexes);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 emitted;
        for (uint256 i = 0; i < logs.length; ++i) {
            if (logs[i].emitter == address(cases)) ++emitted;
        }
        assertEq(emitted, 5, "CaseFiled, CaseStatusChanged and one CaseEvidenceCited per citation, nothing else");

        ICaseRegistry.Case memory c = cases.caseOf(CASE);
        assertEq(uint8(c.status), uint8(ICaseRegistry.CaseStatus.Filed));
        assertEq(c.claimant, ACME);
        assertEq(c.commission, HZ);
        assertEq(c.respondent, NOVA);
        assertEq(c.caseHash, CLAIM);
        // The commission takes it from there as any other case.
        vm.prank(hzClerk);
        cases.accept(CASE);
    }

    function test_RevertWhen_CitingFilingBreaksTheRulesOfFileCase() public {
        (bytes32[] memory txHashes, uint32[] memory logIndexes) = _citations(1);
        vm.prank(hzClerk);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryUnauthorized.selector, hzClerk, ConsortiumRoles.ODR_PARTY));
        cases.fileCaseCiting(CASE, HZ, NOVA, CLAIM, txHashes, logIndexes);
        vm.startPrank(acmeLawyer);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidCommission.selector, PIXEL));
        cases.fileCaseCiting(CASE, PIXEL, NOVA, CLAIM, txHashes, logIndexes);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidRespondent.selector, ACME));
        cases.fileCaseCiting(CASE, HZ, ACME, CLAIM, txHashes, logIndexes);
        vm.expectRevert(ICaseRegistry.CaseRegistryInvalidHash.selector);
        cases.fileCaseCiting(CASE, HZ, NOVA, bytes32(0), txHashes, logIndexes);
        cases.fileCase(CASE, HZ, NOVA, CLAIM);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryCaseExists.selector, CASE));
        cases.fileCaseCiting(CASE, HZ, NOVA, CLAIM, txHashes, logIndexes);
        vm.stopPrank();
    }

    function test_RevertWhen_TheCitationsDoNotMatchOrNameNoTransaction() public {
        (bytes32[] memory txHashes,) = _citations(3);
        (, uint32[] memory twoIndexes) = _citations(2);
        vm.startPrank(acmeLawyer);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryCitationLengthMismatch.selector, 3, 2));
        cases.fileCaseCiting(CASE, HZ, NOVA, CLAIM, txHashes, twoIndexes);
        (, uint32[] memory logIndexes) = _citations(3);
        txHashes[1] = bytes32(0);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidCitation.selector, 1));
        cases.fileCaseCiting(CASE, HZ, NOVA, CLAIM, txHashes, logIndexes);
        vm.stopPrank();
        assertEq(uint8(cases.caseOf(CASE).status), uint8(ICaseRegistry.CaseStatus.None), "nothing was filed");
    }

    function test_RevertWhen_CitingNothingOrTooMuch() public {
        uint256 max = cases.MAX_CITATIONS();
        assertEq(max, 128);
        vm.startPrank(acmeLawyer);
        (bytes32[] memory none, uint32[] memory noIndexes) = _citations(0);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidCitationCount.selector, 0, max));
        cases.fileCaseCiting(CASE, HZ, NOVA, CLAIM, none, noIndexes);
        (bytes32[] memory tooMany, uint32[] memory tooManyIndexes) = _citations(max + 1);
        vm.expectRevert(abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidCitationCount.selector, max + 1, max));
        cases.fileCaseCiting(CASE, HZ, NOVA, CLAIM, tooMany, tooManyIndexes);
        (bytes32[] memory all, uint32[] memory allIndexes) = _citations(max);
        cases.fileCaseCiting(CASE, HZ, NOVA, CLAIM, all, allIndexes);
        vm.stopPrank();
    }

    /// A filing with the most citations fits the relay's default gas limit (1,000,000): execution plus the
    /// transaction's intrinsic cost (21,000 and 16 gas per non-zero call-data byte, counted as all non-zero).
    function test_AFilingWithTheMostCitationsFitsTheRelaysGasLimit() public {
        uint256 max = cases.MAX_CITATIONS();
        (bytes32[] memory txHashes, uint32[] memory logIndexes) = _citations(max);
        bytes memory callData = abi.encodeCall(cases.fileCaseCiting, (CASE, HZ, NOVA, CLAIM, txHashes, logIndexes));
        vm.prank(acmeLawyer);
        uint256 before = gasleft();
        (bool ok,) = address(cases).call(callData);
        uint256 used = before - gasleft();
        assertTrue(ok);
        uint256 total = used + 21_000 + 16 * callData.length;
        emit log_named_uint("gas of a filing citing MAX_CITATIONS events (upper bound)", total);
        assertLt(total, 1_000_000);
    }

    /// Any count: filed with exactly one citation event each when 1..MAX, refused with nothing filed otherwise.
    function testFuzz_TheNumberOfCitationsIsBounded(uint16 rawCount) public {
        uint256 count = bound(rawCount, 0, 300);
        (bytes32[] memory txHashes, uint32[] memory logIndexes) = _citations(count);
        bool allowed = count >= 1 && count <= cases.MAX_CITATIONS();
        if (!allowed) {
            vm.expectRevert(
                abi.encodeWithSelector(ICaseRegistry.CaseRegistryInvalidCitationCount.selector, count, cases.MAX_CITATIONS())
            );
        }
        vm.recordLogs();
        vm.prank(acmeLawyer);
        cases.fileCaseCiting(CASE, HZ, NOVA, CLAIM, txHashes, logIndexes);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        if (!allowed) {
            assertEq(uint8(cases.caseOf(CASE).status), uint8(ICaseRegistry.CaseStatus.None));
            return;
        }
        uint256 cited;
        for (uint256 i = 0; i < logs.length; ++i) {
            if (logs[i].emitter == address(cases) && logs[i].topics[0] == ICaseRegistry.CaseEvidenceCited.selector) {
                assertEq(logs[i].topics[1], CASE);
                (bytes32 txHash, uint32 logIndex) = abi.decode(logs[i].data, (bytes32, uint32));
                assertEq(txHash, txHashes[cited]);
                assertEq(logIndex, logIndexes[cited]);
                ++cited;
            }
        }
        assertEq(cited, count);
        assertEq(uint8(cases.caseOf(CASE).status), uint8(ICaseRegistry.CaseStatus.Filed));
    }
}
