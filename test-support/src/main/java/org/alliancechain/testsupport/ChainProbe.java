package org.alliancechain.testsupport;

import java.util.HexFormat;
import java.util.List;
import org.alliancechain.localstack.SuiteContracts;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.http.HttpService;

/** Reads the chain directly, bypassing the app, to check what the app claims. */
public final class ChainProbe {

    private ChainProbe() {
    }

    /** The root anchored under a batch id, hex; null when none is. */
    public static String anchoredRoot(SuiteContracts contracts, String batchIdHex) {
        var web3j = Web3j.build(new HttpService(contracts.rpcUrl()));
        try {
            // anchorOf(bytes32) returns a static struct whose first word is the root.
            String data = FunctionEncoder.encode(new Function("anchorOf",
                    List.of(new Bytes32(HexFormat.of().parseHex(batchIdHex))), List.of()));
            String result = web3j.ethCall(Transaction.createEthCallTransaction(null, contracts.anchorRegistry(), data),
                    DefaultBlockParameterName.LATEST).send().getValue();
            String root = result == null || result.length() < 66 ? null : result.substring(2, 66);
            return root == null || root.equals("0".repeat(64)) ? null : root;
        } catch (Exception e) {
            throw new IllegalStateException("chain read failed: " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
    }
}
