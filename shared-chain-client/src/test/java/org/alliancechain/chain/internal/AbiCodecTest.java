package org.alliancechain.chain.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.alliancechain.chain.api.ContractCall;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;

/** Calls encoded from their written signatures equal web3j's own encoding, tuples included. */
class AbiCodecTest {

    private static final String TO = "0x00000000000000000000000000000000000000aa";
    private static final byte[] A = new byte[32];
    private static final byte[] B = new byte[32];

    static {
        A[31] = 1;
        B[0] = 2;
    }

    @Test
    void arraysAndAddressesEncodeAsWeb3jDoes() {
        var call = ContractCall.of(TO, "confirm(bytes32,address,uint256,uint32,bool,bytes32[],bytes32)", A, TO, BigInteger.TEN,
                BigInteger.valueOf(20_000), true, List.of(A, B), B);
        var expected = FunctionEncoder.encode(new Function("confirm", List.of(new Bytes32(A), new Address(TO), new Uint256(10),
                new Uint32(20_000), new Bool(true), new DynamicArray<>(Bytes32.class, List.of(new Bytes32(A), new Bytes32(B))), new Bytes32(B)),
                List.of()));
        assertEquals(expected, AbiCodec.encode(call));
    }

    @Test
    void aStaticTupleIsEncodedInPlaceWithTheCanonicalSelector() {
        var call = ContractCall.of(TO, "quote((bytes32, uint32, bool) terms, bytes32 nonce)", List.of(A, BigInteger.valueOf(390), false), B);
        String encoded = AbiCodec.encode(call);
        String selector = org.web3j.crypto.Hash.sha3String("quote((bytes32,uint32,bool),bytes32)").substring(0, 10);
        assertEquals(selector + FunctionEncoder.encodeConstructor(List.of(new StaticStruct(new Bytes32(A), new Uint32(390), new Bool(false)),
                new Bytes32(B))), encoded);
        // Four static words: the tuple in place, then the nonce.
        assertEquals(10 + 4 * 64, encoded.length());
    }

    @Test
    void aBatchOfCallsIsEncodedAsTheirCallData() {
        var split = ContractCall.of(TO, "split(uint256,uint256)", 7L, 100L);
        var accept = ContractCall.of(TO, "acceptOffer(uint256)", 9L);
        var batch = ContractCall.of(TO, "batchSteps(bytes[])", List.of(split, accept));
        var expected = FunctionEncoder.encode(new Function("batchSteps", List.of(new DynamicArray<>(org.web3j.abi.datatypes.DynamicBytes.class,
                List.of(new org.web3j.abi.datatypes.DynamicBytes(org.web3j.utils.Numeric.hexStringToByteArray(AbiCodec.encode(split))),
                        new org.web3j.abi.datatypes.DynamicBytes(org.web3j.utils.Numeric.hexStringToByteArray(AbiCodec.encode(accept)))))),
                List.of()));
        assertEquals(expected, AbiCodec.encode(batch));
        assertEquals(FunctionEncoder.encode(new Function("acceptOffer", List.of(new Uint256(9)), List.of())), AbiCodec.encode(accept));
    }

    @Test
    void aTupleWithTheWrongNumberOfValuesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> AbiCodec.encode(ContractCall.of(TO, "quote((bytes32,uint32),bytes32)", List.of(A), B)));
    }

    @Test
    void anEventsStaticTupleIsDecodedAsAListOfItsFields() {
        var event = AbiCodec.parse("Quoted(bytes32 indexed quoteId, (bytes32,uint32,bool) quote, uint256 after)");
        String data = FunctionEncoder.encodeConstructor(List.of(new StaticStruct(new Bytes32(A), new Uint32(390), new Bool(true)),
                new Uint256(7)));
        var values = AbiCodec.decodeEvent(event, List.of(event.topic(), org.web3j.utils.Numeric.toHexString(B)), data);
        assertEquals(List.of(A.length, BigInteger.valueOf(390), true), List.of(((byte[]) ((List<?>) values.get("quote")).get(0)).length,
                ((List<?>) values.get("quote")).get(1), ((List<?>) values.get("quote")).get(2)));
        assertEquals(BigInteger.valueOf(7), values.get("after"));
        assertEquals("Quoted(bytes32,(bytes32,uint32,bool),uint256)", event.canonical());
    }
}
