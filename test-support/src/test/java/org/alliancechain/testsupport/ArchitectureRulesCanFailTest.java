package org.alliancechain.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Each architecture rule fails on a fixture that breaks it (so an app's passing run means something). */
class ArchitectureRulesCanFailTest {

    private static final String FIXTURE = "org.alliancechain.testsupport.archfixture";

    @Test
    void aCycleBetweenFeaturesIsRefusedAndNamed() {
        var classes = new ClassFileImporter().importPackages(FIXTURE);
        assertThatThrownBy(() -> ArchitectureRules.featuresFreeOfCycles(FIXTURE).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("feature 'a'").hasMessageContaining("feature 'b'");
    }

    @Test
    void web3jInAFeatureIsRefused() {
        var classes = new ClassFileImporter().importPackages(FIXTURE);
        assertThatThrownBy(() -> ArchitectureRules.chainOnlyThroughItsApi(FIXTURE).check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Reader").hasMessageContaining("org.web3j.protocol.Web3j");
    }

    @Test
    void anAppUsingAnotherAppIsRefused() {
        var classes = new ClassFileImporter().importPackages("org.alliancechain.copyright.archfixture");
        assertThatThrownBy(() -> ArchitectureRules.noOtherApp("org.alliancechain.copyright").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Licences").hasMessageContaining("org.alliancechain.odr.archfixture.Cases");
    }
}
