package org.alliancechain.einvoice.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxCalculatorTest {

    private static ComputedInvoice compute(InvoiceLineInput... lines) {
        return TaxCalculator.compute(List.of(lines));
    }

    private static List<String> pointers(ComputedInvoice c) {
        return c.violations().stream().map(TaxViolation::pointer).toList();
    }

    @Test
    void theRealFixtureInclusiveLineSplitsInto4197_17And251_83() {
        ComputedInvoice c = compute(InvoiceLineInput.inclusive("*信息技术服务*技术服务费", "4449.00", "0.06"));
        assertThat(c.ok()).isTrue();
        ComputedLine line = c.lines().get(0);
        assertThat(line.amount()).isEqualByComparingTo("4197.17");
        assertThat(line.tax()).isEqualByComparingTo("251.83");
        assertThat(c.totalWithTax()).isEqualByComparingTo("4449.00");
        assertThat(c.totalAmount().scale()).isEqualTo(2);
    }

    @Test
    void theFixturesBackComputedPriceGivesTheSameLineExclusive() {
        ComputedInvoice c = compute(InvoiceLineInput.exclusive("技术服务费", "1", "4197.16981132075", "0.06"));
        assertThat(c.lines().get(0).amount()).isEqualByComparingTo("4197.17");
        assertThat(c.lines().get(0).tax()).isEqualByComparingTo("251.83");
    }

    @Test
    void exclusiveLinesRoundPerLineAndTotalsAreExactSums() {
        ComputedInvoice c = compute(
                InvoiceLineInput.exclusive("钢材", "3", "33.335", "0.13"),     // 100.005 → 100.01, tax 13.0013 → 13.00
                InvoiceLineInput.exclusive("咨询服务", "1.5", "200", "0.06")); // 300.00, tax 18.00
        assertThat(c.lines()).extracting(ComputedLine::amount).map(BigDecimal::toPlainString).containsExactly("100.01", "300.00");
        assertThat(c.lines()).extracting(ComputedLine::tax).map(BigDecimal::toPlainString).containsExactly("13.00", "18.00");
        assertThat(c.totalAmount()).isEqualByComparingTo("400.01");
        assertThat(c.totalTax()).isEqualByComparingTo("31.00");
        assertThat(c.totalWithTax()).isEqualByComparingTo("431.01");
        assertThat(c.subtotals()).extracting(s -> s.rate().label()).containsExactly("13%", "6%");
    }

    @Test
    void everyTreatmentHasItsCategoryAndRules() {
        ComputedInvoice ok = compute(
                InvoiceLineInput.untaxed("出口货物", "2", "50", VatTreatment.EXEMPT, "出口免税"),
                InvoiceLineInput.untaxed("代收款项", "1", "10", VatTreatment.NOT_TAXED, "不征税项目"),
                InvoiceLineInput.untaxed("国际运输", "1", "20", VatTreatment.ZERO_RATED, null));
        assertThat(ok.violations()).isEmpty();
        assertThat(ok.subtotals()).extracting(CategorySubtotal::category).containsExactly("E", "O", "Z");
        assertThat(ok.totalTax()).isEqualByComparingTo("0");
        assertThat(ok.subtotals().get(0).exemptionReason()).isEqualTo("出口免税");

        assertThat(pointers(compute(InvoiceLineInput.untaxed("出口货物", "1", "1", VatTreatment.EXEMPT, " "))))
                .containsExactly("/lines/0/exemptionReason");
        assertThat(pointers(compute(InvoiceLineInput.untaxed("国际运输", "1", "1", VatTreatment.ZERO_RATED, "x"))))
                .containsExactly("/lines/0/exemptionReason");
        InvoiceLineInput exemptWithRate = new InvoiceLineInput("x", null, null, BigDecimal.ONE, BigDecimal.TEN, null, false,
                new BigDecimal("0.13"), VatTreatment.EXEMPT, "免税", LineKind.NORMAL, null, null);
        assertThat(pointers(compute(exemptWithRate))).containsExactly("/lines/0/rate");
        assertThat(compute(InvoiceLineInput.exclusive("x", "1", "1", "0")).violations().get(0).reasonEn()).contains("above 0");
    }

    @Test
    void unknownRatesAreRefusedNamingTheValue() {
        ComputedInvoice c = compute(InvoiceLineInput.exclusive("x", "1", "100", "0.16"));
        assertThat(pointers(c)).containsExactly("/lines/0/rate");
        assertThat(c.violations().get(0).reasonEn()).contains("0.16");
        assertThat(c.violations().get(0).reasonZh()).contains("未知税率");
    }

    @Test
    void callerTaxWithin0_06IsKeptAndBeyondIsRefused() {
        InvoiceLineInput base = InvoiceLineInput.exclusive("x", "1", "100", "0.13"); // exact tax 13.00
        ComputedInvoice ok = compute(base.withTaxAmount("13.06"));
        assertThat(ok.lines().get(0).tax()).isEqualByComparingTo("13.06");
        assertThat(compute(base.withTaxAmount("12.94")).ok()).isTrue();
        ComputedInvoice refused = compute(base.withTaxAmount("13.07"));
        assertThat(pointers(refused)).containsExactly("/lines/0/taxAmount");
        assertThat(refused.violations().get(0).reasonZh()).contains("0.06");
    }

    @Test
    void quantityTimesPriceMustMatchAnEnteredAmountWithinOneCent() {
        InvoiceLineInput line = InvoiceLineInput.exclusive("x", "3", "33.333", "0.13"); // 99.999
        assertThat(compute(line.withAmount("99.99")).ok()).isTrue();
        assertThat(compute(line.withAmount("100.00")).ok()).isTrue();
        assertThat(pointers(compute(line.withAmount("100.01")))).containsExactly("/lines/0/amount"); // off by 0.011
        assertThat(pointers(compute(line.withAmount("99.995")))).containsExactly("/lines/0/amount"); // 3 decimals
    }

    @Test
    void categoryDriftOf0_99PassesAnd1_00IsRefused() {
        // 17 lines of 1.00 at 6 %: exact tax 0.06 each, round(17.00 × 0.06) = 1.02.
        List<InvoiceLineInput> lines = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            lines.add(InvoiceLineInput.exclusive("x", "1", "1", "0.06").withTaxAmount("0.00"));
        }
        lines.add(InvoiceLineInput.exclusive("x", "1", "1", "0.06").withTaxAmount("0.05")); // Σse 0.05 + 16×0 → drift 0.97
        ComputedInvoice near = TaxCalculator.compute(lines);
        assertThat(near.ok()).isTrue();
        // make it 0.99: Σse = 0.03 against 1.02
        lines.set(16, InvoiceLineInput.exclusive("x", "1", "1", "0.06").withTaxAmount("0.03"));
        assertThat(TaxCalculator.compute(lines).ok()).as("drift 0.99").isTrue();
        lines.set(16, InvoiceLineInput.exclusive("x", "1", "1", "0.06").withTaxAmount("0.02"));
        ComputedInvoice refused = TaxCalculator.compute(lines);
        assertThat(pointers(refused)).containsExactly("/lines");
        assertThat(refused.violations().get(0).reasonEn()).contains("1.00").contains("0.99");
    }

    @Test
    void twoHundredLinesAtOneRateStayWithinTheCap() {
        List<InvoiceLineInput> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(InvoiceLineInput.exclusive("配件" + i, "1", "0.05", "0.13")); // tax 0.0065 → 0.01 each
        }
        ComputedInvoice c = TaxCalculator.compute(lines);
        assertThat(c.ok()).isTrue();
        CategorySubtotal s = c.subtotals().get(0);
        assertThat(s.taxableAmount()).isEqualByComparingTo("10.00");
        assertThat(s.taxAmount()).isEqualByComparingTo("2.00");   // Σse, never "corrected" to round(10 × 0.13) = 1.30
        assertThat(c.lines()).hasSize(200);
    }

    @Test
    void negativeLinesOnABlueInvoiceAreRefused() {
        assertThat(pointers(compute(InvoiceLineInput.exclusive("x", "-1", "10", "0.13")))).containsExactly("/lines/0/quantity");
        assertThat(pointers(compute(InvoiceLineInput.inclusive("x", "-10.00", "0.13")))).containsExactly("/lines/0/amount");
        assertThat(pointers(TaxCalculator.compute(List.of()))).containsExactly("/lines");
    }

    @Test
    void aDiscountPairNetsOnTheDiscountedLine() {
        InvoiceLineInput goods = InvoiceLineInput.exclusive("笔记本电脑", "2", "5000", "0.13").withKind(LineKind.DISCOUNTED);
        ComputedInvoice c = compute(goods, InvoiceLineInput.discountOf(goods, "-1000.00"));
        assertThat(c.violations()).isEmpty();
        ComputedLine discounted = c.lines().get(0);
        assertThat(discounted.amount()).isEqualByComparingTo("10000.00");
        assertThat(discounted.discountAmount()).isEqualByComparingTo("1000.00");
        assertThat(discounted.netAmount()).isEqualByComparingTo("9000.00");
        assertThat(discounted.netTax()).isEqualByComparingTo("1170.00");
        assertThat(c.totalAmount()).isEqualByComparingTo("9000.00");
        assertThat(c.totalTax()).isEqualByComparingTo("1170.00");
        assertThat(c.redLetterableLines()).hasSize(1);
    }

    @Test
    void discountLinesMustFollowTheirLineAndNotExceedIt() {
        InvoiceLineInput goods = InvoiceLineInput.exclusive("x", "1", "100", "0.13").withKind(LineKind.DISCOUNTED);
        InvoiceLineInput other = InvoiceLineInput.exclusive("y", "1", "100", "0.13");
        assertThat(pointers(compute(goods, InvoiceLineInput.discountOf(goods, "-100.01")))).containsExactly("/lines/1/amount");
        assertThat(compute(goods, InvoiceLineInput.discountOf(goods, "-100.00")).ok()).isTrue();
        assertThat(pointers(compute(other, InvoiceLineInput.discountOf(goods, "-10.00")))).containsExactly("/lines/1/kind");
        assertThat(pointers(compute(goods, other))).containsExactly("/lines/0/kind");
        InvoiceLineInput at6 = new InvoiceLineInput("x", null, null, null, null, new BigDecimal("-10.00"), false,
                new BigDecimal("0.06"), VatTreatment.STANDARD, null, LineKind.DISCOUNT, null, null);
        assertThat(pointers(compute(goods, at6))).containsExactly("/lines/1/rate");
        assertThat(pointers(compute(goods, InvoiceLineInput.discountOf(goods, "10.00")))).containsExactly("/lines/1/amount");
    }

    @Test
    void inclusiveDiscountPairsUseTheInclusiveRule() {
        InvoiceLineInput goods = InvoiceLineInput.inclusive("餐饮服务", "1060.00", "0.06").withKind(LineKind.DISCOUNTED);
        ComputedInvoice c = compute(goods, InvoiceLineInput.discountOf(goods, "-106.00"));
        assertThat(c.lines().get(1).amount()).isEqualByComparingTo("-100.00");
        assertThat(c.lines().get(1).tax()).isEqualByComparingTo("-6.00");
        assertThat(c.totalWithTax()).isEqualByComparingTo("954.00");
    }
}
