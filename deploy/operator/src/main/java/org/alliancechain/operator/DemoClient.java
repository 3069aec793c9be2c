package org.alliancechain.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.alliancechain.localstack.KeycloakServer;
import org.alliancechain.localstack.LocalStack;

/** A demo's calls to one service's API as the demo users (their tokens from the realm's CLI client), and waiting for the chain. */
final class DemoClient {

    interface Condition {
        boolean holds() throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Token> tokens = new HashMap<>();

    /** An access token and when to stop using it (30 s before it expires: a demo may outlast a token). */
    private record Token(String value, long renewAtNanos) {
    }
    private final String realm;
    private final String service;

    DemoClient(LocalStack stack, String service) {
        this.realm = stack.keycloak().baseUrl() + "/realms/" + KeycloakServer.REALM;
        this.service = service;
    }

    JsonNode get(String user, String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(service + path)).header("Authorization", "Bearer " + token(user))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Posts as a demo user; {@code expected} -1 accepts any answer (a refusal the demo shows on purpose). */
    JsonNode post(String user, String path, Object body, int expected) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(service + path)).header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (expected != -1 && response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** Posts a multipart form as a demo user: the text fields and one file (part "file"). */
    JsonNode postFile(String user, String path, Map<String, String> fields, String fileName, byte[] content, String mediaType, int expected)
            throws Exception {
        String boundary = "demo-" + Long.toHexString(System.nanoTime());
        var body = new java.io.ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = http.send(HttpRequest.newBuilder(URI.create(service + path)).header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " (" + fileName + ") as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Posts until the answer is {@code expected} (e.g. until this service has projected what the chain holds); returns it. */
    JsonNode postUntil(String what, String user, String path, Object body, int expected) throws Exception {
        JsonNode[] answer = new JsonNode[1];
        String[] last = {"no answer"};
        try {
            await(what, () -> {
                var response = http.send(HttpRequest.newBuilder(URI.create(service + path)).header("Authorization", "Bearer " + token(user))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) {
                    answer[0] = JSON.readTree(response.body());
                    return true;
                }
                last[0] = response.statusCode() + " " + response.body();
                return false;
            });
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; the last answer: " + last[0], e);
        }
        return answer[0];
    }

    static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not happen within 3 minutes");
            }
            Thread.sleep(500);
        }
    }

    private String token(String user) throws Exception {
        Token cached = tokens.get(user);
        if (cached != null && System.nanoTime() < cached.renewAtNanos()) {
            return cached.value();
        }
        String form = "grant_type=password&client_id=suite-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + DemoSeeder.DEMO_PASSWORD;
        var response = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        var answer = JSON.readTree(response.body());
        long lifetime = Math.max(0, answer.path("expires_in").asLong(60) - 30);
        tokens.put(user, new Token(answer.path("access_token").asText(), System.nanoTime() + Duration.ofSeconds(lifetime).toNanos()));
        return answer.path("access_token").asText();
    }
}
