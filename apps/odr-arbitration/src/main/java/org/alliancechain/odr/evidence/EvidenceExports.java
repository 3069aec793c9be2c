package org.alliancechain.odr.evidence;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Evidence exports built in the background, with progress: a case at its size limit means hundreds of
 * signed packages and up to a gigabyte of files, too long to keep a request waiting without a word.
 * One export is built at a time (the others queue); a job belongs to the user who started it (anyone
 * else gets 404); a finished export is kept for an hour, then its file is deleted. Jobs live in this
 * service's memory: after a restart an export is simply started again — it is derived from the
 * stored evidence, nothing is lost.
 */
@ApplicationScoped
public class EvidenceExports {

    private static final Logger LOG = Logger.getLogger(EvidenceExports.class);
    private static final Duration KEPT = Duration.ofHours(1);

    public enum State { QUEUED, RUNNING, READY, FAILED }

    /** What a user sees of an export: {@code done} of {@code total} items packed. */
    public record ExportView(String id, long caseId, State state, int done, int total, int percent, Instant startedAt, Instant finishedAt,
                             long sizeBytes, String error) {
    }

    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final long caseId;
        final String organisation;
        final String user;
        final int total;
        final Instant startedAt = Instant.now();
        final AtomicInteger done = new AtomicInteger();
        volatile State state = State.QUEUED;
        volatile Instant finishedAt;
        volatile Path file;
        volatile String error;

        Job(long caseId, String organisation, String user, int total) {
            this.caseId = caseId;
            this.organisation = organisation;
            this.user = user;
            this.total = total;
        }

        ExportView view() {
            int finished = state == State.READY ? total : Math.min(done.get(), total);
            long size = 0;
            if (file != null) {
                try {
                    size = Files.size(file);
                } catch (IOException e) {
                    size = 0;
                }
            }
            return new ExportView(id, caseId, state, finished, total, total == 0 ? (state == State.READY ? 100 : 0) : finished * 100 / total,
                    startedAt, finishedAt, size, error);
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "odr-evidence-export");
        thread.setDaemon(true);
        return thread;
    });
    private final EvidenceViews views;
    private final Caller caller;

    EvidenceExports(EvidenceViews views, Caller caller) {
        this.views = views;
        this.caller = caller;
    }

    /** Starts an export of a case the caller takes part in; while one of theirs for the case is unfinished, that one is returned. */
    public ExportView start(long caseId) {
        int total = views.exportSize(caseId); // 404 for a case the caller may not see
        String user = caller.userName();
        var running = jobs.values().stream().filter(j -> j.caseId == caseId && j.user.equals(user)
                && (j.state == State.QUEUED || j.state == State.RUNNING)).findFirst();
        if (running.isPresent()) {
            return running.get().view();
        }
        var job = new Job(caseId, caller.requireOrganisation(), user, total);
        jobs.put(job.id, job);
        worker.submit(() -> run(job));
        return job.view();
    }

    private void run(Job job) {
        job.state = State.RUNNING;
        try {
            job.file = views.exportAs(job.caseId, job.organisation, job.user, job.done::set);
            job.state = State.READY;
        } catch (Exception e) {
            LOG.errorf(e, "export %s of case %d failed", job.id, job.caseId);
            job.error = "the export could not be built (" + e.getClass().getSimpleName() + "); start it again";
            job.state = State.FAILED;
        } finally {
            job.finishedAt = Instant.now();
        }
    }

    /** The caller's export; another user's, or another case's, answers 404. */
    public ExportView find(long caseId, String id) {
        return job(caseId, id).view();
    }

    /** The caller's exports of a case, newest first. */
    public List<ExportView> mine(long caseId) {
        String user = caller.userName();
        return jobs.values().stream().filter(j -> j.caseId == caseId && j.user.equals(user))
                .sorted(Comparator.comparing((Job j) -> j.startedAt).reversed()).map(Job::view).toList();
    }

    /** The finished export's file; 409 while it is being built. */
    public Path file(long caseId, String id) {
        var job = job(caseId, id);
        if (job.state != State.READY || job.file == null) {
            throw new ProblemException(Response.Status.CONFLICT, "export " + id + " is " + job.state.name().toLowerCase()
                    + (job.state == State.FAILED ? ": " + job.error : " (" + job.view().percent() + " %); download it once it is ready"));
        }
        return job.file;
    }

    private Job job(long caseId, String id) {
        var job = jobs.get(id);
        if (job == null || job.caseId != caseId || !job.user.equals(caller.userName())) {
            throw ProblemException.notFound("Export " + id + " of case " + caseId);
        }
        return job;
    }

    @Scheduled(every = "10m", delayed = "10m")
    void forgetOld() {
        var cutoff = Instant.now().minus(KEPT);
        jobs.values().removeIf(job -> {
            if (job.finishedAt == null || job.finishedAt.isAfter(cutoff)) {
                return false;
            }
            delete(job);
            return true;
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        jobs.values().forEach(EvidenceExports::delete);
    }

    private static void delete(Job job) {
        if (job.file != null) {
            try {
                Files.deleteIfExists(job.file);
            } catch (IOException e) {
                LOG.warnf("cannot delete export file %s: %s", job.file, e.getMessage());
            }
        }
    }
}
