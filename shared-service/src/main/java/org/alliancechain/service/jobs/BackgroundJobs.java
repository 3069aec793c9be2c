package org.alliancechain.service.jobs;

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
import java.util.function.IntConsumer;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Long operations run in the background with progress — an evidence export of hundreds of signed
 * packages, a bulk issuance of thousands of invoices — so no request waits without a word. A job has
 * a kind (what it does, e.g. {@code odr.evidence-export}) and a subject (what it works on, e.g. a
 * case id); it belongs to the user who started it (anyone else gets 404); while one of theirs for the
 * same kind and subject is unfinished, starting again returns that one. Jobs of one kind run one at a
 * time (the others queue); a finished job's result file is kept for an hour, then deleted. Jobs live in
 * the service's memory: after a restart a job is started again — its result is derived from stored
 * data (an issuance job commits its rows as it goes, so nothing is lost nor done twice).
 */
@ApplicationScoped
public class BackgroundJobs {

    private static final Logger LOG = Logger.getLogger(BackgroundJobs.class);
    static final Duration KEPT = Duration.ofHours(1);

    public enum State { QUEUED, RUNNING, READY, FAILED }

    /** The work of a job: reports how many of its {@code total} units are done, returns its result file (or null). */
    @FunctionalInterface
    public interface Work {
        Path run(IntConsumer progress) throws Exception;
    }

    /** What a user sees of a job: {@code done} of {@code total} units, the result's size once ready. */
    public record JobView(String id, String kind, String subject, State state, int done, int total, int percent, Instant startedAt,
                          Instant finishedAt, long sizeBytes, String error) {

        public boolean unfinished() {
            return state == State.QUEUED || state == State.RUNNING;
        }
    }

    private static final class Job {
        final String id = UUID.randomUUID().toString();
        final String kind;
        final String subject;
        final String user;
        final int total;
        final Instant startedAt = Instant.now();
        final AtomicInteger done = new AtomicInteger();
        volatile State state = State.QUEUED;
        volatile Instant finishedAt;
        volatile Path file;
        volatile String error;

        Job(String kind, String subject, String user, int total) {
            this.kind = kind;
            this.subject = subject;
            this.user = user;
            this.total = total;
        }

        JobView view() {
            int finished = state == State.READY ? total : Math.min(done.get(), total);
            long size = 0;
            if (file != null) {
                try {
                    size = Files.size(file);
                } catch (IOException e) {
                    size = 0;
                }
            }
            int percent = total == 0 ? (state == State.READY ? 100 : 0) : (int) ((long) finished * 100 / total);
            return new JobView(id, kind, subject, state, finished, total, percent, startedAt, finishedAt, size, error);
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, ExecutorService> workers = new ConcurrentHashMap<>();
    private final Caller caller;

    BackgroundJobs(Caller caller) {
        this.caller = caller;
    }

    /**
     * Starts a job for the calling user, or returns their unfinished one of the same kind and subject.
     * {@code work} runs on the kind's worker thread, outside the request: it gets no request context,
     * so it must be given what it needs (organisation, user) rather than read the caller.
     */
    public JobView start(String kind, String subject, int total, Work work) {
        String user = caller.userName();
        var running = jobs.values().stream()
                .filter(j -> j.kind.equals(kind) && j.subject.equals(subject) && j.user.equals(user) && j.view().unfinished())
                .findFirst();
        if (running.isPresent()) {
            return running.get().view();
        }
        var job = new Job(kind, subject, user, total);
        jobs.put(job.id, job);
        workers.computeIfAbsent(kind, BackgroundJobs::worker).submit(() -> run(job, work));
        return job.view();
    }

    private static ExecutorService worker(String kind) {
        return Executors.newSingleThreadExecutor(r -> {
            var thread = new Thread(r, "job-" + kind);
            thread.setDaemon(true);
            return thread;
        });
    }

    private void run(Job job, Work work) {
        job.state = State.RUNNING;
        try {
            job.file = work.run(job.done::set);
            job.state = State.READY;
        } catch (ProblemException e) {
            // A refusal the user can act on (bad input): said to them, not a fault of the service.
            LOG.warnf("job %s (%s of %s) refused: %s", job.id, job.kind, job.subject, e.getMessage());
            job.error = e.getMessage();
            job.state = State.FAILED;
        } catch (Exception e) {
            String reference = java.util.UUID.randomUUID().toString();
            LOG.errorf(e, "job %s (%s of %s) failed: unexpected error %s", job.id, job.kind, job.subject, reference);
            job.error = "the job could not be finished; start it again, or quote reference " + reference + " to the operator";
            job.state = State.FAILED;
        } finally {
            job.finishedAt = Instant.now();
        }
    }

    /** The caller's job; another user's, or one of another kind or subject, answers 404 naming {@code what}. */
    public JobView find(String kind, String subject, String id, String what) {
        return job(kind, subject, id, what).view();
    }

    /** The caller's jobs of a kind and subject, newest first. */
    public List<JobView> mine(String kind, String subject) {
        String user = caller.userName();
        return jobs.values().stream().filter(j -> j.kind.equals(kind) && j.subject.equals(subject) && j.user.equals(user))
                .sorted(Comparator.comparing((Job j) -> j.startedAt).reversed()).map(Job::view).toList();
    }

    /** The finished job's result file; 409 while it runs or when it failed. */
    public Path file(String kind, String subject, String id, String what) {
        var job = job(kind, subject, id, what);
        if (job.state != State.READY || job.file == null) {
            throw new ProblemException(Response.Status.CONFLICT, what + " " + id + " is " + job.state.name().toLowerCase()
                    + (job.state == State.FAILED ? ": " + job.error : " (" + job.view().percent() + " %); download it once it is ready"));
        }
        return job.file;
    }

    private Job job(String kind, String subject, String id, String what) {
        var job = id == null ? null : jobs.get(id);
        if (job == null || !job.kind.equals(kind) || !job.subject.equals(subject) || !job.user.equals(caller.userName())) {
            throw ProblemException.notFound(what + " " + id);
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
        workers.values().forEach(ExecutorService::shutdownNow);
        jobs.values().forEach(BackgroundJobs::delete);
    }

    private static void delete(Job job) {
        if (job.file != null) {
            try {
                Files.deleteIfExists(job.file);
            } catch (IOException e) {
                LOG.warnf("cannot delete the result %s of job %s: %s", job.file, job.id, e.getMessage());
            }
        }
    }
}
