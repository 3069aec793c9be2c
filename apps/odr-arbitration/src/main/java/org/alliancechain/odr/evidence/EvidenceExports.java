package org.alliancechain.odr.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.jobs.BackgroundJobs;

/**
 * Evidence exports built in the background with progress (shared {@link BackgroundJobs}): a case at
 * its size limit means hundreds of signed packages and up to a gigabyte of files, too long to keep a
 * request waiting without a word. An export belongs to the user who started it (anyone else gets 404)
 * and is kept for an hour once built.
 */
@ApplicationScoped
public class EvidenceExports {

    static final String KIND = "odr.evidence-export";
    private static final String WHAT = "Export";

    public enum State { QUEUED, RUNNING, READY, FAILED }

    /** What a user sees of an export: {@code done} of {@code total} items packed. */
    public record ExportView(String id, long caseId, State state, int done, int total, int percent, Instant startedAt, Instant finishedAt,
                             long sizeBytes, String error) {

        static ExportView of(BackgroundJobs.JobView job) {
            return new ExportView(job.id(), Long.parseLong(job.subject()), State.valueOf(job.state().name()), job.done(), job.total(),
                    job.percent(), job.startedAt(), job.finishedAt(), job.sizeBytes(), job.error());
        }
    }

    private final BackgroundJobs jobs;
    private final EvidenceViews views;
    private final Caller caller;

    EvidenceExports(BackgroundJobs jobs, EvidenceViews views, Caller caller) {
        this.jobs = jobs;
        this.views = views;
        this.caller = caller;
    }

    /** Starts an export of a case the caller takes part in; while one of theirs for the case is unfinished, that one is returned. */
    public ExportView start(long caseId) {
        int total = views.exportSize(caseId); // 404 for a case the caller may not see
        String organisation = caller.requireOrganisation();
        String user = caller.userName();
        return ExportView.of(jobs.start(KIND, String.valueOf(caseId), total,
                progress -> views.exportAs(caseId, organisation, user, progress::accept)));
    }

    /** The caller's export; another user's, or another case's, answers 404. */
    public ExportView find(long caseId, String id) {
        return ExportView.of(jobs.find(KIND, String.valueOf(caseId), id, WHAT));
    }

    /** The caller's exports of a case, newest first. */
    public List<ExportView> mine(long caseId) {
        return jobs.mine(KIND, String.valueOf(caseId)).stream().map(ExportView::of).toList();
    }

    /** The finished export's file; 409 while it is being built. */
    public Path file(long caseId, String id) {
        return jobs.file(KIND, String.valueOf(caseId), id, WHAT);
    }
}
