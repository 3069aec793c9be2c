package org.alliancechain.supplyfinance;

import org.alliancechain.testsupport.ArchitectureRulesTest;

/** The suite's architecture rules, for this app's production classes. */
class SupplyFinanceArchitectureTest extends ArchitectureRulesTest {

    @Override
    protected String rootPackage() {
        return "org.alliancechain.supplyfinance";
    }
}
