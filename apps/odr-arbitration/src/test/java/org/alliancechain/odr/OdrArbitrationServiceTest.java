package org.alliancechain.odr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.alliancechain.service.identity.VerifiedTokens;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.ServiceBaselineTest;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrArbitrationServiceTest extends ServiceBaselineTest {

    static final AppUnderTest APP = new AppUnderTest("alice", "acme-trading", "nora", "odr_arbitration");

    @Inject
    VerifiedTokens verifiedTokens;

    @Override
    protected AppUnderTest app() {
        return APP;
    }

    /** Shared code, tested once here: the security matrix shows expired and forged tokens still refused. */
    @Test
    void aRememberedBearerTokenStillNamesItsOwnCallerAndNoOther() {
        String[] users = {authorisedUser(), otherOrganisationUser(), userWithoutRole()};
        long hitsBefore = verifiedTokens.hitsAndMisses()[0];
        for (int round = 0; round < 3; round++) {
            for (String user : users) {
                given().auth().oauth2(Tokens.accessToken(user)).get("/api/me").then().statusCode(200)
                        .body("user", equalTo(user));
            }
        }
        assertThat(verifiedTokens.size()).as("bearer tokens remembered after verification").isGreaterThanOrEqualTo(users.length);
        assertThat(verifiedTokens.hitsAndMisses()[0] - hitsBefore).as("the later rounds answered from memory (hits, misses: %s)", java.util.Arrays.toString(verifiedTokens.hitsAndMisses()))
                .isGreaterThanOrEqualTo(2L * users.length);
    }
}
