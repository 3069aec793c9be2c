package org.alliancechain.service.web;

/**
 * A label in Chinese and English, as every page writes them ("案件 Cases"): members' staff read the
 * Chinese, auditors and foreign counterparts the English.
 */
public record BilingualLabel(String chinese, String english) {

    public static BilingualLabel of(String chinese, String english) {
        return new BilingualLabel(chinese, english);
    }

    @Override
    public String toString() {
        return chinese + " " + english;
    }
}
