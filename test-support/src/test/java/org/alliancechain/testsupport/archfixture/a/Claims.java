package org.alliancechain.testsupport.archfixture.a;

import org.alliancechain.testsupport.archfixture.b.Proofs;

/** Fixture for ArchitectureRulesCanFailTest: feature a uses b … */
public class Claims {
    public Proofs proofs;
}
