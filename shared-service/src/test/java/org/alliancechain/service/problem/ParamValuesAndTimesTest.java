package org.alliancechain.service.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Values read as text and times checked at the edge: refused naming the field, the reason in the user's words. */
class ParamValuesAndTimesTest {

    enum Use { EXCERPT, FULL_REPRINT }

    private static ProblemException refusal(Runnable r) {
        return catchThrowableOfType(ProblemException.class, r::run);
    }

    @Test
    void enum_and_number_values_are_converted_or_refused_naming_the_parameter() {
        assertThat(ParamValues.enumValue(Use.class, " FULL_REPRINT ", "use")).isEqualTo(Use.FULL_REPRINT);
        assertThat(ParamValues.enumValue(Use.class, " ", "use")).isNull();
        var wrong = refusal(() -> ParamValues.enumValue(Use.class, "excerpt", "use"));
        assertThat(wrong.status().getStatusCode()).isEqualTo(400);
        assertThat(wrong.field()).isEqualTo("use");
        assertThat(wrong.getMessage()).isEqualTo("'excerpt' is not one of [EXCERPT, FULL_REPRINT]").doesNotContain("ParamValuesAndTimesTest");
        assertThat(ParamValues.longValue("42", "block", "a block number")).isEqualTo(42L);
        assertThat(ParamValues.longValue(null, "block", "a block number")).isNull();
        var notNumber = refusal(() -> ParamValues.longValue("4x", "block", "a block number"));
        assertThat(notNumber.field()).isEqualTo("block");
        assertThat(notNumber.getMessage()).isEqualTo("must be a block number, not '4x'");
    }

    @Test
    void times_a_contract_or_a_record_cannot_hold_are_refused_naming_the_field() {
        assertThat(Times.onChain(null, "validFrom")).isNull();
        assertThat(Times.onChain(Instant.EPOCH, "validFrom")).isEqualTo(Instant.EPOCH);
        assertThat(refusal(() -> Times.onChain(Instant.EPOCH.minusSeconds(1), "validFrom")).field()).isEqualTo("validFrom");
        assertThat(refusal(() -> Times.onChain(Instant.parse("+10000-01-01T00:00:00Z"), "validUntil")).getMessage())
                .contains("1970-01-01T00:00:00Z").contains("9999-12-31T23:59:59Z");
        // a work published in 1965 is recorded as such; the year 300000 is not a date any record keeps
        Instant sixties = Instant.parse("1965-03-01T00:00:00Z");
        assertThat(Times.inRecords(sixties, "publishedAt")).isEqualTo(sixties);
        assertThat(refusal(() -> Times.inRecords(Instant.parse("+300000-01-01T00:00:00Z"), "publishedAt")).field()).isEqualTo("publishedAt");
        assertThat(Times.recordable(sixties)).isTrue();
        assertThat(Times.recordable(Instant.parse("-0001-01-01T00:00:00Z"))).isFalse();
    }
}
