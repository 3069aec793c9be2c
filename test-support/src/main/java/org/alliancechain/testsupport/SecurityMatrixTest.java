package org.alliancechain.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity matrix of a service, run by each app's {@code @QuarkusTest} subclass against the
 * real Keycloak: every operation of the service's OpenAPI document — so a new endpoint is covered
 * without editing this test — × {no token, a user without a role here, a user of another
 * organisation, a user of the owning organisation} → 401 / 403 / 404 / 2xx. What each operation
 * requires is read from the document: no security requirement = public, an empty one = any
 * authenticated user, role scopes = those roles. Objects in paths come from fixtures the
 * organisation creates first ({@link #fixtures()}); bodies from {@link #sampleBodies()}; an
 * operation without a sample body must still pass authorisation (neither 401 nor 403).
 * Forged, expired, foreign and audience-less tokens are all 401.
 */
public abstract class SecurityMatrixTest extends AppTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /**
     * Values for path parameters: objects the authorised user's organisation owns, ready for every
     * operation on them (a notarisation is anchored first, so its certificate can be issued).
     */
    protected Map<String, String> fixtures() {
        long id = given().auth().oauth2(Tokens.accessToken(authorisedUser())).contentType(ContentType.JSON)
                .body(ServiceBaselineTest.validRequest("matrix " + java.util.UUID.randomUUID()))
                .post("/api/notarisations").then().statusCode(202).extract().jsonPath().getLong("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> "CONFIRMED".equals(given().auth().oauth2(Tokens.accessToken(authorisedUser()))
                        .get("/api/notarisations/" + id).then().extract().path("chain.status")));
        return Map.of("id", String.valueOf(id));
    }

    /** A valid body per "METHOD /path/template", so the owning organisation's call can succeed. */
    protected Map<String, String> sampleBodies() {
        return Map.of("POST /api/notarisations", ServiceBaselineTest.validRequest("matrix body " + java.util.UUID.randomUUID()),
                "POST /api/notarisations/bulk", "[" + ServiceBaselineTest.validRequest("matrix bulk " + java.util.UUID.randomUUID()) + "]");
    }

    /**
     * The user who may call an operation in the owning organisation's name; by default
     * {@link #authorisedUser()}. Apps whose operations belong to different roles or sides (a case's
     * clerk, its claimant …) name them per operation ("METHOD /path/template") or per role.
     */
    protected String authorisedUserFor(String operation, List<String> roles) {
        return authorisedUser();
    }

    /** A user with the operation's roles in an organisation that owns none of the fixtures; by default {@link #otherOrganisationUser()}. */
    protected String otherOrganisationUserFor(String operation, List<String> roles) {
        return otherOrganisationUser();
    }

    /**
     * Operations whose success depends on the state of the fixture (a step of a workflow that has
     * already been taken answers 409): for them the owning organisation's call must pass
     * authorisation and tenancy (not 401, 403 or 404) and answer without a server error.
     */
    protected java.util.Set<String> stateDependent() {
        return java.util.Set.of();
    }

    /** The fields of a listed object that name an organisation it belongs to. */
    protected List<String> ownerFields() {
        return List.of("organisation");
    }

    private record Operation(String method, String path, List<String> security, String contentType) {
        boolean isPublic() {
            return security == null;
        }

        boolean needsRole() {
            return security != null && !security.isEmpty();
        }

        String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    private static final Map<Class<?>, Map<String, String>> FIXTURES = new java.util.concurrent.ConcurrentHashMap<>();
    private List<Operation> operations;
    private Map<String, String> fixtures;

    @BeforeEach
    void readTheOpenApiDocument() {
        var document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, value) -> {
            if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            @SuppressWarnings("unchecked")
            var operation = (Map<String, Object>) value;
            @SuppressWarnings("unchecked")
            var security = (List<Map<String, List<String>>>) operation.get("security");
            List<String> roles = security == null ? null : security.stream().flatMap(s -> s.values().stream()).flatMap(List::stream).toList();
            @SuppressWarnings("unchecked")
            var body = (Map<String, Object>) operation.get("requestBody");
            String contentType = null;
            if (body != null) {
                @SuppressWarnings("unchecked")
                var content = (Map<String, Object>) body.get("content");
                // An operation taking JSON or a form (e.g. filing with or without documents) is probed with JSON.
                contentType = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
            }
            operations.add(new Operation(method, path, roles, contentType));
        }));
        assertThat(operations).as("operations in the OpenAPI document").isNotEmpty();
        fixtures = FIXTURES.computeIfAbsent(getClass(), c -> fixtures());
    }

    @Test
    void withoutATokenEverySecuredOperationIs401AndEveryPublicOneAnswers() {
        for (var op : operations) {
            int status = call(given(), op, null).statusCode();
            if (op.isPublic()) {
                assertThat(status).as("%s without a token (public)", op.key()).isNotIn(401, 403).isLessThan(500);
            } else {
                assertThat(status).as("%s without a token", op.key()).isEqualTo(401);
            }
        }
    }

    @Test
    void aUserWithoutARoleHereIs403WhereARoleIsNeeded() {
        for (var op : operations) {
            int status = call(given().auth().oauth2(Tokens.accessToken(userWithoutRole())), op, null).statusCode();
            if (op.needsRole()) {
                assertThat(status).as("%s as %s", op.key(), userWithoutRole()).isEqualTo(403);
            } else {
                assertThat(status).as("%s as %s (no role needed)", op.key(), userWithoutRole()).isNotIn(401, 403).isLessThan(500);
            }
        }
    }

    @Test
    void anotherOrganisationSeesNothingOfOurs() {
        for (var op : operations) {
            if (!op.needsRole()) {
                continue;
            }
            String user = otherOrganisationUserFor(op.key(), op.security());
            var response = call(given().auth().oauth2(Tokens.accessToken(user)), op, sampleBodies().get(op.key()));
            if (op.path().contains("{")) {
                assertThat(response.statusCode()).as("%s for another organisation's object (as %s)", op.key(), user).isEqualTo(404);
            } else if (op.method().equals("get") && response.statusCode() == 200 && response.body().asString().startsWith("[")) {
                for (String field : ownerFields()) {
                    List<String> owners = response.jsonPath().getList(field, String.class);
                    assertThat(owners).as("%s lists only the caller's own objects (%s, as %s)", op.key(), field, user)
                            .doesNotContain(authorisedOrganisation());
                }
            }
        }
    }

    @Test
    void theOwningOrganisationIsServed() {
        for (var op : operations) {
            if (!op.needsRole()) {
                continue;
            }
            String body = sampleBodies().get(op.key());
            String user = authorisedUserFor(op.key(), op.security());
            var response = call(given().auth().oauth2(Tokens.accessToken(user)), op, body);
            int status = response.statusCode();
            if (stateDependent().contains(op.key())) {
                assertThat(status).as("%s as %s of the owning organisations (depends on the fixture's state): %s", op.key(), user,
                        response.body().asString()).isNotIn(401, 403, 404).isLessThan(500);
            } else if (body != null || op.contentType() == null) {
                assertThat(status).as("%s as %s of the owning organisations: %s", op.key(), user, response.body().asString())
                        .isBetween(200, 299);
            } else {
                assertThat(status).as("%s as the owning organisation (no sample body: authorisation must pass)", op.key())
                        .isNotIn(401, 403, 404).isLessThan(500);
            }
        }
    }

    @Test
    void forgedExpiredForeignAndAudiencelessTokensAre401() throws Exception {
        // A listing the authorised user itself may call (apps with several roles name other users for other listings).
        var secured = operations.stream().filter(Operation::needsRole).filter(op -> !op.path().contains("{"))
                .filter(op -> op.method().equals("get"))
                .filter(op -> authorisedUserFor(op.key(), op.security()).equals(authorisedUser())).findFirst().orElseThrow();
        String good = Tokens.accessToken(authorisedUser());
        assertThat(call(given().auth().oauth2(good), secured, null).statusCode()).as("the genuine token").isEqualTo(200);

        String[] parts = good.split("\\.");
        String tamperedSignature = parts[0] + "." + parts[1] + "." + flip(parts[2]);
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String otherPayload = parts[0] + "." + base64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(authorisedOrganisation(), "someone-else")) + "." + parts[2];
        var attacks = new HashMap<String, String>();
        attacks.put("tampered signature", tamperedSignature);
        attacks.put("alg none", unsigned);
        attacks.put("changed claims", otherPayload);
        attacks.put("another issuer (the master realm)", Tokens.masterRealmToken());
        attacks.put("another audience", Tokens.accessToken(authorisedUser(), "suite-test-no-audience"));
        String shortLived = Tokens.freshAccessToken(authorisedUser(), "suite-test-shortlived");
        assertThat(call(given().auth().oauth2(shortLived), secured, null).statusCode()).as("the short-lived token while valid").isEqualTo(200);
        Thread.sleep(3_500);
        attacks.put("expired", shortLived);
        attacks.forEach((attack, token) -> assertThat(call(given().auth().oauth2(token), secured, null).statusCode())
                .as("%s with a token: %s", secured.key(), attack).isEqualTo(401));
    }

    @Test
    void everyEndpointInTheBuildSaysWhoMayCallIt() throws Exception {
        var testClasses = EndpointSecurityCheck.codeSourceOf(getClass());
        var roots = new ArrayList<java.nio.file.Path>();
        roots.add(testClasses.getParent().resolve("classes"));
        roots.add(EndpointSecurityCheck.codeSourceOf(Class.forName("org.alliancechain.service.problem.ProblemMappers")));
        assertThat(EndpointSecurityCheck.unannotatedEndpoints(roots)).as("resource methods without a security annotation").isEmpty();
        // The check itself finds what it must find.
        assertThat(EndpointSecurityCheck.unannotatedEndpoints(List.of(EndpointSecurityCheck.codeSourceOf(EndpointSecurityCheck.class))))
                .containsExactly(EndpointSecurityCheck.Probe.class.getName() + "#undeclared");
    }

    private io.restassured.response.Response call(RequestSpecification request, Operation op, String body) {
        Matcher matcher = PARAMETER.matcher(op.path());
        var path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(fixtures.getOrDefault(matcher.group(1), "1")));
        }
        matcher.appendTail(path);
        if (op.contentType() != null && op.contentType().startsWith("multipart/")) {
            request = request.multiPart("probe", "probe.bin", "x".getBytes(StandardCharsets.UTF_8));
        } else if (op.contentType() != null) {
            request = request.contentType(op.contentType())
                    .body(body != null ? body.getBytes(StandardCharsets.UTF_8) : op.contentType().contains("json") ? "{}".getBytes() : "x".getBytes());
        }
        return request.request(op.method().toUpperCase(), path.toString());
    }

    private static String flip(String signature) {
        char c = signature.charAt(signature.length() / 2);
        return signature.substring(0, signature.length() / 2) + (c == 'A' ? 'B' : 'A') + signature.substring(signature.length() / 2 + 1);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
