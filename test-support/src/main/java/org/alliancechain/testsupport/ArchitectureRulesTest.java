package org.alliancechain.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The architecture rules ({@link ArchitectureRules}) for one app: each app's test subclasses this
 * with its root package. Plain JUnit: no Quarkus, no stack.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureRulesTest {

    private JavaClasses classes;

    /** The app's root package, e.g. {@code org.alliancechain.odr}. */
    protected abstract String rootPackage();

    @BeforeAll
    void importClasses() {
        classes = ArchitectureRules.mainClasses(rootPackage());
    }

    @Test
    void featurePackagesDoNotDependOnEachOtherInACircle() {
        ArchitectureRules.featuresFreeOfCycles(rootPackage()).check(classes);
    }

    @Test
    void theChainIsReachedOnlyThroughTheChainClientsApi() {
        ArchitectureRules.chainOnlyThroughItsApi(rootPackage()).check(classes);
    }

    @Test
    void noOtherAppIsUsed() {
        ArchitectureRules.noOtherApp(rootPackage()).check(classes);
    }
}
