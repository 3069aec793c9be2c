package org.alliancechain.einvoice.web;

import org.alliancechain.service.web.FormErrors;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.alliancechain.service.problem.Problem;
import org.alliancechain.service.problem.ProblemException;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void barsAreDrawnToScaleWithTheirLabelsAndValuesInInkAndEscaped() {
        String svg = BarChart.svg("chart-x", "金额 Amount <by issuer>", List.of(
                new BarChart.Bar("acme-trading", new BigDecimal("1000.00"), "1,000.00 (2)"),
                new BarChart.Bar("nova & co", new BigDecimal("250.00"), "250.00 (1)"),
                new BarChart.Bar("idle", BigDecimal.ZERO, "0.00 (0)")));
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("id=\"chart-x\"").contains("role=\"img\"")
                .contains("<title id=\"chart-x-title\">金额 Amount &lt;by issuer&gt;</title>")
                .contains(">acme-trading</text>").contains(">nova &amp; co</text>").contains(">1,000.00 (2)</text>");
        // The largest bar spans the plot (720 − 200 − 130 = 390), the others to scale; nothing for a zero.
        assertThat(svg).contains("width=\"390\"").contains("width=\"98\"").contains("width=\"0\"");
        assertThat(svg).doesNotContain("fill=\"#fff").contains("fill=\"#1d2733\"");
    }

    @Test
    void anEmptyChartSaysSo() {
        assertThat(BarChart.svg("empty", "Nothing", List.of())).contains("No figures yet");
    }

    @Test
    void theQuotaBarTurnsToTheWarningColourAboveEightyPercent() {
        assertThat(BarChart.quota(new BigDecimal("50"), new BigDecimal("100"))).contains("width=\"80\"").contains("#1f4e79").contains("50.0 %");
        assertThat(BarChart.quota(new BigDecimal("90"), new BigDecimal("100"))).contains("#b45309");
        assertThat(BarChart.quota(new BigDecimal("500"), new BigDecimal("100"))).contains("width=\"160\"").contains("100.0 %");
    }

    @Test
    void formErrorsKeepTheApisFieldNamesForTheFieldsOfTheirForm() {
        var refused = new ProblemException(ProblemException.UNPROCESSABLE, "two lines refused", List.of(
                new Problem.Violation("lines[1].quantity", "must be positive"), new Problem.Violation("buyerTaxId", "unknown")));
        var errors = FormErrors.of("issue", refused);
        assertThat(errors.any()).isTrue();
        assertThat(errors.status()).isEqualTo(422);
        assertThat(errors.item("lines", 1, "quantity")).isEqualTo("must be positive");
        assertThat(errors.at("issue", "buyerTaxId")).isEqualTo("unknown");
        assertThat(errors.at("register", "buyerTaxId")).isNull();
        var limits = FormErrors.of("limits-7", java.util.Set.<jakarta.validation.ConstraintViolation<Object>>of(), Map.of("quota", "'x' is not a number"));
        assertThat(limits.concerns(7)).isTrue();
        assertThat(limits.concerns(17)).isFalse();
        assertThat(limits.atRow("limits", 7, "quota")).contains("not a number");
        assertThat(FormErrors.NONE.any()).isFalse();
    }

    @Test
    void amountsAreReadFromFormsAndWrittenAsPercentages() {
        var unreadable = new java.util.HashMap<String, String>();
        assertThat(Amounts.parse("1,234.50", "quota", unreadable)).isEqualByComparingTo("1234.50");
        assertThat(Amounts.parse(" ", "quota", unreadable)).isNull();
        assertThat(Amounts.parse("lots", "quota", unreadable)).isNull();
        assertThat(unreadable).containsKey("quota");
        assertThat(Amounts.percent(new BigDecimal("0.0125"))).isEqualTo("1.25 %");
    }
}
