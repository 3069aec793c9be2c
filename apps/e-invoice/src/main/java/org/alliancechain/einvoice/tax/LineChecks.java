package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;
import java.util.List;

/** The per-field checks of one entered line, each adding a {@link TaxViolation} naming the field. */
final class LineChecks {

    private LineChecks() {
    }

    /** The rate the treatment allows: a known positive rate for STANDARD, none or zero otherwise. */
    static VatRate rate(int i, InvoiceLineInput in, List<TaxViolation> violations) {
        if (in.treatment() == null) {
            violations.add(new TaxViolation(i, "treatment", "the VAT treatment is missing", "缺少零税率标识"));
            return null;
        }
        if (in.treatment() == VatTreatment.STANDARD) {
            Parsed<VatRate> parsed = VatRate.parse(in.rate());
            if (parsed instanceof Parsed.Error<VatRate> e) {
                violations.add(new TaxViolation(i, "rate", e.error().messageEn(), e.error().messageZh()));
                return null;
            }
            VatRate rate = parsed.orThrow();
            if (rate.value().signum() == 0) {
                violations.add(new TaxViolation(i, "rate", "a standard-rated line needs a rate above 0 (use ZERO_RATED, EXEMPT or NOT_TAXED)",
                        "按税率征税的明细税率应大于0(零税率、免税或不征税请选择对应标识)"));
                return null;
            }
            return rate;
        }
        if (in.rate() != null && in.rate().signum() != 0) {
            violations.add(new TaxViolation(i, "rate", "a line " + in.treatment().labelEn().toLowerCase()
                    + " has no rate, got " + in.rate().toPlainString(),
                    in.treatment().labelZh() + "的明细税率应为0或空,实际为" + in.rate().toPlainString()));
            return null;
        }
        return VatRate.ZERO;
    }

    /** Exempt and not-taxed lines say why (BR-E-10, BR-O-10); standard and zero-rated lines must not (BR-S-10, BR-Z-10). */
    static void reason(int i, InvoiceLineInput in, List<TaxViolation> violations) {
        if (in.treatment() == null) {
            return;
        }
        boolean blank = in.exemptionReason() == null || in.exemptionReason().isBlank();
        if (in.treatment().requiresReason() && blank) {
            violations.add(new TaxViolation(i, "exemptionReason", "a line " + in.treatment().labelEn().toLowerCase()
                    + " needs the reason (the preferential policy, 优惠政策)", in.treatment().labelZh() + "的明细需填写免税或不征税原因"));
        } else if (!in.treatment().requiresReason() && !blank) {
            violations.add(new TaxViolation(i, "exemptionReason", "only exempt and not-taxed lines carry an exemption reason",
                    "仅免税或不征税明细可填写免税原因"));
        }
    }

    /** Amounts exactly in cents; quantity and price at most 13 decimals (the bureau's precision). */
    static void scales(int i, InvoiceLineInput in, List<TaxViolation> violations) {
        cents(i, "amount", in.amount(), violations);
        cents(i, "taxAmount", in.taxAmount(), violations);
        cents(i, "discountAmount", in.discountAmount(), violations);
        decimals(i, "quantity", in.quantity(), violations);
        decimals(i, "unitPrice", in.unitPrice(), violations);
    }

    /** A blue invoice has no negative line except a discount line, which has an amount only and is negative. */
    static void signs(int i, InvoiceLineInput in, LineKind kind, List<TaxViolation> violations) {
        if (kind == LineKind.DISCOUNT) {
            if (in.quantity() != null || in.unitPrice() != null) {
                violations.add(new TaxViolation(i, "quantity", "a discount line has an amount only, no quantity or price",
                        "折扣行只填金额,不填数量和单价"));
            }
            if (in.amount() == null || in.amount().signum() >= 0) {
                violations.add(new TaxViolation(i, "amount", "a discount line's amount is negative", "折扣行金额应为负数"));
            }
            return;
        }
        positive(i, "quantity", in.quantity(), violations);
        nonNegative(i, "unitPrice", in.unitPrice(), violations);
        nonNegative(i, "amount", in.amount(), violations);
        nonNegative(i, "discountAmount", in.discountAmount(), violations);
    }

    private static void cents(int i, String field, BigDecimal v, List<TaxViolation> violations) {
        if (v != null && v.stripTrailingZeros().scale() > 2) {
            violations.add(new TaxViolation(i, field, field + " " + v.toPlainString() + " has more than 2 decimals",
                    "金额" + v.toPlainString() + "超过2位小数"));
        }
    }

    private static void decimals(int i, String field, BigDecimal v, List<TaxViolation> violations) {
        if (v != null && v.stripTrailingZeros().scale() > TaxCalculator.PRICE_SCALE) {
            violations.add(new TaxViolation(i, field, field + " " + v.toPlainString() + " has more than 13 decimals",
                    (field.equals("quantity") ? "数量" : "单价") + v.toPlainString() + "超过13位小数"));
        }
    }

    private static void positive(int i, String field, BigDecimal v, List<TaxViolation> violations) {
        if (v != null && v.signum() <= 0) {
            violations.add(new TaxViolation(i, field, "the quantity on a blue invoice must be above 0, got " + v.toPlainString(),
                    "蓝字发票数量应大于0,实际为" + v.toPlainString()));
        }
    }

    private static void nonNegative(int i, String field, BigDecimal v, List<TaxViolation> violations) {
        if (v != null && v.signum() < 0) {
            violations.add(new TaxViolation(i, field, field + " on a blue invoice cannot be negative (only a discount line is), got "
                    + v.toPlainString(), "蓝字发票的" + field + "不能为负数(仅折扣行为负),实际为" + v.toPlainString()));
        }
    }
}
