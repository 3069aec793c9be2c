package org.alliancechain.einvoice;

import org.alliancechain.testsupport.ArchitectureRulesTest;

/** The suite's architecture rules, for this app's production classes. */
class EInvoiceArchitectureTest extends ArchitectureRulesTest {

    @Override
    protected String rootPackage() {
        return "org.alliancechain.einvoice";
    }
}
