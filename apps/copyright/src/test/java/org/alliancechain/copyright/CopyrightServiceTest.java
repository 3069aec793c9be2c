package org.alliancechain.copyright;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.alliancechain.testsupport.ServiceBaselineTest;
import org.alliancechain.testsupport.SuiteTestResource;

@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class CopyrightServiceTest extends ServiceBaselineTest {

    @Override
    protected String authorisedUser() {
        return "rights.daily";
    }

    @Override
    protected String authorisedOrganisation() {
        return "daily-news";
    }

    @Override
    protected String otherOrganisationUser() {
        return "rights.pixel";
    }

    @Override
    protected String database() {
        return "copyright";
    }
}
