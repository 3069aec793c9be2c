package org.alliancechain.evidence.verify;

import com.itextpdf.kernel.pdf.DocumentRevision;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfRevisionsReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bytes after the revision the issuer signed, held to the form of incremental updates before
 * anything in them is compared. iText finds the revisions by their cross-reference sections; each
 * one after the signed revision must be an update in form ({@link SingleRevisionPdf#updateObjects})
 * whose objects are exactly the ones its cross-reference section lists, and the last must end the
 * file. Bytes that form no revision — appended text or random bytes, a cut-off table, an object no
 * table lists — are named, not skipped: a reader that skips them shows what was signed, one that
 * repairs the file may show what they hold.
 *
 * @param count   how many revisions follow the signed one
 * @param written the numbers of the objects those revisions write or free
 * @param problem what is wrong with the bytes after the signed revision; null when they are revisions
 */
record LaterRevisions(int count, Set<Integer> written, String problem) {

    private static final String NOT_A_REVISION = "the bytes after the signed revision are not a PDF revision";

    static LaterRevisions of(byte[] pdf, PdfReader reader, long signedEnd) {
        if (reader.hasRebuiltXref()) {
            return failed(NOT_A_REVISION + ": their cross-reference data leads nowhere, and a reader has to rebuild the table");
        }
        List<DocumentRevision> revisions;
        try {
            revisions = new PdfRevisionsReader(reader).getAllRevisions();
        } catch (IOException | RuntimeException e) {
            return failed(NOT_A_REVISION + " (" + e.getMessage() + ")");
        }
        int signed = -1;
        for (int i = 0; i < revisions.size() && signed < 0; i++) {
            if (onlyEndOfLines(pdf, signedEnd, revisions.get(i).getEofOffset())) {
                signed = i;
            }
        }
        if (signed < 0) {
            return failed("the signed bytes end at byte " + signedEnd + ", where no revision of the file ends");
        }
        long end = revisions.getLast().getEofOffset();
        if (end != pdf.length) {
            return failed((pdf.length - end) + " bytes after the end of the " + (signed == revisions.size() - 1 ? "signed" : "last")
                    + " revision that are not a PDF revision");
        }
        Set<Integer> written = new TreeSet<>();
        long from = revisions.get(signed).getEofOffset();
        for (int i = signed + 1; i < revisions.size(); i++) {
            long to = revisions.get(i).getEofOffset();
            List<long[]> objects;
            try {
                objects = SingleRevisionPdf.updateObjects(pdf, Math.toIntExact(from), Math.toIntExact(to));
            } catch (RuntimeException e) {
                return failed(NOT_A_REVISION + ": " + e.getMessage());
            }
            Set<List<Long>> listed = new HashSet<>();
            for (var reference : revisions.get(i).getModifiedObjects()) {
                if (reference.getObjNumber() > 0) {
                    written.add(reference.getObjNumber());
                    if (!reference.isFree() && reference.getOffset() >= from) {
                        listed.add(List.of((long) reference.getObjNumber(), (long) reference.getGenNumber(), reference.getOffset()));
                    }
                }
            }
            for (long[] object : objects) {
                var key = List.of(object[0], object[1], object[2]);
                // A cross-reference stream need not list itself.
                if (!listed.remove(key) && object[3] == 0) {
                    return failed(NOT_A_REVISION + ": object " + object[0] + " at byte " + object[2] + " is in no cross-reference section");
                }
            }
            if (!listed.isEmpty()) {
                var missing = listed.iterator().next();
                return failed(NOT_A_REVISION + ": a cross-reference section puts object " + missing.get(0) + " at byte " + missing.get(2)
                        + ", where no such object starts");
            }
            from = to;
        }
        return new LaterRevisions(revisions.size() - 1 - signed, written, null);
    }

    private static LaterRevisions failed(String problem) {
        return new LaterRevisions(0, Set.of(), problem);
    }

    /** Whether the bytes from one offset up to another are end-of-line bytes only (none at all included). */
    private static boolean onlyEndOfLines(byte[] pdf, long from, long to) {
        if (from > to || to > pdf.length) {
            return false;
        }
        for (long i = from; i < to; i++) {
            if (pdf[(int) i] != '\r' && pdf[(int) i] != '\n') {
                return false;
            }
        }
        return true;
    }
}
