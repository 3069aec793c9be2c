package org.alliancechain.chain.internal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "chain")
public interface ChainConfig {

    /** JSON-RPC URL of the node (anvil locally, a Besu node in production). */
    String rpcUrl();

    /** Chain id used for EIP-155 signatures; read from the node when absent. */
    Optional<Long> chainId();

    Contracts contracts();

    Signer signer();

    Relay relay();

    interface Contracts {
        String memberRegistry();

        String anchorRegistry();
    }

    interface Signer {
        /** Hex private key of the service's signing account (development; key custody replaces it). */
        String privateKey();
    }

    interface Relay {
        /** Whether this instance runs the relay (tests of other parts may turn it off). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("0.2s")
        Duration interval();

        /** Transactions signed per relay round and per signer. */
        @WithDefault("200")
        int batchSize();

        @WithDefault("0")
        long gasPrice();

        @WithDefault("1000000")
        long gasLimit();

        /** A submitted transaction without a receipt after this long is broadcast again, unchanged. */
        @WithDefault("5s")
        Duration rebroadcastAfter();

        @WithDefault("5s")
        Duration rpcTimeout();
    }
}
