package org.alliancechain.chain.pipeline;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.alliancechain.testsupport.ChainTestResource;

/** The relay settling with block-receipts (see {@link ReceiptSourceScenario}). */
@QuarkusTest
@TestProfile(BlockReceiptsSourceTest.Profile.class)
@WithTestResource(ChainTestResource.class)
class BlockReceiptsSourceTest extends ReceiptSourceScenario {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chain.relay.receipt-source", "block-receipts");
        }
    }
}
