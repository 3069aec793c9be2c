package org.alliancechain.odr.archfixture;

/** Fixture: a class of another app. */
public class Cases {
}
