package org.alliancechain.copyright.works;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.jobs.BackgroundJobs;
import org.alliancechain.service.problem.ProblemException;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Registering the works of uploaded files (images, texts, HTML, or ZIP archives of them) as a background job with
 * progress. The files are read at once: one that cannot be a work at all (a disguised type, an unsafe archive) refuses
 * the upload and nothing is registered. Then the works are registered 100 at a time, each chunk as one
 * {@link WorkService#register} (one transaction, WorkRegistry 100 per transaction); a work refused on its own (its
 * content registered before — naming by whom —, a text too short, an image too small to fingerprint) is reported on its
 * row and the others of its chunk are registered. The job's result is the report: one row per file.
 */
@ApplicationScoped
public class WorkUploads {

    public static final String JOB = "work-upload";
    static final int CHUNK = 100;
    private static final Pattern ROW = Pattern.compile("^files\\[(\\d+)]");

    /** One row of the report: the file (with its archive), REGISTERING or REFUSED, the work, its content digest, or why not. */
    public record ReportRow(String file, String status, Long workId, String contentDigest, String problem) {
    }

    private record Row(String file, WorkSubmission submission, String problem) {
    }

    private final WorkIntake intake;
    private final WorkService works;
    private final BackgroundJobs jobs;
    private final Caller caller;
    private final ObjectMapper json;

    WorkUploads(WorkIntake intake, WorkService works, BackgroundJobs jobs, Caller caller, ObjectMapper json) {
        this.intake = intake;
        this.works = works;
        this.jobs = jobs;
        this.caller = caller;
        this.json = json;
    }

    /**
     * Reads the files and starts the job for the caller's organisation; every work gets {@code authors} (one per line)
     * and its file's name, without the extension, as its title.
     */
    public BackgroundJobs.JobView start(List<FileUpload> files, String authors) {
        String holder = caller.requireOrganisation();
        String user = caller.userName();
        // The jobs keep one unfinished job per user and kind: a second upload would be answered with the first one's job.
        var running = jobs.mine(JOB, holder).stream().filter(BackgroundJobs.JobView::unfinished).findFirst();
        if (running.isPresent()) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.CONFLICT, "your upload " + running.get().id() + " is still "
                    + "registering its works (" + running.get().done() + " of " + running.get().total() + "); upload more once it is done",
                    "files");
        }
        var authorList = WorkIntake.authors(authors);
        var accepted = intake.acceptAll(files);
        var rows = new ArrayList<Row>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            var file = accepted.get(i);
            String shown = file.archive() == null ? file.name() : file.archive() + " › " + file.name();
            try {
                rows.add(new Row(shown, intake.of("files[" + i + "]", file, title(file.name()), authorList, null, null), null));
            } catch (ProblemException e) {
                rows.add(new Row(shown, null, e.getMessage()));
            }
        }
        return jobs.start(JOB, holder, rows.size(), progress -> register(holder, user, rows, progress));
    }

    /** A work's title from its file's name: the last path segment without its extension. */
    static String title(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String title = (dot > 0 ? name.substring(0, dot) : name).strip();
        if (title.isEmpty()) {
            title = name;
        }
        return title.length() > 300 ? title.substring(0, 300) : title;
    }

    private Path register(String holder, String user, List<Row> rows, IntConsumer progress) throws Exception {
        var report = new ReportRow[rows.size()];
        int done = 0;
        var pending = new ArrayList<Integer>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (row.submission() == null) {
                report[i] = new ReportRow(row.file(), "REFUSED", null, null, row.problem());
                done++;
            } else {
                pending.add(i);
            }
        }
        progress.accept(done);
        for (int from = 0; from < pending.size(); from += CHUNK) {
            var chunk = new ArrayList<>(pending.subList(from, Math.min(pending.size(), from + CHUNK)));
            registerChunk(holder, user, rows, chunk, report);
            done += chunk.size();
            progress.accept(done);
        }
        Path file = Files.createTempFile("work-upload-", ".json");
        json.writeValue(file.toFile(), List.of(report));
        return file;
    }

    /** Registers a chunk; works refused on their own are reported and the rest registered again, until none is refused. */
    private void registerChunk(String holder, String user, List<Row> rows, List<Integer> chunk, ReportRow[] report) {
        var left = new ArrayList<>(chunk);
        while (!left.isEmpty()) {
            try {
                var registered = works.register(holder, user, left.stream().map(i -> rows.get(i).submission()).toList());
                for (int k = 0; k < registered.size(); k++) {
                    var work = registered.get(k);
                    report[left.get(k)] = new ReportRow(rows.get(left.get(k)).file(), "REGISTERING", work.id,
                            HexFormat.of().formatHex(work.contentDigest), null);
                }
                return;
            } catch (ProblemException e) {
                var refused = new HashMap<Integer, String>();
                for (var v : e.violations()) {
                    var m = ROW.matcher(v.field() == null ? "" : v.field());
                    if (m.find()) {
                        refused.merge(Integer.parseInt(m.group(1)), v.message(), (a, b) -> a + "; " + b);
                    }
                }
                if (refused.isEmpty()) {
                    // Not about one work: every work left is refused for it.
                    for (int i : left) {
                        report[i] = new ReportRow(rows.get(i).file(), "REFUSED", null, null, e.getMessage());
                    }
                    return;
                }
                refused.forEach((i, why) -> report[i] = new ReportRow(rows.get(i).file(), "REFUSED", null, null, why));
                left.removeIf(refused::containsKey);
            }
        }
    }

    public BackgroundJobs.JobView find(String id) {
        return jobs.find(JOB, caller.requireOrganisation(), id, "work upload");
    }

    public List<BackgroundJobs.JobView> mine() {
        return jobs.mine(JOB, caller.requireOrganisation());
    }

    public Path report(String id) {
        return jobs.file(JOB, caller.requireOrganisation(), id, "work upload");
    }
}
