package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.alliancechain.chain.custody.KeyCustody;
import org.alliancechain.chain.custody.KeystoreKeyCustody;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** Builds the node connection and the key custody once. */
@ApplicationScoped
public class Web3jProducer {

    @Produces
    @Singleton
    HttpService rpc(ChainConfig config) {
        var timeout = config.relay().rpcTimeout();
        var http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .connectionPool(new ConnectionPool(8, 5, java.util.concurrent.TimeUnit.MINUTES))
                .build();
        return new HttpService(config.rpcUrl(), http);
    }

    @Produces
    @Singleton
    Web3j web3j(HttpService rpc) {
        return Web3j.build(rpc);
    }

    void close(@Disposes Web3j web3j) {
        web3j.shutdown();
    }

    /** Roots on chain for proof checks, read through the service's node, cached per batch (anchors never change). */
    @Produces
    @Singleton
    org.alliancechain.chain.api.AnchorLookup anchors(ChainConfig config) {
        return org.alliancechain.chain.api.AnchorLookup.overJsonRpc(java.net.URI.create(config.rpcUrl()), config.relay().rpcTimeout());
    }

    @Produces
    @Singleton
    KeyCustody keyCustody(ChainConfig config) {
        return new KeystoreKeyCustody(Path.of(config.keyCustody().directory()), config.keyCustody().passphrase());
    }
}
