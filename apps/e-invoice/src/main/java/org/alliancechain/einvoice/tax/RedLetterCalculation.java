package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Red lines against a blue invoice (§4, pitfall §9): magnitudes computed with the blue rule, then
 * negated; the piece that reaches a line's remainder copies the remainder exactly, so nothing like
 * a 0.01 is left after a line or invoice is red in full. Bounds: per line Σ red quantity, amount and
 * tax within the blue line (net of its discount); per invoice Σ red within the blue total.
 */
final class RedLetterCalculation {

    private RedLetterCalculation() {
    }

    static ComputedInvoice full(ComputedInvoice blue, RedLetterLedger already) {
        blue.requireOk();
        if (!already.isEmpty()) {
            return ComputedInvoice.refused(List.of(new TaxViolation(-1, "lines",
                    "the invoice is already partly red: red the remainder line by line",
                    "该发票已部分红冲,请按明细红冲剩余金额")));
        }
        List<ComputedLine> lines = new ArrayList<>();
        int blueLine = -1;
        for (ComputedLine line : blue.lines()) {
            // a discount line belongs to the red-able line before it
            blueLine += line.kind() == LineKind.DISCOUNT ? 0 : 1;
            lines.add(line.negated(lines.size(), blueLine));
        }
        List<CategorySubtotal> subtotals = blue.subtotals().stream().map(s -> new CategorySubtotal(s.treatment(), s.rate(),
                s.taxableAmount().negate(), s.taxAmount().negate(), s.exemptionReason())).toList();
        return new ComputedInvoice(lines, subtotals, blue.totalAmount().negate(), blue.totalTax().negate(),
                blue.totalWithTax().negate(), List.of());
    }

    static ComputedInvoice partial(ComputedInvoice blue, List<RedLineRequest> requests, RedLetterLedger already) {
        blue.requireOk();
        List<ComputedLine> blueLines = blue.redLetterableLines();
        List<TaxViolation> violations = new ArrayList<>();
        if (requests == null || requests.isEmpty()) {
            violations.add(new TaxViolation(-1, "lines", "a red-letter form needs at least one line", "红字确认单至少需要一行明细"));
            return ComputedInvoice.refused(violations);
        }
        Map<Integer, RedLetterLedger.Red> used = new HashMap<>(already.perLine());
        List<ComputedLine> out = new ArrayList<>();
        for (int k = 0; k < requests.size(); k++) {
            RedLineRequest req = requests.get(k);
            if (req.blueLine() < 0 || req.blueLine() >= blueLines.size()) {
                violations.add(new TaxViolation(k, "blueLine", "the blue invoice has no line " + req.blueLine(),
                        "蓝字发票没有第" + req.blueLine() + "行(不含折扣行)"));
                continue;
            }
            ComputedLine b = blueLines.get(req.blueLine());
            RedLetterLedger.Red prior = used.getOrDefault(req.blueLine(), RedLetterLedger.Red.NONE);
            ComputedLine red = redLine(k, out.size(), req, b, prior, violations);
            if (red != null) {
                out.add(red);
                BigDecimal q = red.quantity() == null ? BigDecimal.ZERO : red.quantity().negate();
                used.put(req.blueLine(), prior.plus(new RedLetterLedger.Red(q, red.amount().negate(), red.tax().negate())));
            }
        }
        if (!violations.isEmpty()) {
            return ComputedInvoice.refused(violations);
        }
        BigDecimal redTotal = out.stream().map(l -> l.total().negate()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remaining = blue.totalWithTax().subtract(already.totalWithTax());
        if (redTotal.compareTo(remaining) > 0) {
            violations.add(new TaxViolation(-1, "lines", "red " + redTotal.toPlainString()
                    + " exceeds the invoice's remaining " + remaining.toPlainString(),
                    "红冲金额" + redTotal.toPlainString() + "超出原发票剩余可红冲金额" + remaining.toPlainString()));
            return ComputedInvoice.refused(violations);
        }
        return TaxCalculator.summarise(out, violations);
    }

    private static ComputedLine redLine(int k, int index, RedLineRequest req, ComputedLine b, RedLetterLedger.Red prior,
                                        List<TaxViolation> violations) {
        BigDecimal remainingAmount = b.netAmount().subtract(prior.amount());
        BigDecimal remainingTax = b.netTax().subtract(prior.tax());
        BigDecimal quantity = req.quantity();
        if (quantity != null) {
            if (b.quantity() == null) {
                violations.add(new TaxViolation(k, "quantity", "the blue line has no quantity: red an amount",
                        "蓝字明细无数量,请按金额红冲"));
                return null;
            }
            BigDecimal remainingQuantity = b.quantity().subtract(prior.quantity());
            if (quantity.signum() <= 0 || quantity.compareTo(remainingQuantity) > 0) {
                violations.add(new TaxViolation(k, "quantity", "quantity " + quantity.toPlainString()
                        + " is not within the remaining " + remainingQuantity.toPlainString(),
                        "红冲数量" + quantity.toPlainString() + "超出剩余可红冲数量" + remainingQuantity.toPlainString()));
                return null;
            }
        }
        if (req.amount() != null && (req.amount().signum() <= 0 || req.amount().stripTrailingZeros().scale() > 2)) {
            violations.add(new TaxViolation(k, "amount", "the red amount is a positive amount in cents, got "
                    + req.amount().toPlainString(), "红冲金额应为正数且最多2位小数,实际为" + req.amount().toPlainString()));
            return null;
        }
        BigDecimal amount;
        BigDecimal tax;
        if (req.amount() == null && quantity == null) {
            violations.add(new TaxViolation(k, "amount", "give the quantity or the amount to red", "请填写红冲数量或金额"));
            return null;
        } else if (req.amount() == null) {
            amount = TaxCalculator.cents(quantity.multiply(b.netAmount()).divide(b.quantity(), 20, RoundingMode.HALF_UP));
            tax = TaxCalculator.taxOfExclusive(amount, b.rate());
        } else if (req.taxInclusive()) {
            tax = TaxCalculator.taxOfInclusive(req.amount(), b.rate());
            amount = req.amount().setScale(2).subtract(tax);
        } else {
            amount = req.amount().setScale(2);
            tax = TaxCalculator.taxOfExclusive(amount, b.rate());
        }
        boolean lastPiece = amount.compareTo(remainingAmount) == 0
                || (quantity != null && quantity.compareTo(b.quantity().subtract(prior.quantity())) == 0);
        if (lastPiece) {
            amount = remainingAmount;   // copy the remainder: the line then sums to exactly zero
            tax = remainingTax;
        }
        if (amount.compareTo(remainingAmount) > 0 || tax.compareTo(remainingTax) > 0) {
            violations.add(new TaxViolation(k, "amount", "red " + amount.toPlainString() + " + tax " + tax.toPlainString()
                    + " exceeds the line's remaining " + remainingAmount.toPlainString() + " + tax " + remainingTax.toPlainString(),
                    "红冲金额" + amount.toPlainString() + "、税额" + tax.toPlainString() + "超出该行剩余可红冲金额"
                            + remainingAmount.toPlainString() + "、税额" + remainingTax.toPlainString()));
            return null;
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal q = quantity == null ? null : quantity.negate();
        BigDecimal price = b.quantity() == null || quantity == null ? null
                : amount.divide(quantity, TaxCalculator.PRICE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return new ComputedLine(index, req.blueLine(), b.name(), b.itemCode(), b.unit(), LineKind.NORMAL, b.treatment(),
                b.rate(), b.exemptionReason(), q, price, amount.negate(), tax.negate(), amount.add(tax).negate(),
                zero, zero, amount.negate(), tax.negate());
    }
}
