package org.alliancechain.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.alliancechain.service.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PageFormsTest {

    @Test
    void aFormDateIsTheEndOfThatDayInChinaStandardTime() {
        assertThat(PageForms.endOfDay("2026-12-31", "answer deadline")).isEqualTo(Instant.parse("2026-12-31T15:59:59Z"));
        assertThat(PageForms.endOfDay(" ", "answer deadline")).isNull();
        assertThatThrownBy(() -> PageForms.endOfDay("31.12.2026", "answer deadline"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("answer deadline").hasMessageContaining("yyyy-mm-dd");
    }

    @Test
    void aFormTimeIsLocalAndRequired() {
        assertThat(PageForms.localTime("2026-12-04T09:30", "held at")).isEqualTo(Instant.parse("2026-12-04T01:30:00Z"));
        assertThatThrownBy(() -> PageForms.localTime("", "held at")).hasMessage("held at is required");
        assertThat(PageForms.blankToNull("  x ")).isEqualTo("x");
        assertThat(PageForms.blankToNull("  ")).isNull();
    }
}
