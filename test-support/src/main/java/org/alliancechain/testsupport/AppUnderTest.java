package org.alliancechain.testsupport;

/**
 * One app's demo users as the shared service tests need them, declared once per app.
 *
 * @param authorisedUser        a user whose role lets them register notarisations in this app
 * @param authorisedOrganisation that user's organisation alias
 * @param otherOrganisationUser a user with the same kind of role in another organisation
 * @param database              the app's database name
 */
public record AppUnderTest(String authorisedUser, String authorisedOrganisation, String otherOrganisationUser, String database) {

    /** A demo user without any role in any app. */
    public static final String USER_WITHOUT_ROLE = "outsider";
}
