package org.alliancechain.service.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
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
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public String displayName() {
        String name = token.getClaim("name");
        return name != null ? name : userName();
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
        Object claim = token.getClaim(ORGANISATION_CLAIM);
        return switch (claim) {
            case null -> Optional.empty();
            case JsonString s -> Optional.of(s.getString());
            case String s -> Optional.of(s);
            case JsonArray a when a.size() == 1 && a.get(0).getValueType() == JsonValue.ValueType.STRING ->
                    Optional.of(a.getString(0));
            case JsonObject o when o.size() == 1 -> Optional.of(o.keySet().iterator().next());
            default -> Optional.empty();
        };
    }

    /** The organisation that owns what this caller creates; refuses callers who belong to none. */
    public String requireOrganisation() {
        return organisation().orElseThrow(() -> new ProblemException(Response.Status.FORBIDDEN,
                "Your account belongs to no single member organisation; ask your consortium administrator"));
    }
}
