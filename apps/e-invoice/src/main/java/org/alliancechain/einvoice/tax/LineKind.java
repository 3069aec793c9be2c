package org.alliancechain.einvoice.tax;

/**
 * 发票行性质 ({@code fphxz}): a discount line (1) directly follows the line it discounts (2). Partial
 * red skips discount lines; UBL folds the pair into one line with an allowance (BG-27).
 */
public enum LineKind {
    NORMAL(0, "正常行", "Normal line"),
    DISCOUNT(1, "折扣行", "Discount line"),
    DISCOUNTED(2, "被折扣行", "Discounted line");

    private final int fphxz;
    private final String labelZh;
    private final String labelEn;

    LineKind(int fphxz, String labelZh, String labelEn) {
        this.fphxz = fphxz;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public int fphxz() {
        return fphxz;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
