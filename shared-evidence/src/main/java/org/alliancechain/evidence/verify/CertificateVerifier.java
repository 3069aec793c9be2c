package org.alliancechain.evidence.verify;

import static org.alliancechain.evidence.verify.VerifierChecks.BYTE_RANGE;
import static org.alliancechain.evidence.verify.VerifierChecks.DOCUMENT;
import static org.alliancechain.evidence.verify.VerifierChecks.INTEGRITY;
import static org.alliancechain.evidence.verify.VerifierChecks.ITEM_TIMESTAMP;
import static org.alliancechain.evidence.verify.VerifierChecks.MERKLE;
import static org.alliancechain.evidence.verify.VerifierChecks.ON_CHAIN;
import static org.alliancechain.evidence.verify.VerifierChecks.ORIGINAL;
import static org.alliancechain.evidence.verify.VerifierChecks.RECORD;
import static org.alliancechain.evidence.verify.VerifierChecks.REVOCATION;
import static org.alliancechain.evidence.verify.VerifierChecks.SIGNER_CHAIN;
import static org.alliancechain.evidence.verify.VerifierChecks.TIMESTAMP;
import static org.alliancechain.evidence.verify.VerifierChecks.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.itextpdf.kernel.exceptions.BadPasswordException;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.alliancechain.chain.api.AnchorLookup;
import org.alliancechain.chain.api.InclusionProof;
import org.alliancechain.chain.api.ProofCheck;
import org.alliancechain.evidence.CanonicalJson;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.tsa.ArchiveTimeStamps;
import org.alliancechain.evidence.pdf.CertificateRenderer;
import org.alliancechain.evidence.pdf.EvidenceRecord;
import org.alliancechain.evidence.verify.VerificationReport.Outcome;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks an evidence certificate PDF — and, when given, the original file — without trusting the
 * operator: the issuer's signature and its byte range, the signer's chain and revocation, the
 * signature time-stamp, changes after signing, the embedded record's digest, the record's own
 * time-stamp, the Merkle proof, and the root on chain. The record and proof are read from the
 * revision the issuer signed, so attachments swapped in later revisions cannot fool it.
 * Returns a report for every input; it never throws for a bad document.
 */
public final class CertificateVerifier {

    /** BouncyCastle's provider: for CRL signatures and the algorithms {@link EcdsaP256} leaves to the JCA. */
    private static final String BC = "BC";

    private final TrustAnchors trust;
    private final AnchorLookup chain;

    public CertificateVerifier(TrustAnchors trust, AnchorLookup chain) {
        org.alliancechain.evidence.pdf.FastXmlParsers.install();
        if (java.security.Security.getProvider(BC) == null) {
            java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        }
        this.trust = trust;
        this.chain = chain;
    }

    /**
     * The files embedded in a certificate (record.json, proof.json …) by name. Read them only after
     * {@link #verify} answered VALID: only then are they the ones the issuer signed.
     */
    public static Map<String, byte[]> embeddedFiles(byte[] pdf) throws IOException {
        // Always iText's reading: it is the one verify() compared the signed revision with.
        try (var document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            return SignedRevisions.embeddedFiles(document);
        }
    }

    public VerificationReport verify(byte[] pdf, byte[] originalFile) {
        var simple = SingleRevisionPdf.read(pdf);
        var signed = simple == null ? null : soleWholeFileSignature(pdf, simple);
        if (signed != null) {
            var report = new VerificationReport.Builder();
            try {
                return check(pdf, signed, originalFile, report);
            } catch (RuntimeException | AssertionError e) {
                report.failed(DOCUMENT, label(DOCUMENT), "the PDF is damaged (" + e.getMessage() + ")");
                return report.build(null);
            }
        }
        return verifyWithItext(pdf, originalFile);
    }

    /** The same checks with the file read by iText only (for files {@link SingleRevisionPdf} does not take, and for tests). */
    VerificationReport verifyWithItext(byte[] pdf, byte[] originalFile) {
        var report = new VerificationReport.Builder();
        PdfDocument document;
        // iText guards some parser states of damaged files with assert: with assertions on, an AssertionError is a damaged file too.
        try {
            document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)));
        } catch (BadPasswordException e) {
            report.failed(DOCUMENT, label(DOCUMENT), "the PDF is encrypted; certificates are never encrypted");
            return report.build(null);
        } catch (RuntimeException | AssertionError | IOException e) {
            report.failed(DOCUMENT, label(DOCUMENT), "not a readable PDF (" + e.getMessage() + ")");
            return report.build(null);
        }
        try (document) {
            return verify(pdf, document, originalFile, report);
        } catch (RuntimeException | AssertionError e) {
            report.failed(DOCUMENT, label(DOCUMENT), "the PDF is damaged (" + e.getMessage() + ")");
            return report.build(null);
        }
    }

    /** What the checks need from the file, read by {@link SingleRevisionPdf} or by iText. */
    private record SignedPdf(String description, byte[] contents, long[] range, String signingTime, boolean dss,
                             boolean documentTimestamp, java.util.function.Supplier<List<X509CRL>> dssCrls,
                             ModificationCheck modifications, Attachments attachments) {
    }

    private interface ModificationCheck {
        void check(boolean wholeDocument, VerificationReport.Builder report);
    }

    private interface Attachments {
        /** The embedded files of the revision the issuer signed. */
        Map<String, byte[]> read(boolean wholeDocument) throws IOException;
    }

    private VerificationReport verify(byte[] pdf, PdfDocument document, byte[] originalFile, VerificationReport.Builder report) {
        // The usual certificate — one signature whose ranges run to the end of the file — needs no revision bookkeeping.
        var sole = soleWholeFileSignature(pdf, document);
        var util = sole == null ? new SignatureUtil(document) : null;
        List<String> names = sole == null ? util.getSignatureNames() : List.of(sole.getKey());
        String issuerSignature = sole == null ? null : sole.getKey();
        Map<String, Boolean> documentTimestamps = new HashMap<>();
        if (sole != null) {
            documentTimestamps.put(issuerSignature, false);
        } else {
            for (String name : names) {
                boolean timestamp = PdfName.ETSI_RFC3161.equals(util.getSignatureDictionary(name).getAsName(PdfName.SubFilter));
                documentTimestamps.put(name, timestamp);
                if (!timestamp && issuerSignature == null) {
                    issuerSignature = name;
                }
            }
        }
        if (issuerSignature == null) {
            report.failed(INTEGRITY, label(INTEGRITY), "the document carries no signature");
            return report.build(null);
        }
        var dictionary = sole == null ? util.getSignatureDictionary(issuerSignature) : sole.getValue();
        var contents = dictionary.getAsString(PdfName.Contents);
        var signingTime = dictionary.getAsString(PdfName.M);
        String issuer = issuerSignature;
        var signed = new SignedPdf(sole != null ? ONE_SIGNATURE
                : "PDF with " + names.size() + " signature(s) in " + util.getTotalRevisions() + " revision(s)",
                contents == null ? null : contents.getValueBytes(), byteRange(dictionary), signingTime == null ? null : signingTime.getValue(),
                document.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS) != null, documentTimestamps.containsValue(true),
                () -> dssCrls(document),
                (whole, r) -> SignedRevisions.checkModifications(pdf, document, util, names, issuer, whole, documentTimestamps, r),
                whole -> {
                    if (whole) {
                        return SignedRevisions.embeddedFiles(document);
                    }
                    try (var revision = new PdfDocument(new PdfReader(util.extractRevision(issuer)))) {
                        return SignedRevisions.embeddedFiles(revision);
                    }
                });
        return check(pdf, signed, originalFile, report);
    }

    private static final String ONE_SIGNATURE = "PDF with one signature, over the whole file";

    private VerificationReport check(byte[] pdf, SignedPdf signed, byte[] originalFile, VerificationReport.Builder report) {
        CmsSignature cms;
        try {
            if (signed.contents() == null) {
                throw new org.bouncycastle.cms.CMSException("no /Contents");
            }
            cms = CmsSignature.read(signed.contents());
        } catch (Exception e) {
            report.failed(INTEGRITY, label(INTEGRITY), "the signature value is not a CMS signature we can read: " + e.getMessage());
            return report.build(null);
        }
        report.passed(DOCUMENT, label(DOCUMENT), signed.description());
        long[] range = signed.range();
        boolean wholeDocument = checkByteRange(pdf, signed.contents(), range, report);
        checkIntegrity(pdf, cms, range, report);
        Instant timestampAt = checkSignatureTimestamp(cms, report);
        var signer = cms.certificate;
        checkSignerChain(cms, timestampAt, report);
        checkRevocation(signed.dssCrls().get(), cms, signer, timestampAt, report);
        signed.modifications().check(wholeDocument, report);
        var signDate = signed.signingTime() == null ? null : com.itextpdf.kernel.pdf.PdfDate.decode(signed.signingTime());
        var summary = new SummaryFacts(signer, signDate == null ? null : signDate.toInstant(), timestampAt, signed.dss(), signed.documentTimestamp());

        Map<String, byte[]> attachments;
        try {
            attachments = signed.attachments().read(wholeDocument);
        } catch (IOException | RuntimeException e) {
            report.failed(RECORD, label(RECORD), "cannot read the signed revision: " + e.getMessage());
            return report.build(summary.of(null, null, null, null));
        }
        byte[] recordBytes = attachments.get(CertificateRenderer.RECORD_FILE);
        byte[] proofBytes = attachments.get(CertificateRenderer.PROOF_FILE);
        if (recordBytes == null || proofBytes == null) {
            report.failed(RECORD, label(RECORD), "the signed document embeds no " + (recordBytes == null ? "record.json" : "proof.json"));
            return report.build(summary.of(null, null, null, null));
        }
        EvidenceRecord record;
        InclusionProof proof;
        HashAlgorithm algorithm;
        Instant anchoredAt;
        try {
            record = CanonicalJson.MAPPER.readValue(recordBytes, EvidenceRecord.class);
            JsonNode proofJson = CanonicalJson.MAPPER.readTree(proofBytes);
            algorithm = HashAlgorithm.byId(proofJson.path("recordAlgorithm").asText("sha256"));
            anchoredAt = proofJson.hasNonNull("anchoredAt") ? Instant.parse(proofJson.get("anchoredAt").asText()) : null;
            proof = CanonicalJson.MAPPER.treeToValue(((com.fasterxml.jackson.databind.node.ObjectNode) proofJson.deepCopy())
                    .without(List.of("recordAlgorithm", "anchoredAt")), InclusionProof.class);
        } catch (IOException | RuntimeException e) {
            report.failed(RECORD, label(RECORD), "the embedded record or proof is not what a certificate holds: " + e.getMessage());
            return report.build(summary.of(null, null, null, null));
        }
        String digest = HexFormat.of().formatHex(algorithm.digest(CanonicalJson.canonicalize(new String(recordBytes, java.nio.charset.StandardCharsets.UTF_8))));
        if (digest.equals(proof.itemDigest())) {
            report.passed(RECORD, label(RECORD), algorithm.id() + " of the canonical record.json = " + digest + ", the digest the proof proves");
        } else {
            report.failed(RECORD, label(RECORD), "record.json hashes to " + digest + " but the proof is for " + proof.itemDigest());
        }
        checkOriginal(record, originalFile, report);
        checkItemTimestamp(attachments.get(CertificateRenderer.TIMESTAMP_FILE), attachments.get(CertificateRenderer.EVIDENCE_RECORD_FILE),
                algorithm, digest, report);
        var check = ProofCheck.of(proof, chain);
        if (check.pathMatchesRoot()) {
            report.passed(MERKLE, label(MERKLE), "leaf " + proof.leafIndex() + " of " + proof.treeSize() + " leads to root " + proof.root());
        } else {
            report.failed(MERKLE, label(MERKLE), check.pathProblem());
        }
        checkOnChain(proof, check, report);
        return report.build(summary.of(record, proof, anchoredAt, digest));
    }

    /**
     * The document's only signature field's name and signature dictionary when it is an issuer signature whose
     * well-formed ranges run to the end of the file; else null (then iText's SignatureUtil sorts out revisions).
     */
    private static Map.Entry<String, PdfDictionary> soleWholeFileSignature(byte[] pdf, PdfDocument document) {
        var form = document.getCatalog().getPdfObject().getAsDictionary(PdfName.AcroForm);
        var fields = form == null ? null : form.getAsArray(PdfName.Fields);
        if (fields == null) {
            return null;
        }
        Map.Entry<String, PdfDictionary> found = null;
        for (int i = 0; i < fields.size(); i++) {
            var field = fields.getAsDictionary(i);
            if (field == null || field.containsKey(PdfName.Kids)) {
                return null;
            }
            var value = PdfName.Sig.equals(field.getAsName(PdfName.FT)) ? field.getAsDictionary(PdfName.V) : null;
            if (value == null) {
                continue;
            }
            var name = field.getAsString(PdfName.T);
            if (found != null || name == null) {
                return null;
            }
            found = Map.entry(name.toUnicodeString(), value);
        }
        if (found == null || PdfName.ETSI_RFC3161.equals(found.getValue().getAsName(PdfName.SubFilter))) {
            return null;
        }
        long[] range = byteRange(found.getValue());
        var contents = found.getValue().getAsString(PdfName.Contents);
        return range != null && contents != null && wellFormed(pdf, range, contents.getValueBytes()) && range[2] + range[3] == pdf.length
                ? found : null;
    }

    /**
     * The same question answered from {@link SingleRevisionPdf}: the only signature field holds an issuer signature
     * over the whole file and there is no document security store; else null (then iText reads the file).
     */
    private static SignedPdf soleWholeFileSignature(byte[] pdf, SingleRevisionPdf file) {
        try {
            var catalog = file.catalog();
            if (catalog.containsKey("DSS")) {
                return null;
            }
            var form = SingleRevisionPdf.dictionary(file.resolve(catalog.get("AcroForm")));
            if (form == null || !(file.resolve(form.get("Fields")) instanceof List<?> fields)) {
                return null;
            }
            Map<String, Object> value = null;
            for (Object reference : fields) {
                var field = SingleRevisionPdf.dictionary(file.resolve(reference));
                if (field == null || field.containsKey("Kids")) {
                    return null;
                }
                if (!new SingleRevisionPdf.Name("Sig").equals(file.resolve(field.get("FT")))) {
                    continue;
                }
                var signature = SingleRevisionPdf.dictionary(file.resolve(field.get("V")));
                if (signature == null) {
                    continue;
                }
                if (value != null || !(file.resolve(field.get("T")) instanceof SingleRevisionPdf.Str)) {
                    return null;
                }
                value = signature;
            }
            if (value == null || new SingleRevisionPdf.Name("ETSI.RFC3161").equals(file.resolve(value.get("SubFilter")))
                    || !(file.resolve(value.get("Contents")) instanceof SingleRevisionPdf.Str contents)
                    || !(file.resolve(value.get("ByteRange")) instanceof List<?> numbers) || numbers.size() != 4) {
                return null;
            }
            long[] range = new long[4];
            for (int i = 0; i < 4; i++) {
                if (!(file.resolve(numbers.get(i)) instanceof Long number)) {
                    return null;
                }
                range[i] = number;
            }
            if (!wellFormed(pdf, range, contents.bytes()) || range[2] + range[3] != pdf.length) {
                return null;
            }
            String signingTime = file.resolve(value.get("M")) instanceof SingleRevisionPdf.Str m ? m.text() : null;
            return new SignedPdf(ONE_SIGNATURE, contents.bytes(), range, signingTime, false, false, List::of,
                    (whole, report) -> SignedRevisions.checkWholeFile(whole, report),
                    whole -> attachmentsOf(pdf, file));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The embedded files as our reader sees them; when it cannot (an unusual name tree, another filter), as iText does. */
    private static Map<String, byte[]> attachmentsOf(byte[] pdf, SingleRevisionPdf file) throws IOException {
        try {
            return file.embeddedFiles();
        } catch (RuntimeException e) {
            try (var document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
                return SignedRevisions.embeddedFiles(document);
            }
        }
    }

    /** Whether the ranges start at 0 and leave out exactly the /Contents value, brackets included. */
    private static boolean wellFormed(byte[] pdf, long[] range, byte[] contents) {
        long a = range[0], b = range[1], c = range[2], d = range[3];
        long hole = 2L * contents.length + 2;
        return a == 0 && b > 0 && c > b && d >= 0 && c + d <= pdf.length && c - b == hole && pdf[(int) b] == '<' && pdf[(int) c - 1] == '>';
    }

    /** The /ByteRange's four numbers, or null when it has not four. */
    private static long[] byteRange(PdfDictionary dictionary) {
        PdfArray range = dictionary.getAsArray(PdfName.ByteRange);
        if (range == null || range.size() != 4) {
            return null;
        }
        long[] out = new long[4];
        for (int i = 0; i < 4; i++) {
            var number = range.getAsNumber(i);
            if (number == null) {
                return null;
            }
            out[i] = number.longValue();
        }
        return out;
    }

    /** Checks the signed ranges; true when they are well-formed and run to the end of the file (nothing was appended). */
    private boolean checkByteRange(byte[] pdf, byte[] contents, long[] range, VerificationReport.Builder report) {
        if (range == null || contents == null) {
            report.failed(BYTE_RANGE, label(BYTE_RANGE), "the signature has no well-formed /ByteRange and /Contents");
            return false;
        }
        long b = range[1], c = range[2], d = range[3];
        boolean wellFormed = wellFormed(pdf, range, contents);
        if (wellFormed) {
            report.passed(BYTE_RANGE, label(BYTE_RANGE), "signed: bytes 0–" + b + " and " + c + "–" + (c + d) + "; the gap is exactly the signature value");
        } else {
            report.failed(BYTE_RANGE, label(BYTE_RANGE), "the /ByteRange " + Arrays.toString(range) + " does not leave out exactly the signature value: "
                    + "bytes outside it could be changed unnoticed");
        }
        return wellFormed && c + d == pdf.length;
    }

    private static void checkIntegrity(byte[] pdf, CmsSignature cms, long[] range, VerificationReport.Builder report) {
        if (range == null || range[0] < 0 || range[1] < 0 || range[2] < 0 || range[3] < 0 || range[0] + range[1] > pdf.length
                || range[2] + range[3] > pdf.length) {
            report.failed(INTEGRITY, label(INTEGRITY), "the signed ranges lie outside the file");
            return;
        }
        String problem = cms.checkIntegrity(pdf, range);
        if (problem == null) {
            report.passed(INTEGRITY, label(INTEGRITY), cms.mechanism() + " over the signed bytes holds");
        } else {
            report.failed(INTEGRITY, label(INTEGRITY), problem);
        }
    }

    private Instant checkSignatureTimestamp(CmsSignature cms, VerificationReport.Builder report) {
        try {
            var token = cms.timestamp();
            if (token == null) {
                report.failed(TIMESTAMP, label(TIMESTAMP), "no signature time-stamp (PAdES B-T requires one)");
                return null;
            }
            if (!cms.stamps(token)) {
                report.failed(TIMESTAMP, label(TIMESTAMP), "the time-stamp is over another signature value");
                return null;
            }
            X509Certificate[] chain;
            try {
                chain = CmsSignature.validateToken(token);
            } catch (Exception e) {
                report.failed(TIMESTAMP, label(TIMESTAMP), "the time-stamp token's own signature does not hold: " + e.getMessage());
                return null;
            }
            Instant at = token.getTimeStampInfo().getGenTime().toInstant();
            String chained = TrustedPaths.chainsTo(chain, trust.tsaRoots(), Date.from(at));
            if (chained != null) {
                report.add(TIMESTAMP, label(TIMESTAMP), Outcome.UNKNOWN, "time-stamped " + at + " by an authority we do not trust: " + chained);
            } else {
                report.passed(TIMESTAMP, label(TIMESTAMP), at + " by " + chain[0].getSubjectX500Principal().getName());
            }
            return at;
        } catch (Exception e) {
            report.failed(TIMESTAMP, label(TIMESTAMP), "the time-stamp cannot be checked: " + e.getMessage());
            return null;
        }
    }

    private void checkSignerChain(CmsSignature cms, Instant at, VerificationReport.Builder report) {
        String problem = TrustedPaths.chainsTo(cms.chain, trust.signerRoots(), at == null ? new Date() : Date.from(at));
        var subject = cms.certificate.getSubjectX500Principal().getName();
        if (problem == null) {
            report.passed(SIGNER_CHAIN, label(SIGNER_CHAIN), subject + " chains to a trusted root and was valid at signing time");
        } else {
            report.add(SIGNER_CHAIN, label(SIGNER_CHAIN), Outcome.UNKNOWN, subject + ": " + problem);
        }
    }

    private void checkRevocation(List<X509CRL> dssCrls, CmsSignature cms, X509Certificate signer, Instant at, VerificationReport.Builder report) {
        List<X509CRL> crls = new ArrayList<>(cms.crls());
        crls.addAll(dssCrls);
        var issuer = Arrays.stream(cms.chain)
                .filter(c -> c.getSubjectX500Principal().equals(signer.getIssuerX500Principal())).findFirst().orElse(null);
        if (issuer != null) {
            trust.currentCrl().apply(issuer).ifPresent(crls::add);
        }
        X509CRL usable = null;
        for (var crl : crls) {
            try {
                if (issuer != null && crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    String key = HexFormat.of().formatHex(crl.getSignature()) + "/" + HexFormat.of().formatHex(issuer.getPublicKey().getEncoded());
                    if (!VERIFIED_CRLS.contains(key)) {
                        crl.verify(issuer.getPublicKey());
                        if (VERIFIED_CRLS.size() > 10_000) {
                            VERIFIED_CRLS.clear();
                        }
                        VERIFIED_CRLS.add(key);
                    }
                    if (usable == null || crl.getThisUpdate().after(usable.getThisUpdate())) {
                        usable = crl;
                    }
                }
            } catch (Exception e) {
                // A CRL that is not the issuer's, or not signed by it, tells nothing.
            }
        }
        if (usable == null) {
            report.add(REVOCATION, label(REVOCATION), Outcome.UNKNOWN, "no CRL of the signer's CA was available");
            return;
        }
        var entry = usable.getRevokedCertificate(signer);
        if (entry == null) {
            report.passed(REVOCATION, label(REVOCATION), "not revoked according to the CRL of " + usable.getThisUpdate().toInstant());
        } else if (at != null && entry.getRevocationDate().toInstant().isAfter(at)) {
            report.passed(REVOCATION, label(REVOCATION), "revoked on " + entry.getRevocationDate().toInstant()
                    + ", after the signature was time-stamped (" + at + ")");
        } else {
            report.failed(REVOCATION, label(REVOCATION), "the signer's certificate was revoked on " + entry.getRevocationDate().toInstant());
        }
    }

    /** CRLs whose signature by their issuer has been checked (a CRL is signed once and read by many documents). */
    private static final java.util.Set<String> VERIFIED_CRLS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static List<X509CRL> dssCrls(PdfDocument document) {
        List<X509CRL> out = new ArrayList<>();
        PdfDictionary dss = document.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
        PdfArray crls = dss == null ? null : dss.getAsArray(PdfName.CRLs);
        if (crls != null) {
            for (int i = 0; i < crls.size(); i++) {
                try {
                    var bytes = crls.getAsStream(i).getBytes();
                    for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(bytes))) {
                        out.add((X509CRL) crl);
                    }
                } catch (Exception e) {
                    // an unreadable CRL is no revocation information
                }
            }
        }
        return out;
    }

    private static void checkOriginal(EvidenceRecord record, byte[] originalFile, VerificationReport.Builder report) {
        if (originalFile == null) {
            report.add(ORIGINAL, label(ORIGINAL), Outcome.SKIPPED, "no file given: only the certificate was checked");
        } else if (record.file() == null) {
            report.failed(ORIGINAL, label(ORIGINAL), "a file was given, but the record is not about a file");
        } else if (record.file().matches(originalFile)) {
            var file = record.file();
            report.passed(ORIGINAL, label(ORIGINAL), "the file has the " + (file.sm3() == null ? "SHA-256 digest" : "SHA-256 and SM3 digests")
                    + (file.size() == null ? "" : " and the size") + " in the record");
        } else {
            report.failed(ORIGINAL, label(ORIGINAL), "the file differs from the one in the record (SHA-256 "
                    + HashAlgorithm.SHA256.hex(originalFile) + ", record says " + record.file().sha256() + ")");
        }
    }

    /**
     * The record's time-stamp: a token over the record digest ({@code timestamp.tsr}), or — for a
     * record stamped together with others — an RFC 4998 evidence record ({@code timestamp.ers}) whose
     * hash tree leads from the digest to the root its token stamps, that token being the embedded one.
     */
    private void checkItemTimestamp(byte[] tokenBytes, byte[] evidenceRecord, HashAlgorithm algorithm, String digestHex,
                                    VerificationReport.Builder report) {
        if (tokenBytes == null && evidenceRecord == null) {
            report.add(ITEM_TIMESTAMP, label(ITEM_TIMESTAMP), Outcome.SKIPPED, "the certificate carries no time-stamp of the record");
            return;
        }
        try {
            byte[] stamp = evidenceRecord != null ? evidenceRecord : tokenBytes;
            if (evidenceRecord != null && !ArchiveTimeStamps.isEvidenceRecord(evidenceRecord)) {
                report.failed(ITEM_TIMESTAMP, label(ITEM_TIMESTAMP), CertificateRenderer.EVIDENCE_RECORD_FILE + " is not an RFC 4998 evidence record");
                return;
            }
            var token = ArchiveTimeStamps.token(stamp);
            if (evidenceRecord != null && tokenBytes != null && !java.util.Arrays.equals(token.getEncoded(), tokenBytes)) {
                report.failed(ITEM_TIMESTAMP, label(ITEM_TIMESTAMP), CertificateRenderer.TIMESTAMP_FILE + " is not the token of "
                        + CertificateRenderer.EVIDENCE_RECORD_FILE);
                return;
            }
            byte[] expected;
            try {
                expected = ArchiveTimeStamps.expectedImprint(algorithm, stamp, HexFormat.of().parseHex(digestHex));
            } catch (IllegalArgumentException e) {
                report.failed(ITEM_TIMESTAMP, label(ITEM_TIMESTAMP), e.getMessage());
                return;
            }
            var imprint = HexFormat.of().formatHex(token.getTimeStampInfo().getMessageImprintDigest());
            if (!imprint.equals(HexFormat.of().formatHex(expected))) {
                report.failed(ITEM_TIMESTAMP, label(ITEM_TIMESTAMP), evidenceRecord == null
                        ? "the token time-stamps " + imprint + ", not the record digest"
                        : "the evidence record's hash tree leads to " + HexFormat.of().formatHex(expected) + " but its token time-stamps " + imprint);
                return;
            }
            X509Certificate[] chain = CmsSignature.validateToken(token);
            Instant at = token.getTimeStampInfo().getGenTime().toInstant();
            String problem = TrustedPaths.chainsTo(chain, trust.tsaRoots(), Date.from(at));
            String how = evidenceRecord == null ? "" : " (stamped with other records under one token: its RFC 4998 path leads to root " + imprint + ")";
            if (problem == null) {
                report.passed(ITEM_TIMESTAMP, label(ITEM_TIMESTAMP), "the record digest existed at " + at + how);
            } else {
                report.add(ITEM_TIMESTAMP, label(ITEM_TIMESTAMP), Outcome.UNKNOWN, "time-stamped " + at + how + ", but " + problem);
            }
        } catch (Exception e) {
            report.failed(ITEM_TIMESTAMP, label(ITEM_TIMESTAMP), "the record's time-stamp token does not hold: " + e.getMessage());
        }
    }

    private void checkOnChain(InclusionProof proof, ProofCheck check, VerificationReport.Builder report) {
        switch (check.onChain()) {
            case CONFIRMED -> report.passed(ON_CHAIN, label(ON_CHAIN), "root " + proof.root() + " anchored in block " + check.anchoredBlock()
                    + " at " + check.anchoredAt() + " on chain " + proof.chainId());
            case UNREACHABLE -> report.add(ON_CHAIN, label(ON_CHAIN), Outcome.UNKNOWN, check.chainProblem());
            case REFUTED -> report.failed(ON_CHAIN, label(ON_CHAIN), check.chainProblem());
            case NOT_ASKED -> report.failed(ON_CHAIN, label(ON_CHAIN), "not asked: " + check.pathProblem());
        }
    }

    /** What the summary says about the signature, gathered while checking it. */
    private record SummaryFacts(X509Certificate signer, Instant signedAt, Instant timestampAt, boolean dss, boolean documentTimestamp) {
        VerificationReport.Summary of(EvidenceRecord record, InclusionProof proof, Instant anchoredAt, String digest) {
            String level = timestampAt == null ? "PAdES-BASELINE-B" : !dss ? "PAdES-BASELINE-T"
                    : documentTimestamp ? "PAdES-BASELINE-LTA" : "PAdES-BASELINE-LT";
            return new VerificationReport.Summary(signer.getSubjectX500Principal().getName(), signedAt, timestampAt, level,
                    record == null ? null : record.title(), digest, proof == null ? null : proof.transactionHash(),
                    proof == null ? null : proof.blockNumber(), anchoredAt);
        }
    }
}
