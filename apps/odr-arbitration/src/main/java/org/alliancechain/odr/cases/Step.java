package org.alliancechain.odr.cases;

/** The kinds of step a case timeline shows, with their Chinese and English labels. */
public enum Step {
    FILED("提交仲裁申请", "Case filed"),
    ACCEPTED("受理", "Case accepted"),
    REJECTED("不予受理", "Case rejected"),
    TRIBUNAL_FORMED("组成仲裁庭", "Tribunal formed"),
    DEADLINES_SET("设定期限", "Deadlines set"),
    EVIDENCE_OPENED("举证期开始", "Evidence period opened"),
    EVIDENCE_SUBMITTED("提交证据", "Evidence submitted"),
    EVIDENCE_CITATION_REFUSED("引用证据未能采纳", "Cited evidence refused"),
    EVIDENCE_COMMENTED("质证意见", "Cross-examination comment"),
    ANSWERED("提交答辩", "Answer submitted"),
    HEARING_OPENED("开庭审理", "Hearing opened"),
    MINUTES_RECORDED("庭审笔录", "Hearing minutes recorded"),
    AWARD_DRAFTED("裁决书草稿", "Award drafted"),
    AWARD_VOTED("合议表决", "Panel vote"),
    AWARD_ISSUED("作出裁决", "Award issued"),
    AWARD_MADE_AVAILABLE("裁决书送达", "Award made available"),
    AWARD_OPENED("裁决书签收", "Award opened"),
    CLOSED("结案", "Case closed"),
    WITHDRAWN("撤回仲裁申请", "Case withdrawn"),
    DEADLINE_MISSED("期限届满未完成", "Deadline missed");

    public final String chinese;
    public final String english;

    Step(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }
}
