package org.alliancechain.odr.cases;

import static org.alliancechain.odr.OdrFlow.CLAIMANT;
import static org.alliancechain.odr.OdrFlow.CLERK;
import static org.alliancechain.odr.OdrFlow.RESPONDENT;
import static org.alliancechain.odr.OdrFlow.as;
import static org.alliancechain.odr.OdrFlow.evidenceCount;
import static org.alliancechain.odr.OdrFlow.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.evidence.CanonicalJson;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.odr.OdrFlow;
import org.alliancechain.testsupport.ChainProbe;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/**
 * Evidence by reference: a party attaches, in one step, an on-chain event of the suite or an
 * anchored record (this service's own, or another's with its certificate or proof); the reference
 * is checked against the real chain (anvil) before anything is stored, and the item then carries
 * the proofs and is time-stamped, anchored and certified like a file. Wrong references change nothing.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrEvidenceReferenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response attach(String user, long caseId, String body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/cases/" + caseId + "/evidence/references");
    }

    private static JsonNode content(long caseId, long itemId) throws Exception {
        byte[] bytes = as(CLAIMANT).get("/api/cases/" + caseId + "/evidence/" + itemId + "/content").then().statusCode(200).extract().asByteArray();
        return JSON.readTree(bytes);
    }

    private static String filingTransaction(long caseId) {
        OdrFlow.awaitTimelineConfirmed(caseId);
        return as(CLAIMANT).get("/api/cases/" + caseId + "/timeline").then().statusCode(200).extract().jsonPath()
                .getString("find { it.step == 'FILED' }.transactionHash");
    }

    private static Map<String, Object> anchoredItem(long caseId, String number) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> "CONFIRMED".equals(
                as(CLAIMANT).get("/api/cases/" + caseId + "/evidence").then().extract().jsonPath()
                        .getString("find { it.number == '" + number + "' }.chainStatus")));
        return as(CLAIMANT).get("/api/cases/" + caseId + "/evidence").then().extract().jsonPath()
                .getMap("find { it.number == '" + number + "' }");
    }

    @Test
    void aContractEventIsAttachedWithWhatTheChainHoldsAndThenAnchoredAndCertified() throws Exception {
        long source = OdrFlow.fileWithoutDocuments("Referenced case").getLong("id");
        String caseNumber = as(CLAIMANT).get("/api/cases/" + source).then().extract().jsonPath().getString("caseNumber");
        String filingTx = filingTransaction(source);
        long id = OdrFlow.fileWithoutDocuments("Case citing an event").getLong("id");
        OdrFlow.accept(id);

        var item = attach(CLAIMANT, id, """
                {"reference": "event:%s", "title": "申请人前案的立案事件 The filing of the earlier case"}""".formatted(filingTx))
                .then().statusCode(201).extract().jsonPath();
        assertThat(item.getString("number")).isEqualTo("C-1");
        assertThat(item.getString("reference")).isEqualTo("event:" + filingTx);
        assertThat(item.getString("title")).isEqualTo("申请人前案的立案事件 The filing of the earlier case");
        assertThat(item.getString("mediaType")).isEqualTo("application/json");
        long itemId = item.getLong("id");

        // The item's content: the event as the chain holds it, decoded, with the block it sits in.
        JsonNode attached = content(id, itemId);
        assertThat(attached.path("format").asText()).isEqualTo("alliance-chain-suite/evidence-reference/v1");
        assertThat(attached.path("kind").asText()).isEqualTo("event");
        JsonNode event = attached.path("events").get(0);
        assertThat(event.path("contract").asText()).isEqualTo("CaseRegistry");
        assertThat(event.path("event").asText()).isEqualTo("CaseFiled");
        assertThat(event.path("signature").asText()).isEqualTo("CaseFiled(bytes32,bytes32,bytes32,bytes32,bytes32)");
        String caseIdOnChain = ChainIds.hex(ChainIds.keccak256(caseNumber));
        assertThat(argument(event, "caseId")).isEqualTo(caseIdOnChain);
        assertThat(argument(event, "commission")).isEqualTo(ChainIds.hex(ChainIds.memberId("hz-arbitration")));
        // Its hash is that of the canonical JSON — anyone can recompute the SHA-256 the item was registered with.
        byte[] raw = as(CLAIMANT).get("/api/cases/" + id + "/evidence/" + itemId + "/content").then().extract().asByteArray();
        assertThat(CanonicalJson.canonicalize(new String(raw, StandardCharsets.UTF_8))).isEqualTo(raw);
        assertThat(HashAlgorithm.SHA256.hex(raw)).isEqualTo(item.getString("sha256"));

        // Checked independently against the node: same log, same block.
        var log = ChainProbe.receiptLog(SuiteTestResource.stack().contracts(), filingTx, event.path("logIndex").asLong());
        assertThat(log.address()).isEqualToIgnoringCase(event.path("address").asText());
        assertThat(log.data()).isEqualTo(event.path("data").asText());
        assertThat(log.topics()).containsExactlyElementsOf(JSON.convertValue(event.path("topics"), List.class));
        assertThat(log.blockHash()).isEqualTo(event.path("blockHash").asText());

        // Then like any item: anchored, and its certificate issued.
        var anchored = anchoredItem(id, "C-1");
        assertThat(anchored.get("transactionHash")).isNotNull();
        as(CLAIMANT).get("/api/cases/" + id + "/evidence/" + itemId + "/certificate").then().statusCode(200).contentType("application/pdf");
        String timeline = as(CLERK).get("/api/cases/" + id + "/timeline").asString();
        assertThat(timeline).contains("by reference event:" + filingTx);

        // The same reference twice is refused; so are a log index the transaction lacks and an unknown transaction.
        int count = evidenceCount(id);
        problem(attach(RESPONDENT, id, "{\"reference\": \"event:" + filingTx.toUpperCase().replace("0X", "0x") + "\"}"), 409)
                .then().body("detail", containsString("already evidence C-1"));
        problem(attach(CLAIMANT, id, "{\"reference\": \"event:" + filingTx + ":999\"}"), 404).then().body("detail", containsString("Log 999"));
        problem(attach(CLAIMANT, id, "{\"reference\": \"event:0x" + "ab".repeat(32) + "\"}"), 404).then().body("detail", containsString("Transaction"));
        assertThat(evidenceCount(id)).isEqualTo(count);
    }

    @Test
    void anAnchoredRecordIsAttachedByDigestByCertificateOrWithItsProofAndForgedProofsAreRefused() throws Exception {
        long source = OdrFlow.fileWithoutDocuments("Case holding the original").getLong("id");
        OdrFlow.accept(source);
        OdrFlow.upload(CLAIMANT, source, Map.of("delivery-note.pdf", OdrFlow.pdf("Delivery note 2026-0917")), 201);
        var original = anchoredItem(source, "C-1");
        String digest = (String) original.get("recordDigest");
        long originalId = ((Number) original.get("id")).longValue();
        byte[] certificate = as(CLAIMANT).get("/api/cases/" + source + "/evidence/" + originalId + "/certificate").then().statusCode(200)
                .extract().asByteArray();

        long id = OdrFlow.fileWithoutDocuments("Case citing records").getLong("id");
        OdrFlow.accept(id);

        // By digest, as the certificate's QR code gives it: this service finds the record and its proof.
        var byUrl = attach(CLAIMANT, id, "{\"reference\": \"https://odr.example/verify?digest=" + digest + "\"}")
                .then().statusCode(201).extract().jsonPath();
        assertThat(byUrl.getString("reference")).isEqualTo("anchor:" + digest);
        JsonNode anchored = content(id, byUrl.getLong("id")).path("anchoredItem");
        assertThat(anchored.path("recordDigest").asText()).isEqualTo(digest);
        var proof = JSON.treeToValue(anchored.path("proof"), InclusionProof.class);
        assertThat(proof.isConsistent()).isTrue();
        assertThat(anchored.path("onChainRoot").asText()).isEqualTo(proof.root());
        assertThat(anchored.path("record").isMissingNode() || anchored.path("record").isNull()).isTrue(); // not the other case's content

        // By certificate (as another service's record is attached): verified, then attached with it.
        long other = OdrFlow.fileWithoutDocuments("Case citing a certificate").getLong("id");
        OdrFlow.accept(other);
        var byCertificate = as(RESPONDENT).multiPart("certificate", "certificate.pdf", certificate, "application/pdf")
                .multiPart("title", "交货单存证证书 Certificate of the delivery note")
                .post("/api/cases/" + other + "/evidence/references").then().statusCode(201).extract().jsonPath();
        assertThat(byCertificate.getString("number")).isEqualTo("R-1");
        JsonNode withCertificate = content(other, byCertificate.getLong("id")).path("anchoredItem");
        assertThat(withCertificate.path("certificate").path("verdict").asText()).isEqualTo("VALID");
        assertThat(Base64.getDecoder().decode(withCertificate.path("certificate").path("pdfBase64").asText())).isEqualTo(certificate);
        assertThat(withCertificate.path("record").path("kind").asText()).isEqualTo("odr.evidence-item");

        // With its proof (what another service's proof.json holds): accepted as is, refused when forged.
        ObjectNode good = (ObjectNode) JSON.valueToTree(proof);
        problem(attach(CLAIMANT, other, "{\"reference\": \"anchor:" + "cd".repeat(32) + "\", \"proof\": " + good + "}"), 422)
                .then().body("detail", containsString("not the referenced"));
        ObjectNode forged = good.deepCopy();
        ArrayNode path = (ArrayNode) forged.path("auditPath");
        if (path.isEmpty()) {
            forged.put("root", "ee".repeat(32));
        } else {
            String first = path.get(0).asText();
            path.set(0, JSON.getNodeFactory().textNode((first.charAt(0) == '0' ? "1" : "0") + first.substring(1)));
        }
        int count = evidenceCount(other);
        problem(attach(CLAIMANT, other, "{\"reference\": \"anchor:" + digest + "\", \"proof\": " + forged + "}"), 422);
        ObjectNode wrongRoot = good.deepCopy();
        wrongRoot.put("batchId", "11".repeat(32));
        problem(attach(CLAIMANT, other, "{\"reference\": \"anchor:" + digest + "\", \"proof\": " + wrongRoot + "}"), 422)
                .then().body("detail", containsString("no root is anchored"));
        ObjectNode incomplete = good.deepCopy();
        incomplete.remove("root");
        problem(attach(CLAIMANT, other, "{\"reference\": \"anchor:" + digest + "\", \"proof\": " + incomplete + "}"), 400)
                .then().body("detail", containsString("proof.root"));
        assertThat(evidenceCount(other)).isEqualTo(count);
        // The record is evidence R-1 of this case already (by its certificate): not attached twice.
        problem(attach(CLAIMANT, other, "{\"reference\": \"anchor:" + digest + "\", \"proof\": " + good + "}"), 409)
                .then().body("detail", containsString("already evidence R-1"));
        long third = OdrFlow.fileWithoutDocuments("Case citing a proof").getLong("id");
        OdrFlow.accept(third);
        var withProof = attach(CLAIMANT, third, "{\"reference\": \"anchor:" + digest + "\", \"proof\": " + good + "}")
                .then().statusCode(201).extract().jsonPath();
        assertThat(content(third, withProof.getLong("id")).path("anchoredItem").path("proof").path("root").asText()).isEqualTo(proof.root());

        // A tampered certificate does not verify and is not attached.
        byte[] tampered = certificate.clone();
        tampered[tampered.length / 2] ^= 0x01;
        count = evidenceCount(id);
        problem(as(CLAIMANT).multiPart("certificate", "certificate.pdf", tampered, "application/pdf")
                .post("/api/cases/" + id + "/evidence/references"), 422).then().body("detail", containsString("does not verify"));
        assertThat(evidenceCount(id)).isEqualTo(count);
    }

    @Test
    void wrongReferencesWrongPeopleAndWrongTimesChangeNothing() {
        long id = OdrFlow.fileWithoutDocuments("Case refusing references").getLong("id");
        String filingTx = filingTransaction(id);
        // Before acceptance the evidence period is not open.
        OdrFlow.accept(id);
        problem(attach(CLAIMANT, id, "{\"reference\": \"invoice 2026-0001\"}"), 400).then().body("detail", containsString("event:0x"));
        problem(attach(CLAIMANT, id, "{}"), 400);
        problem(attach(CLAIMANT, id, "{\"reference\": \"anchor:" + "0f".repeat(32) + "\"}"), 404).then().body("detail", containsString("certificate"));
        problem(attach(CLERK, id, "{\"reference\": \"event:" + filingTx + "\"}"), 403);
        problem(as("lawyer.pixel").contentType(ContentType.JSON).body("{\"reference\": \"event:" + filingTx + "\"}")
                .post("/api/cases/" + id + "/evidence/references"), 404);
        problem(as(CLAIMANT).multiPart("reference", "event:" + filingTx).post("/api/cases/" + id + "/evidence/references"), 400)
                .then().body("detail", containsString("certificate"));
        problem(as(CLAIMANT).multiPart("certificate", "note.pdf", OdrFlow.pdf("not a certificate"), "application/pdf")
                .post("/api/cases/" + id + "/evidence/references"), 422);
        assertThat(evidenceCount(id)).isZero();
        // Once the case is withdrawn, nothing more is attached.
        as(CLAIMANT).contentType(ContentType.JSON).body("{\"reason\": \"settled\"}").post("/api/cases/" + id + "/withdrawal").then().statusCode(200);
        problem(attach(CLAIMANT, id, "{\"reference\": \"event:" + filingTx + "\"}"), 409);
        assertThat(evidenceCount(id)).isZero();
    }

    private static String argument(JsonNode event, String name) {
        for (JsonNode argument : event.path("arguments")) {
            if (argument.path("name").asText().equals(name)) {
                return argument.path("value").asText();
            }
        }
        throw new AssertionError("no argument " + name + " in " + event);
    }
}
