package org.alliancechain.einvoice.tax;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is already red per blue line, as positive magnitudes, counting issued red invoices and
 * pending forms alike (pending forms count against the remainder, §4).
 */
public record RedLetterLedger(Map<Integer, Red> perLine) {

    /** Σ red quantity (null when only amounts were red), amount and tax of one blue line. */
    public record Red(BigDecimal quantity, BigDecimal amount, BigDecimal tax) {

        static final Red NONE = new Red(BigDecimal.ZERO, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

        Red plus(Red other) {
            return new Red(quantity.add(other.quantity), amount.add(other.amount), tax.add(other.tax));
        }
    }

    public static final RedLetterLedger NONE = new RedLetterLedger(Map.of());

    public RedLetterLedger {
        perLine = Map.copyOf(perLine);
    }

    /** The ledger of earlier red results (negative lines as {@link TaxCalculator#redLineAmounts} returns them). */
    public static RedLetterLedger of(List<ComputedInvoice> earlierReds) {
        Map<Integer, Red> m = new HashMap<>();
        for (ComputedInvoice red : earlierReds) {
            for (ComputedLine line : red.lines()) {
                BigDecimal q = line.quantity() == null ? BigDecimal.ZERO : line.quantity().negate();
                m.merge(line.sourceLine(), new Red(q, line.netAmount().negate(), line.netTax().negate()), Red::plus);
            }
        }
        return new RedLetterLedger(m);
    }

    public Red of(int blueLine) {
        return perLine.getOrDefault(blueLine, Red.NONE);
    }

    public boolean isEmpty() {
        return perLine.values().stream().allMatch(r -> r.amount().signum() == 0 && r.tax().signum() == 0);
    }

    /** Σ red amount + tax over all lines. */
    public BigDecimal totalWithTax() {
        return perLine.values().stream().map(r -> r.amount().add(r.tax())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public RedLetterLedger plus(ComputedInvoice red) {
        Map<Integer, Red> m = new HashMap<>(perLine);
        RedLetterLedger.of(List.of(red)).perLine().forEach((k, v) -> m.merge(k, v, Red::plus));
        return new RedLetterLedger(m);
    }
}
