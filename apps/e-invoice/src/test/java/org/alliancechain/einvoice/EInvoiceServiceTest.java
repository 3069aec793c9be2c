package org.alliancechain.einvoice;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.alliancechain.testsupport.AppUnderTest;
import org.alliancechain.testsupport.ServiceBaselineTest;
import org.alliancechain.testsupport.SuiteTestResource;

@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class EInvoiceServiceTest extends ServiceBaselineTest {

    static final AppUnderTest APP = new AppUnderTest("issuer.acme", "acme-trading", "issuer.nova", "e_invoice");

    @Override
    protected AppUnderTest app() {
        return APP;
    }
}
