package org.alliancechain.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.alliancechain.service.problem.Problem;
import org.junit.jupiter.api.Test;

/** The cross-site form guard of the pages: which posts it lets through and which it refuses. */
class PageFormGuardTest {

    private final PageFormGuard guard = new PageFormGuard();

    @Test
    void aFormPostedFromTheServicesOwnPagesPasses() {
        assertThat(guard.guard(request("POST", "/app/cases/7/hearing", Map.of("Origin", "https://odr.example.cn")))).isNull();
        assertThat(guard.guard(request("POST", "/app/cases", Map.of("Referer", "https://odr.example.cn/app/cases/new")))).isNull();
        assertThat(guard.guard(request("POST", "/app/cases", Map.of("Origin", "HTTPS://ODR.example.cn:443")))).isNull();
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedWithProblemJson() {
        assertRefused(guard.guard(request("POST", "/app/cases/7/closure", Map.of("Origin", "https://evil.example"))), "https://evil.example");
        assertRefused(guard.guard(request("POST", "/app/cases/7/closure", Map.of("Origin", "http://odr.example.cn"))), "http://odr.example.cn");
        assertRefused(guard.guard(request("POST", "/app/cases/7/closure", Map.of("Origin", "https://odr.example.cn:8443"))), "8443");
        assertRefused(guard.guard(request("POST", "/app/cases/7/closure", Map.of("Referer", "https://evil.example/odr.example.cn"))),
                "another site");
        assertRefused(guard.guard(request("POST", "/app/cases/7/closure", Map.of("Origin", "null", "Referer", "https://evil.example/"))),
                "another site");
    }

    @Test
    void aPostThatNamesNoOriginIsRefused() {
        assertRefused(guard.guard(request("POST", "/app/cases/7/closure", Map.of())), "names no origin");
        assertRefused(guard.guard(request("PUT", "/app", Map.of())), "names no origin");
    }

    @Test
    void readsAndTheBearerTokenApiAreNotConcerned() {
        assertThat(guard.guard(request("GET", "/app/cases/7", Map.of()))).isNull();
        assertThat(guard.guard(request("HEAD", "/app", Map.of("Origin", "https://evil.example")))).isNull();
        assertThat(guard.guard(request("POST", "/api/cases", Map.of("Origin", "https://evil.example")))).isNull();
        assertThat(guard.guard(request("POST", "/verify", Map.of()))).isNull();
        assertThat(guard.guard(request("POST", "/application", Map.of()))).isNull();
    }

    private static void assertRefused(Response response, String detail) {
        assertThat(response).isNotNull();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) response.getEntity()).detail()).contains(detail);
    }

    private static ContainerRequestContext request(String method, String path, Map<String, String> headers) {
        var lowerCase = new HashMap<String, String>();
        headers.forEach((k, v) -> lowerCase.put(k.toLowerCase(), v));
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (p, m, a) ->
                switch (m.getName()) {
                    case "getPath" -> path;
                    case "getBaseUri" -> URI.create("https://odr.example.cn/");
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getUriInfo" -> uri;
                    case "getHeaderString" -> lowerCase.get(((String) a[0]).toLowerCase());
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
