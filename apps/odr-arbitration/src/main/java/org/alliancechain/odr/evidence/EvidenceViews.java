package org.alliancechain.odr.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.ListRenderer;
import org.alliancechain.service.identity.Caller;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.odr.cases.CaseAccess;
import org.alliancechain.odr.evidence.EvidenceResource.ItemView;
import org.alliancechain.service.evidence.CertificateIssuer;
import org.alliancechain.service.chain.ChainState;
import org.alliancechain.service.chain.ChainStates;

/** Evidence items as the API and the pages show them, and their signed certificates. */
@ApplicationScoped
public class EvidenceViews {

    /** A signed certificate and the name it is downloaded under. */
    public record Certificate(byte[] pdf, String fileName) {
    }

    private final EvidenceService service;
    private final ChainStates states;
    private final CertificateIssuer issuer;
    private final CaseAccess access;
    private final Caller caller;
    private final org.alliancechain.service.attest.TimeStampTokens tokens;
    private final ListRenderer listRenderer = new ListRenderer();
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    EvidenceViews(EvidenceService service, ChainStates states, CertificateIssuer issuer, CaseAccess access, Caller caller,
                  org.alliancechain.service.attest.TimeStampTokens tokens) {
        this.tokens = tokens;
        this.caller = caller;
        this.service = service;
        this.states = states;
        this.issuer = issuer;
        this.access = access;
    }

    public ItemView item(EvidenceItem item) {
        var state = states.notarisation(item.record.notarisationItemId).orElse(null);
        return new ItemView(item.id, item.number, item.side.name(), item.organisation, item.submittedBy, item.title, item.fileName,
                item.mediaType, item.size, item.sha256, item.sm3, item.source, item.reference, item.record.digest, item.record.timestampToken != null,
                item.submittedAt, ChainState.nameOf(state), state == null ? null : state.transactionHash(),
                state == null ? null : state.blockNumber());
    }

    /** The item's evidence package (ZIP: file, certificate signed PAdES B-LT so that revocation is checkable offline, record, proof, time-stamp token, roots); 409 until anchored. */
    @Transactional
    public Certificate evidencePackage(long caseId, long itemId) {
        var item = service.find(caseId, itemId);
        var c = access.find(caseId);
        var out = new ByteArrayOutputStream();
        writePackage(c.caseNumber, item, service.content(caseId, itemId), out);
        return new Certificate(out.toByteArray(), "evidence-" + c.caseNumber + "-" + item.number + ".zip");
    }

    /** One line of the evidence list, as the CSV, the JSON and the signed PDF show it. */
    public record ListLine(String number, String side, String organisation, String submittedBy, java.time.Instant submittedAt, String title,
                           String fileName, String mediaType, long size, String reference, String sha256, String sm3, String recordDigest,
                           String chainStatus, String transactionHash, Long blockNumber, List<String> crossExamination) {
    }

    private static final String CSV_HEADER = "\uFEFF编号 No.,提交方 Side,机构 Organisation,提交人 Submitted by,提交时间 Submitted at,"
            + "标题 Title,文件 File,类型 Type,大小 Size,引用 Reference,SHA-256,SM3,记录摘要 Record digest,存证状态 Anchoring,"
            + "交易 Transaction,区块 Block,质证 Cross-examination\r\n";

    /** The list's lines; the caller has checked access to the case. */
    private List<ListLine> lines(long caseId) {
        var lines = new ArrayList<ListLine>();
        for (var item : EvidenceItem.<EvidenceItem>list("caseId = ?1 order by id", caseId)) {
            var view = item(item);
            var comments = EvidenceComment.<EvidenceComment>list("evidenceId = ?1 order by id", item.id).stream().map(cm -> cm.organisation + ": 真实性 authenticity "
                    + cm.authenticity.english + ", 合法性 legality " + cm.legality.english + ", 关联性 relevance " + cm.relevance.english
                    + " — " + cm.opinion).toList();
            lines.add(new ListLine(item.number, item.side.english, item.organisation, item.submittedBy, item.submittedAt, item.title,
                    item.fileName, item.mediaType, item.size, item.reference, item.sha256, item.sm3, item.record.digest, view.chainStatus(),
                    view.transactionHash(), view.blockNumber(), comments));
        }
        return lines;
    }

    private static byte[] csv(List<ListLine> lines) {
        var csv = new StringBuilder(CSV_HEADER);
        for (var l : lines) {
            csv.append(String.join(",", cell(l.number()), cell(l.side()), cell(l.organisation()), cell(l.submittedBy()),
                    cell(String.valueOf(l.submittedAt())), cell(l.title()), cell(l.fileName()), cell(l.mediaType()), String.valueOf(l.size()),
                    cell(l.reference()), l.sha256(), l.sm3(), l.recordDigest(), cell(l.chainStatus()), cell(l.transactionHash()),
                    l.blockNumber() == null ? "" : l.blockNumber().toString(), cell(String.join(" | ", l.crossExamination()))))
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The case's evidence list as a PDF/A-3 document signed PAdES B-T by the caller's organisation: the case,
     * then every item (number, side, title and file, hashes, record digest, anchoring, the other side's
     * cross-examination), with the same list embedded as evidence-list.csv and evidence-list.json.
     */
    @Transactional
    public Certificate evidenceList(long caseId) {
        var c = access.find(caseId);
        return new Certificate(evidenceListPdf(c, lines(caseId), caller.requireOrganisation(), caller.userName()),
                "evidence-list-" + c.caseNumber + ".pdf");
    }

    private byte[] evidenceListPdf(org.alliancechain.odr.cases.OdrCase c, List<ListLine> lines, String organisation, String user) {
        var now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var columns = List.of(new ListRenderer.Column("编号 No.", 0.06f), new ListRenderer.Column("提交方 Side", 0.13f),
                new ListRenderer.Column("证据 Item", 0.21f), new ListRenderer.Column("SHA-256 / SM3", 0.2f),
                new ListRenderer.Column("记录摘要 Record digest", 0.13f), new ListRenderer.Column("存证 Anchoring", 0.13f),
                new ListRenderer.Column("质证 Cross-examination", 0.14f));
        var rows = lines.stream().map(l -> List.of(l.number(),
                l.side() + "\n" + l.organisation() + "\n" + l.submittedBy() + "\n" + TIME.format(l.submittedAt()),
                l.title() + (l.title().equals(l.fileName()) ? "" : "\n" + l.fileName()) + "\n" + l.mediaType() + ", " + l.size() + " bytes"
                        + (l.reference() == null ? "" : "\n引用 " + l.reference()),
                l.sha256() + "\n" + l.sm3(),
                l.recordDigest(),
                (l.chainStatus() == null ? "—" : l.chainStatus()) + (l.transactionHash() == null ? "" : "\ntx " + l.transactionHash())
                        + (l.blockNumber() == null ? "" : "\n区块 block " + l.blockNumber()),
                l.crossExamination().isEmpty() ? "—" : String.join("\n", l.crossExamination()))).toList();
        var heading = List.<Map.Entry<String, String>>of(
                Map.entry("案号  Case", c.caseNumber + " — " + c.title),
                Map.entry("当事人  Parties", "申请人 Claimant " + c.claimant + " · 被申请人 Respondent " + c.respondent),
                Map.entry("仲裁委员会  Commission", c.commission),
                Map.entry("案件状态  Status", c.status.name()),
                Map.entry("证据数量  Items", String.valueOf(lines.size())),
                Map.entry("出具  Issued", TIME.format(now) + " · " + user + " (" + organisation + ")"));
        var listing = new ListRenderer.Listing("证据清单", "Evidence list", organisation, heading, columns, rows,
                "每项证据的记录摘要由提交方机构时间戳并上链存证，可逐项下载证书与证据包独立核验（./verify-evidence）。本清单由出具机构以 PAdES 签名并加盖"
                        + "可信时间戳；内嵌的 evidence-list.csv 与 evidence-list.json 载有相同数据。 · Each item's record digest was time-stamped "
                        + "and anchored by the submitting organisation; each item's certificate and evidence package can be checked on its own "
                        + "(./verify-evidence). This list is signed (PAdES, with a trusted time-stamp) by the issuing organisation; the embedded "
                        + "evidence-list.csv and evidence-list.json carry the same data.",
                List.of(new ListRenderer.Attachment("evidence-list.csv", "The evidence list (CSV, UTF-8)", "text/csv", csv(lines)),
                        new ListRenderer.Attachment("evidence-list.json", "The evidence list (RFC 8785 canonical JSON)", "application/json",
                                org.alliancechain.evidence.CanonicalJson.canonicalize(Map.of("case", c.caseNumber, "issuedAt", now.toString(),
                                        "issuedBy", organisation, "items", lines)))));
        return issuer.sign(listRenderer.render(listing), organisation, PadesSigner.Level.B_T, "Evidence list of case " + c.caseNumber);
    }

    /**
     * The case's evidence export, written to a temporary file (the caller streams and deletes it): the
     * evidence list ({@code evidence-list.csv}, UTF-8, Chinese and English headings, every item with its
     * hashes and anchoring state, and {@code evidence-list.pdf}, the same list signed) and one evidence
     * package per anchored item ({@code packages/C-1.zip} …).
     */
    public Path export(long caseId) throws IOException {
        exportSize(caseId); // checks access in its own transaction; the export's has a longer timeout
        return exportAs(caseId, caller.requireOrganisation(), caller.userName(), done -> { });
    }

    /** The number of items an export of the case goes through (its progress total). */
    @Transactional
    public int exportSize(long caseId) {
        access.find(caseId);
        return (int) EvidenceItem.count("caseId", caseId);
    }

    /**
     * The export written for a user of an organisation whose access to the case was checked already (a
     * background export runs outside the request); {@code progress} hears the number of items done.
     */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 1800)
    public Path exportAs(long caseId, String organisation, String user, java.util.function.IntConsumer progress) throws IOException {
        var c = org.alliancechain.odr.cases.OdrCase.<org.alliancechain.odr.cases.OdrCase>findByIdOptional(caseId).orElseThrow();
        var items = EvidenceItem.<EvidenceItem>list("caseId = ?1 order by id", caseId);
        var lines = lines(caseId);
        Path file = Files.createTempFile("odr-export-", ".zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            int done = 0;
            for (var item : items) {
                if (ChainState.isConfirmed(item(item).chainStatus())) {
                    var pkg = new ByteArrayOutputStream();
                    writePackage(c.caseNumber, item, EvidenceContent.<EvidenceContent>findByIdOptional(item.id).orElseThrow().content, pkg);
                    zip.putNextEntry(new ZipEntry("packages/" + item.number + ".zip"));
                    zip.write(pkg.toByteArray());
                    zip.closeEntry();
                }
                progress.accept(++done);
            }
            zip.putNextEntry(new ZipEntry("evidence-list.csv"));
            zip.write(csv(lines));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("evidence-list.pdf"));
            zip.write(evidenceListPdf(c, lines, organisation, user));
            zip.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private void writePackage(String caseNumber, EvidenceItem item, byte[] content, java.io.OutputStream out) {
        try {
            issuer.writePackage(out, caseNumber + "-" + item.number, EvidenceCertificate.Title.EVIDENCE, item.organisation, item.record.json,
                    item.record.notarisationItemId, item.stamp(tokens), PadesSigner.Level.B_LT, Map.of(item.fileName, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV cell (RFC 4180 quoting; a leading formula character is neutralised for spreadsheet programs). */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** The item's certificate (PDF/A-3, PAdES at {@code level}: B-T, B-LT or B-LTA) signed by the submitting organisation; 409 until anchored. */
    @Transactional
    public Certificate certificate(long caseId, long itemId, String level) {
        var item = service.find(caseId, itemId);
        var c = access.find(caseId);
        byte[] pdf = issuer.issue(c.caseNumber + "-" + item.number, EvidenceCertificate.Title.EVIDENCE, item.organisation, item.record.json,
                item.record.notarisationItemId, item.stamp(tokens), PadesSigner.Level.valueOf(level.replace('-', '_')));
        return new Certificate(pdf, "certificate-" + c.caseNumber + "-" + item.number + ".pdf");
    }
}
