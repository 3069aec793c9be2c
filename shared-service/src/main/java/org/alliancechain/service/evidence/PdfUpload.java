package org.alliancechain.service.evidence;

import com.itextpdf.kernel.exceptions.BadPasswordException;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import org.alliancechain.service.problem.ProblemException;

/** Checks, by content and not by name, that an upload is a readable, unencrypted PDF; else a clear 415/422. */
final class PdfUpload {

    private PdfUpload() {
    }

    static byte[] require(byte[] upload) {
        if (upload.length < 5 || !new String(upload, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "the upload is not a PDF (it does not start with %PDF-); upload the certificate PDF");
        }
        try (var document = new PdfDocument(new PdfReader(new ByteArrayInputStream(upload)))) {
            if (document.getNumberOfPages() == 0) {
                throw ProblemException.unprocessable("the PDF has no pages");
            }
        } catch (BadPasswordException e) {
            throw ProblemException.unprocessable("the PDF is encrypted; evidence certificates never are");
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw ProblemException.unprocessable("the PDF is damaged and cannot be read");
        }
        return upload;
    }
}
