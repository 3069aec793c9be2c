package org.alliancechain.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Browser sign-in to a service's pages through Keycloak, in a real (headless, HtmlUnit) browser
 * against the real Keycloak: the authorization code flow with PKCE, the session cookie, logout,
 * and a session that lasts while Keycloak's does — and no longer. Runs with the test browser client
 * {@code suite-test-web} (3 s tokens), so that refresh and expiry happen within the test.
 */
public abstract class BrowserSessionTest extends AppTest {

    /** The app with its browser tenant on the short-lived test client. */
    public static class ShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.web.client-id", "suite-test-web");
        }
    }

    @TestHTTPResource("/app")
    URL home;

    @Test
    void anAnonymousVisitorIsSentToKeycloaksSignInPage() throws Exception {
        try (var browser = browser()) {
            HtmlPage page = browser.getPage(home);
            assertThat(page.getUrl().toString()).startsWith(SuiteTestResource.stack().keycloak().realmUrl());
            assertThat(page.getUrl().getQuery()).contains("code_challenge_method=S256").contains("client_id=suite-test-web");
            assertThat(loginForm(page)).isNotNull();
        }
    }

    @Test
    void aMemberSignsInSeesTheirOrganisationAndSignsOut() throws Exception {
        try (var browser = browser()) {
            HtmlPage page = signIn(browser, authorisedUser());
            assertThat(page.getUrl().getPath()).isEqualTo("/app");
            assertThat(page.getElementById("organisation").asNormalizedText()).isEqualTo(authorisedOrganisation());
            assertThat(page.getElementById("who").asNormalizedText()).contains(authorisedUser()).contains("退出 Sign out");
            assertThat(page.getElementById("identity").asNormalizedText()).contains("角色 Roles");

            HtmlPage out = page.getAnchorByHref("/app/logout").click();
            assertThat(out.getUrl().getPath()).isEqualTo("/app/signed-out");
            assertThat(out.getElementById("signed-out").asNormalizedText()).contains("You have signed out");

            HtmlPage again = browser.getPage(home);
            assertThat(loginForm(again)).as("after logout the Keycloak session is gone too: the sign-in form again").isNotNull();
        }
    }

    @Test
    void theSessionOutlivesItsTokensWhileKeycloaksSessionLivesAndEndsWithIt() throws Exception {
        try (var browser = browser()) {
            signIn(browser, authorisedUser());
            Thread.sleep(4_000); // the 3 s ID and access tokens have expired
            HtmlPage refreshed = browser.getPage(home);
            assertThat(refreshed.getUrl().getPath()).as("tokens refreshed with Keycloak's session").isEqualTo("/app");
            assertThat(refreshed.getElementById("organisation").asNormalizedText()).isEqualTo(authorisedOrganisation());

            endKeycloakSessions(authorisedUser()); // what Keycloak does when its SSO session idles out
            Thread.sleep(4_000);
            HtmlPage expired = browser.getPage(home);
            assertThat(expired.getUrl().getPath()).as("no refresh without Keycloak's session").isEqualTo("/app/session-expired");
            assertThat(expired.getElementById("session-expired").asNormalizedText()).contains("Your session has expired");
            HtmlPage signInAgain = expired.getAnchorByHref("/app").click();
            assertThat(loginForm(signInAgain)).as("signing in again asks for credentials").isNotNull();
        }
    }

    private HtmlPage signIn(WebClient browser, String user) throws Exception {
        HtmlPage login = browser.getPage(home);
        HtmlForm form = loginForm(login);
        assertThat(form).as("Keycloak's sign-in form at " + login.getUrl()).isNotNull();
        form.getInputByName("username").type(user);
        if (form.getInputsByName("password").isEmpty()) {
            // With Organizations enabled Keycloak asks for the user first (identity-first login), then the password.
            HtmlPage passwordPage = submit(form);
            form = loginForm(passwordPage);
            assertThat(form).as("Keycloak's password form at " + passwordPage.getUrl()).isNotNull();
        }
        form.getInputByName("password").type(Tokens.DEMO_PASSWORD);
        return submit(form);
    }

    private static HtmlPage submit(HtmlForm form) throws java.io.IOException {
        var buttons = form.getByXPath(".//*[@type='submit']");
        assertThat(buttons).as("a submit button in " + form.asXml()).isNotEmpty();
        return ((org.htmlunit.html.HtmlElement) buttons.getFirst()).click();
    }

    private static HtmlForm loginForm(HtmlPage page) {
        return page.getForms().stream().filter(f -> "kc-form-login".equals(f.getId())).findFirst().orElse(null);
    }

    private static WebClient browser() {
        var browser = new WebClient();
        new LoopbackIsSecure(browser);
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(true);
        browser.getOptions().setRedirectEnabled(true);
        return browser;
    }

    /**
     * Browsers treat loopback addresses as a secure context, so Keycloak's {@code Secure;
     * SameSite=None} session cookies work over plain http://127.0.0.1 in Chrome and Firefox; HtmlUnit
     * does not, and would drop them. This wrapper gives HtmlUnit the browsers' behaviour for loopback
     * responses only.
     */
    private static final class LoopbackIsSecure extends org.htmlunit.util.WebConnectionWrapper {
        private final WebClient browser;

        LoopbackIsSecure(WebClient browser) {
            super(browser);
            this.browser = browser;
        }

        @Override
        public org.htmlunit.WebResponse getResponse(org.htmlunit.WebRequest request) throws java.io.IOException {
            var response = super.getResponse(request);
            String host = request.getUrl().getHost();
            if (host.equals("127.0.0.1") || host.equals("localhost")) {
                for (var header : response.getResponseHeaders()) {
                    if ("set-cookie".equalsIgnoreCase(header.getName()) && header.getValue().matches("(?is).*;\\s*secure\\b.*")) {
                        keepOverHttp(host, header.getValue());
                    }
                }
            }
            return response;
        }

        /** Stores (or, when expired, removes) a Secure cookie as the browser would on a loopback origin. */
        private void keepOverHttp(String host, String setCookie) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            String path = "/";
            java.util.Date expires = null;
            boolean httpOnly = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim();
                String lower = attribute.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("path=")) {
                    path = attribute.substring(5);
                } else if (lower.startsWith("max-age=")) {
                    expires = new java.util.Date(System.currentTimeMillis() + Long.parseLong(attribute.substring(8).trim()) * 1000);
                } else if (lower.equals("httponly")) {
                    httpOnly = true;
                }
            }
            var cookies = browser.getCookieManager();
            for (var existing : cookies.getCookies()) {
                if (existing.getName().equals(name) && existing.getDomain().equals(host)) {
                    cookies.removeCookie(existing);
                }
            }
            if (expires == null || expires.after(new java.util.Date())) {
                cookies.addCookie(new org.htmlunit.util.Cookie(host, name, value, path, expires, false, httpOnly));
            }
        }
    }

    /** Ends every Keycloak session of the user through the admin API. */
    private static void endKeycloakSessions(String username) {
        String admin = SuiteTestResource.stack().keycloak().realmUrl().replace("/realms/", "/admin/realms/");
        String token = Tokens.masterRealmToken();
        List<String> ids = given().auth().oauth2(token).queryParam("username", username).queryParam("exact", true)
                .get(admin + "/users").then().statusCode(200).extract().path("id");
        given().auth().oauth2(token).post(admin + "/users/" + ids.getFirst() + "/logout").then().statusCode(204);
    }
}
