package org.alliancechain.operator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.evidence.pki.Pkcs12Identities;
import org.alliancechain.localstack.ConsortiumBootstrap;
import org.alliancechain.localstack.DevKeystores;
import org.alliancechain.localstack.SuiteContracts;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Brings a new member organisation into the consortium, in five steps, each of which is skipped
 * when already done (so an interrupted onboarding is simply run again):
 * <ol>
 *   <li>the organisation in Keycloak (Keycloak Organizations);</li>
 *   <li>a chain key in each service's key custody — one account per service (ADR 0006);</li>
 *   <li>a document-signing certificate (development PKI) in each custody, unless one was imported;</li>
 *   <li>membership on chain: admission with the first account and the roles, then the other
 *       accounts, each proposed by one consortium admin and approved by another (quorum);</li>
 *   <li>the organisation's first admin user, a member of the organisation with the org-admin role.</li>
 * </ol>
 */
public final class Onboarding {

    /** Keycloak organisation aliases double as key ids and file names: keep them simple. */
    private static final String ALIAS = "[a-z0-9][a-z0-9-]{1,62}";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The organisation to onboard. */
    public record Organisation(String alias, String name, List<String> domains) {
        public Organisation {
            Objects.requireNonNull(alias, "alias");
            if (!alias.matches(ALIAS)) {
                throw new IllegalArgumentException("an organisation alias is 2-63 characters a-z, 0-9 and '-': " + alias);
            }
            if ("service".equals(alias)) {
                throw new IllegalArgumentException("'service' is reserved for the services' own keys");
            }
            name = name == null || name.isBlank() ? alias : name;
            domains = domains == null || domains.isEmpty() ? List.of(alias + ".example") : List.copyOf(domains);
        }
    }

    /** The organisation's first administrator; a null password means: generate one, to be changed at first login. */
    public record AdminUser(String username, String email, String firstName, String lastName, String password) {
        public AdminUser {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(email, "email");
            firstName = firstName == null || firstName.isBlank() ? username : firstName;
            lastName = lastName == null || lastName.isBlank() ? "Admin" : lastName;
        }
    }

    /** What was done (and what was found already done). */
    public record Result(String alias, boolean organisationCreated, Map<String, String> accounts, List<String> keysCreated,
                         List<String> certificatesIssued, boolean admitted, List<String> accountsAdded, List<String> rolesGranted,
                         boolean adminCreated, String generatedPassword) {
    }

    private final KeycloakOrganisations keycloak;
    private final ConsortiumBootstrap governance;
    private final SuiteContracts contracts;
    private final Map<String, Path> custody;
    private final char[] custodyPassphrase;
    private final DevPki pki;
    private final Consumer<String> progress;

    /**
     * @param custody           each service's key-custody directory, by service id
     * @param custodyPassphrase the passphrase of those directories' keystores
     * @param pki               the development PKI that issues document-signing certificates; null in
     *                          production, where the organisation's own PKCS#12 is imported beforehand
     */
    public Onboarding(KeycloakOrganisations keycloak, ConsortiumBootstrap governance, SuiteContracts contracts,
                      Map<String, Path> custody, char[] custodyPassphrase, DevPki pki, Consumer<String> progress) {
        this.keycloak = keycloak;
        this.governance = governance;
        this.contracts = contracts;
        this.custody = new LinkedHashMap<>(custody);
        this.custodyPassphrase = custodyPassphrase.clone();
        this.pki = pki;
        this.progress = progress;
    }

    public Result onboard(Organisation organisation, AdminUser admin, List<byte[]> chainRoles) {
        String alias = organisation.alias();
        step(1, "Keycloak organisation " + alias);
        boolean created = keycloak.ensureOrganisation(organisation);
        done(created ? "created" : "exists");

        step(2, "chain keys in " + custody.size() + " services' key custody");
        Map<String, String> accounts = new LinkedHashMap<>();
        List<String> keysCreated = new ArrayList<>();
        for (var entry : custody.entrySet()) {
            var key = ensureChainKey(entry.getValue(), alias);
            accounts.put(entry.getKey(), key.address());
            if (key.created()) {
                keysCreated.add(entry.getKey());
            }
        }
        done(keysCreated.isEmpty() ? "all present" : "created for " + String.join(", ", keysCreated));

        step(3, "document-signing certificate");
        List<String> issued = new ArrayList<>();
        for (var entry : custody.entrySet()) {
            Path file = entry.getValue().resolve(alias + ".p12");
            if (Files.exists(file)) {
                continue;
            }
            if (pki == null) {
                throw new IllegalStateException("no document-signing certificate for " + alias + " in " + file
                        + ": import the organisation's PKCS#12 there (same passphrase as the key custody)");
            }
            var known = keycloak.find(alias);
            String name = known != null && known.getName() != null ? known.getName() : organisation.name();
            Pkcs12Identities.store(file, pki.documentSigner(alias, name), custodyPassphrase);
            issued.add(entry.getKey());
        }
        done(issued.isEmpty() ? "all present" : "issued by the development CA for " + String.join(", ", issued));

        step(4, "membership on chain");
        List<String> addresses = new ArrayList<>(accounts.values());
        boolean admitted = false;
        var status = governance.memberStatus(contracts, alias);
        if (status == ConsortiumBootstrap.MemberStatus.NONE) {
            governance.admit(contracts, alias, addresses.getFirst(), List.of());
            admitted = true;
        } else if (status == ConsortiumBootstrap.MemberStatus.SUSPENDED) {
            throw new IllegalStateException(alias + " is a suspended member: reinstating it is a decision of the consortium "
                    + "admins, not part of onboarding");
        }
        byte[] memberId = ConsortiumBootstrap.memberId(alias);
        List<String> added = new ArrayList<>();
        for (var entry : accounts.entrySet()) {
            byte[] owner = governance.memberOf(contracts, entry.getValue());
            if (Arrays.equals(owner, memberId)) {
                continue;
            }
            if (!Arrays.equals(owner, new byte[32])) {
                throw new IllegalStateException("the key of " + alias + " for " + entry.getKey() + " (" + entry.getValue()
                        + ") is already an account of another member");
            }
            governance.addAccount(contracts, alias, entry.getValue());
            added.add(entry.getKey());
        }
        List<String> granted = new ArrayList<>();
        for (byte[] role : chainRoles) {
            if (!governance.hasMemberRole(contracts, alias, role)) {
                governance.grantRole(contracts, alias, role);
                granted.add(org.web3j.utils.Numeric.toHexString(role));
            }
        }
        done((admitted ? "admitted; " : "already a member; ") + (added.isEmpty() ? "no accounts added" : "accounts added for "
                + String.join(", ", added)) + (granted.isEmpty() ? "" : "; " + granted.size() + " role(s) granted"));

        step(5, "first admin user " + admin.username());
        String password = admin.password();
        String generated = null;
        if (password == null) {
            generated = randomPassword();
            password = generated;
        }
        boolean adminCreated = keycloak.ensureAdmin(alias, admin, password, generated != null);
        done(adminCreated ? "created" + (generated != null ? " (temporary password, to be changed at first login)" : "")
                : "exists");
        return new Result(alias, created, accounts, keysCreated, issued, admitted, added, granted, adminCreated,
                adminCreated ? generated : null);
    }

    private record ChainKey(String address, boolean created) {
    }

    /** The organisation's key in one custody directory, generated (randomly) when absent. */
    private ChainKey ensureChainKey(Path directory, String alias) {
        Path file = directory.resolve(alias + ".json");
        try {
            if (Files.exists(file)) {
                var wallet = new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), org.web3j.crypto.WalletFile.class);
                return new ChainKey(Keys.toChecksumAddress(wallet.getAddress()), false);
            }
            ECKeyPair pair = Keys.createEcKeyPair(RANDOM);
            DevKeystores.write(directory, alias, Credentials.create(pair), new String(custodyPassphrase));
            return new ChainKey(Keys.toChecksumAddress(Keys.getAddress(pair)), true);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot keep the chain key of " + alias + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void step(int n, String what) {
        progress.accept("[" + n + "/5] " + what + " ...");
    }

    private void done(String outcome) {
        progress.accept("      " + outcome);
    }
}
