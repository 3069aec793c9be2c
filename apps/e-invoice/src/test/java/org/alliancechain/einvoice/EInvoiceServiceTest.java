package org.alliancechain.einvoice;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.alliancechain.testsupport.ServiceBaselineTest;
import org.alliancechain.testsupport.SuiteTestResource;

@QuarkusTest
@WithTestResource(value = SuiteTestResource.class, initArgs = @ResourceArg(name = "app", value = "e-invoice"))
class EInvoiceServiceTest extends ServiceBaselineTest {

    @Override
    protected String authorisedUser() {
        return "issuer.acme";
    }

    @Override
    protected String authorisedOrganisation() {
        return "acme-trading";
    }

    @Override
    protected String otherOrganisationUser() {
        return "issuer.nova";
    }

    @Override
    protected String database() {
        return "e_invoice";
    }
}
