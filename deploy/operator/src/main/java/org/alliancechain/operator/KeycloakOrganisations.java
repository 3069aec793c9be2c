package org.alliancechain.operator;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** The Keycloak half of onboarding, through the admin REST API (keycloak-admin-client). */
public final class KeycloakOrganisations implements AutoCloseable {

    /** Realm role of an organisation's administrators (deploy/keycloak/alliance-realm.json). */
    public static final String ORG_ADMIN_ROLE = "org-admin";

    private final Keycloak keycloak;
    private final RealmResource realm;

    /** Signs in to the master realm with an administrator's password (admin-cli). */
    public KeycloakOrganisations(String serverUrl, String realm, String adminUser, String adminPassword) {
        this.keycloak = KeycloakBuilder.builder().serverUrl(serverUrl).realm("master").clientId("admin-cli")
                .username(adminUser).password(adminPassword).build();
        this.realm = keycloak.realm(realm);
    }

    /** Creates the organisation unless one with the alias exists; true when created. */
    public boolean ensureOrganisation(Onboarding.Organisation organisation) {
        if (find(organisation.alias()) != null) {
            return false;
        }
        var rep = new OrganizationRepresentation();
        rep.setAlias(organisation.alias());
        rep.setName(organisation.name());
        rep.setEnabled(true);
        for (String domain : organisation.domains()) {
            rep.addDomain(new OrganizationDomainRepresentation(domain));
        }
        try (Response response = realm.organizations().create(rep)) {
            require(response, "creating organisation " + organisation.alias());
        }
        return true;
    }

    /**
     * Creates the organisation's first administrator unless the user exists: a member of the
     * organisation with the org-admin realm role. With a temporary password Keycloak makes the user
     * choose a new one at first login. True when created.
     */
    public boolean ensureAdmin(String alias, Onboarding.AdminUser admin, String password, boolean temporary) {
        var organisation = find(alias);
        if (organisation == null) {
            throw new IllegalStateException("no Keycloak organisation " + alias);
        }
        List<UserRepresentation> existing = realm.users().searchByUsername(admin.username(), true);
        String userId;
        boolean created = existing.isEmpty();
        if (created) {
            var user = new UserRepresentation();
            user.setUsername(admin.username());
            user.setEmail(admin.email());
            user.setEmailVerified(true);
            user.setFirstName(admin.firstName());
            user.setLastName(admin.lastName());
            user.setEnabled(true);
            var credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(temporary);
            user.setCredentials(List.of(credential));
            try (Response response = realm.users().create(user)) {
                userId = CreatedResponseUtil.getCreatedId(response);
            }
        } else {
            userId = existing.getFirst().getId();
        }
        var members = realm.organizations().get(organisation.getId()).members();
        boolean isMember = organisationAliases(userId).contains(alias);
        if (!isMember) {
            try (Response response = members.addMember(userId)) {
                require(response, "adding " + admin.username() + " to " + alias);
            }
        }
        var roles = realm.users().get(userId).roles().realmLevel();
        if (roles.listEffective().stream().noneMatch(r -> ORG_ADMIN_ROLE.equals(r.getName()))) {
            roles.add(List.of(realm.roles().get(ORG_ADMIN_ROLE).toRepresentation()));
        }
        return created;
    }

    /** The organisation with this alias, or null. */
    public OrganizationRepresentation find(String alias) {
        // Keycloak's search matches names and domains, not aliases: page through the list.
        int page = 100;
        for (int first = 0; ; first += page) {
            var batch = realm.organizations().list(first, page);
            for (var organisation : batch) {
                if (alias.equals(organisation.getAlias())) {
                    return organisation;
                }
            }
            if (batch.size() < page) {
                return null;
            }
        }
    }

    /** The aliases of the organisations a user belongs to. */
    public List<String> organisationsOf(String username) {
        var users = realm.users().searchByUsername(username, true);
        if (users.isEmpty()) {
            return List.of();
        }
        return organisationAliases(users.getFirst().getId());
    }

    private List<String> organisationAliases(String userId) {
        try {
            return realm.organizations().members().getOrganizations(userId, true).stream()
                    .map(OrganizationRepresentation::getAlias).toList();
        } catch (jakarta.ws.rs.NotFoundException e) {
            return List.of();
        }
    }

    private static void require(Response response, String what) {
        if (response.getStatus() / 100 != 2) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            throw new IllegalStateException(what + " failed: HTTP " + response.getStatus() + " " + body);
        }
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
