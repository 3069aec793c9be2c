package org.alliancechain.einvoice.documents.pdf;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.evidence.pki.DevPki;
import org.alliancechain.evidence.verify.CertificateVerifier;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;

/**
 * Tools we did not write, reading our invoice PDFs: veraPDF (PDF/A-3b), EU DSS (the PAdES signature, the
 * development PKI's roots trusted, its CRLs answered offline), iText's text extraction and its reading of
 * the embedded files. The same checks shared-evidence runs on certificates.
 */
public final class PdfChecks {

    private PdfChecks() {
    }

    /** veraPDF's failed PDF/A-3b rules (clause-test and message), none when the file conforms. */
    public static synchronized List<String> pdfA3bFailures(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (var parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
             var validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            var result = validator.validate(parser);
            return result.getTestAssertions().stream().filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()).distinct().toList();
        }
    }

    /** What DSS concluded about the document's signatures. */
    public record Dss(int signatures, Indication indication, String subIndication, SignatureLevel level, String signedBy,
                      List<String> errors) {
    }

    /** DSS's validation with the PKI's roots (signers' and TSA's) trusted; {@code crlUrl} is the URL the PKI's certificates name. */
    public static Dss dss(byte[] pdf, DevPki pki, String crlUrl) {
        var trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(pki.rootCertificate()));
        trusted.addCertificate(new CertificateToken(pki.tsaRootCertificate()));
        var verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new OnlineCRLSource(new CrlServer(pki, crlUrl)));
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        var validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "invoice.pdf"));
        validator.setCertificateVerifier(verifier);
        var simple = validator.validateDocument().getSimpleReport();
        String id = simple.getFirstSignatureId();
        return new Dss(simple.getSignatureIdList().size(), simple.getIndication(id),
                simple.getSubIndication(id) == null ? null : simple.getSubIndication(id).name(), simple.getSignatureFormat(id),
                simple.getSignedBy(id), simple.getAdESValidationErrors(id).stream().map(Object::toString).toList());
    }

    /** The text of every page, as iText extracts it (through the fonts' ToUnicode maps). */
    public static String text(byte[] pdf) throws Exception {
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(new ByteArrayInputStream(pdf)))) {
            var pages = new ArrayList<String>();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                pages.add(com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor.getTextFromPage(document.getPage(i)));
            }
            return String.join("\n", pages);
        }
    }

    public static int pages(byte[] pdf) throws Exception {
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(new ByteArrayInputStream(pdf)))) {
            return document.getNumberOfPages();
        }
    }

    public static Map<String, byte[]> embeddedFiles(byte[] pdf) throws Exception {
        return CertificateVerifier.embeddedFiles(pdf);
    }

    /** Answers the PKI's CRL URLs with its current CRLs; nothing else is reachable. */
    private record CrlServer(DevPki pki, String crlUrl) implements DataLoader {
        @Override
        public byte[] get(String url) {
            try {
                if (url.equals(DevPki.tsaCrlUrl(crlUrl))) {
                    return pki.tsaCrl().getEncoded();
                }
                if (!crlUrl.equals(url)) {
                    throw new IllegalArgumentException("no network in tests: " + url);
                }
                return pki.crl().getEncoded();
            } catch (java.security.cert.CRLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public DataAndUrl get(List<String> urls) {
            for (String url : urls) {
                if (crlUrl.equals(url) || DevPki.tsaCrlUrl(crlUrl).equals(url)) {
                    return new DataAndUrl(url, get(url));
                }
            }
            throw new IllegalArgumentException("no network in tests: " + urls);
        }

        @Override
        public byte[] post(String url, byte[] content) {
            throw new UnsupportedOperationException("no network in tests: " + url);
        }

        @Override
        public void setContentType(String contentType) {
        }
    }
}
