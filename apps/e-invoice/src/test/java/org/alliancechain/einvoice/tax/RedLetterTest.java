package org.alliancechain.einvoice.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedLetterTest {

    /** Blue: 3 × 33.335 at 13 % (100.01 + 13.00), a discount pair, and the real fixture line. */
    private static ComputedInvoice blue() {
        InvoiceLineInput laptop = InvoiceLineInput.exclusive("笔记本电脑", "2", "5000", "0.13").withKind(LineKind.DISCOUNTED);
        return TaxCalculator.compute(List.of(
                InvoiceLineInput.exclusive("钢材", "3", "33.335", "0.13"),
                laptop, InvoiceLineInput.discountOf(laptop, "-1000.00"),
                InvoiceLineInput.inclusive("*信息技术服务*技术服务费", "4449.00", "0.06"))).requireOk();
    }

    @Test
    void aFullRedCopiesEveryBlueAmountExactlyNegated() {
        ComputedInvoice blue = blue();
        ComputedInvoice red = TaxCalculator.fullRed(blue, RedLetterLedger.NONE);
        assertThat(red.ok()).isTrue();
        assertThat(red.totalAmount()).isEqualByComparingTo(blue.totalAmount().negate());
        assertThat(red.totalTax()).isEqualByComparingTo(blue.totalTax().negate());
        assertThat(red.totalWithTax().add(blue.totalWithTax())).isEqualByComparingTo("0");
        for (int i = 0; i < blue.lines().size(); i++) {
            assertThat(red.lines().get(i).tax()).isEqualByComparingTo(blue.lines().get(i).tax().negate());
        }
        assertThat(red.lines()).extracting(ComputedLine::sourceLine).containsExactly(0, 1, 1, 2);
    }

    @Test
    void partialRedComputesMagnitudesWithTheBlueRuleThenNegates() {
        ComputedInvoice red = TaxCalculator.redLineAmounts(blue(), List.of(RedLineRequest.ofQuantity(0, "1")), RedLetterLedger.NONE);
        ComputedLine line = red.lines().get(0);
        assertThat(line.amount()).isEqualByComparingTo("-33.34");  // round(1 × 100.01 ÷ 3) = 33.34 (33.336…)
        assertThat(line.tax()).isEqualByComparingTo("-4.33");      // round(33.34 × 0.13) = 4.3342 → 4.33
        assertThat(line.quantity()).isEqualByComparingTo("-1");
        assertThat(line.sourceLine()).isZero();
    }

    @Test
    void partialRedOfTheDiscountedLineUsesItsNetAndSkipsTheDiscountLine() {
        ComputedInvoice red = TaxCalculator.redLineAmounts(blue(), List.of(RedLineRequest.ofQuantity(1, "1")), RedLetterLedger.NONE);
        assertThat(red.lines().get(0).amount()).isEqualByComparingTo("-4500.00");
        assertThat(red.lines().get(0).tax()).isEqualByComparingTo("-585.00");
        ComputedInvoice inclusive = TaxCalculator.redLineAmounts(blue(),
                List.of(new RedLineRequest(2, null, new BigDecimal("1060.00"), true)), RedLetterLedger.NONE);
        assertThat(inclusive.lines().get(0).amount()).isEqualByComparingTo("-1000.00");
        assertThat(inclusive.lines().get(0).tax()).isEqualByComparingTo("-60.00");
    }

    @Test
    void piecesOfALineNeverExceedItAndTheLastPieceLeavesExactlyZero() {
        ComputedInvoice blue = blue();
        ComputedLine steel = blue.redLetterableLines().get(0);
        RedLetterLedger ledger = RedLetterLedger.NONE;
        List<ComputedInvoice> reds = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // three returns of one unit each
            ComputedInvoice red = TaxCalculator.redLineAmounts(blue, List.of(RedLineRequest.ofQuantity(0, "1")), ledger);
            assertThat(red.violations()).isEmpty();
            reds.add(red);
            ledger = ledger.plus(red);
            RedLetterLedger.Red used = ledger.of(0);
            assertThat(used.amount()).isLessThanOrEqualTo(steel.netAmount());
            assertThat(used.tax()).isLessThanOrEqualTo(steel.netTax());
        }
        assertThat(ledger.of(0).amount()).isEqualByComparingTo(steel.netAmount());
        assertThat(ledger.of(0).tax()).isEqualByComparingTo(steel.netTax());   // no 0.01 left behind
        assertThat(RedLetterLedger.of(reds)).isEqualTo(ledger);

        ComputedInvoice fourth = TaxCalculator.redLineAmounts(blue, List.of(RedLineRequest.ofQuantity(0, "1")), ledger);
        assertThat(fourth.violations()).extracting(TaxViolation::pointer).containsExactly("/lines/0/quantity");
        ComputedInvoice byAmount = TaxCalculator.redLineAmounts(blue, List.of(RedLineRequest.ofAmount(0, "0.01")), ledger);
        assertThat(byAmount.violations()).extracting(TaxViolation::pointer).containsExactly("/lines/0/amount");
    }

    @Test
    void amountPiecesInOneFormCountAgainstEachOther() {
        ComputedInvoice red = TaxCalculator.redLineAmounts(blue(),
                List.of(RedLineRequest.ofAmount(0, "60.00"), RedLineRequest.ofAmount(0, "40.02")), RedLetterLedger.NONE);
        assertThat(red.violations()).extracting(TaxViolation::pointer).containsExactly("/lines/1/amount");
        ComputedInvoice exact = TaxCalculator.redLineAmounts(blue(),
                List.of(RedLineRequest.ofAmount(0, "60.00"), RedLineRequest.ofAmount(0, "40.01")), RedLetterLedger.NONE);
        assertThat(exact.violations()).isEmpty();
        assertThat(exact.totalWithTax()).isEqualByComparingTo("-113.01");
    }

    @Test
    void aFullRedAfterAPartialOneIsRefusedAndUnknownLinesAreNamed() {
        ComputedInvoice blue = blue();
        ComputedInvoice part = TaxCalculator.redLineAmounts(blue, List.of(RedLineRequest.ofAmount(2, "100.00")), RedLetterLedger.NONE);
        assertThat(TaxCalculator.fullRed(blue, RedLetterLedger.NONE.plus(part)).violations())
                .extracting(TaxViolation::pointer).containsExactly("/lines");
        assertThat(TaxCalculator.redLineAmounts(blue, List.of(RedLineRequest.ofAmount(3, "1.00")), RedLetterLedger.NONE)
                .violations()).extracting(TaxViolation::pointer).containsExactly("/lines/0/blueLine");
    }

    @Test
    void redRemainderOfEveryLineSumsToTheBlueTotal() {
        ComputedInvoice blue = blue();
        ComputedInvoice first = TaxCalculator.redLineAmounts(blue,
                List.of(RedLineRequest.ofQuantity(0, "2"), RedLineRequest.ofAmount(2, "1234.56")), RedLetterLedger.NONE);
        RedLetterLedger ledger = RedLetterLedger.NONE.plus(first);
        ComputedInvoice rest = TaxCalculator.redLineAmounts(blue, List.of(
                RedLineRequest.ofQuantity(0, "1"), RedLineRequest.ofQuantity(1, "2"),
                RedLineRequest.ofAmount(2, blue.redLetterableLines().get(2).netAmount().subtract(new BigDecimal("1234.56")).toPlainString())),
                ledger);
        assertThat(rest.violations()).isEmpty();
        assertThat(first.totalWithTax().add(rest.totalWithTax()).negate()).isEqualByComparingTo(blue.totalWithTax());
        assertThat(first.totalTax().add(rest.totalTax()).negate()).isEqualByComparingTo(blue.totalTax());
    }
}
