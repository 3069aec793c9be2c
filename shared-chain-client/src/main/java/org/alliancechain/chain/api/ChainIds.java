package org.alliancechain.chain.api;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.web3j.crypto.Hash;

/**
 * The ids the suite's contracts use for things named off chain: keccak256 of the UTF-8 name (a
 * member's alias, a case number, an invoice number, a role). One place, so every app computes the
 * same id the contracts and the local stack's bootstrap do.
 */
public final class ChainIds {

    private ChainIds() {
    }

    /** keccak256 of the UTF-8 bytes of {@code text}. */
    public static byte[] keccak256(String text) {
        return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A member's id on chain: keccak256 of its alias (as MemberRegistry admits it). */
    public static byte[] memberId(String alias) {
        return keccak256(alias);
    }

    /** 0x-prefixed lower-case hex, as the chain's JSON-RPC writes bytes. */
    public static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
