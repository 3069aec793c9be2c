package org.alliancechain.einvoice.invoices;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.alliancechain.einvoice.issuers.Taxpayer;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.service.jobs.BackgroundJobs;
import org.alliancechain.service.problem.ProblemException;
import org.alliancechain.service.upload.UploadIntake;

/**
 * Issuing the invoices of uploaded files as a background job with progress: the files are read
 * at once (a file that cannot be read refuses the upload, nothing stored), then the invoices are
 * issued in chunks; an invoice the rules of tax refuse is reported on its row and the others are
 * issued. The report (one row per invoice: its number, or why not) is the job's result.
 */
@ApplicationScoped
public class BulkIssuance {

    public static final String JOB = "invoice-upload";
    private static final Pattern ROW = Pattern.compile("^invoices\\[(\\d+)]");

    /** One row of the report. */
    public record ReportRow(String source, String status, Long invoiceId, String number, String total, String problem) {
    }

    private final InvoiceService invoices;
    private final BackgroundJobs jobs;
    private final Caller caller;
    private final ObjectMapper json;

    BulkIssuance(InvoiceService invoices, BackgroundJobs jobs, Caller caller, ObjectMapper json) {
        this.invoices = invoices;
        this.jobs = jobs;
        this.caller = caller;
        this.json = json;
    }

    /** Reads the accepted files (CSV or UBL) and starts the job; 422 naming file, row and column when one cannot be read. */
    public BackgroundJobs.JobView start(List<UploadIntake.AcceptedFile> files) {
        String seller = caller.requireOrganisation();
        String user = caller.userName();
        String sellerTaxId = Taxpayer.byOrganisation(seller).map(t -> t.taxId).orElseThrow(() -> new ProblemException(
                jakarta.ws.rs.core.Response.Status.FORBIDDEN, "your organisation (" + seller + ") is not a registered taxpayer"));
        var rows = new ArrayList<InvoiceFiles.Row>();
        for (var file : files) {
            boolean xml = file.mediaType().equals("application/xml");
            rows.addAll(xml ? List.of(InvoiceFiles.ubl(file.name(), file.content(), sellerTaxId)) : InvoiceFiles.csv(file.name(), file.content()));
        }
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "the files hold no invoice", "files");
        }
        return jobs.start(JOB, seller, rows.size(), progress -> issue(seller, user, rows, progress));
    }

    private Path issue(String seller, String user, List<InvoiceFiles.Row> rows, java.util.function.IntConsumer progress) throws Exception {
        var report = new ArrayList<ReportRow>(rows.size());
        int chunk = 500;
        for (int from = 0; from < rows.size(); from += chunk) {
            var part = rows.subList(from, Math.min(rows.size(), from + chunk));
            issueChunk(seller, user, part, report);
            progress.accept(report.size());
        }
        Path file = Files.createTempFile("invoice-upload-", ".json");
        json.writeValue(file.toFile(), report);
        return file;
    }

    /** Issues a chunk; rows the rules refuse are reported and the rest issued again, until none is refused. */
    private void issueChunk(String seller, String user, List<InvoiceFiles.Row> part, List<ReportRow> report) {
        var pending = new ArrayList<>(part);
        while (!pending.isEmpty()) {
            try {
                var issued = invoices.issueAs(seller, user, pending.stream().map(InvoiceFiles.Row::issue).toList(), "invoices");
                for (int i = 0; i < issued.size(); i++) {
                    var invoice = issued.get(i);
                    report.add(new ReportRow(pending.get(i).source(), "ISSUED", invoice.id, invoice.number, invoice.total.toPlainString(), null));
                }
                break;
            } catch (ProblemException e) {
                var bad = new java.util.TreeMap<Integer, String>();
                for (var v : e.violations()) {
                    var m = ROW.matcher(v.field());
                    if (m.find()) {
                        bad.merge(Integer.parseInt(m.group(1)), v.field().substring(m.end()).replaceFirst("^\\.", "") + ": " + v.message(),
                                (a, b) -> a + "; " + b);
                    }
                }
                if (bad.isEmpty()) {
                    // Not about one row (quota, suspension): every row left is refused for it.
                    pending.forEach(r -> report.add(new ReportRow(r.source(), "REFUSED", null, null, null, e.getMessage())));
                    return;
                }
                for (var entry : bad.descendingMap().entrySet()) {
                    var row = pending.remove((int) entry.getKey());
                    report.add(new ReportRow(row.source(), "REFUSED", null, null, null, entry.getValue()));
                }
            }
        }
    }

    public BackgroundJobs.JobView find(String id) {
        return jobs.find(JOB, caller.requireOrganisation(), id, "invoice upload");
    }

    public Path report(String id) {
        return jobs.file(JOB, caller.requireOrganisation(), id, "invoice upload");
    }
}
