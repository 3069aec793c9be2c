package org.alliancechain.supplyfinance;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.alliancechain.testsupport.ServiceBaselineTest;
import org.alliancechain.testsupport.SuiteTestResource;

@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class SupplyFinanceServiceTest extends ServiceBaselineTest {

    @Override
    protected String authorisedUser() {
        return "supplier.acme";
    }

    @Override
    protected String authorisedOrganisation() {
        return "acme-trading";
    }

    @Override
    protected String otherOrganisationUser() {
        return "supplier.pixel";
    }

    @Override
    protected String database() {
        return "supply_finance";
    }
}
