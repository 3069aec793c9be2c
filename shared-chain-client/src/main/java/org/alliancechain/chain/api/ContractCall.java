package org.alliancechain.chain.api;

import java.util.List;
import java.util.Objects;

/**
 * A state-changing call of a suite contract, described without web3j types.
 *
 * @param contract  the contract's address (0x...)
 * @param function  the Solidity signature, e.g. {@code anchor(bytes32,bytes32,uint32)}
 * @param arguments one Java value per parameter: {@code byte[]} for bytes/bytesN, {@code BigInteger}
 *                  or {@code Long}/{@code Integer} for (u)intN, {@code String} for address and string,
 *                  {@code Boolean} for bool, a {@code List} of those for a dynamic array; for {@code bytes}
 *                  also a {@code ContractCall}, encoded as its call data (a contract's batch of its own calls,
 *                  e.g. {@code batchSteps(bytes[])} with a list of calls)
 * @param purpose   a short label kept with the write, e.g. "case-accepted" (shown in timelines and metrics)
 */
public record ContractCall(String contract, String function, List<Object> arguments, String purpose) {

    public ContractCall {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(function, "function");
        arguments = List.copyOf(arguments);
        if (purpose == null || purpose.isBlank()) {
            purpose = function.substring(0, Math.max(0, function.indexOf('(')));
        }
    }

    public static ContractCall of(String contract, String function, Object... arguments) {
        return new ContractCall(contract, function, List.of(arguments), null);
    }

    public ContractCall withPurpose(String label) {
        return new ContractCall(contract, function, arguments, label);
    }
}
