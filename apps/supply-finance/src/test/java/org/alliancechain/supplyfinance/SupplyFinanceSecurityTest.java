package org.alliancechain.supplyfinance;

import static org.alliancechain.supplyfinance.SupplyFinanceFlow.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.SecurityMatrixTest;
import org.alliancechain.testsupport.SuiteTestResource;

/**
 * Every endpoint of the service × no token / no role / other organisation / own organisation, and
 * token attacks. The fixture: a certificate nova-manufacturing (core enterprise) confirmed to
 * acme-trading; the outsider is pixel-studio's supplier.
 */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class SupplyFinanceSecurityTest extends SecurityMatrixTest {

    private static volatile String confirmBody;
    private static volatile String offerBody;

    @Override
    protected AppUnderTest app() {
        return SupplyFinanceServiceTest.APP;
    }

    @Override
    protected Map<String, String> fixtures() {
        var fixtures = new HashMap<>(super.fixtures());
        authoriseIssuer(SUPPLIER_ORG);
        LocalDate maturity = LocalDate.now().plusMonths(2);
        long id = json(CORE).body(SupplyFinanceFlow.confirmBody(SUPPLIER_ORG, "100.00", maturity, false,
                        issueInvoice(SUPPLIER_ORG, CORE_ORG, 100_00L)))
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        awaitStatus(id, CORE, "OUTSTANDING");
        fixtures.put("certificateId", String.valueOf(id));
        fixtures.put("partId", String.valueOf(as(CORE).get("/api/certificates/" + id).then().extract().jsonPath().getLong("parts[0].partId")));
        offerBody = "{\"value\": 1.00, \"recipient\": \"" + TIER2_ORG + "\", \"expiresAt\": \"" + java.time.Instant.now().plusSeconds(86_400) + "\"}";
        confirmBody = SupplyFinanceFlow.confirmBody(SUPPLIER_ORG, "50.00", maturity, false, issueInvoice(SUPPLIER_ORG, CORE_ORG, 50_00L));
        return fixtures;
    }

    @Override
    protected Map<String, String> sampleBodies() {
        var bodies = new HashMap<>(super.sampleBodies());
        bodies.put("POST /api/certificates", confirmBody);
        bodies.put("POST /api/parts/{partId}/split", "{\"value\": 1.00}");
        bodies.put("POST /api/parts/{partId}/offer", offerBody);
        return bodies;
    }

    /** Answering an offer needs one: on the fixture's root part (held, not offered) the holder's call is 409. */
    @Override
    protected java.util.Set<String> stateDependent() {
        return java.util.Set.of("POST /api/parts/{partId}/accept", "POST /api/parts/{partId}/reject", "POST /api/parts/{partId}/withdraw");
    }

    @Override
    protected String authorisedUserFor(String operation, List<String> roles) {
        return roles.equals(List.of("core-enterprise")) ? CORE : super.authorisedUserFor(operation, roles);
    }
}
