package org.alliancechain.testsupport.archfixture.b;

import org.alliancechain.testsupport.archfixture.a.Claims;

/** … and b uses a: a cycle. */
public class Proofs {
    public Claims claim;
}
