package org.alliancechain.chain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ConsortiumMember;
import org.alliancechain.chain.api.ConsortiumRole;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.chain.api.TransactionOnChain;
import org.alliancechain.testsupport.ChainTestResource;
import org.junit.jupiter.api.Test;

/** The chain reads apps use instead of web3j: members and roles, the events of one object, a transaction. */
@QuarkusTest
@WithTestResource(ChainTestResource.class)
class ChainReaderTest {

    @Inject
    ChainReader reader;

    @Inject
    ChainPort chain;

    @Inject
    ChainFixture fixture;

    @Test
    void aMembersStatusAndRolesAreReadFromTheMemberRegistryAsTheBootstrapGrantedThem() {
        var commission = reader.member("hz-arbitration");
        assertThat(commission.status()).isEqualTo(ConsortiumMember.Status.ACTIVE);
        assertThat(commission.memberId()).isEqualTo(ChainIds.hex(ChainIds.memberId("hz-arbitration")));
        assertThat(commission.roles()).containsExactlyInAnyOrder(ConsortiumRole.ANCHORER, ConsortiumRole.ODR_COMMISSION);
        assertThat(commission.holds(ConsortiumRole.ODR_COMMISSION)).isTrue();
        assertThat(commission.holds(ConsortiumRole.ODR_PARTY)).isFalse();
        assertThat(reader.member("acme-trading").roles()).containsExactlyInAnyOrder(ConsortiumRole.ANCHORER, ConsortiumRole.ODR_PARTY,
                ConsortiumRole.CORE_ENTERPRISE);
        assertThat(reader.member("blue-bank").roles()).containsExactlyInAnyOrder(ConsortiumRole.ANCHORER, ConsortiumRole.ODR_PARTY,
                ConsortiumRole.FINANCIER);
        for (String mediaHouse : new String[] {"daily-news", "pixel-studio"}) {
            assertThat(reader.member(mediaHouse).roles()).as(mediaHouse).containsExactlyInAnyOrder(ConsortiumRole.ANCHORER,
                    ConsortiumRole.ODR_PARTY, ConsortiumRole.RIGHTS_HOLDER);
        }
        assertThat(reader.member("acme-trading").holds(ConsortiumRole.RIGHTS_HOLDER)).as("a licensee needs no role").isFalse();

        var stranger = reader.member("not-a-member");
        assertThat(stranger.status()).isEqualTo(ConsortiumMember.Status.NONE);
        assertThat(stranger.roles()).isEmpty();
        assertThat(stranger.holds(ConsortiumRole.ANCHORER)).isFalse();
    }

    @Test
    void theEventsOfOneObjectComeDecodedInChainOrderAndSoDoesTheirTransaction() {
        byte[] batchId = ChainFixture.random32();
        byte[] root = ChainFixture.random32();
        long id = fixture.submit(ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR, batchId, root, 3));
        long other = fixture.submit(ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR, ChainFixture.random32(), ChainFixture.random32(), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.status(id).orElseThrow().status() == ChainTxStatus.CONFIRMED
                && chain.status(other).orElseThrow().status() == ChainTxStatus.CONFIRMED);
        String tx = chain.status(id).orElseThrow().transactionHash();

        var events = reader.eventsOf("AnchorRegistry", batchId);
        assertThat(events).hasSize(1);
        var anchored = events.getFirst();
        assertThat(anchored.contract()).isEqualTo("AnchorRegistry");
        assertThat(anchored.address()).isEqualTo(fixture.anchorRegistry().toLowerCase());
        assertThat(anchored.event()).isEqualTo("RootAnchored");
        assertThat(anchored.signature()).isEqualTo("RootAnchored(bytes32,bytes32,bytes32,uint32,uint64)");
        assertThat(anchored.bytes("batchId")).isEqualTo(batchId);
        assertThat(anchored.bytes("root")).isEqualTo(root);
        assertThat(anchored.number("leafCount")).isEqualTo(BigInteger.valueOf(3));
        assertThat(anchored.text("root")).isEqualTo(ChainIds.hex(root));
        assertThat(anchored.argument("batchId").indexed()).isTrue();
        assertThat(anchored.transactionHash()).isEqualTo(tx);
        assertThat(anchored.blockNumber()).isEqualTo(chain.status(id).orElseThrow().blockNumber());

        var mined = reader.transaction(tx);
        assertThat(mined.state()).isEqualTo(TransactionOnChain.State.MINED);
        assertThat(mined.blockTime()).isNotNull();
        assertThat(mined.logs()).containsExactly(anchored);
        assertThat(reader.transaction("0x" + "ab".repeat(32)).state()).isEqualTo(TransactionOnChain.State.UNKNOWN);

        assertThat(reader.eventsOf("CaseRegistry", batchId)).isEmpty();
        assertThat(reader.eventsOf("InvoiceRegistry", batchId)).isEmpty();
        assertThat(reader.eventsOf("ReceivableRegistry", batchId)).isEmpty();
        assertThat(reader.contracts()).containsKeys("MemberRegistry", "AnchorRegistry", "CaseRegistry", "InvoiceRegistry", "BusinessCalendar",
                "FinancingQuotes", "ReceivableRegistry", "WorkRegistry", "LicenceRegistry");
        assertThat(reader.eventsOf("LicenceRegistry", batchId)).isEmpty();
        assertThatThrownBy(() -> reader.eventsOf("RoyaltyRegistry", batchId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chain.contracts.royalty-registry");
    }
}
