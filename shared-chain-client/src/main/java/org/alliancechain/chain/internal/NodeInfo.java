package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import org.web3j.protocol.Web3j;

/** Facts about the node that never change while it runs, asked once. */
@ApplicationScoped
public class NodeInfo {

    private final Web3j web3j;
    private final ChainConfig config;
    private volatile Long chainId;

    NodeInfo(Web3j web3j, ChainConfig config) {
        this.web3j = web3j;
        this.config = config;
    }

    /** EIP-155 chain id: configured, else read from the node; throws NodeUnavailableException while it is down. */
    public long chainId() {
        Long id = chainId;
        if (id == null) {
            id = config.chainId().orElseGet(() -> Rpc.send(web3j.ethChainId()).getChainId().longValueExact());
            chainId = id;
        }
        return id;
    }
}
