package org.alliancechain.einvoice.documents;

import java.util.Arrays;
import java.util.Optional;

/** 红冲原因 ({@code chyyDm}) as the bureau numbers them; vendors differ (an ERP uses 1 销货退回, 2 开票有误): map at the edges. */
public enum RedReason {
    ISSUING_ERROR("01", "开票有误", "Issuing error"),
    GOODS_RETURNED("02", "销货退回", "Goods returned"),
    SERVICE_STOPPED("03", "服务中止", "Service stopped"),
    SALES_ALLOWANCE("04", "销售折让", "Sales allowance");

    private final String code;
    private final String labelZh;
    private final String labelEn;

    RedReason(String code, String labelZh, String labelEn) {
        this.code = code;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String code() {
        return code;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<RedReason> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
