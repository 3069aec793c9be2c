package org.alliancechain.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alliancechain.evidence.HashAlgorithm;
import org.alliancechain.evidence.fixture.EvidenceFixture;
import org.alliancechain.evidence.fixture.TamperedCertificates;
import org.alliancechain.evidence.pdf.PadesSigner;
import org.alliancechain.evidence.verify.VerificationReport.Outcome;
import org.alliancechain.evidence.verify.VerificationReport.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each tampering has its own fixture (TamperedCertificates) and its own test; none passes for VALID. */
class TamperedCertificateTest {

    private static byte[] file;
    private static byte[] signed;
    /** The same record at B-LT: validation data in a later revision, where the later changes below must still show. */
    private static byte[] extended;
    private static CertificateVerifier verifier;

    @BeforeAll
    static void signOne() {
        file = EvidenceFixture.someFile();
        signed = EvidenceFixture.signedCertificate(PadesSigner.Level.B_T, file);
        extended = EvidenceFixture.signedCertificate(PadesSigner.Level.B_LT, file);
        verifier = EvidenceFixture.verifier();
        assertThat(verifier.verify(signed, file).verdict()).isEqualTo(Verdict.VALID);
        assertThat(verifier.verify(extended, file).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aFlippedByteBreaksTheSignature() {
        var report = verifier.verify(TamperedCertificates.flippedByte(signed), file);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.INVALID);
        assertFailed(report, VerifierChecks.INTEGRITY, "the signed bytes were changed");
    }

    @Test
    void anIncrementalUpdateAfterSigningIsReportedAsAModification() {
        var report = verifier.verify(TamperedCertificates.incrementalUpdate(signed), file);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.MODIFIED);
        assertFailed(report, VerifierChecks.MODIFICATIONS, "the content of page 1");
        // What was signed still holds: the signature and the record are reported as such.
        assertThat(report.check(VerifierChecks.INTEGRITY).orElseThrow().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(report.check(VerifierChecks.RECORD).orElseThrow().outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void bytesAppendedAfterSigningThatAreNoRevisionAreNamed() {
        var appended = TamperedCertificates.appendedBytes(signed);
        appended.forEach((kind, pdf) -> {
            var report = verifier.verify(pdf, file);
            assertThat(report.verdict()).as(kind + "\n" + report.toText()).isEqualTo(Verdict.MODIFIED);
            assertFailed(report, VerifierChecks.MODIFICATIONS, "not a PDF revision");
            // What was signed still holds.
            assertThat(report.check(VerifierChecks.INTEGRITY).orElseThrow().outcome()).isEqualTo(Outcome.PASSED);
        });
        assertFailed(verifier.verify(appended.get("text"), file), VerifierChecks.MODIFICATIONS,
                "26 bytes after the end of the signed revision that are not a PDF revision");
        assertFailed(verifier.verify(appended.get("startxref-nowhere"), file), VerifierChecks.MODIFICATIONS,
                "the bytes after the signed revision are not a PDF revision");
    }

    @Test
    void bytesAppendedAfterValidationDataAreNamed() {
        var appended = TamperedCertificates.appendedBytes(extended);
        appended.forEach((kind, pdf) -> {
            var report = verifier.verify(pdf, file);
            assertThat(report.verdict()).as(kind + "\n" + report.toText()).isEqualTo(Verdict.MODIFIED);
            assertFailed(report, VerifierChecks.MODIFICATIONS, "not a PDF revision");
        });
        assertFailed(verifier.verify(appended.get("text"), file), VerifierChecks.MODIFICATIONS,
                "26 bytes after the end of the last revision that are not a PDF revision");
    }

    /** Later revisions that change one thing each, on the B-T file and after the B-LT validation data. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> laterChanges() {
        java.util.function.UnaryOperator<byte[]> info = pdf -> TamperedCertificates.infoUpdate(pdf, "判决书 Award: 9,999,999");
        java.util.function.UnaryOperator<byte[]> xmp = pdf -> TamperedCertificates.xmpUpdate(pdf, "判决书 Award: 9,999,999");
        java.util.function.UnaryOperator<byte[]> openAction = TamperedCertificates::openActionUpdate;
        java.util.function.UnaryOperator<byte[]> unlisted = TamperedCertificates::unlistedObject;
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("the document information dictionary", info,
                        "changed after signing: the document information dictionary (/Title)"),
                org.junit.jupiter.params.provider.Arguments.of("the XMP metadata", xmp, "changed after signing: the XMP metadata (dc:title)"),
                org.junit.jupiter.params.provider.Arguments.of("an opening action", openAction,
                        "changed after signing: the catalogue (/OpenAction)"),
                org.junit.jupiter.params.provider.Arguments.of("an object no cross-reference section lists", unlisted,
                        "not a PDF revision: object 91 at byte"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("laterChanges")
    void aLaterChangeThatIsNotValidationDataIsNamed(String what, java.util.function.UnaryOperator<byte[]> tamper, String expected) {
        for (byte[] certificate : new byte[][] {signed, extended}) {
            var report = verifier.verify(tamper.apply(certificate), file);
            assertThat(report.verdict()).as(what + "\n" + report.toText()).isEqualTo(Verdict.MODIFIED);
            assertFailed(report, VerifierChecks.MODIFICATIONS, expected);
        }
    }

    @Test
    void aManipulatedByteRangeIsRefused() {
        var report = verifier.verify(TamperedCertificates.manipulatedByteRange(signed), file);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.INVALID);
        assertFailed(report, VerifierChecks.BYTE_RANGE, "does not leave out exactly the signature value");
    }

    @Test
    void aSwappedAttachmentIsNeitherBelievedNorMissed() {
        var forged = EvidenceFixture.record("伪造 forged", "other".getBytes(StandardCharsets.UTF_8)).canonicalBytes();
        var report = verifier.verify(TamperedCertificates.swappedAttachment(signed, forged), file);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.MODIFIED);
        assertFailed(report, VerifierChecks.MODIFICATIONS, "the embedded files");
        // The record checked is the one the issuer signed, not the swapped one.
        assertThat(report.summary().recordTitle()).isEqualTo("借款合同 Loan agreement");
    }

    @Test
    void anotherFileThanTheRecordedOneIsInvalid() {
        var report = verifier.verify(signed, "a different file".getBytes(StandardCharsets.UTF_8));
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.INVALID);
        assertFailed(report, VerifierChecks.ORIGINAL, "differs from the one in the record");
    }

    @Test
    void aRootThatIsNotOnChainIsInvalid() {
        var lying = new CertificateVerifier(EvidenceFixture.trust(), (chainId, registry, batch) -> java.util.Optional.empty());
        var report = lying.verify(signed, file);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertFailed(report, VerifierChecks.ON_CHAIN, "no root is anchored under batch");
    }

    @Test
    void anUnreachableChainMakesTheAnswerIndeterminateNotValid() {
        var offline = new CertificateVerifier(EvidenceFixture.trust(),
                org.alliancechain.chain.api.AnchorLookup.overJsonRpc(java.net.URI.create("http://127.0.0.1:1"), java.time.Duration.ofSeconds(2)));
        var report = offline.verify(signed, file);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(report.check(VerifierChecks.ON_CHAIN).orElseThrow().detail()).contains("cannot reach the node");
    }

    @Test
    void aRevokedSignerIsInvalid() {
        var pki = org.alliancechain.evidence.pki.DevPki.inMemory(EvidenceFixture.CRL_URL);
        var signer = pki.documentSigner("pixel-studio", "Pixel Studio");
        var certificate = EvidenceFixture.anchored(List.of(EvidenceFixture.record("Photo", file)), HashAlgorithm.SHA256).getFirst();
        pki.revoke(signer.certificate());
        byte[] pdf = new PadesSigner(EvidenceFixture.TSA, pki::crlFor)
                .sign(EvidenceFixture.RENDERER.render(certificate), signer, PadesSigner.Level.B_T, "Evidence certificate", "Beijing");
        var revokedFirst = new CertificateVerifier(new TrustAnchors(List.of(pki.rootCertificate()), List.of(EvidenceFixture.PKI.tsaRootCertificate()),
                pki::crlFor), org.alliancechain.chain.api.AnchorLookup.overJsonRpc(java.net.URI.create(EvidenceFixture.rpcUrl()), java.time.Duration.ofSeconds(10)));
        var report = revokedFirst.verify(pdf, file);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.INVALID);
        assertFailed(report, VerifierChecks.REVOCATION, "was revoked on");
    }

    @Test
    void notAPdfAndAnEncryptedPdfGetAReportNotAnException() throws Exception {
        var notPdf = verifier.verify("just text".getBytes(StandardCharsets.UTF_8), null);
        assertThat(notPdf.verdict()).isEqualTo(Verdict.INVALID);
        assertFailed(notPdf, VerifierChecks.DOCUMENT, "not a readable PDF");

        var out = new java.io.ByteArrayOutputStream();
        var properties = new com.itextpdf.kernel.pdf.WriterProperties().setStandardEncryption("u".getBytes(), "o".getBytes(),
                com.itextpdf.kernel.pdf.EncryptionConstants.ALLOW_PRINTING, com.itextpdf.kernel.pdf.EncryptionConstants.ENCRYPTION_AES_256);
        try (var document = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfWriter(out, properties))) {
            document.addNewPage();
        }
        var encrypted = verifier.verify(out.toByteArray(), null);
        assertFailed(encrypted, VerifierChecks.DOCUMENT, "encrypted");
    }

    private static void assertFailed(VerificationReport report, String id, String reason) {
        var check = report.check(id).orElseThrow(() -> new AssertionError("no check " + id + " in\n" + report.toText()));
        assertThat(check.outcome()).as(report.toText()).isEqualTo(Outcome.FAILED);
        assertThat(check.detail()).contains(reason);
    }
}
