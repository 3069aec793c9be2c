package org.alliancechain.copyright.archfixture;

import org.alliancechain.odr.archfixture.Cases;

/** Fixture: one app using another app's class. */
public class Licences {
    public Cases cases;
}
