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
        return accessToken(username, "suite-cli");
    }

    /** A token obtained through another client of the realm (cached like the others). */
    public static String accessToken(String username, String clientId) {
        return CACHE.computeIfAbsent(clientId + "/" + username, key -> fetch(username, clientId));
    }

    /** A token fetched now, never cached (for tokens that expire quickly). */
    public static String freshAccessToken(String username, String clientId) {
        return fetch(username, clientId);
    }

    /** A genuine token of the same Keycloak, but issued by its master realm: any service must refuse it. */
    public static String masterRealmToken() {
        var keycloak = SuiteTestResource.stack().keycloak();
        String master = keycloak.realmUrl().replaceAll("/realms/[^/]+$", "/realms/master");
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", KeycloakServer.ADMIN_USER).formParam("password", KeycloakServer.ADMIN_PASSWORD)
                .post(master + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String fetch(String username, String clientId) {
        var keycloak = SuiteTestResource.stack().keycloak();
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", username)
                .formParam("password", DEMO_PASSWORD)
                .post(keycloak.realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
