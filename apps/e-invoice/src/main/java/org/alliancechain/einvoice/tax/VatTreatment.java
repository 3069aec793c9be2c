package org.alliancechain.einvoice.tax;

import java.util.Arrays;
import java.util.Optional;

/**
 * How VAT applies to a line: the 数电 {@code lslbs} (零税率标识) and its EN 16931 VAT category (§3 of the
 * domain page). Exempt and not-taxed lines need a reason in UBL (BR-E-10, BR-O-10); zero-rated must
 * not have one (BR-Z-10).
 */
public enum VatTreatment {
    STANDARD(0, "S", "按税率征税", "Standard rated"),
    EXEMPT(1, "E", "免税", "Exempt from VAT"),
    NOT_TAXED(2, "O", "不征增值税", "Not subject to VAT"),
    ZERO_RATED(3, "Z", "普通零税率", "Zero rated");

    private final int lslbs;
    private final String category;
    private final String labelZh;
    private final String labelEn;

    VatTreatment(int lslbs, String category, String labelZh, String labelEn) {
        this.lslbs = lslbs;
        this.category = category;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** The bureau's 零税率标识 for STANDARD is empty on the wire; we use 0 (fapiaoapi README). */
    public int lslbs() {
        return lslbs;
    }

    /** EN 16931 VAT category code (UNCL 5305 subset). */
    public String category() {
        return category;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** Exempt and not-taxed lines must say why (BR-E-10, BR-O-10). */
    public boolean requiresReason() {
        return this == EXEMPT || this == NOT_TAXED;
    }

    /** Only standard-rated lines carry tax. */
    public boolean taxed() {
        return this == STANDARD;
    }

    public static Optional<VatTreatment> fromLslbs(int code) {
        return Arrays.stream(values()).filter(t -> t.lslbs == code).findFirst();
    }

    public static Optional<VatTreatment> fromCategory(String code) {
        return Arrays.stream(values()).filter(t -> t.category.equals(code)).findFirst();
    }
}
