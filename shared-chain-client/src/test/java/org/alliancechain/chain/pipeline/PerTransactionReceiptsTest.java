package org.alliancechain.chain.pipeline;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.alliancechain.testsupport.ChainTestResource;

/** The relay settling with per-transaction (see {@link ReceiptSourceScenario}). */
@QuarkusTest
@TestProfile(PerTransactionReceiptsTest.Profile.class)
@WithTestResource(ChainTestResource.class)
class PerTransactionReceiptsTest extends ReceiptSourceScenario {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chain.relay.receipt-source", "per-transaction");
        }
    }
}
