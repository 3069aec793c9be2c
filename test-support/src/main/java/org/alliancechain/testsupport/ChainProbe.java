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

    /** The root anchored under a batch id, hex; null when none is. */
    public static String anchoredRoot(org.alliancechain.localstack.SuiteContracts contracts, String batchIdHex) {
        var web3j = Web3j.build(new HttpService(contracts.rpcUrl()));
        try {
            var registry = AnchorRegistry.load(contracts.anchorRegistry(), web3j,
                    new ReadonlyTransactionManager(web3j, "0x0000000000000000000000000000000000000000"),
                    new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(1_000_000)));
            var id = HexFormat.of().parseHex(batchIdHex);
            return registry.isAnchored(id).send() ? HexFormat.of().formatHex(registry.anchorOf(id).send().root) : null;
        } catch (Exception e) {
            throw new IllegalStateException("chain read failed: " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
    }
}
