package org.alliancechain.odr.cases;

/** Which of a case's three organisations the caller belongs to. */
public enum Side {
    CLAIMANT("申请人", "Claimant", "C"),
    RESPONDENT("被申请人", "Respondent", "R"),
    COMMISSION("仲裁委员会", "Commission", null);

    public final String chinese;
    public final String english;
    /** Prefix of this side's evidence numbers (C-1, R-1). */
    public final String evidencePrefix;

    Side(String chinese, String english, String evidencePrefix) {
        this.chinese = chinese;
        this.english = english;
        this.evidencePrefix = evidencePrefix;
    }

    public boolean isParty() {
        return this != COMMISSION;
    }

    public Side other() {
        return switch (this) {
            case CLAIMANT -> RESPONDENT;
            case RESPONDENT -> CLAIMANT;
            case COMMISSION -> COMMISSION;
        };
    }
}
