// SPDX-License-Identifier: AGPL-3.0-only
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {ERC3525BaseMock} from "@solvprotocol/erc-3525/mocks/ERC3525BaseMock.sol";

import {IReceivableRegistry} from "../../src/IReceivableRegistry.sol";
import {ERC3525CoreHarness} from "../harness/ERC3525CoreHarness.sol";
import {ReceivableTokenHarness} from "../harness/ReceivableTokenHarness.sol";

/// @dev Drives the same random operation sequence through two pairs:
///   A: the reference (solv-finance/erc-3525 v1.5.0, ERC3525BaseMock) and our core with every gate open;
///   B: a second reference and the registry's token surface (ReceivableToken: the standard's transfers,
///      setApprovalForAll and token-level approve refused).
/// Pair A must agree on every outcome. In pair B the refused operations are tried on the reference in a
/// probe that is rolled back: each time the reference would accept one, that is a counted deviation;
/// every other operation must agree. Token ids: minted ids are the same in both; ids created by
/// transferFrom(id, to, value) (pair A only: pair B refuses it) are mapped from the reference's to ours.
contract ERC3525ConformanceHandler is Test {
    enum Op {
        Mint,
        ValueToId,
        ValueToAddress,
        ApproveValue,
        ApproveId,
        ApproveAll,
        BurnValue,
        Burn,
        TransferToken,
        SafeTransferToken
    }

    uint256 internal constant MINT_BASE = 1_000_000; // minted ids, far from the generated ones (1, 2, ...)

    ERC3525BaseMock public refA;
    ERC3525CoreHarness public ours;
    ERC3525BaseMock public refB;
    ReceivableTokenHarness public policy;

    address[4] internal actors;
    uint256[] internal _ids; // reference ids in pair A
    uint256[] internal _idsB; // reference ids in pair B
    mapping(uint256 => uint256) public oursOf; // pair A: reference id -> our id
    uint256 internal minted;

    /// Outcomes that differed in pair A, per operation.
    mapping(Op => uint256) public ghostMismatchA;
    /// Outcomes that differed in pair B on operations the policy does not refuse.
    uint256 public ghostMismatchB;
    /// Pair B: refused operations the reference would have accepted (the documented deviation).
    mapping(Op => uint256) public ghostDeviations;
    /// Pair B: a refused operation that the policy accepted, or refused with another error.
    uint256 public ghostPolicyLeak;
    uint256 public ghostAgreedSuccesses;

    constructor() {
        refA = new ERC3525BaseMock("Ref", "REF", 2);
        ours = new ERC3525CoreHarness();
        refB = new ERC3525BaseMock("Ref", "REF", 2);
        policy = new ReceivableTokenHarness();
        actors = [makeAddr("alice"), makeAddr("bob"), makeAddr("carol"), makeAddr("dave")];
    }

    // --- views for the invariants ---

    function actorAt(uint256 i) external view returns (address) {
        return actors[i];
    }

    function idCount() external view returns (uint256) {
        return _ids.length;
    }

    function idAt(uint256 i) external view returns (uint256) {
        return _ids[i];
    }

    function idCountB() external view returns (uint256) {
        return _idsB.length;
    }

    function idAtB(uint256 i) external view returns (uint256) {
        return _idsB[i];
    }

    // --- operations ---

    function mint(uint256 toSeed, uint256 slotSeed, uint256 value) external {
        uint256 id = MINT_BASE + ++minted;
        address to = actors[toSeed % 4];
        uint256 slot = slotSeed % 3 + 1;
        value = bound(value, 0, 1e12);
        bytes memory call = abi.encodeCall(ERC3525BaseMock.mint, (to, id, slot, value));
        _pairA(Op.Mint, address(this), call, call);
        _pairB(Op.Mint, address(this), call, call);
        _ids.push(id);
        _idsB.push(id);
    }

    function transferValueToId(uint256 actorSeed, uint256 fromSeed, uint256 toSeed, uint256 value) external {
        address actor = actors[actorSeed % 4];
        value = bound(value, 0, 1e12);
        (uint256 from, uint256 to) = (_id(fromSeed), _id(toSeed));
        _pairA(
            Op.ValueToId,
            actor,
            abi.encodeWithSignature("transferFrom(uint256,uint256,uint256)", from, to, value),
            abi.encodeWithSignature("transferFrom(uint256,uint256,uint256)", _ours(from), _ours(to), value)
        );
        (from, to) = (_idB(fromSeed), _idB(toSeed));
        _refusedInB(
            Op.ValueToId,
            actor,
            abi.encodeWithSignature("transferFrom(uint256,uint256,uint256)", from, to, value),
            abi.encodeWithSignature("transferFrom(uint256,uint256,uint256)", from, to, value)
        );
    }

    function transferValueToAddress(uint256 actorSeed, uint256 fromSeed, uint256 toSeed, uint256 value) external {
        address actor = actors[actorSeed % 4];
        address to = toSeed % 9 == 8 ? address(0) : actors[toSeed % 4];
        value = bound(value, 0, 1e12);
        uint256 from = _id(fromSeed);
        (bool okRef, bytes memory retRef, bool okOurs, bytes memory retOurs) = _both(
            address(refA),
            address(ours),
            actor,
            abi.encodeWithSignature("transferFrom(uint256,address,uint256)", from, to, value),
            abi.encodeWithSignature("transferFrom(uint256,address,uint256)", _ours(from), to, value)
        );
        if (okRef != okOurs) ghostMismatchA[Op.ValueToAddress]++;
        if (okRef && okOurs) {
            uint256 refId = abi.decode(retRef, (uint256));
            oursOf[refId] = abi.decode(retOurs, (uint256));
            if (oursOf[refId] == 0) ghostMismatchA[Op.ValueToAddress]++;
            _ids.push(refId);
            ghostAgreedSuccesses++;
        }
        from = _idB(fromSeed);
        _refusedInB(
            Op.ValueToAddress,
            actor,
            abi.encodeWithSignature("transferFrom(uint256,address,uint256)", from, to, value),
            abi.encodeWithSignature("transferFrom(uint256,address,uint256)", from, to, value)
        );
    }

    function approveValue(uint256 actorSeed, uint256 idSeed, uint256 operatorSeed, uint256 value) external {
        address actor = actors[actorSeed % 4];
        address operator = operatorSeed % 9 == 8 ? address(0) : actors[operatorSeed % 4];
        value = value % 5 == 0 ? type(uint256).max : bound(value, 0, 1e12);
        uint256 id = _id(idSeed);
        bytes memory refCall = abi.encodeWithSignature("approve(uint256,address,uint256)", id, operator, value);
        _pairA(
            Op.ApproveValue,
            actor,
            refCall,
            abi.encodeWithSignature("approve(uint256,address,uint256)", _ours(id), operator, value)
        );
        id = _idB(idSeed);
        _pairB(
            Op.ApproveValue,
            actor,
            abi.encodeWithSignature("approve(uint256,address,uint256)", id, operator, value),
            abi.encodeWithSignature("approve(uint256,address,uint256)", id, operator, value)
        );
    }

    function approveId(uint256 actorSeed, uint256 idSeed, uint256 toSeed) external {
        address actor = actors[actorSeed % 4];
        address to = toSeed % 9 == 8 ? address(0) : actors[toSeed % 4];
        uint256 id = _id(idSeed);
        _pairA(
            Op.ApproveId,
            actor,
            abi.encodeWithSignature("approve(address,uint256)", to, id),
            abi.encodeWithSignature("approve(address,uint256)", to, _ours(id))
        );
        id = _idB(idSeed);
        _refusedInB(
            Op.ApproveId,
            actor,
            abi.encodeWithSignature("approve(address,uint256)", to, id),
            abi.encodeWithSignature("approve(address,uint256)", to, id)
        );
    }

    function setApprovalForAll(uint256 actorSeed, uint256 operatorSeed, bool approved) external {
        address actor = actors[actorSeed % 4];
        bytes memory call =
            abi.encodeWithSignature("setApprovalForAll(address,bool)", actors[operatorSeed % 4], approved);
        _pairA(Op.ApproveAll, actor, call, call);
        _refusedInB(Op.ApproveAll, actor, call, call);
    }

    function burnValue(uint256 actorSeed, uint256 idSeed, uint256 value) external {
        address actor = actors[actorSeed % 4];
        value = bound(value, 0, 1e12);
        uint256 id = _id(idSeed);
        _pairA(
            Op.BurnValue,
            actor,
            abi.encodeCall(ERC3525BaseMock.burnValue, (id, value)),
            abi.encodeCall(ERC3525BaseMock.burnValue, (_ours(id), value))
        );
        id = _idB(idSeed);
        _pairB(
            Op.BurnValue,
            actor,
            abi.encodeCall(ERC3525BaseMock.burnValue, (id, value)),
            abi.encodeCall(ERC3525BaseMock.burnValue, (id, value))
        );
    }

    function burn(uint256 actorSeed, uint256 idSeed) external {
        address actor = actors[actorSeed % 4];
        uint256 id = _id(idSeed);
        _pairA(
            Op.Burn,
            actor,
            abi.encodeCall(ERC3525BaseMock.burn, (id)),
            abi.encodeCall(ERC3525BaseMock.burn, (_ours(id)))
        );
        id = _idB(idSeed);
        _pairB(Op.Burn, actor, abi.encodeCall(ERC3525BaseMock.burn, (id)), abi.encodeCall(ERC3525BaseMock.burn, (id)));
    }

    function transferToken(uint256 actorSeed, uint256 fromSeed, uint256 toSeed, uint256 idSeed, bool safe) external {
        address actor = actors[actorSeed % 4];
        address from = actors[fromSeed % 4];
        address to = toSeed % 9 == 8 ? address(0) : actors[toSeed % 4];
        uint256 id = _id(idSeed);
        string memory sig = safe ? "safeTransferFrom(address,address,uint256)" : "transferFrom(address,address,uint256)";
        Op op = safe ? Op.SafeTransferToken : Op.TransferToken;
        _pairA(op, actor, abi.encodeWithSignature(sig, from, to, id), abi.encodeWithSignature(sig, from, to, _ours(id)));
        id = _idB(idSeed);
        _refusedInB(op, actor, abi.encodeWithSignature(sig, from, to, id), abi.encodeWithSignature(sig, from, to, id));
    }

    /// Runs a call and reverts with whether it succeeded: a probe whose effects are rolled back.
    function probe(address target, address actor, bytes calldata call) external {
        require(msg.sender == address(this));
        vm.prank(actor);
        (bool ok,) = target.call(call);
        revert(ok ? "accepted" : "refused");
    }

    // --- helpers ---

    function _pairA(Op op, address actor, bytes memory refCall, bytes memory ourCall) internal {
        (bool okRef,, bool okOurs,) = _both(address(refA), address(ours), actor, refCall, ourCall);
        if (okRef != okOurs) ghostMismatchA[op]++;
        if (okRef && okOurs) ghostAgreedSuccesses++;
    }

    function _pairB(Op, address actor, bytes memory refCall, bytes memory ourCall) internal {
        (bool okRef,, bool okOurs,) = _both(address(refB), address(policy), actor, refCall, ourCall);
        if (okRef != okOurs) ghostMismatchB++;
    }

    /// A call the policy refuses: the policy must refuse it with its own error; the reference only
    /// tells (in a rolled-back probe) whether it would have accepted it.
    function _refusedInB(Op op, address actor, bytes memory refCall, bytes memory ourCall) internal {
        vm.prank(actor);
        (bool ok, bytes memory err) = address(policy).call(ourCall);
        bytes4 expected = op == Op.ApproveId || op == Op.ApproveAll
            ? IReceivableRegistry.ReceivableRegistryApprovalRefused.selector
            : IReceivableRegistry.ReceivableRegistryTransferRefused.selector;
        if (ok || keccak256(err) != keccak256(abi.encodePacked(expected))) ghostPolicyLeak++;
        try this.probe(address(refB), actor, refCall) {}
        catch Error(string memory outcome) {
            if (keccak256(bytes(outcome)) == keccak256("accepted")) ghostDeviations[op]++;
        }
    }

    function _both(address ref, address our, address actor, bytes memory refCall, bytes memory ourCall)
        internal
        returns (bool okRef, bytes memory retRef, bool okOurs, bytes memory retOurs)
    {
        vm.prank(actor);
        (okRef, retRef) = ref.call(refCall);
        vm.prank(actor);
        (okOurs, retOurs) = our.call(ourCall);
    }

    /// Our id for a reference id (minted ids and unknown ids are the same in both).
    function ours_(uint256 refId) external view returns (uint256) {
        return _ours(refId);
    }

    function _ours(uint256 refId) internal view returns (uint256) {
        uint256 id = oursOf[refId];
        return id == 0 ? refId : id;
    }

    /// A known reference id (now and then an unknown one, or 0).
    function _id(uint256 seed) internal view returns (uint256) {
        if (_ids.length == 0 || seed % 11 == 10) return seed % 2 == 0 ? 0 : 999;
        return _ids[seed % _ids.length];
    }

    function _idB(uint256 seed) internal view returns (uint256) {
        if (_idsB.length == 0 || seed % 11 == 10) return seed % 2 == 0 ? 0 : 999;
        return _idsB[seed % _idsB.length];
    }
}
