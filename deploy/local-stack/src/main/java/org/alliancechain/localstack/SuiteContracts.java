package org.alliancechain.localstack;

import java.util.Map;

/** Addresses of the suite's contracts on one chain. */
public record SuiteContracts(String rpcUrl, long chainId, String memberRegistry, String anchorRegistry, String caseRegistry) {

    /** The chain.* configuration every app reads. */
    public Map<String, String> appConfig() {
        return Map.of(
                "chain.rpc-url", rpcUrl,
                "chain.chain-id", String.valueOf(chainId),
                "chain.contracts.member-registry", memberRegistry,
                "chain.contracts.anchor-registry", anchorRegistry,
                "chain.contracts.case-registry", caseRegistry);
    }

    /** The inverse of {@link #appConfig()}: the addresses back from the chain.* configuration (e.g. of a shared test stack). */
    public static SuiteContracts fromAppConfig(Map<String, String> config) {
        return new SuiteContracts(config.get("chain.rpc-url"), Long.parseLong(config.get("chain.chain-id")),
                config.get("chain.contracts.member-registry"), config.get("chain.contracts.anchor-registry"),
                config.get("chain.contracts.case-registry"));
    }
}
