package org.alliancechain.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The apps' architecture rules (test-support ArchitectureRules, which this module cannot depend on)
 * for the shared service itself: the chain only through the chain client's API, no app's classes,
 * no cycles between its packages.
 */
class SharedServiceArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.alliancechain.service");
    }

    @Test
    void theChainIsReachedOnlyThroughTheChainClientsApi() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.web3j..", "org.alliancechain.chain.internal..", "org.alliancechain.chain.custody..")
                .check(classes);
    }

    @Test
    void noAppIsUsed() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.alliancechain.odr..", "org.alliancechain.einvoice..", "org.alliancechain.supplyfinance..",
                        "org.alliancechain.copyright..")
                .check(classes);
    }

    @Test
    void packagesDoNotDependOnEachOtherInACircle() {
        slices().matching("org.alliancechain.service.(*)..").should().beFreeOfCycles().check(classes);
    }
}
