package org.alliancechain.testsupport.pdf;

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
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;

/**
 * Tools we did not write, reading the PDFs the apps sign (invoices, supply-finance documents): veraPDF
 * (PDF/A-3b), EU DSS (the PAdES signatures, the development PKI's roots trusted, its CRLs answered
 * offline), iText's text extraction and its reading of the embedded files. The same checks
 * shared-evidence runs on certificates. veraPDF and DSS are optional dependencies of test-support: a
 * module that uses this class declares them in test scope (see apps/e-invoice/pom.xml).
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

    /**
     * What DSS trusts: the roots (the signers' and the TSA's), and the CRLs it may fetch by the URLs the
     * certificates name (answered here: no network in tests). E.g. for the development PKI:
     * {@code new Trust(List.of(pki.rootCertificate(), pki.tsaRootCertificate()), Map.of(crlUrl, pki.crl(), DevPki.tsaCrlUrl(crlUrl), pki.tsaCrl()))}.
     */
    public record Trust(List<X509Certificate> roots, Map<String, X509CRL> crls) {
        public Trust {
            roots = List.copyOf(roots);
            crls = new LinkedHashMap<>(crls);
        }
    }

    /** DSS's validation of the first signature. */
    public static Dss dss(byte[] pdf, Trust trust) {
        return dssEach(pdf, trust).getFirst();
    }

    /**
     * DSS's validation of every signature of the document, in the order DSS lists them (each with the
     * document's signature count): a document signed in successive revisions by several organisations.
     */
    public static List<Dss> dssEach(byte[] pdf, Trust trust) {
        var trusted = new CommonTrustedCertificateSource();
        trust.roots().forEach(root -> trusted.addCertificate(new CertificateToken(root)));
        var verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new OnlineCRLSource(new CrlServer(trust.crls())));
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        var validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "document.pdf"));
        validator.setCertificateVerifier(verifier);
        var simple = validator.validateDocument().getSimpleReport();
        var ids = simple.getSignatureIdList();
        if (ids.isEmpty()) {
            return List.of(new Dss(0, null, null, null, null, List.of()));
        }
        return ids.stream().map(id -> new Dss(ids.size(), simple.getIndication(id),
                simple.getSubIndication(id) == null ? null : simple.getSubIndication(id).name(), simple.getSignatureFormat(id),
                simple.getSignedBy(id), simple.getAdESValidationErrors(id).stream().map(Object::toString).toList())).toList();
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

    /** The document's embedded files (the EmbeddedFiles name tree) by name, as iText reads them. */
    public static Map<String, byte[]> embeddedFiles(byte[] pdf) throws Exception {
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfReader(new ByteArrayInputStream(pdf)))) {
            var files = new LinkedHashMap<String, byte[]>();
            var tree = document.getCatalog().getNameTree(com.itextpdf.kernel.pdf.PdfName.EmbeddedFiles);
            for (var entry : tree.getNames().entrySet()) {
                if (entry.getValue() instanceof com.itextpdf.kernel.pdf.PdfDictionary spec) {
                    var ef = spec.getAsDictionary(com.itextpdf.kernel.pdf.PdfName.EF);
                    var stream = ef == null ? null : ef.getAsStream(com.itextpdf.kernel.pdf.PdfName.F);
                    if (stream != null) {
                        files.put(entry.getKey().toUnicodeString(), stream.getBytes());
                    }
                }
            }
            return files;
        }
    }

    /** Answers the trusted CRL URLs with their CRLs; nothing else is reachable. */
    private record CrlServer(Map<String, X509CRL> crls) implements DataLoader {
        @Override
        public byte[] get(String url) {
            var crl = crls.get(url);
            if (crl == null) {
                throw new IllegalArgumentException("no network in tests: " + url);
            }
            try {
                return crl.getEncoded();
            } catch (java.security.cert.CRLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public DataAndUrl get(List<String> urls) {
            for (String url : urls) {
                if (crls.containsKey(url)) {
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
