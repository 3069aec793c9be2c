package org.alliancechain.service.identity;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.alliancechain.service.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller: user, member organisation and roles, read from the access token.
 * The organisation comes from the {@code organization} claim (Keycloak Organizations).
 */
@RequestScoped
public class Caller {

    public static final String ORGANISATION_CLAIM = "organization";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String userName() {
        return claim("preferred_username") instanceof String preferred ? preferred : identity.getPrincipal().getName();
    }

    public String displayName() {
        return claim("name") instanceof String name ? name : userName();
    }

    /** The caller's roles in this application (and consortium-admin), without Keycloak's built-in ones. */
    public Set<String> roles() {
        var roles = new TreeSet<String>();
        for (String role : identity.getRoles()) {
            if (!role.startsWith("default-roles-") && !role.equals("offline_access") && !role.equals("uma_authorization")) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The caller's member organisation (its alias), if the token carries exactly one. */
    public Optional<String> organisation() {
        return switch (claim(ORGANISATION_CLAIM)) {
            case null -> Optional.empty();
            case JsonString s -> Optional.of(s.getString());
            case String s -> Optional.of(s);
            case JsonArray a when a.size() == 1 && a.get(0).getValueType() == JsonValue.ValueType.STRING ->
                    Optional.of(a.getString(0));
            case JsonObject o when o.size() == 1 -> Optional.of(o.keySet().iterator().next());
            case List<?> l when l.size() == 1 && l.getFirst() instanceof String s -> Optional.of(s);
            case Map<?, ?> m when m.size() == 1 && m.keySet().iterator().next() instanceof String s -> Optional.of(s);
            default -> Optional.empty();
        };
    }

    /**
     * A claim of the caller's token. Read from the parsed claims where Quarkus OIDC gives them:
     * {@code JsonWebToken.getClaim} first tries the name as a standard claim and throws (and catches)
     * an IllegalArgumentException for every other name, which cost a stack trace per request.
     */
    private Object claim(String name) {
        if (identity.getPrincipal() instanceof OidcJwtCallerPrincipal principal) {
            return principal.getClaims().getClaimValue(name);
        }
        return token.getClaim(name);
    }

    /** The organisation that owns what this caller creates; refuses callers who belong to none. */
    public String requireOrganisation() {
        return organisation().orElseThrow(() -> new ProblemException(Response.Status.FORBIDDEN,
                "Your account belongs to no single member organisation; ask your consortium administrator"));
    }
}
