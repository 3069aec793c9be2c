package org.alliancechain.chain.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** Builds the node connection and the service signer once; only this package sees web3j. */
@ApplicationScoped
public class Web3jProducer {

    @Produces
    @Singleton
    Web3j web3j(ChainConfig config) {
        var timeout = config.relay().rpcTimeout();
        var http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .build();
        return Web3j.build(new HttpService(config.rpcUrl(), http));
    }

    void close(@Disposes Web3j web3j) {
        web3j.shutdown();
    }

    @Produces
    @Singleton
    Credentials signer(ChainConfig config) {
        return Credentials.create(config.signer().privateKey());
    }
}
