package org.alliancechain.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.service.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The per-client windows of the public look-ups: a minute's allowance, an hour's allowance of look-ups finding nothing. */
class ClientWindowsTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final ClientWindows windows = new ClientWindows(() -> 3, () -> 2, "查询过于频繁", now::get);

    @Test
    void aClientMayAskItsAllowanceAMinuteAndAgainTheNextMinute() {
        for (int i = 0; i < 3; i++) {
            windows.admit("10.0.0.1", "look-ups that found nothing");
        }
        assertThatThrownBy(() -> windows.admit("10.0.0.1", "look-ups that found nothing")).isInstanceOfSatisfying(ProblemException.class,
                e -> {
                    assertThat(e.status().getStatusCode()).isEqualTo(429);
                    assertThat(e.getMessage()).startsWith("too many look-ups from your address; try again in 61 s").endsWith("(查询过于频繁)");
                });
        windows.admit("10.0.0.2", "look-ups that found nothing");
        now.addAndGet(60_000);
        windows.admit("10.0.0.1", "look-ups that found nothing");
    }

    @Test
    void lookUpsFindingNothingAreRefusedForTheRestOfTheHour() {
        for (int i = 0; i < 2; i++) {
            windows.admit("10.0.0.3", "look-ups that found nothing");
            windows.nothingFound("10.0.0.3");
        }
        now.addAndGet(120_000);
        assertThatThrownBy(() -> windows.admit("10.0.0.3", "look-ups that found nothing"))
                .hasMessageStartingWith("too many look-ups that found nothing from your address; try again in 3481 s");
        now.addAndGet(3_481_000);
        windows.admit("10.0.0.3", "look-ups that found nothing");
    }
}
