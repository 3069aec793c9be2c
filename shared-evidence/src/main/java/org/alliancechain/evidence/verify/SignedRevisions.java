package org.alliancechain.evidence.verify;

import static org.alliancechain.evidence.verify.VerifierChecks.MODIFICATIONS;
import static org.alliancechain.evidence.verify.VerifierChecks.label;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.signatures.SignatureUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What was signed, and what was added to the file after: the revisions of a signed PDF and their embedded files. */
final class SignedRevisions {

    private SignedRevisions() {
    }

    /**
     * After the issuer signed, only a document security store and document time-stamps may be added
     * (PAdES B-LT, B-LTA), each in a well-formed incremental update. Anything else — bytes that form no
     * revision, new page content, annotations, other attachments, another title or an opening action —
     * is a change, and named.
     */
    static void checkModifications(byte[] pdf, PdfDocument document, SignatureUtil util, List<String> names, String issuerSignature,
                                           boolean wholeDocument, Map<String, Boolean> documentTimestamps,
                                           VerificationReport.Builder report) {
        if (wholeDocument) {
            checkWholeFile(true, report);
            return;
        }
        List<String> later = new ArrayList<>();
        for (String name : names) {
            if (util.getRevision(name) > util.getRevision(issuerSignature)) {
                later.add(name);
            }
        }
        boolean onlyTimestamps = later.stream().allMatch(documentTimestamps::get);
        if (!onlyTimestamps) {
            report.failed(MODIFICATIONS, label(MODIFICATIONS), "another signature was added after the issuer signed");
            report.markModified();
            return;
        }
        try {
            long signedEnd = signedEnd(util, issuerSignature);
            var updates = LaterRevisions.of(pdf, document.getReader(), signedEnd);
            if (updates.problem() != null) {
                report.failed(MODIFICATIONS, label(MODIFICATIONS), updates.problem());
                report.markModified();
                return;
            }
            List<String> changes;
            try (var signed = new PdfDocument(new PdfReader(util.extractRevision(issuerSignature)))) {
                String difference = difference(signed, document);
                changes = difference != null ? List.of(difference) : AllowedChanges.between(signed, document, updates.written());
            }
            if (changes.isEmpty()) {
                report.passed(MODIFICATIONS, label(MODIFICATIONS), updates.count() == 0
                        ? "nothing was added after signing but " + (pdf.length - signedEnd) + " end-of-line byte(s)"
                        : "added after signing only: validation data" + (later.isEmpty() ? "" : " and " + later.size() + " document time-stamp(s)"));
            } else {
                report.failed(MODIFICATIONS, label(MODIFICATIONS), "changed after signing: " + String.join("; ", changes));
                report.markModified();
            }
        } catch (IOException | RuntimeException e) {
            report.failed(MODIFICATIONS, label(MODIFICATIONS), "cannot compare the revisions: " + e.getMessage());
            report.markModified();
        }
    }

    /** Where the bytes the issuer signed end: the end of the second signed range. */
    private static long signedEnd(SignatureUtil util, String issuerSignature) {
        var range = util.getSignatureDictionary(issuerSignature).getAsArray(PdfName.ByteRange);
        return range.getAsNumber(2).longValue() + range.getAsNumber(3).longValue();
    }

    /** For a file read without revisions: it must be signed as a whole. */
    static void checkWholeFile(boolean wholeDocument, VerificationReport.Builder report) {
        if (wholeDocument) {
            report.passed(MODIFICATIONS, label(MODIFICATIONS), "the signature covers the whole file: nothing was added after signing");
        } else {
            report.failed(MODIFICATIONS, label(MODIFICATIONS), "bytes outside the signed ranges");
            report.markModified();
        }
    }

    /** What differs between the signed revision and a later one, in what a reader sees or extracts; null when nothing does. */
    private static String difference(PdfDocument signed, PdfDocument later) {
        if (signed.getNumberOfPages() != later.getNumberOfPages()) {
            return "the number of pages";
        }
        for (int i = 1; i <= signed.getNumberOfPages(); i++) {
            var a = signed.getPage(i);
            var b = later.getPage(i);
            if (!Arrays.equals(a.getContentBytes(), b.getContentBytes())) {
                return "the content of page " + i;
            }
            if (annotationCount(a.getPdfObject()) != annotationCount(b.getPdfObject())) {
                return "the annotations of page " + i;
            }
        }
        var before = embeddedFiles(signed);
        var after = embeddedFiles(later);
        if (!before.keySet().equals(after.keySet()) || before.entrySet().stream().anyMatch(e -> !Arrays.equals(e.getValue(), after.get(e.getKey())))) {
            return "the embedded files";
        }
        return null;
    }

    private static int annotationCount(PdfDictionary page) {
        var annotations = page.getAsArray(PdfName.Annots);
        if (annotations == null) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < annotations.size(); i++) {
            var annotation = annotations.getAsDictionary(i);
            // Signature widgets of later document time-stamps are part of what B-LTA adds.
            if (annotation != null && !PdfName.Sig.equals(annotation.getAsName(PdfName.FT))) {
                count++;
            }
        }
        return count;
    }

    /** The embedded files by name. */
    static Map<String, byte[]> embeddedFiles(PdfDocument document) {
        Map<String, byte[]> files = new HashMap<>();
        var tree = document.getCatalog().getNameTree(PdfName.EmbeddedFiles);
        for (var entry : tree.getNames().entrySet()) {
            if (entry.getValue() instanceof PdfDictionary spec || (entry.getValue().isIndirectReference()
                    && ((com.itextpdf.kernel.pdf.PdfIndirectReference) entry.getValue()).getRefersTo() instanceof PdfDictionary)) {
                PdfDictionary dictionary = entry.getValue() instanceof PdfDictionary d ? d
                        : (PdfDictionary) ((com.itextpdf.kernel.pdf.PdfIndirectReference) entry.getValue()).getRefersTo();
                PdfDictionary ef = dictionary.getAsDictionary(PdfName.EF);
                PdfStream stream = ef == null ? null : ef.getAsStream(PdfName.F);
                if (stream != null) {
                    files.put(entry.getKey().toUnicodeString(), stream.getBytes());
                }
            }
        }
        return files;
    }
}
