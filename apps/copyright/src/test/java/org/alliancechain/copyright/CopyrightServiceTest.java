package org.alliancechain.copyright;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.ServiceBaselineTest;
import org.alliancechain.testsupport.SuiteTestResource;

@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class CopyrightServiceTest extends ServiceBaselineTest {

    static final AppUnderTest APP = new AppUnderTest("rights.daily", "daily-news", "rights.pixel", "copyright");

    @Override
    protected AppUnderTest app() {
        return APP;
    }
}
