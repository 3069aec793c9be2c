package org.alliancechain.copyright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.service.attest.AttestedRecord;
import org.alliancechain.service.notarisation.Notarisation;
import org.alliancechain.service.tenancy.OrganisationOwned;
import org.alliancechain.testsupport.SuiteTestResource;
import org.junit.jupiter.api.Test;

/** The write half of tenancy: whatever code path persists an entity, it belongs to the caller's organisation. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class TenancyGuardTest {

    @Inject
    ChainPort chain;

    @Test
    @TestSecurity(user = "rights.daily", roles = "rights-manager")
    @OidcSecurity(claims = @Claim(key = "organization", value = "daily-news"))
    void aNewObjectBelongsToTheCallersOrganisationAndNoOtherOne() {
        var mine = QuarkusTransaction.requiringNew().call(() -> {
            var item = notarisation(null);
            item.persist();
            return item;
        });
        assertThat(mine.organisation).isEqualTo("daily-news");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> notarisation("pixel-studio").persist()))
                .isInstanceOf(OrganisationOwned.TenancyViolation.class)
                .hasMessageContaining("created by daily-news");
    }

    private Notarisation notarisation(String organisation) {
        var item = new Notarisation();
        item.organisation = organisation;
        item.createdBy = "test";
        item.label = "tenancy";
        item.sha256 = "0".repeat(64);
        item.createdAt = Instant.now();
        item.record = new AttestedRecord();
        item.record.notarisationItemId = chain.notarise(new byte[32]);
        return item;
    }
}
