package org.alliancechain.supplyfinance;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.ServiceBaselineTest;
import org.alliancechain.testsupport.SuiteTestResource;

@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "supply-finance"))
class SupplyFinanceServiceTest extends ServiceBaselineTest {

    static final AppUnderTest APP = new AppUnderTest("supplier.acme", "acme-trading", "supplier.pixel", "supply_finance");

    @Override
    protected AppUnderTest app() {
        return APP;
    }
}
