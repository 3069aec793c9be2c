package org.alliancechain.odr;

import org.alliancechain.testsupport.ArchitectureRulesTest;

/** The suite's architecture rules, for this app's production classes. */
class OdrArchitectureTest extends ArchitectureRulesTest {

    @Override
    protected String rootPackage() {
        return "org.alliancechain.odr";
    }
}
