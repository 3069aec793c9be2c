package org.alliancechain.evidence.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapitalAmountTest {

    @ParameterizedTest
    @CsvSource({
            "14228.41, 壹万肆仟贰佰贰拾捌圆肆角壹分",
            "4449.00, 肆仟肆佰肆拾玖圆整",
            "1001, 壹仟零壹圆整",
            "1010, 壹仟零壹拾圆整",
            "10, 壹拾圆整",
            "100100, 壹拾万零壹佰圆整",
            "1010000, 壹佰零壹万圆整",
            "100000000, 壹亿圆整",
            "100000001, 壹亿零壹圆整",
            "120005000, 壹亿贰仟万伍仟圆整",
            "1000500000000, 壹万零伍亿圆整",
            "9999999999999999.99, 玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖圆玖角玖分",
            "14228.01, 壹万肆仟贰佰贰拾捌圆零壹分",
            "10.50, 壹拾圆伍角整",
            "0.41, 肆角壹分",
            "0.05, 伍分",
            "0.00, 零圆整",
            "-14228.41, （负数）壹万肆仟贰佰贰拾捌圆肆角壹分",
    })
    void amountsAreWrittenInCapitalsAsThePaymentRulesWriteThem(String amount, String capitals) {
        assertThat(CapitalAmount.of(new BigDecimal(amount))).isEqualTo(capitals);
    }

    @Test
    void moreThanTwoDecimalsAreRefusedNotRounded() {
        assertThatThrownBy(() -> CapitalAmount.of(new BigDecimal("1.005"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.005");
    }
}
