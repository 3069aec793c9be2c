package org.alliancechain.testsupport;

/** What the shared service tests know of the app under test: its demo users, declared once per app. */
public abstract class AppTest {

    /** The app's demo users, declared once per app. */
    protected abstract AppUnderTest app();

    protected String authorisedUser() {
        return app().authorisedUser();
    }

    protected String authorisedOrganisation() {
        return app().authorisedOrganisation();
    }

    protected String otherOrganisationUser() {
        return app().otherOrganisationUser();
    }

    protected String userWithoutRole() {
        return AppUnderTest.USER_WITHOUT_ROLE;
    }
}
