package org.alliancechain.einvoice.redletter;

import java.util.Arrays;

/**
 * The states of a red-letter confirmation form, by the bureau's codes (fapiaoapi/invoice 附件5; 11–13
 * from the 乐企 interface). Only 01 and 04 lead to a red invoice; 02 and 03 are open and count
 * against what can still be offset; the others are void.
 */
public enum FormState {
    NO_CONFIRMATION_NEEDED("01", "无需确认", "No confirmation needed"),
    AWAITING_BUYER("02", "销方录入待购方确认", "Entered by the seller, awaiting the buyer"),
    AWAITING_SELLER("03", "购方录入待销方确认", "Entered by the buyer, awaiting the seller"),
    CONFIRMED("04", "购销双方已确认", "Confirmed by both parties"),
    VOID_BUYER_REFUSED("05", "作废(销方录入购方否认)", "Void: the buyer refused"),
    VOID_SELLER_REFUSED("06", "作废(购方录入销方否认)", "Void: the seller refused"),
    VOID_EXPIRED("07", "作废(超72小时未确认)", "Void: not confirmed within 72 hours"),
    VOID_WITHDRAWN("08", "作废(发起方已撤销)", "Void: withdrawn by its initiator"),
    VOID_WITHDRAWN_AFTER_CONFIRMATION("09", "作废(确认后撤销)", "Void: withdrawn after confirmation"),
    VOID_ABNORMAL("10", "作废(异常凭证)", "Void: abnormal voucher (tax bureau)"),
    VOID_TAXPAYER_BLOCKED("11", "作废(纳税人状态异常阻断)", "Void: taxpayer blocked (tax bureau)"),
    VOID_NATURAL_PERSON_REFUSED("12", "作废(自然人拒收)", "Void: refused by a natural person"),
    VOID_REFUND_APPLIED("13", "作废(已开具退税申请单)", "Void: refund application issued");

    public final String code;
    public final String chinese;
    public final String english;

    FormState(String code, String chinese, String english) {
        this.code = code;
        this.chinese = chinese;
        this.english = english;
    }

    public static FormState ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no red-letter form state " + code));
    }

    public boolean open() {
        return this == AWAITING_BUYER || this == AWAITING_SELLER;
    }

    public boolean issuesRedInvoice() {
        return this == NO_CONFIRMATION_NEEDED || this == CONFIRMED;
    }

    public String label() {
        return code + " " + chinese + " " + english;
    }
}
