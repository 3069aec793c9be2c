package org.alliancechain.einvoice.web;

/** Small text helpers of the forms. */
final class PagesText {

    private PagesText() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
