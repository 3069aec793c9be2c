package org.alliancechain.odr;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.alliancechain.testsupport.ServiceBaselineTest;
import org.alliancechain.testsupport.SuiteTestResource;

@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrArbitrationServiceTest extends ServiceBaselineTest {

    @Override
    protected String authorisedUser() {
        return "alice";
    }

    @Override
    protected String authorisedOrganisation() {
        return "acme-trading";
    }

    @Override
    protected String otherOrganisationUser() {
        return "nora";
    }

    @Override
    protected String database() {
        return "odr_arbitration";
    }
}
