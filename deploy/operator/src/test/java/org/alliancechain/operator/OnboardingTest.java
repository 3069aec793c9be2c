package org.alliancechain.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.ConsortiumRole;
import org.alliancechain.contracts.generated.AnchorRegistry;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.evidence.pki.Pkcs12Identities;
import org.alliancechain.localstack.ConsortiumBootstrap;
import org.alliancechain.localstack.KeycloakServer;
import org.alliancechain.testsupport.SharedStack;
import org.alliancechain.testsupport.SuiteTestResource;
import org.alliancechain.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * The onboarding tool against a real Keycloak, anvil and the suite's contracts: a new organisation
 * ends up in Keycloak with an admin who can sign in, with a key per service that acts on chain as
 * the new member, and with a document-signing certificate from the CA; running it again changes
 * nothing.
 */
class OnboardingTest {

    private static final String PASS = "custody-pass";
    private static SharedStack stack;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startStack() {
        stack = SuiteTestResource.stack();
    }

    @Test
    void aNewOrganisationIsOnboardedEndToEndAndASecondRunChangesNothing() throws Exception {
        String alias = "new-media-" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffL);
        Map<String, Path> custody = new LinkedHashMap<>();
        custody.put("copyright", dir.resolve(alias + "/copyright"));
        custody.put("e-invoice", dir.resolve(alias + "/e-invoice"));
        var pki = DevPki.openOrCreate(dir.resolve("pki"), "pki-pass".toCharArray(), "http://127.0.0.1:1/pki/root.crl");
        List<String> progress = new java.util.ArrayList<>();
        var organisation = new Onboarding.Organisation(alias, "New Media 新媒体", null);
        var admin = new Onboarding.AdminUser(alias + "-admin", "admin@" + alias + ".example", "Nina", "Ma", Tokens.DEMO_PASSWORD);

        Onboarding.Result first;
        Onboarding.Result second;
        var contracts = stack.contracts();
        try (var keycloak = keycloak(); var governance = new ConsortiumBootstrap(contracts.rpcUrl())) {
            var onboarding = new Onboarding(keycloak, governance, contracts, custody, PASS.toCharArray(), pki, progress::add);
            first = onboarding.onboard(organisation, admin, List.of(ConsortiumRole.ANCHORER.id()));
            second = onboarding.onboard(organisation, admin, List.of(ConsortiumRole.ANCHORER.id()));

            // Keycloak: the organisation, and its admin as a member of it.
            assertThat(keycloak.find(alias)).isNotNull();
            assertThat(keycloak.find(alias).getName()).isEqualTo("New Media 新媒体");
            assertThat(keycloak.organisationsOf(admin.username())).containsExactly(alias);

            // Chain: an active member; each service's account belongs to it and may anchor.
            assertThat(governance.memberStatus(contracts, alias)).isEqualTo(ConsortiumBootstrap.MemberStatus.ACTIVE);
            assertThat(first.accounts()).hasSize(2);
            assertThat(first.accounts().values()).doesNotHaveDuplicates();
            for (String account : first.accounts().values()) {
                assertThat(governance.memberOf(contracts, account)).isEqualTo(ConsortiumBootstrap.memberId(alias));
                assertThat(governance.hasRole(contracts, ConsortiumRole.ANCHORER.id(), account)).isTrue();
            }
        }
        assertThat(first.organisationCreated()).isTrue();
        assertThat(first.admitted()).isTrue();
        assertThat(first.keysCreated()).containsExactly("copyright", "e-invoice");
        assertThat(first.certificatesIssued()).containsExactly("copyright", "e-invoice");
        assertThat(first.adminCreated()).isTrue();
        assertThat(progress).anyMatch(l -> l.startsWith("[1/5]")).anyMatch(l -> l.startsWith("[5/5]"));

        assertThat(second.organisationCreated()).isFalse();
        assertThat(second.admitted()).isFalse();
        assertThat(second.keysCreated()).isEmpty();
        assertThat(second.certificatesIssued()).isEmpty();
        assertThat(second.accountsAdded()).isEmpty();
        assertThat(second.rolesGranted()).isEmpty();
        assertThat(second.adminCreated()).isFalse();
        assertThat(second.accounts()).isEqualTo(first.accounts());

        // The admin signs in; the token names the organisation and carries the org-admin role.
        String[] jwt = Tokens.accessToken(admin.username()).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"organization\"").contains(alias).contains(KeycloakOrganisations.ORG_ADMIN_ROLE);

        // The key in custody acts on chain as the member: an anchoring signed with it is accepted
        // and attributed to the new organisation.
        Path keystore = custody.get("copyright").resolve(alias + ".json");
        var credentials = WalletUtils.loadCredentials(PASS, keystore.toFile());
        assertThat(credentials.getAddress()).isEqualToIgnoringCase(first.accounts().get("copyright"));
        var web3j = Web3j.build(new HttpService(contracts.rpcUrl()));
        try {
            var anchors = AnchorRegistry.load(contracts.anchorRegistry(), web3j,
                    new RawTransactionManager(web3j, credentials, contracts.chainId()),
                    new StaticGasProvider(BigInteger.ZERO, BigInteger.valueOf(1_000_000)));
            byte[] batch = new byte[32];
            new SecureRandom().nextBytes(batch);
            var receipt = anchors.anchor(batch, batch, BigInteger.ONE).send();
            assertThat(receipt.isStatusOK()).isTrue();
            assertThat(anchors.anchorOf(batch).send().memberId).isEqualTo(ConsortiumBootstrap.memberId(alias));
        } finally {
            web3j.shutdown();
        }

        // The document-signing certificate in custody: issued to the organisation by the CA.
        try (var in = Files.newInputStream(custody.get("e-invoice").resolve(alias + ".p12"))) {
            var identity = Pkcs12Identities.load(in, PASS.toCharArray());
            assertThat(identity.subject()).contains(alias);
            identity.certificate().verify(pki.rootCertificate().getPublicKey());
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsChanged() {
        assertThatThrownBy(() -> new Onboarding.Organisation("Bad Alias", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias");
        assertThatThrownBy(() -> new Onboarding.Organisation("service", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> OnboardCommand.run(new String[] {"--admin-user", "x", "--admin-email", "x@example.org"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--alias is required");
        assertThatThrownBy(() -> OnboardCommand.run(new String[] {"--alias"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
    }

    private static KeycloakOrganisations keycloak() {
        return new KeycloakOrganisations(stack.keycloak().baseUrl(), KeycloakServer.REALM, KeycloakServer.ADMIN_USER,
                KeycloakServer.ADMIN_PASSWORD);
    }
}
