package org.alliancechain.service.identity;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, kept until they expire, so that a client's next request with the
 * same token skips the signature check and the claim parsing (a third of an authenticated read's
 * CPU). A JWT access token is accepted until its {@code exp} whatever happens meanwhile (no
 * introspection), so remembering the verdict changes nothing about who is let in.
 *
 * <p>{@link Remember}, an augmentor run last after the OIDC provider verified a bearer token,
 * remembers the identity under the tenant and the exact token; this identity provider, tried
 * before OIDC's, answers a request carrying a remembered, unexpired token with that identity,
 * and otherwise lets OIDC verify it. Only access tokens sent as bearer tokens to a tenant are
 * remembered (never the pages' ID tokens), without the request's routing context, which is
 * attached anew to each request.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    private static final String TENANT_ID = "tenant-id";
    private static final String STATIC_TENANT_ID = "static.tenant.id";

    private record Verified(SecurityIdentity identity, long expiresAtSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();
    private final int maxEntries;

    VerifiedTokens(@ConfigProperty(name = "suite.security.verified-tokens.max-entries", defaultValue = "20000") int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Tried before OIDC's provider, which keeps the default (1001, {@code SYSTEM_FIRST} + 1). */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!(request.getToken() instanceof AccessTokenCredential token) || routing == null) {
            return Uni.createFrom().nullItem();
        }
        String key = key(routing, token.getToken());
        Verified hit = key == null ? null : verified.get(key);
        if (hit == null) {
            misses.increment();
            return Uni.createFrom().nullItem();
        }
        if (Instant.now().getEpochSecond() >= hit.expiresAtSecond()) {
            verified.remove(key);
            return Uni.createFrom().nullItem();
        }
        hits.increment();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(hit.identity())
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routing).build());
    }

    /** Runs last on every identity: remembers one that OIDC built from a bearer token. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        Remember(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            return Uni.createFrom().item(identity);
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                             Map<String, Object> attributes) {
            tokens.remember(identity, HttpSecurityUtils.getRoutingContextAttribute(attributes));
            return Uni.createFrom().item(identity);
        }
    }

    void remember(SecurityIdentity identity, RoutingContext routing) {
        var token = identity.getCredential(AccessTokenCredential.class);
        // Pages' sessions (an ID token beside the access token) are the code flow's business, not a bearer's.
        if (token == null || routing == null || identity.getCredential(io.quarkus.oidc.IdTokenCredential.class) != null
                || !(identity instanceof QuarkusSecurityIdentity built)
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        String key = key(routing, token.getToken());
        if (key == null || verified.containsKey(key)) {
            return;
        }
        if (verified.size() >= maxEntries) {
            long now = Instant.now().getEpochSecond();
            verified.values().removeIf(v -> v.expiresAtSecond() <= now);
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(withoutRequest(built), jwt.getExpirationTime()));
    }

    /** How many verified tokens are remembered (for tests). */
    public int size() {
        return verified.size();
    }

    /** Bearer requests answered from memory, and those whose token OIDC had to verify (for tests and metrics). */
    public long[] hitsAndMisses() {
        return new long[] {hits.sum(), misses.sum()};
    }

    /**
     * The tenant the request's path selects and the token; null when OIDC has not chosen a tenant.
     * OIDC's resolver notes the path's tenant before the token is verified ({@code static.tenant.id})
     * and the verified one after ({@code tenant-id}); both name the same tenant.
     */
    private static String key(RoutingContext routing, String token) {
        Object tenant = routing.get(STATIC_TENANT_ID);
        if (tenant == null) {
            tenant = routing.get(TENANT_ID);
        }
        return tenant == null || token == null ? null : tenant + " " + token;
    }

    /**
     * The identity with everything but the request it was verified in: principal, roles, credentials,
     * permissions (OIDC puts the token's scopes there) and attributes — not permission checkers, which
     * may hold that request: the suite authorises by roles, and OIDC adds none to a bearer identity.
     */
    private static SecurityIdentity withoutRequest(QuarkusSecurityIdentity identity) {
        var builder = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal()).setAnonymous(false)
                .addRoles(identity.getRoles()).addCredentials(identity.getCredentials()).addPermissions(identity.getPermissions());
        identity.getAttributes().forEach((name, value) -> {
            if (!(value instanceof RoutingContext)) {
                builder.addAttribute(name, value);
            }
        });
        return builder.build();
    }
}
