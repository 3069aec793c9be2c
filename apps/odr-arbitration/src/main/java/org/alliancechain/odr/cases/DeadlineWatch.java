package org.alliancechain.odr.cases;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Flags overdue steps: a deadline passed without the step it waited for (the respondent's answer,
 * the award; the evidence period simply ends) gets one timeline entry and shows as overdue in the
 * case. Several service instances may run this: the update claims each deadline once.
 */
@ApplicationScoped
public class DeadlineWatch {

    private final Timeline timeline;

    DeadlineWatch(Timeline timeline) {
        this.timeline = timeline;
    }

    @Scheduled(every = "${odr.deadlines.check-every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        flagOverdue(Instant.now());
    }

    /** Flags the deadlines overdue at {@code now}; returns how many. */
    @Transactional
    public int flagOverdue(Instant now) {
        List<Deadline> due = Deadline.list("metAt is null and overdueFlaggedAt is null and dueAt < ?1", now);
        int flagged = 0;
        for (var deadline : due) {
            var c = OdrCase.<OdrCase>findById(deadline.caseId);
            if (c.status.isFinal()) {
                continue;
            }
            int claimed = Deadline.update("overdueFlaggedAt = ?1 where caseId = ?2 and kind = ?3 and overdueFlaggedAt is null",
                    now, deadline.caseId, deadline.kind);
            if (claimed == 1) {
                timeline.record(c, Step.DEADLINE_MISSED, deadline.kind.chinese + " " + deadline.kind.english + " (" + deadline.dueAt + ")",
                        null, null);
                flagged++;
            }
        }
        return flagged;
    }
}
