package org.alliancechain.testsupport;

import java.math.BigInteger;
import java.util.HexFormat;
import org.alliancechain.contracts.generated.AnchorRegistry;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/** Reads the chain directly, bypassing the app, to check what the app claims. */
public final class ChainProbe {

    private ChainProbe() {
    }

    public static boolean isAnchored(String batchIdHex) {
        var contracts = SuiteTestResource.stack().contracts();
        var web3j = Web3j.build(new HttpService(contracts.rpcUrl()));
        try {
            var registry = AnchorRegistry.load(contracts.anchorRegistry(), web3j,
                    new ReadonlyTransactionManager(web3j, "0x0000000000000000000000000000000000000000"),
                    new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(1_000_000)));
            return registry.isAnchored(HexFormat.of().parseHex(batchIdHex)).send();
        } catch (Exception e) {
            throw new IllegalStateException("chain read failed: " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
    }
}
