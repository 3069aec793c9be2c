package org.alliancechain.einvoice;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.BrowserSessionTest;
import org.alliancechain.testsupport.SuiteTestResource;

@QuarkusTest
@TestProfile(BrowserSessionTest.ShortSessions.class)
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class EInvoiceBrowserSessionTest extends BrowserSessionTest {

    @Override
    protected AppUnderTest app() {
        return EInvoiceServiceTest.APP;
    }
}
