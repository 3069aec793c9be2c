package org.alliancechain.chain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.chain.api.UnknownSignerException;
import org.alliancechain.chain.internal.ChainOutbox;
import org.alliancechain.localstack.ConsortiumBootstrap;
import org.alliancechain.localstack.DevKeys;
import org.alliancechain.localstack.SuiteApp;
import org.alliancechain.testsupport.ChainProbe;
import org.alliancechain.testsupport.ChainTestResource;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Writes are signed as the organisation they are made for: each organisation's items are batched
 * and anchored by its own account (registered under its member on chain), an organisation whose key
 * is not in custody is refused before anything is queued, and a suspended member's writes revert.
 */
@QuarkusTest
@WithTestResource(ChainTestResource.class)
class OrganisationSigningTest {

    /** The key custody of this test is odr-arbitration's (see ChainTestResource). */
    private static final String APP = SuiteApp.ODR_ARBITRATION.id();
    private static final HexFormat HEX = HexFormat.of();

    @Inject
    ChainPort chain;

    @Inject
    org.alliancechain.chain.api.ChainReader reader;

    @Inject
    ChainOutbox outbox;

    @Inject
    ChainFixture fixture;

    @Test
    void eachOrganisationsItemsAreAnchoredByItsOwnAccount() throws Exception {
        long[] court = notariseAll("hz-arbitration", 3);
        long[] bank = notariseAll("blue-bank", 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.notarisation(court[2]).orElseThrow().confirmed()
                && chain.notarisation(bank[1]).orElseThrow().confirmed());

        var courtProof = chain.notarisation(court[0]).orElseThrow().proof().orElseThrow();
        var bankProof = chain.notarisation(bank[0]).orElseThrow().proof().orElseThrow();
        assertThat(courtProof.batchId()).as("one organisation's items are never batched with another's")
                .isNotEqualTo(bankProof.batchId());
        assertThat(courtProof.treeSize()).isEqualTo(3);
        assertThat(bankProof.treeSize()).isEqualTo(2);

        var web3j = Web3j.build(new HttpService(ChainTestResource.stack().contracts().rpcUrl()));
        try {
            for (var entry : java.util.Map.of("hz-arbitration", courtProof, "blue-bank", bankProof).entrySet()) {
                String alias = entry.getKey();
                var proof = entry.getValue();
                var tx = web3j.ethGetTransactionByHash(proof.transactionHash()).send().getTransaction().orElseThrow();
                assertThat(tx.getFrom()).as("the anchoring transaction of %s", alias)
                        .isEqualToIgnoringCase(DevKeys.organisation(alias, APP).getAddress());
                assertThat(ChainProbe.anchoringMember(ChainTestResource.stack().contracts(), proof.batchId())).as("the member the registry recorded for %s", alias)
                        .isEqualTo(HEX.formatHex(ConsortiumBootstrap.memberId(alias)));
                assertThat(reader.checkProof(proof).valid()).isTrue();
            }
        } finally {
            web3j.shutdown();
        }
    }

    @Test
    void anOrganisationWithoutAKeyInCustodyIsRefusedAndNothingIsQueued() {
        long items = fixture.scalar("select count(*) from notarisation_item");
        long writes = fixture.scalar("select count(*) from chain_transaction");
        assertThatThrownBy(() -> notariseAll("not-a-member", 1))
                .isInstanceOf(UnknownSignerException.class).hasMessageContaining("not-a-member");
        assertThatThrownBy(() -> submitAs("service", ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR,
                ChainFixture.random32(), ChainFixture.random32(), 1))).isInstanceOf(UnknownSignerException.class);
        assertThat(fixture.scalar("select count(*) from notarisation_item")).isEqualTo(items);
        assertThat(fixture.scalar("select count(*) from chain_transaction")).isEqualTo(writes);
    }

    @Test
    void aSuspendedMembersWritesRevertWithTheRegistrysReason() {
        String member = "pixel-studio";
        var contracts = ChainTestResource.stack().contracts();
        long before = submitAs(member, anchor());
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.status(before).orElseThrow().status() == ChainTxStatus.CONFIRMED);

        try (var governance = new ConsortiumBootstrap(contracts.rpcUrl())) {
            governance.suspend(contracts, member);
            try {
                long refused = submitAs(member, anchor());
                long item = notariseAll(member, 1)[0];
                long other = submitAs("daily-news", anchor());
                await().atMost(Duration.ofSeconds(30)).until(() -> settled(refused) && settled(other)
                        && List.of("CONFIRMED", "FAILED").contains(chain.notarisation(item).orElseThrow().state()));

                var view = chain.status(refused).orElseThrow();
                assertThat(view.status()).isEqualTo(ChainTxStatus.FAILED);
                assertThat(view.failureReason()).isEqualToIgnoringCase("AnchorRegistryUnauthorizedAnchorer(account="
                        + DevKeys.organisation(member, APP).getAddress() + ")");
                assertThat(chain.notarisation(item).orElseThrow().state()).isEqualTo("FAILED");
                assertThat(chain.notarisation(item).orElseThrow().confirmed()).isFalse();
                assertThat(chain.status(other).orElseThrow().status()).as("another member is not affected")
                        .isEqualTo(ChainTxStatus.CONFIRMED);
            } finally {
                governance.reinstate(contracts, member);
            }
        }
        long after = submitAs(member, anchor());
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.status(after).orElseThrow().status() == ChainTxStatus.CONFIRMED);
    }

    @Test
    void aWriteThatFollowsAnotherIsSentAfterItIsConfirmedAndFailsUnsentWithIt() {
        byte[] batch = ChainFixture.random32();
        long first = submitAs("hz-arbitration", ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR, batch,
                ChainFixture.random32(), 1));
        long follower = submitAfter(first, "blue-bank", anchor());
        // The same batch again: reverts (already anchored) — and whatever was to follow it is never sent.
        long failing = submitAfter(first, "daily-news", ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR, batch,
                ChainFixture.random32(), 1));
        long orphan = submitAfter(failing, "blue-bank", anchor());
        long orphansFollower = submitAfter(orphan, "pixel-studio", anchor());
        await().atMost(Duration.ofSeconds(30)).until(() -> settled(follower) && settled(orphansFollower));

        var firstView = chain.status(first).orElseThrow();
        var followerView = chain.status(follower).orElseThrow();
        assertThat(followerView.status()).isEqualTo(ChainTxStatus.CONFIRMED);
        assertThat(followerView.blockNumber()).as("signed only once the write it follows was confirmed")
                .isGreaterThan(firstView.blockNumber());
        assertThat(chain.status(failing).orElseThrow().failureReason()).startsWith("AnchorRegistryBatchAlreadyAnchored");
        for (long id : new long[] {orphan, orphansFollower}) {
            var view = chain.status(id).orElseThrow();
            assertThat(view.status()).isEqualTo(ChainTxStatus.FAILED);
            assertThat(view.transactionHash()).as("never signed nor sent").isNull();
            assertThat(view.failureReason()).startsWith("not sent: it was to follow write #");
        }
    }

    @Test
    void aWriteQueuedAfterTheWriteItFollowsHasFailedFailsUnsent() {
        byte[] batch = ChainFixture.random32();
        long first = submitAs("hz-arbitration", ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR, batch,
                ChainFixture.random32(), 1));
        long failing = submitAfter(first, "daily-news", ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR, batch,
                ChainFixture.random32(), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> settled(failing));
        assertThat(chain.status(failing).orElseThrow().status()).isEqualTo(ChainTxStatus.FAILED);

        // Queued only now: no receipt will fail it; the relay's sweep must.
        long late = submitAfter(failing, "blue-bank", anchor());
        await().atMost(Duration.ofSeconds(30)).until(() -> settled(late));
        var view = chain.status(late).orElseThrow();
        assertThat(view.status()).isEqualTo(ChainTxStatus.FAILED);
        assertThat(view.transactionHash()).as("never signed nor sent").isNull();
        assertThat(view.failureReason()).isEqualTo("not sent: it was to follow write #" + failing + " (anchor), which failed");
    }

    @Transactional
    long submitAfter(long previous, String organisation, ContractCall call) {
        return chain.submitAfter(previous, organisation, call);
    }

    private ContractCall anchor() {
        return ContractCall.of(fixture.anchorRegistry(), ChainFixture.ANCHOR, ChainFixture.random32(), ChainFixture.random32(), 1);
    }

    private boolean settled(long id) {
        var status = chain.status(id).orElseThrow().status();
        return status != ChainTxStatus.PENDING && status != ChainTxStatus.SUBMITTED;
    }

    @Transactional
    long[] notariseAll(String organisation, int count) {
        var digests = java.util.stream.IntStream.range(0, count).mapToObj(i -> ChainFixture.random32()).toList();
        return outbox.notariseAll(organisation, digests);
    }

    @Transactional
    long submitAs(String organisation, ContractCall call) {
        return chain.submit(organisation, call);
    }
}
