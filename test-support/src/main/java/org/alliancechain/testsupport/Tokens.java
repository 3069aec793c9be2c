package org.alliancechain.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancechain.localstack.KeycloakServer;

/** Real access tokens from the test Keycloak, by password grant through the suite-cli client. */
public final class Tokens {

    /** Password of every demo user of deploy/keycloak/alliance-realm.json. */
    public static final String DEMO_PASSWORD = "demo";

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String accessToken(String username) {
        return CACHE.computeIfAbsent(username, Tokens::fetch);
    }

    private static String fetch(String username) {
        KeycloakServer keycloak = SuiteTestResource.stack().keycloak();
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "suite-cli")
                .formParam("username", username)
                .formParam("password", DEMO_PASSWORD)
                .post(keycloak.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
