package org.alliancechain.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a path or query value must be, told in words, for the types the APIs' parameters have. */
class ParameterProblemsTest {

    enum Status { FILED, ACCEPTED }

    @Test
    void values_their_type_refuses_are_told_what_they_must_be_and_others_pass() {
        assertThat(ParameterProblems.refusal(int.class, "12")).isNull();
        assertThat(ParameterProblems.refusal(int.class, "x")).isEqualTo("a whole number up to 2147483647");
        assertThat(ParameterProblems.refusal(long.class, "9".repeat(20))).isEqualTo("a whole number");
        assertThat(ParameterProblems.refusal(Long.class, "-3")).isNull();
        assertThat(ParameterProblems.refusal(BigDecimal.class, "1,00")).isEqualTo("a number");
        assertThat(ParameterProblems.refusal(LocalDate.class, "2026-13-01")).isEqualTo("a date such as 2026-12-05");
        assertThat(ParameterProblems.refusal(Instant.class, "yesterday")).isEqualTo("a time such as 2026-12-05T08:00:00Z");
        assertThat(ParameterProblems.refusal(Status.class, "OPEN")).isEqualTo("one of [FILED, ACCEPTED]");
        assertThat(ParameterProblems.refusal(Status.class, "FILED")).isNull();
        assertThat(ParameterProblems.refusal(String.class, "anything")).isNull();
    }
}
