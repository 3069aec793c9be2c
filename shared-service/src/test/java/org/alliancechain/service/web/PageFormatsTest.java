package org.alliancechain.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageFormatsTest {

    @Test
    void amountsHaveThousandsSeparatorsAndTwoDecimalsRoundedHalfUp() {
        assertThat(PageFormats.amount(new BigDecimal("1234567.8"))).isEqualTo("1,234,567.80");
        assertThat(PageFormats.amount(new BigDecimal("0.005"))).isEqualTo("0.01");
        assertThat(PageFormats.amount(new BigDecimal("-12.345"))).isEqualTo("-12.35");
        assertThat(PageFormats.amount((BigDecimal) null)).isEqualTo("—");
        assertThat(PageFormats.amount(5L)).isEqualTo("0.05");
        assertThat(PageFormats.amount(123456789L)).isEqualTo("1,234,567.89");
    }

    @Test
    void timesAreWrittenInChinaStandardTime() {
        assertThat(PageFormats.local(Instant.parse("2026-12-31T16:30:00Z"))).isEqualTo("2027-01-01 00:30");
        assertThat(PageFormats.day(Instant.parse("2026-12-31T16:30:00Z"))).isEqualTo("2027-01-01");
        assertThat(PageFormats.local(null)).isEqualTo("—");
    }

    @Test
    void sizesAndHashesAreShortened() {
        assertThat(PageFormats.bytes(512)).isEqualTo("512 B");
        assertThat(PageFormats.bytes(2048)).isEqualTo("2.0 KB");
        assertThat(PageFormats.brief("0123456789abcdef0123")).isEqualTo("0123456789abcdef…");
        assertThat(PageFormats.brief("short")).isEqualTo("short");
    }
}
