package org.alliancechain.odr;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.ServiceBaselineTest;
import org.alliancechain.testsupport.SuiteTestResource;

@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "odr-arbitration"))
class OdrArbitrationServiceTest extends ServiceBaselineTest {

    static final AppUnderTest APP = new AppUnderTest("alice", "acme-trading", "nora", "odr_arbitration");

    @Override
    protected AppUnderTest app() {
        return APP;
    }
}
