package org.alliancechain.einvoice.invoices;

/**
 * Why InvoiceRegistry refused one item of a batch (its {@code Refusal} enum, in declaration order):
 * the code a refusal event carries, with what a user reads.
 */
public enum ChainRefusal {
    NONE("无", "none"),
    DUPLICATE("发票已存在", "an invoice with this number already exists"),
    NOT_AUTHORISED("未获开票授权", "the issuer is not authorised"),
    SUSPENDED("开票已暂停", "the issuer is suspended"),
    KIND_NOT_ALLOWED("无此票种授权", "the issuer may not issue this kind"),
    QUOTA_EXCEEDED("超出授信额度", "the issuer's quota would be exceeded"),
    INVALID("数据无效", "invalid buyer or amount"),
    UNKNOWN_INVOICE("发票不存在", "no such invoice on chain"),
    RED_INVOICE("红字发票", "a red-letter invoice"),
    FULLY_RED_LETTERED("已全额红冲", "fully offset by red-letter invoices"),
    ALREADY_REIMBURSED("已报销", "already reimbursed"),
    ALREADY_BOOKED_ELSEWHERE("已被其他单位入账", "already booked by another organisation"),
    PLEDGED("已质押融资", "pledged for financing"),
    NOT_MEMBER("非联盟成员", "not an active member");

    public final String chinese;
    public final String english;

    ChainRefusal(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public static ChainRefusal ofCode(int code) {
        return code >= 0 && code < values().length ? values()[code] : INVALID;
    }

    public String label() {
        return chinese + " " + english;
    }
}
