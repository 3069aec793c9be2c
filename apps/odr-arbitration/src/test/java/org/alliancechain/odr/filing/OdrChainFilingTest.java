package org.alliancechain.odr.filing;

import static org.alliancechain.odr.OdrFlow.as;
import static org.alliancechain.odr.OdrFlow.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.alliancechain.chain.api.ChainEvent;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ChainTxStatus;
import org.alliancechain.chain.api.ChainTxView;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.chain.api.ContractEvent;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.odr.OdrFlow;
import org.alliancechain.odr.cases.CitedEvidence;
import org.alliancechain.odr.cases.OdrCase;
import org.alliancechain.service.arbitration.ArbitrationFiling;
import org.alliancechain.service.arbitration.ArbitrationFilings;
import org.alliancechain.service.arbitration.CitedEvent;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.testsupport.SuiteTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.http.HttpService;

/**
 * Anything → arbitration (ARCHITECTURE.md): another app files a case on chain through shared-service's
 * {@link ArbitrationFilings} for a company of the consortium (pixel-studio, against nova-manufacturing before
 * hz-arbitration), citing real events of the test chain; this service projects it from CaseRegistry and the
 * commission and the parties find it over the HTTP API with the cited evidence, its proofs, and the citation
 * it could not resolve (a log of a contract outside the suite) refused with the reason.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrChainFilingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    static final String CLAIMANT_ORG = "pixel-studio";
    static final String CLAIMANT_USER = "lawyer.pixel";

    @Inject
    ArbitrationFilings filings;

    @Inject
    ChainPort chain;

    @Inject
    ChainReader reader;

    @Inject
    ChainFilings projection;

    @ConfigProperty(name = "chain.contracts.anchor-registry")
    String anchorRegistry;

    @Test
    void aCaseFiledOnChainByAnotherAppReachesTheCommissionWithItsCitedEvidence() throws Exception {
        // Something the claimant's organisation wrote on chain earlier (through the outbox): a root anchored.
        var anchored = confirmed(QuarkusTransaction.requiringNew().call(() -> chain.submit(CLAIMANT_ORG,
                ContractCall.of(anchorRegistry, "anchor(bytes32,bytes32,uint32)", random32(), random32(), 1L))));
        long anchorLog = reader.transaction(anchored.transactionHash()).logs().stream()
                .filter(l -> "RootAnchored".equals(l.event())).findFirst().orElseThrow().logIndex();
        // A log of a contract that is not the suite's.
        var foreign = foreignLog();

        String caseNumber = ArbitrationFilings.caseNumber("supply-finance", "TEST-" + UUID.randomUUID());
        byte[] claim = HashAlgorithm.SHA256.digest("债务人逾期未付 The core enterprise did not pay at maturity".getBytes(StandardCharsets.UTF_8));
        var filing = new ArbitrationFiling(caseNumber, OdrFlow.COMMISSION, OdrFlow.RESPONDENT_ORG, claim,
                List.of(new CitedEvent(anchored.transactionHash(), (int) anchorLog), foreign));
        var filed = confirmed(QuarkusTransaction.requiringNew().call(() -> filings.file(CLAIMANT_ORG, filing)));

        long id = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> caseId(caseNumber), found -> found != null);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> as(OdrFlow.CLERK).get("/api/cases/" + id).then().extract().jsonPath().getList("filedOnChain.citations").size() == 2);

        // The commission sees it in its queue, filed on chain, with what became of each citation.
        var view = as(OdrFlow.CLERK).get("/api/cases/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("status.code")).isEqualTo("FILED");
        assertThat(view.getString("claimant")).isEqualTo(CLAIMANT_ORG);
        assertThat(view.getString("respondent")).isEqualTo(OdrFlow.RESPONDENT_ORG);
        assertThat(view.getString("commission")).isEqualTo(OdrFlow.COMMISSION);
        assertThat(view.getString("caseNumber")).startsWith("HZ-ARBITRATION-");
        assertThat(view.getString("filedThrough")).isEqualTo("CHAIN");
        assertThat(view.getString("chain.caseId")).isEqualTo(ChainIds.hex(ArbitrationFilings.caseId(caseNumber)));
        assertThat(view.getString("chain.caseHash")).isEqualTo(HEX.formatHex(claim));
        assertThat(view.getString("filedOnChain.transaction")).isEqualTo(filed.transactionHash());
        assertThat(view.getLong("filedOnChain.block")).isEqualTo(filed.blockNumber());
        assertThat(view.getString("filedOnChain.claimDigest")).isEqualTo(HEX.formatHex(claim));
        assertThat(view.getString("filedOnChain.citations[0].state")).isEqualTo("ATTACHED");
        assertThat(view.getString("filedOnChain.citations[0].reference")).isEqualTo("event:" + anchored.transactionHash() + ":" + anchorLog);
        assertThat(view.getString("filedOnChain.citations[0].evidenceNumber")).isEqualTo("C-1");
        assertThat(view.getString("filedOnChain.citations[1].state")).isEqualTo("REFUSED");
        assertThat(view.getString("filedOnChain.citations[1].refusedReason")).contains("not a contract of the suite");
        assertThat(as(OdrFlow.CLERK).get("/api/cases?status=FILED&limit=500").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class)).contains(id);

        // The claimant's user sees the cited event as evidence C-1 with what the chain holds, time-stamped and anchored.
        List<Long> items = as(CLAIMANT_USER).get("/api/cases/" + id + "/evidence").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);
        assertThat(items).hasSize(1);
        long item = items.getFirst();
        var evidence = as(CLAIMANT_USER).get("/api/cases/" + id + "/evidence").then().extract().jsonPath();
        assertThat(evidence.getString("[0].number")).isEqualTo("C-1");
        assertThat(evidence.getString("[0].side")).isEqualTo("CLAIMANT");
        assertThat(evidence.getString("[0].reference")).isEqualTo("event:" + anchored.transactionHash() + ":" + anchorLog);
        JsonNode content = JSON.readTree(as(CLAIMANT_USER).get("/api/cases/" + id + "/evidence/" + item + "/content").then().statusCode(200)
                .extract().asByteArray());
        assertThat(content.path("format").asText()).isEqualTo("alliance-chain-suite/evidence-reference/v1");
        JsonNode event = content.path("events").get(0);
        assertThat(event.path("event").asText()).isEqualTo("RootAnchored");
        assertThat(event.path("transactionHash").asText()).isEqualTo(anchored.transactionHash());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "CONFIRMED".equals(
                as(CLAIMANT_USER).get("/api/cases/" + id + "/evidence").then().extract().jsonPath().getString("[0].chainStatus")));
        var certificate = as(CLAIMANT_USER).get("/api/cases/" + id + "/evidence/" + item + "/certificate").then().statusCode(200)
                .extract().asByteArray();
        assertThat(new String(certificate, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // The claimant's user and the respondent's see the refused citation too; the timeline names it.
        assertThat(as(CLAIMANT_USER).get("/api/cases/" + id).then().statusCode(200).extract().jsonPath()
                .getString("filedOnChain.citations[1].state")).isEqualTo("REFUSED");
        assertThat(as(OdrFlow.RESPONDENT).get("/api/cases/" + id).then().statusCode(200).extract().jsonPath()
                .getString("filedOnChain.citations[1].refusedReason")).contains("not a contract of the suite");
        assertThat(as(OdrFlow.CLERK).get("/api/cases/" + id + "/timeline").then().statusCode(200).extract().jsonPath()
                .getList("step", String.class)).contains("FILED", "EVIDENCE_SUBMITTED", "EVIDENCE_CITATION_REFUSED");

        // Another organisation does not learn the case exists.
        problem(as(OdrFlow.CLAIMANT).get("/api/cases/" + id), 404);
        problem(as(OdrFlow.CLAIMANT).get("/api/cases/" + id + "/evidence/" + item + "/content"), 404);

        // The commission takes it from there as any other case: accepted on chain by hz-arbitration.
        OdrFlow.accept(id);
        OdrFlow.awaitTimelineConfirmed(id);
        assertThat(as(OdrFlow.CLERK).get("/api/cases/" + id).then().extract().jsonPath().getString("status.code")).isEqualTo("EVIDENCE");

        // The same filing delivered again (a replay after a restart) changes nothing.
        var logs = reader.transaction(filed.transactionHash()).logs().stream()
                .filter(l -> "CaseFiled".equals(l.event()) || "CaseEvidenceCited".equals(l.event())).map(OdrChainFilingTest::asIndexed).toList();
        assertThat(logs).hasSize(3);
        QuarkusTransaction.requiringNew().run(() -> projection.handleAll(logs));
        QuarkusTransaction.requiringNew().run(() -> {
            byte[] chainId = ArbitrationFilings.caseId(caseNumber);
            assertThat(OdrCase.count("chainCaseId", chainId)).isEqualTo(1);
            var c = OdrCase.byChainId(chainId).orElseThrow();
            assertThat(CitedEvidence.count("caseId", c.id)).isEqualTo(2);
        });
        assertThat(as(CLAIMANT_USER).get("/api/cases/" + id + "/evidence").then().extract().jsonPath().getList("$")).hasSize(1);
    }

    @ConfigProperty(name = "chain.contracts.work-registry")
    String workRegistry;

    /** What the copyright service files for an infringement: the work's registration in WorkRegistry is resolved as evidence. */
    @Test
    void aCopyrightFilingCitingAWorksRegistrationReachesTheCommission() throws Exception {
        byte[] content = random32();
        var registered = confirmed(QuarkusTransaction.requiringNew().call(() -> chain.submit(CLAIMANT_ORG,
                ContractCall.of(workRegistry, "registerWork(bytes32,bytes32,bytes32)", content, random32(), random32()))));
        long log = reader.transaction(registered.transactionHash()).logs().stream().filter(l -> "WorkRegistered".equals(l.event()))
                .findFirst().orElseThrow().logIndex();
        String caseNumber = ArbitrationFilings.caseNumber("copyright", "C" + UUID.randomUUID() + "-W1");
        byte[] claim = HashAlgorithm.SHA256.digest("未经许可转载 Reprinted without a licence".getBytes(StandardCharsets.UTF_8));
        confirmed(QuarkusTransaction.requiringNew().call(() -> filings.file(CLAIMANT_ORG, new ArbitrationFiling(caseNumber, OdrFlow.COMMISSION,
                OdrFlow.RESPONDENT_ORG, claim, List.of(new CitedEvent(registered.transactionHash(), (int) log))))));
        long id = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> caseId(caseNumber), found -> found != null);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(
                () -> "ATTACHED".equals(as(OdrFlow.CLERK).get("/api/cases/" + id).then().extract().jsonPath().getString("filedOnChain.citations[0].state")));
        long item = as(CLAIMANT_USER).get("/api/cases/" + id + "/evidence").then().statusCode(200).extract().jsonPath().getLong("[0].id");
        JsonNode event = JSON.readTree(as(CLAIMANT_USER).get("/api/cases/" + id + "/evidence/" + item + "/content").then().statusCode(200)
                .extract().asByteArray()).path("events").get(0);
        assertThat(event.path("contract").asText()).isEqualTo("WorkRegistry");
        assertThat(event.path("event").asText()).isEqualTo("WorkRegistered");
    }

    @Test
    void aCaseFiledThroughThisServiceIsNotProjectedAgain() {
        long id = OdrFlow.fileWithoutDocuments("Filed here, seen on chain").getLong("id");
        OdrFlow.awaitTimelineConfirmed(id);
        String filingTx = as(OdrFlow.CLERK).get("/api/cases/" + id + "/timeline").then().extract().jsonPath()
                .getString("find { it.step == 'FILED' }.transactionHash");
        var logs = reader.transaction(filingTx).logs().stream().filter(l -> "CaseFiled".equals(l.event()))
                .map(OdrChainFilingTest::asIndexed).toList();
        assertThat(logs).hasSize(1);
        // Whether the indexer already passed it or not, delivering it (again) leaves one case, filed through ODR.
        QuarkusTransaction.requiringNew().run(() -> projection.handleAll(logs));
        QuarkusTransaction.requiringNew().run(() -> {
            byte[] chainId = logs.getFirst().bytes("caseId");
            assertThat(OdrCase.count("chainCaseId", chainId)).isEqualTo(1);
            assertThat(OdrCase.byChainId(chainId).orElseThrow().filedThrough).isEqualTo(OdrCase.FILED_THROUGH_ODR);
        });
        assertThat(as(OdrFlow.CLAIMANT).get("/api/cases/" + id).then().extract().jsonPath().getString("filedThrough")).isEqualTo("ODR");
    }

    @Test
    void filingsTheChainWouldRefuseAreRefusedBeforeAnythingIsQueued() {
        var cited = new CitedEvent("0x" + "ab".repeat(32), 0);
        byte[] claim = HashAlgorithm.SHA256.digest("claim".getBytes(StandardCharsets.UTF_8));
        String number = ArbitrationFilings.caseNumber("supply-finance", "REFUSED-" + UUID.randomUUID());
        assertRefused(new ArbitrationFiling(number, "pixel-studio", OdrFlow.RESPONDENT_ORG, claim, List.of(cited)), 422, "commission");
        assertRefused(new ArbitrationFiling(number, OdrFlow.COMMISSION, "no-such-member", claim, List.of(cited)), 422, "respondent");
        assertRefused(new ArbitrationFiling(number, OdrFlow.COMMISSION, CLAIMANT_ORG, claim, List.of(cited)), 422, "respondent");
        assertRefused(new ArbitrationFiling(number, OdrFlow.COMMISSION, OdrFlow.RESPONDENT_ORG, new byte[32], List.of(cited)), 422, "claimDigest");
        assertRefused(new ArbitrationFiling(number, OdrFlow.COMMISSION, OdrFlow.RESPONDENT_ORG, claim, List.of()), 422, "evidence");
        assertRefused(new ArbitrationFiling(number, OdrFlow.COMMISSION, OdrFlow.RESPONDENT_ORG, claim, List.of(cited, cited)), 422,
                "evidence[1]");
        assertThatThrownBy(() -> new CitedEvent("0x1234", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArbitrationFilings.caseNumber("Supply Finance", "x")).isInstanceOf(IllegalArgumentException.class);
        // A case number filed once is filed: the second filing is refused (409) once the first is on chain.
        var filing = new ArbitrationFiling(number, OdrFlow.COMMISSION, OdrFlow.RESPONDENT_ORG, claim, List.of(cited));
        confirmed(QuarkusTransaction.requiringNew().call(() -> filings.file(CLAIMANT_ORG, filing)));
        assertRefused(filing, 409, "caseNumber");
    }

    private void assertRefused(ArbitrationFiling filing, int status, String field) {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> filings.file(CLAIMANT_ORG, filing)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().getStatusCode()).isEqualTo(status);
                    assertThat(e.field()).isEqualTo(field);
                });
    }

    /** The id of the case this service projected for a filing's case number, or null while it has none. */
    private static Long caseId(String caseNumber) {
        return QuarkusTransaction.requiringNew().call(() -> OdrCase.byChainId(ArbitrationFilings.caseId(caseNumber)).map(c -> c.id).orElse(null));
    }

    private ChainTxView confirmed(long outboxId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> chain.status(outboxId).orElseThrow(), tx -> {
            if (tx.status() == ChainTxStatus.FAILED) {
                throw new AssertionError("write " + outboxId + " failed: " + tx.failureReason());
            }
            return tx.status() == ChainTxStatus.CONFIRMED;
        });
    }

    /** A log as the indexer hands it to a handler, from the node's receipt. */
    private static ChainEvent asIndexed(ContractEvent log) {
        var values = new HashMap<String, Object>();
        log.arguments().forEach(a -> values.put(a.name(), a.value()));
        return new ChainEvent(log.address(), log.event(), log.blockNumber(), (int) log.logIndex(), log.transactionHash(), values,
                log.topics(), log.data());
    }

    /** Deploys a contract whose constructor emits one anonymous log (LOG0): a log of a contract outside the suite. */
    private static CitedEvent foreignLog() throws Exception {
        var web3j = Web3j.build(new HttpService(SuiteTestResource.stack().contracts().rpcUrl()));
        try {
            String from = web3j.ethAccounts().send().getAccounts().getFirst();
            var sent = web3j.ethSendTransaction(Transaction.createContractTransaction(from, null, BigInteger.ZERO, BigInteger.valueOf(100_000),
                    BigInteger.ZERO, "0x60006000a000")).send();
            if (sent.hasError()) {
                throw new AssertionError("cannot deploy the log emitter: " + sent.getError().getMessage());
            }
            var receipt = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                    () -> web3j.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt().orElse(null),
                    r -> r != null);
            assertThat(receipt.getLogs()).hasSize(1);
            return new CitedEvent(sent.getTransactionHash(), receipt.getLogs().getFirst().getLogIndex().intValueExact());
        } finally {
            web3j.shutdown();
        }
    }

    private static byte[] random32() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
