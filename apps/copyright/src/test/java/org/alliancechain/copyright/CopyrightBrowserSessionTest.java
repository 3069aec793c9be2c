package org.alliancechain.copyright;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.BrowserSessionTest;
import org.alliancechain.testsupport.SuiteTestResource;

@QuarkusTest
@TestProfile(BrowserSessionTest.ShortSessions.class)
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "copyright"))
class CopyrightBrowserSessionTest extends BrowserSessionTest {

    @Override
    protected AppUnderTest app() {
        return CopyrightServiceTest.APP;
    }
}
