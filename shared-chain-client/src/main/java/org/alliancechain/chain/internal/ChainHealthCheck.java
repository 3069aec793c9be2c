package org.alliancechain.chain.internal;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The {@code chain} health group (/q/health/group/chain): node reachable and the suite's contracts
 * deployed at the configured addresses. Deliberately not part of readiness: while the chain is
 * down the service keeps accepting work into the outbox.
 */
@HealthGroup("chain")
@ApplicationScoped
public class ChainHealthCheck implements HealthCheck {

    private final Web3j web3j;
    private final ChainConfig config;

    ChainHealthCheck(Web3j web3j, ChainConfig config) {
        this.web3j = web3j;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("chain").withData("rpcUrl", config.rpcUrl());
        try {
            long block = Quantities.blockNumber(web3j.ethBlockNumber().send());
            response.withData("blockNumber", block);
            boolean allDeployed = true;
            var contracts = Map.of(
                    "MemberRegistry", config.contracts().memberRegistry(),
                    "AnchorRegistry", config.contracts().anchorRegistry());
            for (var contract : contracts.entrySet()) {
                String code = web3j.ethGetCode(contract.getValue(), DefaultBlockParameterName.LATEST).send().getCode();
                boolean deployed = code != null && code.length() > 2;
                response.withData(contract.getKey(), deployed ? contract.getValue() : "no code at " + contract.getValue());
                allDeployed &= deployed;
            }
            return response.status(allDeployed).build();
        } catch (Exception e) {
            return response.down().withData("error", "node unreachable: " + e.getMessage()).build();
        }
    }
}
