package org.alliancechain.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * What ./run does between starting the infrastructure and starting the services: onboard the demo
 * organisations. Implemented by the onboarding tool (deploy/operator), found with ServiceLoader, so
 * this module (which the tests use) does not depend on it.
 */
public interface StackSeeder {

    /**
     * @param custody each service's key-custody directory (its own key is already there)
     */
    void seed(LocalStack stack, Path suiteRoot, Map<SuiteApp, Path> custody);
}
