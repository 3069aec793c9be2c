package org.alliancechain.odr.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.alliancechain.chain.api.ChainPort;
import org.alliancechain.evidence.pdf.EvidenceCertificate;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.odr.cases.CaseAccess;
import org.alliancechain.odr.evidence.EvidenceResource.ItemView;
import org.alliancechain.service.evidence.CertificateIssuer;

/** Evidence items as the API and the pages show them, and their signed certificates. */
@ApplicationScoped
public class EvidenceViews {

    /** A signed certificate and the name it is downloaded under. */
    public record Certificate(byte[] pdf, String fileName) {
    }

    private final EvidenceService service;
    private final ChainPort chain;
    private final CertificateIssuer issuer;
    private final CaseAccess access;

    EvidenceViews(EvidenceService service, ChainPort chain, CertificateIssuer issuer, CaseAccess access) {
        this.service = service;
        this.chain = chain;
        this.issuer = issuer;
        this.access = access;
    }

    public ItemView item(EvidenceItem item) {
        var state = chain.notarisation(item.notarisationItemId).orElse(null);
        var proof = state == null ? null : state.proof().orElse(null);
        return new ItemView(item.id, item.number, item.side.name(), item.organisation, item.submittedBy, item.title, item.fileName,
                item.mediaType, item.size, item.sha256, item.sm3, item.source, item.reference, item.recordDigest, item.timestampToken != null,
                item.submittedAt, state == null ? null : state.state(), proof == null ? null : proof.transactionHash(),
                proof == null ? null : proof.blockNumber());
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

    /**
     * The case's evidence export, written to a temporary file (the caller streams and deletes it): the
     * evidence list ({@code evidence-list.csv}, UTF-8, Chinese and English headings, every item with its
     * hashes and anchoring state) and one evidence package per anchored item ({@code packages/C-1.zip} …).
     */
    @Transactional
    public Path export(long caseId) throws IOException {
        var c = access.find(caseId);
        var items = service.list(caseId);
        Path file = Files.createTempFile("odr-export-", ".zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            var csv = new StringBuilder("\uFEFF编号 No.,提交方 Side,机构 Organisation,提交人 Submitted by,提交时间 Submitted at,文件 File,类型 Type,"
                    + "大小 Size,SHA-256,SM3,记录摘要 Record digest,存证状态 Anchoring,交易 Transaction,区块 Block\r\n");
            for (var item : items) {
                var view = item(item);
                csv.append(String.join(",", cell(item.number), cell(item.side.english), cell(item.organisation), cell(item.submittedBy),
                        cell(String.valueOf(item.submittedAt)), cell(item.fileName), cell(item.mediaType), String.valueOf(item.size),
                        item.sha256, item.sm3, item.recordDigest, cell(view.chainStatus()), cell(view.transactionHash()),
                        view.blockNumber() == null ? "" : view.blockNumber().toString())).append("\r\n");
                if ("CONFIRMED".equals(view.chainStatus())) {
                    var pkg = new ByteArrayOutputStream();
                    writePackage(c.caseNumber, item, service.content(caseId, item.id), pkg);
                    zip.putNextEntry(new ZipEntry("packages/" + item.number + ".zip"));
                    zip.write(pkg.toByteArray());
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry("evidence-list.csv"));
            zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private void writePackage(String caseNumber, EvidenceItem item, byte[] content, java.io.OutputStream out) {
        try {
            issuer.writePackage(out, caseNumber + "-" + item.number, EvidenceCertificate.Title.EVIDENCE, item.organisation, item.recordJson,
                    item.notarisationItemId, item.timestampToken, PadesSigner.Level.B_LT, Map.of(item.fileName, content));
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
        byte[] pdf = issuer.issue(c.caseNumber + "-" + item.number, EvidenceCertificate.Title.EVIDENCE, item.organisation, item.recordJson,
                item.notarisationItemId, item.timestampToken, PadesSigner.Level.valueOf(level.replace('-', '_')));
        return new Certificate(pdf, "certificate-" + c.caseNumber + "-" + item.number + ".pdf");
    }
}
