package org.alliancechain.odr.cases;

/** A case's state, as CaseRegistry has it (ICaseRegistry.CaseStatus, same order from 1). */
public enum CaseStatus {
    FILED("已立案申请", "Filed"),
    ACCEPTED("已受理", "Accepted"),
    REJECTED("不予受理", "Rejected"),
    EVIDENCE("举证期", "Evidence period"),
    HEARING("审理中", "Hearing"),
    AWARDED("已裁决", "Awarded"),
    CLOSED("已结案", "Closed"),
    WITHDRAWN("已撤回", "Withdrawn");

    public final String chinese;
    public final String english;

    CaseStatus(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** Whether the claimant may still withdraw (before the award). */
    public boolean withdrawable() {
        return this == FILED || this == ACCEPTED || this == EVIDENCE || this == HEARING;
    }

    /** Whether parties may still submit evidence (the period's deadline is checked separately). */
    public boolean takesEvidence() {
        return this == FILED || this == ACCEPTED || this == EVIDENCE;
    }

    public boolean isFinal() {
        return this == REJECTED || this == CLOSED || this == WITHDRAWN;
    }
}
