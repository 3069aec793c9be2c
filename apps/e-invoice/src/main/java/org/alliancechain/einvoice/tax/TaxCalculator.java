package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 数电 tax math (domain page §3): per line, then exact sums; never tax recomputed from a total.
 * <ul>
 *   <li>tax-exclusive: je = round(price × quantity) or the amount; se = round(je × rate)</li>
 *   <li>tax-inclusive amount A: se = round(A ÷ (1 + rate) × rate); je = A − se</li>
 * </ul>
 * Rounding is HALF_UP to cents, symmetric about zero, so red lines computed on magnitudes and negated
 * equal the same computation on negative amounts. Everything a caller typed is checked against the
 * tolerances of §3 and refused, never silently corrected.
 */
public final class TaxCalculator {

    /** |quantity × unit price − je|; Peppol R120 allows 0.02, the SaaS field specifications 0.01. */
    public static final BigDecimal LINE_AMOUNT_TOLERANCE = new BigDecimal("0.01");
    /** |je × rate − se| for a caller-supplied tax ("金额*税率=税额误差正负 0.06"). */
    public static final BigDecimal LINE_TAX_TOLERANCE = new BigDecimal("0.06");
    /** |Σse − round(Σje × rate)| per rate: the largest cent strictly inside EN 16931 BR-CO-17's ±1. */
    public static final BigDecimal CATEGORY_TAX_TOLERANCE = new BigDecimal("0.99");

    static final int PRICE_SCALE = 13;

    private TaxCalculator() {
    }

    /** Lines, subtotals and totals of a blue invoice, or the violations that refuse it. */
    public static ComputedInvoice compute(List<InvoiceLineInput> inputs) {
        List<TaxViolation> violations = new ArrayList<>();
        if (inputs == null || inputs.isEmpty()) {
            violations.add(new TaxViolation(-1, "lines", "an invoice needs at least one line", "发票至少需要一行明细"));
            return ComputedInvoice.refused(violations);
        }
        List<ComputedLine> lines = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ComputedLine line = computeLine(i, inputs.get(i), violations);
            lines.add(line);
        }
        if (!violations.isEmpty()) {
            return ComputedInvoice.refused(violations);
        }
        lines = pairDiscounts(inputs, lines, violations);
        if (!violations.isEmpty()) {
            return ComputedInvoice.refused(violations);
        }
        return summarise(lines, violations);
    }

    /**
     * Red lines for a partial red-letter form (see {@link RedLetterCalculation}): amounts negative,
     * each line computed on its magnitude with the rule above; the last piece of a line copies its
     * remainder exactly so a line that is red in full sums to zero.
     */
    public static ComputedInvoice redLineAmounts(ComputedInvoice blue, List<RedLineRequest> requests,
                                                 RedLetterLedger alreadyRed) {
        return RedLetterCalculation.partial(blue, requests, alreadyRed);
    }

    /** A full red: every blue line copied with its amounts negated, no recomputation (pitfall §9). */
    public static ComputedInvoice fullRed(ComputedInvoice blue, RedLetterLedger alreadyRed) {
        return RedLetterCalculation.full(blue, alreadyRed);
    }

    static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** round(je × rate). */
    static BigDecimal taxOfExclusive(BigDecimal amount, VatRate rate) {
        return cents(amount.multiply(rate.value()));
    }

    /** round(A ÷ (1 + rate) × rate), divided once so that only the final rounding happens. */
    static BigDecimal taxOfInclusive(BigDecimal amountWithTax, VatRate rate) {
        return amountWithTax.multiply(rate.value()).divide(BigDecimal.ONE.add(rate.value()), 2, RoundingMode.HALF_UP);
    }

    private static ComputedLine computeLine(int i, InvoiceLineInput in, List<TaxViolation> violations) {
        if (in == null) {
            violations.add(new TaxViolation(i, "name", "the line is empty", "明细行为空"));
            return null;
        }
        int before = violations.size();
        LineKind kind = in.kind() == null ? LineKind.NORMAL : in.kind();
        if (in.name() == null || in.name().isBlank()) {
            violations.add(new TaxViolation(i, "name", "the item name is missing", "缺少项目名称"));
        }
        VatRate rate = LineChecks.rate(i, in, violations);
        LineChecks.reason(i, in, violations);
        LineChecks.scales(i, in, violations);
        LineChecks.signs(i, in, kind, violations);
        if (violations.size() > before) {
            return null;
        }
        BigDecimal entered; // the line amount on the entered tax basis
        if (in.quantity() != null && in.unitPrice() != null) {
            BigDecimal product = in.quantity().multiply(in.unitPrice());
            if (in.amount() != null) {
                if (product.subtract(in.amount()).abs().compareTo(LINE_AMOUNT_TOLERANCE) > 0) {
                    violations.add(new TaxViolation(i, "amount",
                            "quantity × unit price = " + product.toPlainString() + " differs from the amount "
                                    + in.amount().toPlainString() + " by more than 0.01",
                            "数量×单价=" + product.toPlainString() + ",与金额" + in.amount().toPlainString() + "相差超过0.01"));
                    return null;
                }
                entered = in.amount();
            } else {
                entered = cents(product);
            }
        } else if (in.amount() != null) {
            entered = in.amount();
        } else {
            violations.add(new TaxViolation(i, "amount", "give the amount, or quantity and unit price",
                    "请填写金额,或数量和单价"));
            return null;
        }
        BigDecimal tax = in.taxInclusive() ? taxOfInclusive(entered, rate) : taxOfExclusive(entered, rate);
        if (in.taxAmount() != null) {
            BigDecimal exclusive = in.taxInclusive() ? entered.subtract(in.taxAmount()) : entered;
            BigDecimal exact = exclusive.multiply(rate.value());
            BigDecimal off = exact.subtract(in.taxAmount()).abs();
            if (!in.treatment().taxed() && in.taxAmount().signum() != 0) {
                violations.add(new TaxViolation(i, "taxAmount", "a line " + in.treatment().labelEn().toLowerCase()
                        + " has no tax", in.treatment().labelZh() + "的明细税额应为0"));
                return null;
            }
            if (off.compareTo(LINE_TAX_TOLERANCE) > 0) {
                violations.add(new TaxViolation(i, "taxAmount",
                        "tax " + in.taxAmount().toPlainString() + " differs from amount × rate = " + exact.toPlainString()
                                + " by " + off.toPlainString() + " (at most 0.06)",
                        "税额" + in.taxAmount().toPlainString() + "与金额×税率=" + exact.toPlainString() + "相差"
                                + off.toPlainString() + "(误差不得超过0.06)"));
                return null;
            }
            tax = in.taxAmount().setScale(2);
        }
        BigDecimal amount = in.taxInclusive() ? entered.subtract(tax) : entered;
        amount = amount.setScale(2);
        BigDecimal quantity = in.quantity();
        BigDecimal price = null;
        if (quantity != null) {
            price = !in.taxInclusive() && in.unitPrice() != null
                    ? in.unitPrice()
                    : amount.divide(quantity, PRICE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new ComputedLine(i, -1, in.name(), in.itemCode(), in.unit(), kind, in.treatment(), rate,
                blankToNull(in.exemptionReason()), quantity, price, amount, tax, amount.add(tax), zero, zero, amount, tax);
    }

    /** A discount line directly follows its discounted line, matches its rate and basis, and does not exceed it. */
    private static List<ComputedLine> pairDiscounts(List<InvoiceLineInput> inputs, List<ComputedLine> lines,
                                                    List<TaxViolation> violations) {
        List<ComputedLine> out = new ArrayList<>(lines);
        for (int i = 0; i < lines.size(); i++) {
            ComputedLine line = lines.get(i);
            if (line.kind() == LineKind.DISCOUNTED
                    && (i + 1 >= lines.size() || lines.get(i + 1).kind() != LineKind.DISCOUNT)) {
                violations.add(new TaxViolation(i, "kind", "a discounted line must be followed by its discount line",
                        "被折扣行之后应紧跟其折扣行"));
            }
            if (line.kind() != LineKind.DISCOUNT) {
                continue;
            }
            ComputedLine target = i > 0 ? lines.get(i - 1) : null;
            if (target == null || target.kind() != LineKind.DISCOUNTED) {
                violations.add(new TaxViolation(i, "kind", "a discount line must directly follow its discounted line",
                        "折扣行应紧跟在被折扣行之后"));
                continue;
            }
            InvoiceLineInput d = inputs.get(i);
            InvoiceLineInput t = inputs.get(i - 1);
            if (d.treatment() != t.treatment() || target.rate().value().compareTo(line.rate().value()) != 0
                    || d.taxInclusive() != t.taxInclusive()) {
                violations.add(new TaxViolation(i, "rate", "a discount line has its discounted line's rate, treatment and tax basis",
                        "折扣行的税率、零税率标识和含税标志应与被折扣行一致"));
                continue;
            }
            if (line.amount().negate().compareTo(target.amount()) > 0) {
                violations.add(new TaxViolation(i, "amount", "the discount " + d.amount().negate().toPlainString()
                        + " exceeds the discounted line", "折扣金额" + d.amount().negate().toPlainString() + "超过被折扣行金额"));
                continue;
            }
            if (t.discountAmount() != null && t.discountAmount().compareTo(d.amount().negate()) != 0) {
                violations.add(new TaxViolation(i - 1, "discountAmount", "the discount amount "
                        + t.discountAmount().toPlainString() + " is not the discount line's " + d.amount().negate().toPlainString(),
                        "折扣金额" + t.discountAmount().toPlainString() + "与折扣行金额" + d.amount().negate().toPlainString() + "不一致"));
                continue;
            }
            BigDecimal da = line.amount().negate();
            BigDecimal dt = line.tax().negate();
            out.set(i - 1, new ComputedLine(target.index(), -1, target.name(), target.itemCode(), target.unit(),
                    target.kind(), target.treatment(), target.rate(), target.exemptionReason(), target.quantity(),
                    target.unitPrice(), target.amount(), target.tax(), target.total(), da, dt,
                    target.amount().subtract(da), target.tax().subtract(dt)));
        }
        return out;
    }

    /** Subtotals per (treatment, rate) in order of appearance, totals, and the per-rate tolerance (§3). */
    static ComputedInvoice summarise(List<ComputedLine> lines, List<TaxViolation> violations) {
        record Key(VatTreatment treatment, BigDecimal rate) {
        }
        Map<Key, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<Key, Set<String>> reasons = new LinkedHashMap<>();
        Map<Key, VatRate> rates = new LinkedHashMap<>();
        BigDecimal totalAmount = BigDecimal.ZERO.setScale(2);
        BigDecimal totalTax = BigDecimal.ZERO.setScale(2);
        for (ComputedLine line : lines) {
            Key key = new Key(line.treatment(), line.rate().value());
            BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
            s[0] = s[0].add(line.amount());
            s[1] = s[1].add(line.tax());
            rates.putIfAbsent(key, line.rate());
            if (line.exemptionReason() != null) {
                reasons.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(line.exemptionReason());
            }
            totalAmount = totalAmount.add(line.amount());
            totalTax = totalTax.add(line.tax());
        }
        List<CategorySubtotal> subtotals = new ArrayList<>();
        for (var e : sums.entrySet()) {
            Key key = e.getKey();
            VatRate rate = rates.get(key);
            BigDecimal taxable = e.getValue()[0];
            BigDecimal tax = e.getValue()[1];
            BigDecimal expected = taxOfExclusive(taxable, rate);
            BigDecimal drift = tax.subtract(expected).abs();
            if (drift.compareTo(CATEGORY_TAX_TOLERANCE) > 0) {
                String label = key.treatment().category() + " " + rate.label();
                violations.add(new TaxViolation(-1, "lines", "the tax at " + label + " sums to " + tax.toPlainString()
                        + " but round(" + taxable.toPlainString() + " × rate) = " + expected.toPlainString()
                        + ": the difference " + drift.toPlainString() + " exceeds 0.99",
                        "税率" + rate.label() + "的税额合计" + tax.toPlainString() + "与金额合计×税率=" + expected.toPlainString()
                                + "相差" + drift.toPlainString() + ",超过0.99"));
            }
            Set<String> rs = reasons.get(key);
            String reason = key.treatment().requiresReason() && rs != null ? String.join("; ", rs) : null;
            subtotals.add(new CategorySubtotal(key.treatment(), rate, taxable, tax, reason));
        }
        if (!violations.isEmpty()) {
            return ComputedInvoice.refused(violations);
        }
        return new ComputedInvoice(lines, subtotals, totalAmount, totalTax, totalAmount.add(totalTax), List.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
