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

    /** keccak256 of raw bytes (e.g. Solidity's {@code abi.encodePacked} of several values). */
    public static byte[] keccak256(byte[] bytes) {
        return Hash.sha3(bytes);
    }

    /**
     * keccak256 of {@code abi.encodePacked(uint256[] values)}: each value as a 32-byte big-endian
     * word, concatenated (e.g. InvoiceRegistry's digest of an invoice's line amounts).
     */
    public static byte[] keccak256OfWords(java.util.List<java.math.BigInteger> values) {
        byte[] packed = new byte[32 * values.size()];
        for (int i = 0; i < values.size(); i++) {
            byte[] word = values.get(i).toByteArray();
            if (values.get(i).signum() < 0 || word.length > 33 || (word.length == 33 && word[0] != 0)) {
                throw new IllegalArgumentException("not a uint256: " + values.get(i));
            }
            int length = Math.min(word.length, 32);
            System.arraycopy(word, word.length - length, packed, 32 * i + 32 - length, length);
        }
        return Hash.sha3(packed);
    }

    /** A member's id on chain: keccak256 of its alias (as MemberRegistry admits it). */
    public static byte[] memberId(String alias) {
        return keccak256(alias);
    }

    /**
     * A case's id in CaseRegistry: keccak256 of its case number — a commission's number for a case filed
     * through the arbitration service, {@code <app>/<reference>} for a case another app files.
     */
    public static byte[] caseId(String caseNumber) {
        return keccak256(caseNumber);
    }

    /**
     * An invoice's id in InvoiceRegistry: keccak256(abi.encodePacked(uint8 kind, string number)), as
     * {@code invoiceIdOf} computes it — how the e-invoice ledger keys an invoice and how a receivable
     * names the invoices behind it.
     */
    public static byte[] invoiceId(int kindCode, String number) {
        byte[] digits = number.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] packed = new byte[1 + digits.length];
        packed[0] = (byte) kindCode;
        System.arraycopy(digits, 0, packed, 1, digits.length);
        return keccak256(packed);
    }

    /** 0x-prefixed lower-case hex, as the chain's JSON-RPC writes bytes. */
    public static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
