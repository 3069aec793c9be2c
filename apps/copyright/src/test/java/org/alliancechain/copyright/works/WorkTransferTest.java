package org.alliancechain.copyright.works;

import static org.alliancechain.copyright.CopyrightFlow.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.ChainIds;
import org.alliancechain.chain.api.ChainReader;
import org.alliancechain.chain.api.ContractCall;
import org.alliancechain.testsupport.SuiteTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A rights holder transfers a work to another media house: WorkRegistry moves it, licences then follow the new holder. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class WorkTransferTest {

    @Inject
    ChainReader chain;

    @ConfigProperty(name = "chain.contracts.work-registry")
    String workRegistry;

    private static Map<String, Object> grant(long workId, String licensee) {
        return Map.of("workId", workId, "licensee", licensee, "uses", List.of("EXCERPT"), "channels", List.of("ONLINE"), "territory", "CN",
                "validFrom", Instant.now().minus(Duration.ofDays(2)).toString(), "terms", "转让测试 transfer test");
    }

    private static void awaitLicence(String user, long id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> status.equals(as(user)
                .get("/api/licences/" + id).then().statusCode(200).extract().path("status")));
    }

    /** Sets a row's status as it stood before the chain answered (the local chain answers too fast to catch that moment). */
    private static void setStatus(String table, long id, String status) {
        QuarkusTransaction.requiringNew().run(() -> Work.getEntityManager().createNativeQuery("update " + table + " set status = ?1 where id = ?2")
                .setParameter(1, status).setParameter(2, id).executeUpdate());
    }

    private byte[] holderOnChain(String contentDigest) {
        return (byte[]) chain.view(ContractCall.of(workRegistry, "holderOf(bytes32)", (Object) HexFormat.of().parseHex(contentDigest)),
                "bytes32", null).getFirst();
    }

    @Test
    void the_new_holder_grants_licences_and_the_old_holder_no_longer_can() {
        long id = registerText(RIGHTS, "转让作品 8101", article(8101));
        String digest = awaitWork(RIGHTS, id, "REGISTERED").getString("contentDigest");
        // Not on chain yet (the chain answers within a fraction of a second here, so the moment before is set up in the database):
        // nothing to transfer.
        setStatus("cr_work", id, "PENDING");
        json(RIGHTS).body(Map.of("toOrganisation", OTHER_RIGHTS_ORG)).post("/api/works/" + id + "/transfer").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("once WorkRegistry holds it"));
        setStatus("cr_work", id, "REGISTERED");
        // A licence daily-news grants before the transfer stays its own.
        long before = json(RIGHTS).body(grant(id, LICENSEE_ORG)).post("/api/licences").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitLicence(RIGHTS, before, "GRANTED");
        // While a grant is not recorded, the rights do not move (LicenceRegistry would refuse it after the transfer).
        setStatus("cr_licence", before, "PENDING");
        json(RIGHTS).body(Map.of("toOrganisation", OTHER_RIGHTS_ORG)).post("/api/works/" + id + "/transfer").then().statusCode(409)
                .body("detail", containsString("L-" + before));
        setStatus("cr_licence", before, "GRANTED");

        // Refused before the chain would: oneself, a member without RIGHTS_HOLDER, a non-member, another member's work, nothing named.
        json(RIGHTS).body(Map.of("toOrganisation", RIGHTS_ORG)).post("/api/works/" + id + "/transfer").then().statusCode(422)
                .body("errors[0].field", equalTo("toOrganisation"));
        json(RIGHTS).body(Map.of("toOrganisation", LICENSEE_ORG)).post("/api/works/" + id + "/transfer").then().statusCode(422)
                .body("errors[0].field", equalTo("toOrganisation")).body("detail", containsString("RIGHTS_HOLDER"));
        json(RIGHTS).body(Map.of("toOrganisation", "no-such-member")).post("/api/works/" + id + "/transfer").then().statusCode(422)
                .body("detail", containsString("not an active member"));
        json(OTHER_RIGHTS).body(Map.of("toOrganisation", OTHER_RIGHTS_ORG)).post("/api/works/" + id + "/transfer").then().statusCode(404);
        json(RIGHTS).body(Map.of()).post("/api/works/" + id + "/transfer").then().statusCode(400);

        var transfer = json(RIGHTS).body(Map.of("toOrganisation", OTHER_RIGHTS_ORG)).post("/api/works/" + id + "/transfer").then()
                .statusCode(202).body("status", equalTo("PENDING")).body("from", equalTo(RIGHTS_ORG)).body("to", equalTo(OTHER_RIGHTS_ORG))
                .extract().jsonPath();
        assertThat(transfer.getString("contentDigest")).isEqualTo(digest);

        // WorkRegistry's RightsTransferred moves the work: the new holder sees it with its history, the old one no longer.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> as(OTHER_RIGHTS).get("/api/works/" + id).statusCode() == 200);
        var moved = work(OTHER_RIGHTS, id);
        assertThat(moved.getString("holder")).isEqualTo(OTHER_RIGHTS_ORG);
        assertThat(moved.getString("status")).isEqualTo("REGISTERED");
        as(RIGHTS).get("/api/works/" + id).then().statusCode(404);
        assertThat(holderOnChain(digest)).isEqualTo(ChainIds.memberId(OTHER_RIGHTS_ORG));
        var history = as(OTHER_RIGHTS).get("/api/works/" + id + "/transfers").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("status")).containsExactly("TRANSFERRED");
        assertThat(history.getLong("[0].transferredBlock")).isGreaterThanOrEqualTo(moved.getLong("registeredBlock"));
        assertThat(history.getString("[0].transferredTransaction")).startsWith("0x");
        as(RIGHTS).get("/api/works/" + id + "/transfers").then().statusCode(404);
        // While a transfer is under way (set up again in the database): one transfer at a time, and no new licence.
        setStatus("cr_work_transfer", history.getLong("[0].id"), "PENDING");
        json(OTHER_RIGHTS).body(Map.of("toOrganisation", RIGHTS_ORG)).post("/api/works/" + id + "/transfer").then().statusCode(409)
                .body("detail", containsString("being transferred"));
        json(OTHER_RIGHTS).body(grant(id, "nova-manufacturing")).post("/api/licences").then().statusCode(409)
                .body("errors[0].field", equalTo("workId")).body("detail", containsString("being transferred"));
        setStatus("cr_work_transfer", history.getLong("[0].id"), "TRANSFERRED");

        // Licences follow the new holder: LicenceRegistry accepts pixel-studio's grant; daily-news's is refused.
        long after = json(OTHER_RIGHTS).body(grant(id, "nova-manufacturing")).post("/api/licences").then().statusCode(202).extract()
                .jsonPath().getLong("id");
        awaitLicence(OTHER_RIGHTS, after, "GRANTED");
        json(RIGHTS).body(grant(id, "nova-manufacturing")).post("/api/licences").then().statusCode(404);
        // The licence granted before stays daily-news's, which may still revoke it.
        as(RIGHTS).get("/api/licences/" + before).then().statusCode(200).body("status", equalTo("GRANTED"))
                .body("licensor", equalTo(RIGHTS_ORG)).body("workHolder", equalTo(OTHER_RIGHTS_ORG));
        json(RIGHTS).body("{}").post("/api/licences/" + before + "/revoke").then().statusCode(202);
        awaitLicence(RIGHTS, before, "REVOKED");
        // And the work can move on again, from its new holder.
        json(OTHER_RIGHTS).body(Map.of("toOrganisation", RIGHTS_ORG)).post("/api/works/" + id + "/transfer").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> as(RIGHTS).get("/api/works/" + id).statusCode() == 200);
        assertThat(as(RIGHTS).get("/api/works/" + id + "/transfers").then().statusCode(200).extract().jsonPath().getList("to"))
                .containsExactly(OTHER_RIGHTS_ORG, RIGHTS_ORG);
        as(OTHER_RIGHTS).get("/api/works/" + id).then().statusCode(404);
    }
}
