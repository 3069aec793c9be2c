package org.alliancechain.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The suite's architecture rules, checked by every app ({@link ArchitectureRulesTest}) and by the
 * shared service: feature packages never import each other in a circle; apps and the shared service
 * see the chain only through the chain client's API package (no web3j, no chain-client internals);
 * no app depends on another app.
 */
public final class ArchitectureRules {

    /** The root package of each app: an app may not depend on another's. */
    public static final List<String> APPS = List.of(
            "org.alliancechain.odr", "org.alliancechain.einvoice", "org.alliancechain.supplyfinance", "org.alliancechain.copyright");

    /** What only the chain client may use: web3j itself and the client's own implementation packages. */
    static final String[] CHAIN_INTERNALS = {"org.web3j..", "org.alliancechain.chain.internal..", "org.alliancechain.chain.custody.."};

    private ArchitectureRules() {
    }

    /** The production classes of one root package (test classes are not imported). */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage);
    }

    /** The direct sub-packages of the root are features; none may reach itself through the others. */
    public static ArchRule featuresFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("feature '$1'").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .because("features depend one way; work that spans two features is orchestrated above both (STYLE.md)");
    }

    /** Chain access only through {@code org.alliancechain.chain.api}. */
    public static ArchRule chainOnlyThroughItsApi(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..").should().dependOnClassesThat().resideInAnyPackage(CHAIN_INTERNALS)
                .allowEmptyShould(true)
                .because("apps and the shared service read and write the chain through the chain client's API package only");
    }

    /** An app is deployed on its own: it may use the shared modules, never another app's classes. */
    public static ArchRule noOtherApp(String rootPackage) {
        var others = APPS.stream().filter(app -> !app.equals(rootPackage)).map(app -> app + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(rootPackage + "..").should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true)
                .because("each app is deployed on its own and meets the others only on the chain");
    }
}
