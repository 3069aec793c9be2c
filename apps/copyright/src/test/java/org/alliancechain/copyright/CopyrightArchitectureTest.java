package org.alliancechain.copyright;

import org.alliancechain.testsupport.ArchitectureRulesTest;

/** The suite's architecture rules, for this app's production classes. */
class CopyrightArchitectureTest extends ArchitectureRulesTest {

    @Override
    protected String rootPackage() {
        return "org.alliancechain.copyright";
    }
}
