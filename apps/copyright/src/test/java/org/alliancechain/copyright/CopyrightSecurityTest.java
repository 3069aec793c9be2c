package org.alliancechain.copyright;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.SecurityMatrixTest;
import org.alliancechain.testsupport.SuiteTestResource;

/** Every endpoint of the service × no token / no role / other organisation / own organisation, and token attacks. */
@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class CopyrightSecurityTest extends SecurityMatrixTest {

    @Override
    protected AppUnderTest app() {
        return CopyrightServiceTest.APP;
    }
}
